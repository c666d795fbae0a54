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

/** The server's explanation, read out at once (role=alert), with each field's message. */
export const FieldErrors = ({ problem }: { problem: Problem | null }) => {
  const { t } = useTranslation();
  if (!problem) return null;
  return (
    <div className="error" role="alert">
      <p>{problem.fields?.length ? t('problems.fields') : problem.title}</p>
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
