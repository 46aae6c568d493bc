import { memo } from 'react';
import { Link } from 'react-router';
import type { DashboardDeadlineItem } from '@shared/domain/deadline-entities';
import { formatDate } from '../../lib/dates';
import { DeadlineActions } from '../deadlines/DeadlineActions';
import { DeadlineBadges } from '../deadlines/DeadlineBadges';
import { dueColor, stateLabel } from '../deadlines/deadline-labels';
import { FoldedRows, SectionEmpty } from './DashboardSection';
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
  if (items.length === 0) return <SectionEmpty>{emptyText}</SectionEmpty>;
  return (
    <FoldedRows
      items={items}
      label={label}
      foldAt={FOLDED_LENGTH}
      getKey={(item) => `${item.caseId}:${item.key}`}
      render={(item) => <DashboardDeadlineRow item={item} />}
    />
  );
});
