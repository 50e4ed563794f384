// Charts drawn on the server as SVG: no library, no script, readable without JavaScript.
// Each chart names what it shows; the numbers themselves sit in a table beside it.
import { useId } from "react";
import { formatNumber } from "~/utils/intl";

const COLORS = ["#0f5fa8", "#b7791f", "#8a1c12", "#14532d"];
const WIDTH = 600;
const HEIGHT = 200;
const PAD = { top: 12, right: 8, bottom: 24, left: 44 };

export type Series = { name: string; values: number[] };

function niceMax(max: number) {
  if (max <= 0) return 1;
  const step = 10 ** Math.floor(Math.log10(max));
  return Math.ceil(max / step) * step;
}

/** One or more series over the same days (or weeks), as lines; labels name the x positions. */
export function LineChart({
  title,
  labels,
  series,
  format = (v: number) => formatNumber(v),
}: {
  title: string;
  labels: string[];
  series: Series[];
  format?: (value: number) => string;
}) {
  const id = useId();
  const all = series.flatMap((s) => s.values);
  const min = Math.min(0, ...all);
  const max = niceMax(Math.max(...all, 0));
  const innerW = WIDTH - PAD.left - PAD.right;
  const innerH = HEIGHT - PAD.top - PAD.bottom;
  const x = (i: number) => PAD.left + (labels.length > 1 ? (i / (labels.length - 1)) * innerW : 0);
  const y = (v: number) => PAD.top + innerH - ((v - min) / (max - min || 1)) * innerH;
  const ticks = [0, Math.floor((labels.length - 1) / 2), labels.length - 1];
  const summary = series
    .map((s) => `${s.name}: ${format(s.values.reduce((a, b) => a + b, 0))} in all`)
    .join("; ");
  return (
    <svg
      className="chart"
      viewBox={`0 0 ${WIDTH} ${HEIGHT}`}
      role="img"
      aria-labelledby={`${id}-title ${id}-desc`}
    >
      <title id={`${id}-title`}>{title}</title>
      <desc id={`${id}-desc`}>
        {labels[0]} to {labels[labels.length - 1]}. {summary}. The table beside it has every value.
      </desc>
      <line x1={PAD.left} x2={WIDTH - PAD.right} y1={y(0)} y2={y(0)} stroke="#cbd5e1" />
      <text x={PAD.left - 6} y={y(max) + 4} textAnchor="end" fontSize="11" fill="#475569">
        {format(max)}
      </text>
      <text x={PAD.left - 6} y={y(0) + 4} textAnchor="end" fontSize="11" fill="#475569">
        {format(0)}
      </text>
      {min < 0 ? (
        <text x={PAD.left - 6} y={y(min) + 4} textAnchor="end" fontSize="11" fill="#475569">
          {format(min)}
        </text>
      ) : null}
      {ticks.map((i) => (
        <text
          key={i}
          x={x(i)}
          y={HEIGHT - 6}
          textAnchor={i === 0 ? "start" : i === labels.length - 1 ? "end" : "middle"}
          fontSize="11"
          fill="#475569"
        >
          {labels[i]}
        </text>
      ))}
      {series.map((s, index) => (
        <polyline
          key={s.name}
          fill="none"
          stroke={COLORS[index % COLORS.length]}
          strokeWidth="2"
          strokeLinejoin="round"
          points={s.values.map((v, i) => `${x(i).toFixed(1)},${y(v).toFixed(1)}`).join(" ")}
        />
      ))}
      {series.length > 1
        ? series.map((s, index) => (
            <text
              key={s.name}
              x={PAD.left + 8 + index * 130}
              y={PAD.top + 10}
              fontSize="11"
              fill={COLORS[index % COLORS.length]}
            >
              ■ {s.name}
            </text>
          ))
        : null}
    </svg>
  );
}

/** A few labelled quantities (jobs by status) as horizontal bars. */
export function BarChart({
  title,
  items,
}: {
  title: string;
  items: { label: string; value: number }[];
}) {
  const id = useId();
  const row = 22;
  const height = items.length * row + 8;
  const labelW = 130;
  const max = niceMax(Math.max(...items.map((i) => i.value), 0));
  return (
    <svg
      className="chart"
      viewBox={`0 0 ${WIDTH} ${height}`}
      role="img"
      aria-labelledby={`${id}-title ${id}-desc`}
    >
      <title id={`${id}-title`}>{title}</title>
      <desc id={`${id}-desc`}>
        {items.map((i) => `${i.label}: ${formatNumber(i.value)}`).join("; ")}
      </desc>
      {items.map((item, index) => {
        const w = ((WIDTH - labelW - 60) * item.value) / max;
        const top = 4 + index * row;
        return (
          <g key={item.label}>
            <text x={labelW - 6} y={top + 14} textAnchor="end" fontSize="12" fill="#1e293b">
              {item.label}
            </text>
            <rect x={labelW} y={top + 3} width={Math.max(w, 1)} height={row - 8} fill={COLORS[0]} />
            <text x={labelW + w + 6} y={top + 14} fontSize="12" fill="#1e293b">
              {formatNumber(item.value)}
            </text>
          </g>
        );
      })}
    </svg>
  );
}
