import type { BinderBuildOptions, BinderBuildResult, BinderProgress } from '@shared/domain/documents';
import { useEffect, useRef, useState } from 'react';
import { callMethod } from '../../api/use-api';

const POLL_MS = 300;

export type BuildState =
  | { kind: 'idle' }
  | { kind: 'building'; progress: BinderProgress | null }
  | { kind: 'built'; result: BinderBuildResult }
  | { kind: 'failed'; error: unknown };

function newJobId(): string {
  return `binder-${crypto.randomUUID()}`;
}

/**
 * Builds the binder under a job id of our own and polls bundles.progress with it every 300 ms
 * while the build call is open (the build yields between steps so the polls get through).
 */
export function useBinderBuild(caseId: number) {
  const [state, setState] = useState<BuildState>({ kind: 'idle' });
  const timer = useRef<ReturnType<typeof setInterval> | null>(null);
  const stopPolling = () => {
    if (timer.current) clearInterval(timer.current);
    timer.current = null;
  };
  useEffect(() => stopPolling, []);

  async function build(options: BinderBuildOptions) {
    const jobId = newJobId();
    setState({ kind: 'building', progress: null });
    let isDone = false;
    const poll = () =>
      void callMethod('bundles.progress', { jobId })
        .then((progress) => {
          if (!isDone && progress.total > 0) setState({ kind: 'building', progress });
        })
        .catch(() => undefined);
    timer.current = setInterval(poll, POLL_MS);
    try {
      const building = callMethod('bundles.buildBinder', { caseId, jobId, options });
      // One early look, so a short build still shows where it is.
      setTimeout(poll, 60);
      const result = await building;
      isDone = true;
      setState({ kind: 'built', result });
    } catch (error) {
      isDone = true;
      setState({ kind: 'failed', error });
    } finally {
      stopPolling();
    }
  }

  return { state, build, reset: () => setState({ kind: 'idle' }) };
}
