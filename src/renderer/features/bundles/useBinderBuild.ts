import type { BinderBuildOptions, BinderBuildResult, BinderProgress } from '@shared/domain/documents';
import { useEffect, useRef, useState } from 'react';
import { onEvent } from '../../api/client';
import { callMethod } from '../../api/use-api';

export type BuildState =
  { kind: 'idle' } | { kind: 'building'; progress: BinderProgress | null } | { kind: 'built'; result: BinderBuildResult } | { kind: 'failed'; error: unknown };

function newJobId(): string {
  return `binder-${crypto.randomUUID()}`;
}

/**
 * Builds the binder under a job id of our own; main pushes the build's progress as `jobs.progress`
 * events with that id while the build call is open. Nothing polls.
 */
export function useBinderBuild(caseId: number) {
  const [state, setState] = useState<BuildState>({ kind: 'idle' });
  const stopListening = useRef<(() => void) | null>(null);
  const stop = () => {
    stopListening.current?.();
    stopListening.current = null;
  };
  useEffect(() => stop, []);

  async function build(options: BinderBuildOptions) {
    const jobId = newJobId();
    setState({ kind: 'building', progress: null });
    let isDone = false;
    stop();
    stopListening.current = onEvent('jobs.progress', (progress) => {
      if (isDone || progress.jobId !== jobId || progress.total === 0) return;
      setState({ kind: 'building', progress: { done: progress.done, total: progress.total, label: progress.label, isFinished: progress.isFinished } });
    });
    try {
      const result = await callMethod('bundles.buildBinder', { caseId, jobId, options });
      isDone = true;
      setState({ kind: 'built', result });
    } catch (error) {
      isDone = true;
      setState({ kind: 'failed', error });
    } finally {
      stop();
    }
  }

  return { state, build, reset: () => setState({ kind: 'idle' }) };
}
