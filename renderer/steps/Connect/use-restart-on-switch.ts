import { useEffect, useRef, type Dispatch } from 'react'
import type { ConnectionInfo } from '../../../app/contract.ts'
import type { WizardAction, WizardState } from '../../wizard/wizard-state.ts'

/**
 * Starts the wizard over when the app switches to another CRM, so that a
 * mapping made against one CRM's fields is never sent to another. A run
 * being watched stays on screen: it keeps going against its own CRM.
 */
export function useRestartOnSwitch(
  connection: ConnectionInfo | null,
  step: WizardState['step'],
  dispatch: Dispatch<WizardAction>,
): void {
  const identity =
    connection === null || connection.state !== 'connected'
      ? null
      : `${connection.kind}|${connection.description}|${connection.orgName}`
  const last = useRef<string | null>(null)

  useEffect(() => {
    if (identity === null) return

    const switched = last.current !== null && last.current !== identity
    last.current = identity
    if (switched && step !== 'file' && step !== 'run') {
      dispatch({ type: 'restart' })
    }
  }, [identity, step, dispatch])
}
