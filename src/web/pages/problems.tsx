import { useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { FieldIssue } from '../../domain/field-issues';
import { ApiError, type Problem } from '../api';

/** Runs an action and keeps the server's problem (message and field errors) to show. */
export const useProblem = () => {
  const [problem, setProblem] = useState<Problem | null>(null);
  const run = useCallback(async (work: () => Promise<void>) => {
    setProblem(null);
    try {
      await work();
    } catch (error) {
      setProblem(
        error instanceof ApiError
          ? error.problem
          : { status: 0, code: 'network', title: String(error) },
      );
    }
  }, []);
  return { problem, run };
};

/**
 * What went wrong, in the user's language. The server explains in Swedish, often naming the
 * very thing (a date, a unit), so the Swedish UI shows its words; in English the reason code
 * (every business rule and access refusal has one) or else the error code picks the text.
 */
export const problemText = (
  problem: Problem,
  language: string,
  translate: { exists: (key: string) => boolean; t: (key: string) => string },
): string => {
  if (language !== 'en') return problem.title;
  const key = [problem.reason && `refusals.${problem.reason}`, `problems.codes.${problem.code}`]
    .filter((candidate): candidate is string => Boolean(candidate))
    .find((candidate) => translate.exists(candidate));
  return key ? translate.t(key) : problem.title;
};

/**
 * One field's problem in the user's language: the server's Swedish words in Swedish; in English
 * the field's name and the text for the issue's code (the server's words if it gave no code).
 */
export const fieldIssueText = (
  issue: FieldIssue,
  language: string,
  translate: {
    exists: (key: string) => boolean;
    t: (key: string, values?: Record<string, unknown>) => string;
  },
): string => {
  if (language !== 'en' || !issue.code) return issue.message;
  const name = issue.path.split('.').at(-1) ?? issue.path;
  const label = translate.exists(`fieldNames.${name}`)
    ? translate.t(`fieldNames.${name}`)
    : name.replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase();
  return `${label}: ${translate.t(`fieldIssues.${issue.code}`, { limit: issue.limit })}`;
};

/** The server's explanation, read out at once (role=alert), with each field's message. */
export const FieldErrors = ({ problem }: { problem: Problem | null }) => {
  const { t, i18n } = useTranslation();
  if (!problem) return null;
  return (
    <div className="error" role="alert">
      <p>
        {problem.fields?.length
          ? t('problems.fields')
          : problemText(problem, i18n.language, {
              exists: (key) => i18n.exists(key),
              t: (key) => t(key),
            })}
      </p>
      {problem.fields && (
        <ul>
          {problem.fields.map((field) => (
            <li key={field.path}>
              {fieldIssueText(field, i18n.language, {
                exists: (key) => i18n.exists(key),
                t: (key, values) => t(key, values),
              })}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
};
