import type { Bar } from '../../../app/report/chart-data.ts'

const WIDTH = 520
const VALUE = 64

function shorten(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`
}

/** Where the parts of one row of the chart go. */
function layout(wide: boolean) {
  // Long labels (reasons) sit above their bar; short ones beside it.
  return wide
    ? { row: 42, label: 0, labelY: 14, barY: 20, chars: 66 }
    : { row: 28, label: 110, labelY: 18, barY: 6, chars: 16 }
}

/**
 * Horizontal bars in plain SVG: a label, a bar as long as its share, the
 * value. A bar can be clickable (to filter by it).
 */
export function BarChart({
  title,
  bars,
  wideLabels = false,
  onPick,
  picked,
}: {
  title: string
  bars: Bar[]
  wideLabels?: boolean
  onPick?: (label: string) => void
  picked?: string | null
}) {
  const at = layout(wideLabels)
  const track = WIDTH - at.label - VALUE
  const height = bars.length * at.row
  return (
    <figure className="chart">
      <figcaption>{title}</figcaption>
      <svg
        role="img"
        aria-label={`${title}: ${bars.map((b) => `${b.label} ${b.value}`).join(', ')}`}
        viewBox={`0 0 ${WIDTH} ${height}`}
        width={WIDTH}
        height={height}
      >
        {bars.map((bar, i) => {
          const y = i * at.row
          const length = bar.value === 0 ? 0 : Math.max(2, bar.share * track)
          const active = picked === bar.label
          return (
            <g
              key={bar.label}
              className={`bar ${bar.tone}${onPick ? ' pickable' : ''}${active ? ' picked' : ''}`}
              onClick={onPick ? () => onPick(bar.label) : undefined}
            >
              <title>{`${bar.label}: ${bar.value.toLocaleString()}`}</title>
              <text x={0} y={y + at.labelY} className="bar-label">
                {shorten(bar.label, at.chars)}
              </text>
              <rect
                x={at.label}
                y={y + at.barY}
                width={track}
                height={16}
                rx={3}
                className="bar-track"
              />
              <rect
                x={at.label}
                y={y + at.barY}
                width={length}
                height={16}
                rx={3}
                className="bar-fill"
              />
              <text
                x={WIDTH - VALUE + 8}
                y={y + at.barY + 12}
                className="bar-value"
              >
                {bar.value.toLocaleString()}
              </text>
            </g>
          )
        })}
      </svg>
    </figure>
  )
}
