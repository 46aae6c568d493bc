import '@mantine/charts/styles.css';
import { LineChart } from '@mantine/charts';
import { Text } from '@mantine/core';
import { formatDate } from '@shared/format';
import { formatAmount, type ComplianceUnit } from './agreement-format';

export interface CompliancePoint {
  weekStart: string;
  owedCumulative: number;
  deliveredCumulative: number;
}

/**
 * Cumulative owed against cumulative delivered, week by week: the gap between the lines is the
 * shortfall. The amounts come from agreements.get; @mantine/charts draws them.
 */
export function ComplianceChart({ series, unit }: { series: CompliancePoint[]; unit: ComplianceUnit }) {
  if (series.length === 0) {
    return (
      <Text size="sm" c="dimmed">
        Nothing is owed yet, so there is nothing to chart: the term has not started.
      </Text>
    );
  }
  const last = series.at(-1)!;
  const summary = `Owed ${formatAmount(last.owedCumulative, unit)} and delivered ${formatAmount(last.deliveredCumulative, unit)} by the week of ${formatDate(last.weekStart)}.`;
  const data = series.map((point) => ({
    week: formatDate(point.weekStart, 'dayMonth'),
    owed: point.owedCumulative,
    delivered: point.deliveredCumulative,
  }));

  return (
    <figure style={{ margin: 0 }} aria-label={`Owed versus delivered over ${series.length} weeks. ${summary}`}>
      <LineChart
        h={260}
        data={data}
        dataKey="week"
        withLegend
        legendProps={{ verticalAlign: 'bottom', height: 32 }}
        curveType="linear"
        withDots={series.length <= 30}
        strokeWidth={2}
        valueFormatter={(value) => formatAmount(value, unit)}
        yAxisProps={{ width: 72 }}
        series={[
          { name: 'owed', label: 'Owed (cumulative)', color: 'gray.6', strokeDasharray: '6 4' },
          { name: 'delivered', label: 'Delivered (cumulative)', color: 'blue.6' },
        ]}
      />
      <Text size="xs" c="dimmed" component="figcaption" mt={4}>
        {summary}
      </Text>
    </figure>
  );
}
