import { Badge, Group, Tooltip } from '@mantine/core';
import type { DerivedDeadlineBrief } from '@shared/domain/deadline-entities';

/**
 * The caveats of a derived date, as short badges with the reason on hover: an estimate (no
 * district calendar for school days), a weekend or closure due date, an unverified state preset,
 * or a number that is the advocate's own threshold rather than law.
 */
export function DeadlineBadges({ derived }: { derived: DerivedDeadlineBrief | null }) {
  if (!derived) return null;
  return (
    <Group gap={4} wrap="wrap">
      {derived.isEstimate && (
        <Tooltip label="Counted without a school calendar for this district: add one under School calendars for an exact date" multiline w={280} withArrow>
          <Badge size="xs" color="yellow" variant="light" tt="none">
            Estimate
          </Badge>
        </Tooltip>
      )}
      {derived.isWeekend && (
        <Tooltip label="The due date falls on a weekend; the rule does not move it" withArrow>
          <Badge size="xs" color="orange" variant="light" tt="none">
            Weekend
          </Badge>
        </Tooltip>
      )}
      {derived.closureLabel && (
        <Tooltip label={`The due date is a closure: ${derived.closureLabel}`} withArrow>
          <Badge size="xs" color="orange" variant="light" tt="none">
            {derived.closureLabel}
          </Badge>
        </Tooltip>
      )}
      {!derived.isVerified && (
        <Tooltip label="From a state preset nobody has verified yet: check current state law under Deadline rules" multiline w={280} withArrow>
          <Badge size="xs" color="red" variant="outline" tt="none">
            Verify
          </Badge>
        </Tooltip>
      )}
      {derived.isUserThreshold && (
        <Tooltip label="Your own threshold, not a legal deadline" withArrow>
          <Badge size="xs" color="gray" variant="outline" tt="none">
            Your threshold
          </Badge>
        </Tooltip>
      )}
    </Group>
  );
}
