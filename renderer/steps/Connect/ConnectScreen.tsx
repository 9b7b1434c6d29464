import { useEffect, useState } from 'react'
import type { ConnectionInfo } from '../../../app/contract.ts'
import { api, messageOf, unwrap } from '../../api.ts'
import { ErrorMessage } from '../../components/ErrorMessage.tsx'
import { CurrentConnection } from './CurrentConnection.tsx'
import { ZohoSignInForm } from './ZohoSignInForm.tsx'
import './connect.css'

type Props = {
  connection: ConnectionInfo | null
  onChange: (info: ConnectionInfo) => void
  onClose: () => void
}

/**
 * Which CRM the wizard talks to: LocalCRM on this computer or a Zoho org,
 * one click apart. Only names, data centre and environment reach this
 * screen; tokens stay in the main process.
 */
export function ConnectScreen({ connection, onChange, onClose }: Props) {
  const [error, setError] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)

  // Browser mode only: the main process asks the page to open Zoho's
  // consent page (the desktop app opens the system browser itself).
  useEffect(
    () =>
      api().on('openExternal', ({ url }) => {
        window.open(url, '_blank', 'noopener')
      }),
    [],
  )

  const run = async (work: () => Promise<ConnectionInfo>) => {
    setBusy(true)
    setError(null)
    try {
      onChange(await work())
    } catch (failure) {
      setError(messageOf(failure))
      onChange(await unwrap(api().getConnection(null)))
    } finally {
      setBusy(false)
    }
  }

  return (
    <section aria-labelledby="connect-title">
      <h2 id="connect-title">Connection</h2>
      {connection && (
        <CurrentConnection connection={connection} busy={busy} run={run} />
      )}
      <ErrorMessage message={error} />
      {connection && <ZohoSignInForm connection={connection} run={run} />}
      <div className="actions">
        <button type="button" className="button" onClick={onClose}>
          Back to the import
        </button>
      </div>
    </section>
  )
}
