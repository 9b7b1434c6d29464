import { STEPS, type StepName } from '../wizard/wizard-state.ts'

const LABELS: Record<StepName, string> = {
  file: 'File',
  target: 'Target',
  map: 'Map',
  check: 'Check',
  run: 'Run & Report',
}

/** The row of steps at the top, with the current one marked. */
export function Stepper({ current }: { current: StepName }) {
  const at = STEPS.indexOf(current)
  return (
    <nav aria-label="Import steps">
      <ol className="stepper">
        {STEPS.map((step, index) => (
          <li
            key={step}
            className={index === at ? 'current' : index < at ? 'done' : ''}
            aria-current={index === at ? 'step' : undefined}
          >
            <span className="step-number">{index + 1}</span> {LABELS[step]}
          </li>
        ))}
      </ol>
    </nav>
  )
}
