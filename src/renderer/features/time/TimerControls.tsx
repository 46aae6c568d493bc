import { Button, Group, Text } from '@mantine/core';
import { useEffect, useState } from 'react';
import { Link } from 'react-router';
import { notifyFailed, notifySaved } from '../../lib/notify';
import { formatMinutes } from '@shared/format';
import { formatElapsed } from './duration';
import { useRunningTimer, useStartTimer, useStopTimer } from './useTime';

/** A clock that re-renders once a second while it is shown. */
function useNow(): Date {
  const [now, setNow] = useState(() => new Date());
  useEffect(() => {
    const timer = setInterval(() => setNow(new Date()), 1_000);
    return () => clearInterval(timer);
  }, []);
  return now;
}

function useStop() {
  const stop = useStopTimer();
  async function stopTimer() {
    try {
      const entry = await stop.mutateAsync({});
      notifySaved(`Timer stopped: ${formatMinutes(entry.minutes)} recorded`);
    } catch (error) {
      notifyFailed(error, 'Could not stop the timer');
    }
  }
  return { stopTimer, isStopping: stop.isPending };
}

function Elapsed({ startedAt }: { startedAt: string }) {
  const now = useNow();
  return (
    <Text size="sm" ff="monospace" fw={600} data-testid="timer-elapsed">
      {formatElapsed(startedAt, now)}
    </Text>
  );
}

/** The header's timer: which case the time goes to, how long it has run, and Stop. */
export function HeaderTimer() {
  const { data: running } = useRunningTimer();
  const { stopTimer, isStopping } = useStop();
  if (!running?.startedAt) return null;
  return (
    <Group
      gap="xs"
      wrap="nowrap"
      px="sm"
      py={2}
      role="status"
      aria-label="Running timer"
      style={{ border: '1px solid var(--mantine-color-red-2)', borderRadius: 'var(--mantine-radius-sm)', background: 'var(--mantine-color-red-0)' }}
    >
      <span aria-hidden style={{ width: 8, height: 8, borderRadius: 4, background: 'var(--mantine-color-red-6)' }} />
      <Text size="sm" component={Link} to={`/cases/${running.caseId}?tab=time`} truncate maw={220} c="var(--mantine-color-text)" td="none">
        {running.studentName} · {running.caseTitle}
      </Text>
      <Elapsed startedAt={running.startedAt} />
      <Button size="compact-xs" color="red" variant="light" onClick={() => void stopTimer()} loading={isStopping}>
        Stop
      </Button>
    </Group>
  );
}

/** The case page's timer button: starts the timer here (stopping one on another case), or stops it. */
export function CaseTimerButton({ caseId }: { caseId: number }) {
  const { data: running } = useRunningTimer();
  const start = useStartTimer();
  const { stopTimer, isStopping } = useStop();
  const isRunningHere = running?.caseId === caseId;

  async function startTimer() {
    try {
      const result = await start.mutateAsync({ caseId });
      notifySaved(
        result.stopped
          ? `Timer started; the one on ${running?.studentName ?? 'the other case'} was stopped (${formatMinutes(result.stopped.minutes)})`
          : 'Timer started',
      );
    } catch (error) {
      notifyFailed(error, 'Could not start the timer');
    }
  }

  return isRunningHere ? (
    <Button color="red" variant="light" onClick={() => void stopTimer()} loading={isStopping}>
      Stop timer
    </Button>
  ) : (
    <Button variant="default" onClick={() => void startTimer()} loading={start.isPending}>
      Start timer
    </Button>
  );
}
