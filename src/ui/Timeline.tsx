// A small bar chart of articles per month (SVG, no chart library): one bar per month, the year
// under its first month, each bar titled with its month and count.
import { useT } from './locale.tsx';

export interface TimelineProps {
  months: readonly { month: string; count: number }[];
  height?: number;
}

export function Timeline({ months, height = 80 }: TimelineProps) {
  const t = useT();
  if (months.length === 0) return null;
  const max = Math.max(1, ...months.map((m) => m.count));
  const bar = 12;
  const gap = 3;
  const width = months.length * (bar + gap);
  const chart = height - 16;
  return (
    <svg
      class="fl-timeline"
      viewBox={`0 0 ${width} ${height}`}
      width={Math.min(width * 2, 720)}
      height={height}
      role="img"
      aria-label={t('entityTimeline')}
    >
      {months.map((m, i) => {
        const h = m.count ? Math.max(2, (m.count / max) * chart) : 0;
        const x = i * (bar + gap);
        const label = t('timelineMonth', { month: m.month, count: m.count });
        return (
          <g key={m.month} data-month={m.month} data-count={m.count}>
            <rect x={x} y={chart - h} width={bar} height={h} class="fl-bar">
              <title>{label}</title>
            </rect>
            <rect x={x} y={0} width={bar} height={chart} fill="transparent">
              <title>{label}</title>
            </rect>
            {i === 0 || m.month.endsWith('-01') ? (
              <text x={x} y={height - 3} class="fl-axis">
                {m.month.slice(0, 4)}
              </text>
            ) : null}
          </g>
        );
      })}
    </svg>
  );
}
