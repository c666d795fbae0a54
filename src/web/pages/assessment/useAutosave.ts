import { useCallback, useEffect, useRef, useState } from 'react';
import { api, ApiError, type Problem } from '../../api';
import type { Assessment, AssessmentContent } from '../../assessments-api';

export type SaveState = 'idle' | 'saving' | 'saved' | 'failed';

/**
 * Saves a draft shortly after each change, one save at a time and always the latest content,
 * so typing never waits for the server and nothing typed is lost between saves.
 */
export const useAutosave = (
  assessment: Assessment | null,
  onSaved: (saved: Assessment) => void,
) => {
  const [state, setState] = useState<SaveState>('idle');
  const [problem, setProblem] = useState<Problem | null>(null);
  const pending = useRef<AssessmentContent | null>(null);
  const version = useRef<number>(assessment?.version ?? 0);
  const running = useRef(false);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);

  useEffect(() => {
    if (assessment && !running.current) version.current = assessment.version;
  }, [assessment]);

  const flush = useCallback(async () => {
    if (!assessment || running.current || !pending.current) return;
    running.current = true;
    setState('saving');
    try {
      while (pending.current) {
        const content = pending.current;
        pending.current = null;
        const saved = await api<Assessment>('PUT', `/api/assessments/${assessment.id}/draft`, {
          content,
          version: version.current,
        });
        version.current = saved.version;
        if (!pending.current) onSaved(saved);
      }
      setProblem(null);
      setState('saved');
    } catch (error) {
      setProblem(error instanceof ApiError ? error.problem : null);
      setState('failed');
    } finally {
      running.current = false;
    }
  }, [assessment, onSaved]);

  const schedule = useCallback(
    (content: AssessmentContent) => {
      pending.current = content;
      if (timer.current) clearTimeout(timer.current);
      timer.current = setTimeout(() => void flush(), 500);
    },
    [flush],
  );

  /** Saves whatever waits, now (before signing). */
  const saveNow = useCallback(async () => {
    if (timer.current) clearTimeout(timer.current);
    await flush();
    return version.current;
  }, [flush]);

  useEffect(
    () => () => {
      if (timer.current) clearTimeout(timer.current);
    },
    [],
  );

  return { state, problem, schedule, saveNow };
};
