import { Button, Group, Text } from '@mantine/core';
import { useEffect, useState } from 'react';
import { Link } from 'react-router';
import { notifyFailed, notifySaved } from '../../lib/notify';
import { formatElapsed } from './duration';
import { StopTimerModal } from './StopTimerModal';
import { useRunningTimer, useStartTimer } from './useTime';

/** A clock that re-renders once a second while it is shown. */
function useNow(): Date {
  const [now, setNow] = useState(() => new Date());
  useEffect(() => {
    const timer = setInterval(() => setNow(new Date()), 1_000);
    return () => clearInterval(timer);
  }, []);
  return now;
}

function Elapsed({ startedAt }: { startedAt: string }) {
  const now = useNow();
  return (
    <Text size="sm" ff="monospace" fw={600} data-testid="timer-elapsed">
      {formatElapsed(startedAt, now)}
    </Text>
  );
}

/** The header's timer: which case the time goes to, how long it has run, and Stop (which asks what the time was for). */
export function HeaderTimer() {
  const { data: running } = useRunningTimer();
  const [isStopping, setIsStopping] = useState(false);
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
      <Button size="compact-xs" color="red" variant="light" onClick={() => setIsStopping(true)}>
        Stop
      </Button>
      {isStopping && <StopTimerModal running={running} onClose={() => setIsStopping(false)} />}
    </Group>
  );
}

/**
 * The case page's timer button: starts the timer here, or stops it. A timer running on another
 * case is stopped first, through the same question (what was that time for?).
 */
export function CaseTimerButton({ caseId }: { caseId: number }) {
  const { data: running } = useRunningTimer();
  const start = useStartTimer();
  const [stopThen, setStopThen] = useState<{ andStart: boolean } | null>(null);
  const isRunningHere = running?.caseId === caseId;

  async function startTimer() {
    try {
      await start.mutateAsync({ caseId });
      notifySaved('Timer started');
    } catch (error) {
      notifyFailed(error, 'Could not start the timer');
    }
  }

  return (
    <>
      {isRunningHere ? (
        <Button color="red" variant="light" onClick={() => setStopThen({ andStart: false })}>
          Stop timer
        </Button>
      ) : (
        <Button
          variant="default"
          onClick={() => (running?.startedAt ? setStopThen({ andStart: true }) : void startTimer())}
          loading={start.isPending}
          title={running?.startedAt ? `Stops the timer on ${running.studentName} first` : undefined}
        >
          Start timer
        </Button>
      )}
      {stopThen && running?.startedAt && (
        <StopTimerModal running={running} onClose={() => setStopThen(null)} onStopped={stopThen.andStart ? () => void startTimer() : undefined} />
      )}
    </>
  );
}
