import { CartesianGrid, ComposedChart, Legend, Line, ReferenceLine, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { Text } from '@mantine/core';
import type { GoalRecord } from '@shared/domain/ieps';
import { formatDate, formatNumber } from '@shared/format';

const DAY_MS = 86_400_000;
const dayOf = (iso: string) => Date.parse(`${iso}T00:00:00Z`) / DAY_MS;
const isoOf = (day: number) => new Date(day * DAY_MS).toISOString().slice(0, 10);

/**
 * One goal's measurements on a true time axis (unevenly spaced report dates stay unevenly spaced),
 * with the baseline and target as reference lines and the least-squares trend drawn from the first
 * measurement to the IEP end date. recharts is loaded with this module only (lazy, as the
 * agreement's compliance chart).
 */
/** `isExplainedAbove`: the page already shows the explanation (the flagged goal's alert), so the caption does not repeat it. */
export function GoalChart({ goal, endOn, isExplainedAbove = false }: { goal: GoalRecord; endOn: string | null; isExplainedAbove?: boolean }) {
  if (goal.progress.length === 0) {
    return (
      <Text size="sm" c="dimmed">
        No progress entries yet: add the values from report cards, progress reports or your own data to see the chart.
      </Text>
    );
  }
  const { assessment } = goal;
  const points = goal.progress.map((entry) => ({ day: dayOf(entry.measuredOn), value: entry.value }));
  const trend =
    assessment.trendStart && assessment.slopePerWeek !== null
      ? [
          { day: dayOf(assessment.trendStart.date), trend: assessment.trendStart.value },
          ...(endOn && assessment.projectedAtEnd !== null ? [{ day: dayOf(endOn), trend: assessment.projectedAtEnd }] : []),
        ]
      : [];
  const data = [...points, ...trend].sort((a, b) => a.day - b.day);
  const days = data.map((point) => point.day);
  const values = [
    goal.baseline,
    goal.target,
    ...goal.progress.map((entry) => entry.value),
    ...(assessment.projectedAtEnd !== null ? [assessment.projectedAtEnd] : []),
  ];
  const low = Math.min(...values);
  const high = Math.max(...values);
  const pad = (high - low) * 0.1 || 1;
  const summary = `${goal.progress.length} measurements of ${goal.measure}; baseline ${formatNumber(goal.baseline)}, target ${formatNumber(goal.target)}. ${assessment.explanation}`;
  return (
    <figure style={{ margin: 0 }} aria-label={`Progress chart for the ${goal.area} goal. ${summary}`}>
      <div style={{ width: '100%', height: 240 }}>
        <ResponsiveContainer>
          <ComposedChart data={data} margin={{ top: 8, right: 24, bottom: 0, left: 0 }}>
            <CartesianGrid strokeDasharray="3 3" stroke="var(--mantine-color-gray-3)" />
            <XAxis
              dataKey="day"
              type="number"
              domain={[Math.min(...days), Math.max(...days)]}
              tickFormatter={(day: number) => formatDate(isoOf(day), 'dayMonth')}
              fontSize={12}
            />
            <YAxis domain={[Math.floor(low - pad), Math.ceil(high + pad)]} fontSize={12} width={56} />
            <Tooltip labelFormatter={(day) => formatDate(isoOf(Number(day)))} formatter={(value) => formatNumber(Number(value))} />
            <Legend verticalAlign="bottom" height={28} />
            <ReferenceLine
              y={goal.baseline}
              stroke="var(--mantine-color-gray-6)"
              strokeDasharray="4 4"
              label={{ value: 'Baseline', position: 'insideTopLeft', fontSize: 11 }}
            />
            <ReferenceLine
              y={goal.target}
              stroke="var(--mantine-color-teal-7)"
              strokeDasharray="4 4"
              label={{ value: 'Target', position: 'insideTopLeft', fontSize: 11 }}
            />
            <Line dataKey="value" name="Measured" stroke="var(--mantine-color-blue-7)" strokeWidth={2} connectNulls isAnimationActive={false} />
            <Line
              dataKey="trend"
              name="Trend (least squares)"
              stroke={assessment.isProgressingButFlat ? 'var(--mantine-color-red-7)' : 'var(--mantine-color-orange-7)'}
              strokeDasharray="6 3"
              dot={false}
              connectNulls
              isAnimationActive={false}
            />
          </ComposedChart>
        </ResponsiveContainer>
      </div>
      <Text size="xs" c="dimmed" component="figcaption" mt={4}>
        {isExplainedAbove ? 'Measured values, baseline, target and trend line; what they show is explained above.' : assessment.explanation}
      </Text>
    </figure>
  );
}
