/**
 * What is wrong with one field, as a code the web app translates: the server's own message is
 * Swedish and often names the very thing, so the Swedish UI shows it; the English UI shows the
 * text for the code. Validation (zod) issues get their code from the kind of issue; a use case
 * that refuses a field names the code itself.
 */
export const fieldIssueCodes = [
  'required',
  'tooShort',
  'tooLong',
  'tooSmall',
  'tooLarge',
  'tooFew',
  'tooMany',
  'notADate',
  'notAnId',
  'notAnEmail',
  'badFormat',
  'notAChoice',
  'wrongType',
  'unknownField',
  'invalid',
  // What a use case or a domain check refuses, where no generic code says the same.
  'notAWholeNumber',
  'dateInFuture',
  'dateInPast',
  'dateOutOfRange',
  'endBeforeStart',
  'periodTooLong',
  'alreadyInUse',
  'listedTwice',
  'emptyEntries',
  'unitNotInOrganisation',
  'unitNotYours',
  'notInCaseUnit',
  'caseOfOtherPerson',
  'notAChildsCase',
  'notAReferralRecipient',
  'consentMissing',
  'groundDoesNotApply',
  'pathClosed',
  'caseShareInternalOnly',
  'caseHistoryNeeded',
  'personalNumberInText',
  'birthDateInNumber',
  'numberKindMismatch',
  'identityNumberInvalid',
  'notAPhoneNumber',
  'passwordMismatch',
  'passwordHasUsername',
  'passwordTooCommon',
  'passwordRepetitive',
  'noPlaceForAdult',
  'noDelegation',
  'noLimitSet',
  'instrumentNotForRole',
  'reassessmentOrder',
] as const;
export type FieldIssueCode = (typeof fieldIssueCodes)[number];

export type FieldIssue = {
  path: string;
  message: string;
  /**
   * The server always names it (see CodedFieldIssue); the web app still reads an issue without
   * one, and then shows the server's words.
   */
  code?: FieldIssueCode;
  /** The bound a too-short, too-long, too-small or too-large value broke. */
  limit?: number;
};

/** A field issue as the server creates it: never without its code. */
export type CodedFieldIssue = FieldIssue & { code: FieldIssueCode };

/** A domain check's problem with one field of the request body, named by the field alone. */
export type FieldProblem = Omit<CodedFieldIssue, 'path'> & { field: string };

/** A whole number outside min–max: not whole, too small or too large, with the bound it broke. */
export const rangeIssue = (
  value: number,
  min: number,
  max: number,
): Pick<CodedFieldIssue, 'code' | 'limit'> =>
  !Number.isInteger(value)
    ? { code: 'notAWholeNumber' }
    : value < min
      ? { code: 'tooSmall', limit: min }
      : { code: 'tooLarge', limit: max };

/** Zod's issue parameters: origin, minimum, maximum and format are the ones read here. */
type ValidationParams = Readonly<Record<string, unknown>>;

const sized = (
  origin: unknown,
  codes: { string: FieldIssueCode; number: FieldIssueCode; array: FieldIssueCode },
): FieldIssueCode =>
  origin === 'string'
    ? codes.string
    : origin === 'array' || origin === 'set'
      ? codes.array
      : codes.number;

const formats: Record<string, FieldIssueCode> = {
  date: 'notADate',
  datetime: 'notADate',
  uuid: 'notAnId',
  guid: 'notAnId',
  email: 'notAnEmail',
};

/** The code of a zod validation issue (its `code`, the parameters zod gives and its message). */
export const codeOfValidationIssue = (
  kind: string,
  params: ValidationParams,
  message: string,
): Pick<CodedFieldIssue, 'code' | 'limit'> => {
  const limit = (value: unknown) => (typeof value === 'number' ? { limit: value } : {});
  switch (kind) {
    case 'invalid_type':
      return { code: /received undefined/.test(message) ? 'required' : 'wrongType' };
    case 'too_small':
      if (params.origin === 'string' && params.minimum === 1) return { code: 'required' };
      return {
        code: sized(params.origin, { string: 'tooShort', number: 'tooSmall', array: 'tooFew' }),
        ...limit(params.minimum),
      };
    case 'too_big':
      return {
        code: sized(params.origin, { string: 'tooLong', number: 'tooLarge', array: 'tooMany' }),
        ...limit(params.maximum),
      };
    case 'invalid_format':
      return { code: formats[String(params.format)] ?? 'badFormat' };
    case 'invalid_value':
      return { code: 'notAChoice' };
    case 'unrecognized_keys':
      return { code: 'unknownField' };
    default:
      return { code: 'invalid' };
  }
};
