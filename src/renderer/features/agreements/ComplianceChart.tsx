import { Group, Text } from '@mantine/core';
import dayjs from 'dayjs';
import { formatAmount, type ComplianceUnit } from './agreement-format';
import { labelledIndexes, linearScale, niceTicks } from './chart-scale';

export interface CompliancePoint {
  weekStart: string;
  owedCumulative: number;
  deliveredCumulative: number;
}

const WIDTH = 720;
const HEIGHT = 260;
const MARGIN = { top: 12, right: 16, bottom: 30, left: 64 };
const OWED_COLOR = 'var(--mantine-color-gray-6)';
const DELIVERED_COLOR = 'var(--mantine-color-blue-6)';

function LegendSwatch({ color, isDashed }: { color: string; isDashed?: boolean }) {
  return (
    <svg width="22" height="10" aria-hidden="true">
      <line x1="1" y1="5" x2="21" y2="5" stroke={color} strokeWidth="2.5" strokeDasharray={isDashed ? '5 3' : undefined} />
    </svg>
  );
}

/**
 * Cumulative owed against cumulative delivered, week by week: the gap between the lines is the
 * shortfall. Drawn as inline SVG (no chart dependency); the amounts come from agreements.get.
 */
export function ComplianceChart({ series, unit }: { series: CompliancePoint[]; unit: ComplianceUnit }) {
  if (series.length === 0) {
    return (
      <Text size="sm" c="dimmed">
        Nothing is owed yet, so there is nothing to chart: the term has not started.
      </Text>
    );
  }
  const plotWidth = WIDTH - MARGIN.left - MARGIN.right;
  const plotHeight = HEIGHT - MARGIN.top - MARGIN.bottom;
  const maxValue = Math.max(...series.map((point) => Math.max(point.owedCumulative, point.deliveredCumulative)));
  const ticks = niceTicks(maxValue, 5);
  const y = linearScale(0, ticks.at(-1) ?? 1, MARGIN.top + plotHeight, MARGIN.top);
  const x = linearScale(0, Math.max(1, series.length - 1), MARGIN.left, MARGIN.left + plotWidth);
  const path = (pick: (point: CompliancePoint) => number) =>
    series.map((point, index) => `${index === 0 ? 'M' : 'L'}${x(index).toFixed(1)},${y(pick(point)).toFixed(1)}`).join(' ');
  const last = series.at(-1)!;
  const summary = `Owed ${formatAmount(last.owedCumulative, unit)} and delivered ${formatAmount(last.deliveredCumulative, unit)} by the week of ${dayjs(last.weekStart).format('MMM D, YYYY')}.`;

  return (
    <figure style={{ margin: 0 }}>
      <svg viewBox={`0 0 ${WIDTH} ${HEIGHT}`} width="100%" role="img" aria-label={`Owed versus delivered over ${series.length} weeks. ${summary}`} style={{ display: 'block', maxHeight: 300 }}>
        {ticks.map((tick) => (
          <g key={tick}>
            <line x1={MARGIN.left} x2={WIDTH - MARGIN.right} y1={y(tick)} y2={y(tick)} stroke="var(--mantine-color-gray-2)" />
            <text x={MARGIN.left - 8} y={y(tick)} dy="0.32em" textAnchor="end" fontSize="11" fill="var(--mantine-color-gray-6)">
              {formatAmount(tick, unit)}
            </text>
          </g>
        ))}
        <line x1={MARGIN.left} x2={WIDTH - MARGIN.right} y1={y(0)} y2={y(0)} stroke="var(--mantine-color-gray-4)" />
        {labelledIndexes(series.length, 8).map((index) => (
          <text key={index} x={x(index)} y={HEIGHT - 10} textAnchor={series.length === 1 ? 'start' : 'middle'} fontSize="11" fill="var(--mantine-color-gray-6)">
            {dayjs(series[index]!.weekStart).format('MMM D')}
          </text>
        ))}
        <path
          d={`${path((point) => point.owedCumulative)} L${x(series.length - 1)},${y(0)} L${x(0)},${y(0)} Z`}
          fill="var(--mantine-color-gray-1)"
          opacity="0.6"
        />
        <path d={path((point) => point.owedCumulative)} fill="none" stroke={OWED_COLOR} strokeWidth="2" strokeDasharray="6 4" />
        <path d={path((point) => point.deliveredCumulative)} fill="none" stroke={DELIVERED_COLOR} strokeWidth="2.5" />
        {series.map((point, index) => (
          <circle key={point.weekStart} cx={x(index)} cy={y(point.deliveredCumulative)} r={series.length > 30 ? 0 : 2.5} fill={DELIVERED_COLOR}>
            <title>{`Week of ${dayjs(point.weekStart).format('MMM D, YYYY')}: owed ${formatAmount(point.owedCumulative, unit)}, delivered ${formatAmount(point.deliveredCumulative, unit)}`}</title>
          </circle>
        ))}
      </svg>
      <Group gap="lg" mt={4} justify="space-between" wrap="wrap">
        <Group gap="lg">
          <Group gap={6}>
            <LegendSwatch color={OWED_COLOR} isDashed />
            <Text size="xs">Owed (cumulative)</Text>
          </Group>
          <Group gap={6}>
            <LegendSwatch color={DELIVERED_COLOR} />
            <Text size="xs">Delivered (cumulative)</Text>
          </Group>
        </Group>
        <Text size="xs" c="dimmed" component="figcaption">
          {summary}
        </Text>
      </Group>
    </figure>
  );
}
