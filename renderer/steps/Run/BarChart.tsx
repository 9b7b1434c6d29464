import type { Bar } from '../../../app/report/chart-data.ts'

const WIDTH = 560
const ROW = 28
const LABEL = 230
const VALUE = 70

function shorten(text: string, max = 38): string {
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`
}

/**
 * Horizontal bars in plain SVG: a label, a bar as long as its share, the
 * value. A bar can be clickable (to filter by it).
 */
export function BarChart({
  title,
  bars,
  onPick,
  picked,
}: {
  title: string
  bars: Bar[]
  onPick?: (label: string) => void
  picked?: string | null
}) {
  const track = WIDTH - LABEL - VALUE
  return (
    <figure className="chart">
      <figcaption>{title}</figcaption>
      <svg
        role="img"
        aria-label={`${title}: ${bars.map((b) => `${b.label} ${b.value}`).join(', ')}`}
        viewBox={`0 0 ${WIDTH} ${bars.length * ROW}`}
        width={WIDTH}
        height={bars.length * ROW}
      >
        {bars.map((bar, i) => {
          const y = i * ROW
          const length = bar.value === 0 ? 0 : Math.max(2, bar.share * track)
          const active = picked === bar.label
          return (
            <g
              key={bar.label}
              className={`bar ${bar.tone}${onPick ? ' pickable' : ''}${active ? ' picked' : ''}`}
              onClick={onPick ? () => onPick(bar.label) : undefined}
            >
              <title>{`${bar.label}: ${bar.value.toLocaleString()}`}</title>
              <text x={0} y={y + 18} className="bar-label">
                {shorten(bar.label)}
              </text>
              <rect
                x={LABEL}
                y={y + 6}
                width={track}
                height={16}
                rx={3}
                className="bar-track"
              />
              <rect
                x={LABEL}
                y={y + 6}
                width={length}
                height={16}
                rx={3}
                className="bar-fill"
              />
              <text x={WIDTH - VALUE + 8} y={y + 18} className="bar-value">
                {bar.value.toLocaleString()}
              </text>
            </g>
          )
        })}
      </svg>
    </figure>
  )
}
