import type { OutcomeCounts } from '../results/row-outcome.ts'
import type { ReasonCount } from './reason-groups.ts'

/** One bar of a chart: its label, its value, and its length from 0 to 1. */
export interface Bar {
  label: string
  value: number
  share: number
  tone: 'ok' | 'bad' | 'muted'
}

/** The four outcomes as bars, each as a share of the rows in the file. */
export function outcomeBars(counts: OutcomeCounts): Bar[] {
  const of = (value: number) => (counts.total === 0 ? 0 : value / counts.total)
  return [
    {
      label: 'Added',
      value: counts.added,
      share: of(counts.added),
      tone: 'ok',
    },
    {
      label: 'Updated',
      value: counts.updated,
      share: of(counts.updated),
      tone: 'ok',
    },
    {
      label: 'Skipped',
      value: counts.skipped,
      share: of(counts.skipped),
      tone: 'bad',
    },
    {
      label: 'Excluded',
      value: counts.excluded,
      share: of(counts.excluded),
      tone: 'muted',
    },
  ]
}

/** The most frequent reasons as bars, longest first, the rest folded into one. */
export function reasonBars(reasons: readonly ReasonCount[], top = 5): Bar[] {
  const shown = reasons.slice(0, top)
  const rest = reasons.slice(top).reduce((sum, r) => sum + r.count, 0)
  const bars = shown.map((r) => ({ label: r.group, value: r.count }))
  if (rest > 0) {
    bars.push({ label: `${reasons.length - top} other reasons`, value: rest })
  }
  const largest = Math.max(1, ...bars.map((bar) => bar.value))
  return bars.map((bar) => ({
    ...bar,
    share: bar.value / largest,
    tone: 'bad' as const,
  }))
}
