import type { FieldProblem } from '../field-issues';
import type { MappingItem } from './template';

/**
 * An answer in a mapping round. "Unknown" (nobody knows) and "no data" (the municipality
 * cannot count it) are answers of their own, never a zero: digest 001 found municipalities
 * that could not say how many children they had met, and a 0 would have hidden that.
 */
export const answerStatuses = ['answered', 'unknown', 'noData'] as const;
export type AnswerStatus = (typeof answerStatuses)[number];

export const yesNoPartial = ['yes', 'partly', 'no'] as const;
export const numberSources = ['caseSystem', 'ownCount', 'estimate', 'fristad'] as const;
export type NumberSource = (typeof numberSources)[number];

export type AnswerInput = {
  status: AnswerStatus;
  value: number | string | string[] | null;
  source: NumberSource | null;
};

type Problem = FieldProblem;

/** Checks an answer against its item; problems name the field, in plain Swedish. */
export const checkAnswer = (item: MappingItem, input: AnswerInput): Problem[] => {
  if (input.status !== 'answered')
    return input.value === null
      ? []
      : [
          {
            field: 'value',
            message: 'Ett svar som är okänt eller saknar underlag har inget värde.',
            code: 'unknownField',
          },
        ];
  const { value } = input;
  switch (item.answer.kind) {
    case 'number':
      if (typeof value !== 'number' || !Number.isInteger(value) || value < 0)
        return [
          {
            field: 'value',
            message: 'Ange ett heltal, 0 eller mer. Välj "Vet inte" om ingen vet.',
            ...(typeof value === 'number' && Number.isInteger(value)
              ? { code: 'tooSmall', limit: 0 }
              : { code: 'notAWholeNumber' }),
          },
        ];
      return item.askSource && !input.source
        ? [{ field: 'source', message: 'Ange var siffran kommer ifrån.', code: 'required' }]
        : [];
    case 'yesNoPartial':
      return typeof value === 'string' && (yesNoPartial as readonly string[]).includes(value)
        ? []
        : [{ field: 'value', message: 'Svara ja, delvis eller nej.', code: 'notAChoice' }];
    case 'multi': {
      const codes = new Set(item.answer.options.map((entry) => entry.code));
      return Array.isArray(value) && value.every((code) => codes.has(code))
        ? []
        : [{ field: 'value', message: 'Välj bland alternativen.', code: 'notAChoice' }];
    }
    case 'text':
      return typeof value === 'string' && value.trim().length > 0 && value.length <= 4000
        ? []
        : [
            {
              field: 'value',
              message: 'Skriv svaret (högst 4 000 tecken).',
              ...(typeof value === 'string' && value.trim().length > 0
                ? { code: 'tooLong', limit: 4000 }
                : { code: 'required' }),
            },
          ];
  }
};
