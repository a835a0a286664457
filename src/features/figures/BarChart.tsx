/** A small accessible bar chart: the figures are also in the table beside it, the bars make them readable at a glance. */
export function BarChart({ title, bars }: { title: string; bars: { label: string; value: number; color: string }[] }) {
  const max = Math.max(1, ...bars.map((b) => b.value));
  const rowHeight = 36;
  // Room for the longest label ("Đang giải quyết, trong hạn") at the chart's 16-unit type.
  const labelWidth = Math.max(180, ...bars.map((b) => b.label.length * 8.5));
  const width = labelWidth + 380;
  return (
    <svg role="img" aria-label={title} viewBox={`0 0 ${width} ${bars.length * rowHeight + 8}`} className="bar-chart">
      <title>{title}</title>
      {bars.map((bar, i) => {
        const w = ((width - labelWidth - 60) * bar.value) / max;
        const y = i * rowHeight + 4;
        return (
          <g key={bar.label}>
            <text x={0} y={y + 22} fontSize="16">
              {bar.label}
            </text>
            <rect x={labelWidth} y={y + 4} width={Math.max(w, 2)} height={rowHeight - 10} fill={bar.color} rx={4} />
            <text x={labelWidth + w + 8} y={y + 22} fontSize="16" fontWeight="bold">
              {bar.value}
            </text>
          </g>
        );
      })}
    </svg>
  );
}
