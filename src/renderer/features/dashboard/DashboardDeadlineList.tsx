import { Button, Divider } from '@mantine/core';
import { Fragment, memo, useState } from 'react';
import { Link } from 'react-router';
import type { DashboardDeadlineItem } from '@shared/domain/deadline-entities';
import { formatDate } from '../../lib/dates';
import { DeadlineActions } from '../deadlines/DeadlineActions';
import { DeadlineBadges } from '../deadlines/DeadlineBadges';
import { dueColor, stateLabel } from '../deadlines/deadline-labels';
import { SectionEmpty } from './DashboardSection';
import classes from './dashboard.module.css';
import text from '../../components/text.module.css';

/** Long lists fold: the first few are what gets done today. */
const FOLDED_LENGTH = 8;

/** Mantine's `c` colours as CSS: the palette's text shade for the scheme. */
const textColor = (color: string) => `var(--mantine-color-${color}-text)`;

function DashboardDeadlineRow({ item }: { item: DashboardDeadlineItem }) {
  return (
    <div className={classes.row} role="listitem" aria-label={`${item.title}, ${item.case.studentName}`} data-testid="dashboard-deadline">
      <div className={classes.when}>
        <p className={`${text.sm} ${text.strong}`}>{formatDate(item.dueDate)}</p>
        <p className={`${text.xs} ${text.strong}`} style={{ color: textColor(dueColor(item)) }}>
          {stateLabel(item)}
        </p>
      </div>
      <div className={classes.body}>
        <div className={classes.titleLine}>
          <p className={`${text.sm} ${text.strong}`} data-testid="dashboard-deadline-title">
            {item.title}
          </p>
          <DeadlineBadges derived={item.derived} />
        </div>
        <p className={`${text.xs} ${text.dimmed} ${text.truncate}`}>
          <Link to={`/cases/${item.caseId}?tab=deadlines`} className={`${classes.link} ${text.strong}`}>
            {item.case.studentName}
          </Link>
          {' · '}
          {item.case.caseTitle}
          {item.derived ? ` · ${item.derived.citation}` : ' · task'}
        </p>
        {item.derived && <p className={`${text.xs} ${text.dimmed} ${text.truncate}`}>Counts from the {item.derived.countsFrom}</p>}
      </div>
      <DeadlineActions item={item} />
    </div>
  );
}

interface DashboardDeadlineListProps {
  items: DashboardDeadlineItem[];
  emptyText: string;
  label: string;
}

export const DashboardDeadlineList = memo(function DashboardDeadlineList({ items, emptyText, label }: DashboardDeadlineListProps) {
  const [isExpanded, setIsExpanded] = useState(false);
  if (items.length === 0) return <SectionEmpty>{emptyText}</SectionEmpty>;
  const shown = isExpanded ? items : items.slice(0, FOLDED_LENGTH);
  return (
    <>
      <div role="list" className="row-list" aria-label={label}>
        {shown.map((item) => (
          <Fragment key={`${item.caseId}:${item.key}`}>
            <DashboardDeadlineRow item={item} />
          </Fragment>
        ))}
      </div>
      {items.length > FOLDED_LENGTH && (
        <>
          <Divider color="gray.2" />
          <Button variant="subtle" size="xs" fullWidth radius={0} onClick={() => setIsExpanded((expanded) => !expanded)}>
            {isExpanded ? 'Show fewer' : `Show all ${items.length}`}
          </Button>
        </>
      )}
    </>
  );
});
