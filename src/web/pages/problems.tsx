import { useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
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
            <li key={field.path}>{field.message}</li>
          ))}
        </ul>
      )}
    </div>
  );
};
