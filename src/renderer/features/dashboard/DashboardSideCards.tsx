import { pluralWord } from '@shared/format';
import { memo } from 'react';
import { Badge, NavLink, Stack, Text } from '@mantine/core';
import { Link } from 'react-router';
import type { Dashboard } from '@shared/domain/deadline-entities';
import type { AgreementBehindListItem } from '@shared/domain/agreements';
import { StageBadge } from '../../components/StageBadge';
import { formatDate } from '../../lib/dates';
import { meetingTime, meetingTypeLabel } from '../deadlines/meeting-labels';
import { capitalize } from '../iee/IeeSilence';
import { DashboardSection, FoldedRows, SectionEmpty } from './DashboardSection';
import classes from './dashboard.module.css';
import text from '../../components/text.module.css';

/** Unanswered IEE requests, longest silence first; past the threshold the silence is the headline. */
export const IeeWaitingCard = memo(function IeeWaitingCard({ items }: { items: Dashboard['ieeWaiting'] }) {
  const flagged = items.filter((item) => item.isFlagged).length;
  return (
    <DashboardSection
      title="IEE requests waiting"
      count={items.length}
      countColor={flagged > 0 ? 'red' : 'gray'}
      aside={flagged > 0 ? `${flagged} past threshold` : undefined}
      testId="iee-waiting"
    >
      {items.length === 0 ? (
        <SectionEmpty>No IEE request is waiting on a district.</SectionEmpty>
      ) : (
        <FoldedRows
          items={items}
          label="IEE requests waiting"
          render={(item) => (
            <div className={classes.card} role="listitem">
              <div className={classes.head}>
                <Link to={`/cases/${item.case.caseId}?tab=iee`} className={`${classes.link} ${text.sm} ${text.strong} ${text.truncate}`}>
                  {item.case.studentName}
                </Link>
                {item.flagLabel ? (
                  <Badge color="red" variant="filled" size="sm" tt="none" style={{ flexShrink: 0 }}>
                    {capitalize(item.flagLabel)}
                  </Badge>
                ) : (
                  <Badge color="yellow" variant="light" size="sm" tt="none" style={{ flexShrink: 0 }}>
                    Waiting {item.daysSilent} {item.daysSilent === 1 ? 'day' : 'days'}
                  </Badge>
                )}
              </div>
              <p className={`${text.xs} ${text.dimmed} ${text.truncate}`}>
                {item.disputedEvaluation} · requested {formatDate(item.requestedOn)}
              </p>
            </div>
          )}
        />
      )}
    </DashboardSection>
  );
});

interface AgreementsBehindCardProps {
  items: AgreementBehindListItem[] | undefined;
  isUnavailable: boolean;
}

/** Agreements behind schedule or past a review date; a count appears only when tracking answered. */
export const AgreementsBehindCard = memo(function AgreementsBehindCard({ items, isUnavailable }: AgreementsBehindCardProps) {
  return (
    <DashboardSection title="Agreements behind" count={items ? items.length : null} countColor="orange" testId="agreements-behind">
      {isUnavailable || !items ? (
        <SectionEmpty>{isUnavailable ? 'Agreement tracking is not available yet.' : 'Loading…'}</SectionEmpty>
      ) : items.length === 0 ? (
        <SectionEmpty>Every tracked agreement is on schedule.</SectionEmpty>
      ) : (
        <FoldedRows
          items={items}
          label="Agreements behind"
          render={(item) => (
            <div className={classes.card} role="listitem">
              <div className={classes.head}>
                <Link to={`/cases/${item.caseId}`} className={`${classes.link} ${text.sm} ${text.strong} ${text.truncate}`}>
                  {item.studentName}
                </Link>
                <Badge color={item.status === 'behind' ? 'orange' : 'yellow'} variant="light" size="sm" tt="none" style={{ flexShrink: 0 }}>
                  {item.status === 'behind' ? `${item.behindTermCount} ${item.behindTermCount === 1 ? 'term' : 'terms'} behind` : 'Review missed'}
                </Badge>
              </div>
              <p className={`${text.xs} ${text.dimmed} ${text.truncate}`} title={item.explanation}>
                {item.agreementTitle} · {item.explanation}
              </p>
            </div>
          )}
        />
      )}
    </DashboardSection>
  );
});

/** Open cases per stage of the escalation ladder; each count opens the caseload filtered to it. */
export const CasesByStageCard = memo(function CasesByStageCard({ stages }: { stages: Dashboard['casesByStage'] }) {
  const total = stages.reduce((sum, stage) => sum + stage.count, 0);
  return (
    <DashboardSection title="Cases by stage" count={total} testId="cases-by-stage">
      <Stack gap={0} py={4} component="nav" aria-label="Cases by stage">
        {stages.map((stage) => (
          <NavLink
            key={stage.stage}
            component={Link}
            to={`/cases?stage=${stage.stage}`}
            px="md"
            py={5}
            label={<StageBadge stage={stage.stage} />}
            rightSection={
              <Text size="sm" fw={600} c={stage.count === 0 ? 'dimmed' : undefined} style={{ fontVariantNumeric: 'tabular-nums' }}>
                {stage.count}
                <span className="visually-hidden"> {pluralWord(stage.count, 'case')}</span>
              </Text>
            }
          />
        ))}
      </Stack>
    </DashboardSection>
  );
});

export const UpcomingMeetingsCard = memo(function UpcomingMeetingsCard({ meetings }: { meetings: Dashboard['upcomingMeetings'] }) {
  return (
    <DashboardSection title="Upcoming meetings" count={meetings.length} aside="next 30 days" testId="upcoming-meetings">
      {meetings.length === 0 ? (
        <SectionEmpty>No meetings in the next 30 days.</SectionEmpty>
      ) : (
        <FoldedRows
          items={meetings}
          label="Upcoming meetings"
          render={(meeting) => (
            <div className={classes.meeting} role="listitem">
              <div className={classes.meetingWhen}>
                <p className={`${text.sm} ${text.strong}`}>{formatDate(meeting.date).replace(/, \d{4}$/, '')}</p>
                <p className={`${text.xs} ${text.dimmed}`}>{meetingTime(meeting.heldAt) ?? ''}</p>
              </div>
              <div className={classes.meetingWhat}>
                <Link to={`/cases/${meeting.case.caseId}`} className={`${classes.link} ${text.sm} ${text.strong} ${text.truncate}`}>
                  {meeting.case.studentName}
                </Link>
                <p className={`${text.xs} ${text.dimmed} ${text.truncate}`}>
                  {meetingTypeLabel(meeting.type)}
                  {meeting.place ? ` · ${meeting.place}` : ''}
                </p>
              </div>
            </div>
          )}
        />
      )}
    </DashboardSection>
  );
});
