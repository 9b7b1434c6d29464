import type { CheckSummary, FileSummary, RunView } from '../../app/contract.ts'
import type { CrmField } from '../../app/fields/crm-field.ts'
import type { ImportMapping } from '../../app/mapping/import-mapping.ts'

/** The wizard's steps, in order. */
export const STEPS = ['file', 'target', 'map', 'check', 'run'] as const
export type StepName = (typeof STEPS)[number]

/** Each step carries exactly what it needs; later steps carry more. */
export type WizardState =
  | { step: 'file' }
  | { step: 'target'; file: FileSummary }
  | {
      step: 'map'
      file: FileSummary
      fields: CrmField[]
      mapping: ImportMapping
    }
  | {
      step: 'check'
      file: FileSummary
      fields: CrmField[]
      mapping: ImportMapping
      summary: CheckSummary
    }
  | { step: 'run'; file: FileSummary; mapping: ImportMapping; run: RunView }

/** What moves the wizard. */
export type WizardAction =
  | { type: 'fileOpened'; file: FileSummary }
  | { type: 'targetChosen'; fields: CrmField[]; mapping: ImportMapping }
  | { type: 'mappingChanged'; mapping: ImportMapping }
  | { type: 'checked'; summary: CheckSummary }
  | { type: 'runStarted'; run: RunView }
  | { type: 'runProgress'; run: RunView }
  | { type: 'back' }
  | { type: 'restart' }

function back(state: WizardState): WizardState {
  switch (state.step) {
    case 'file':
      return state
    case 'target':
      return { step: 'file' }
    case 'map':
      return { step: 'target', file: state.file }
    case 'check':
      return {
        step: 'map',
        file: state.file,
        fields: state.fields,
        mapping: state.mapping,
      }
    case 'run':
      return state
    default:
      return assertNever(state)
  }
}

/** Moves the wizard; an action that does not fit the step changes nothing. */
export function wizardReducer(
  state: WizardState,
  action: WizardAction,
): WizardState {
  switch (action.type) {
    case 'fileOpened':
      return { step: 'target', file: action.file }
    case 'targetChosen':
      if (state.step !== 'target') return state
      return {
        step: 'map',
        file: state.file,
        fields: action.fields,
        mapping: action.mapping,
      }
    case 'mappingChanged':
      if (state.step !== 'map') return state
      return { ...state, mapping: action.mapping }
    case 'checked':
      if (state.step !== 'map' && state.step !== 'check') return state
      return {
        step: 'check',
        file: state.file,
        fields: state.fields,
        mapping: state.mapping,
        summary: action.summary,
      }
    case 'runStarted':
      if (state.step !== 'check') return state
      return {
        step: 'run',
        file: state.file,
        mapping: state.mapping,
        run: action.run,
      }
    case 'runProgress':
      if (state.step !== 'run' || state.run.runId !== action.run.runId)
        return state
      return { ...state, run: action.run }
    case 'back':
      return back(state)
    case 'restart':
      return { step: 'file' }
    default:
      return assertNever(action)
  }
}

/** Fails the build when a switch misses a case. */
export function assertNever(value: never): never {
  throw new Error(`Unexpected ${JSON.stringify(value)}`)
}
