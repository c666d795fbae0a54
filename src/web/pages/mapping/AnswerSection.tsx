import { type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api';
import { inLanguage, type Answer, type Item, type Round } from '../../mapping-api';
import { FieldErrors, useProblem } from '../problems';

const valueOf = (item: Item, form: FormData): unknown => {
  const raw = form.get(`value-${item.id}`);
  switch (item.answer.kind) {
    case 'number':
      return raw === '' || raw === null ? null : Number(raw);
    case 'multi':
      return form.getAll(`value-${item.id}`);
    default:
      return raw ?? null;
  }
};

/**
 * One section of the template for one municipality. Every item says whether it is answered,
 * unknown or lacks data — a number left empty is never read as zero. Where the municipality runs
 * Fristad, its published figure stands beside the item.
 */
export const AnswerSection = ({
  roundId,
  section,
  municipality,
  answers,
  onSaved,
}: {
  roundId: string;
  section: Round['template']['sections'][number];
  municipality: Round['municipalities'][number];
  answers: Answer[];
  onSaved: () => Promise<void>;
}) => {
  const { t, i18n } = useTranslation();
  const { problem, run } = useProblem();
  const title = inLanguage(section.title, i18n.language);
  const answerOf = (item: Item) => answers.find((answer) => answer.itemId === item.id);

  const save = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    void run(async () => {
      for (const item of section.items) {
        const status = form.get(`status-${item.id}`);
        if (!status) continue;
        await api('PUT', `/api/mapping/rounds/${roundId}/answers`, {
          municipalityId: municipality.id,
          itemId: item.id,
          status,
          value: status === 'answered' ? valueOf(item, form) : null,
          source: status === 'answered' ? form.get(`source-${item.id}`) || null : null,
        });
      }
      await onSaved();
    });
  };

  const hint = (item: Item) => {
    if (!item.prefill || !municipality.published) return null;
    const figure = municipality.published.find((entry) => entry.id === item.prefill);
    if (!figure) return null;
    return figure.suppressed
      ? t('mapping.fristadWithheld')
      : t('mapping.fristadFigure', { count: figure.count ?? 0 });
  };

  return (
    <details open={problem !== null}>
      <summary>
        {t('mapping.sectionSummary', {
          section: title,
          answered: section.items.filter((item) => answerOf(item)).length,
          total: section.items.length,
        })}
      </summary>
      <form onSubmit={save} aria-label={`${title} – ${municipality.name}`}>
        <FieldErrors problem={problem} />
        {section.items.map((item) => {
          const current = answerOf(item);
          const key = `${municipality.id}-${item.id}`;
          const fromFristad = hint(item);
          return (
            <fieldset key={key}>
              <legend>{inLanguage(item.text, i18n.language)}</legend>
              {fromFristad && <p className="muted">{fromFristad}</p>}
              {(['answered', 'unknown', 'noData'] as const).map((status) => (
                <label key={status} className="choice">
                  <input
                    type="radio"
                    name={`status-${item.id}`}
                    value={status}
                    defaultChecked={current?.status === status}
                  />{' '}
                  {t(`mapping.status.${status}`)}
                </label>
              ))}
              {item.answer.kind === 'number' && (
                <>
                  <label htmlFor={`value-${key}`}>{t('mapping.number')}</label>
                  <input
                    id={`value-${key}`}
                    name={`value-${item.id}`}
                    type="number"
                    min={0}
                    defaultValue={current?.status === 'answered' ? String(current.value) : ''}
                  />
                  {item.askSource && (
                    <>
                      <label htmlFor={`source-${key}`}>{t('mapping.source')}</label>
                      <select
                        id={`source-${key}`}
                        name={`source-${item.id}`}
                        defaultValue={current?.source ?? ''}
                      >
                        <option value="">{t('mapping.chooseSource')}</option>
                        {(['caseSystem', 'ownCount', 'estimate', 'fristad'] as const).map(
                          (source) => (
                            <option key={source} value={source}>
                              {t(`mapping.sources.${source}`)}
                            </option>
                          ),
                        )}
                      </select>
                    </>
                  )}
                </>
              )}
              {item.answer.kind === 'yesNoPartial' && (
                <>
                  <label htmlFor={`value-${key}`}>{t('mapping.answer')}</label>
                  <select
                    id={`value-${key}`}
                    name={`value-${item.id}`}
                    defaultValue={current?.status === 'answered' ? String(current.value) : 'yes'}
                  >
                    {(['yes', 'partly', 'no'] as const).map((value) => (
                      <option key={value} value={value}>
                        {t(`mapping.yesNoPartial.${value}`)}
                      </option>
                    ))}
                  </select>
                </>
              )}
              {item.answer.kind === 'multi' &&
                item.answer.options.map((option) => (
                  <label key={option.code} className="choice">
                    <input
                      type="checkbox"
                      name={`value-${item.id}`}
                      value={option.code}
                      defaultChecked={
                        current?.status === 'answered' &&
                        (current.value as string[]).includes(option.code)
                      }
                    />{' '}
                    {inLanguage(option, i18n.language)}
                  </label>
                ))}
              {item.answer.kind === 'text' && (
                <>
                  <label htmlFor={`value-${key}`}>{t('mapping.answer')}</label>
                  <textarea
                    id={`value-${key}`}
                    name={`value-${item.id}`}
                    rows={2}
                    defaultValue={current?.status === 'answered' ? String(current.value) : ''}
                  />
                </>
              )}
            </fieldset>
          );
        })}
        <button type="submit">{t('mapping.saveSection', { section: title })}</button>
      </form>
    </details>
  );
};
