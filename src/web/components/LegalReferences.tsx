import { useTranslation } from 'react-i18next';
import {
  inForceText,
  resolveLegalReference,
  toVerifyText,
  type LegalReferenceId,
} from '../../domain/law/legal-references';

/**
 * The provisions a ground, stage or guidance text rests on, from the law catalogue and as they
 * applied on the day that matters (the day of the event, or today for a choice made now): the
 * citation, the dates it is in force, and "att verifiera" where the number could not be checked.
 */
export const LegalReferences = ({
  ids,
  day,
  withMeaning = false,
}: {
  ids: readonly LegalReferenceId[];
  day: string;
  withMeaning?: boolean;
}) => {
  const { t, i18n } = useTranslation();
  const language = i18n.language === 'en' ? 'en' : 'sv';
  if (ids.length === 0) return null;
  return (
    <span className="legal-references">
      {t('law.restsOn')}{' '}
      {ids.map((id, index) => {
        const reference = resolveLegalReference(id, day);
        return (
          <span key={id} className="legal-reference" data-legal-reference={id}>
            {index > 0 && '; '}
            <cite lang="sv">{reference.citation}</cite> ({inForceText(reference, language)}
            {reference.status === 'toVerify' && (
              <>
                , <strong className="to-verify">{toVerifyText[language]}</strong>
              </>
            )}
            ){withMeaning && <>: {reference.meaning[language]}</>}
          </span>
        );
      })}
    </span>
  );
};
