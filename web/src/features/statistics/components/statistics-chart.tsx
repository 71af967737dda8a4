/**
 * One dimension as a horizontal bar chart (@ant-design/plots): long names (specialties, units' natures, counties)
 * stay readable on a phone. Loaded lazily by the statistics page only, so no other screen downloads the chart
 * library. The chart is a picture for sighted readers; the table beside it carries the same numbers for screen
 * readers, so the canvas is hidden from assistive technology.
 */
import { Bar } from '@ant-design/plots';
import type { StatisticsItem } from '@zc/domain';

const ROW_PX = 30;
const CHROME_PX = 56;

export default function StatisticsChart({ items, title }: { items: StatisticsItem[]; title: string }) {
  const data = items.map((i) => ({ label: i.label, count: i.count }));
  return (
    <div aria-hidden="true" data-testid="statistics-chart" title={title} style={{ width: '100%', overflow: 'hidden' }}>
      <Bar
        data={data}
        xField="label"
        yField="count"
        height={CHROME_PX + ROW_PX * Math.max(1, data.length)}
        autoFit
        axis={{ y: { labelFormatter: (v: number) => (Number.isInteger(v) ? String(v) : '') } }}
        label={{ text: 'count', position: 'right', dx: 4 }}
        tooltip={{ title: 'label', items: [{ channel: 'y', name: '申报人数' }] }}
        style={{ maxWidth: 28 }}
      />
    </div>
  );
}
