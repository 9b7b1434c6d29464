import type { ConnectionInfo } from '../../../app/contract.ts'
import { api, unwrap } from '../../api.ts'

type Props = {
  connection: ConnectionInfo
  busy: boolean
  run: (work: () => Promise<ConnectionInfo>) => Promise<void>
}

const STORAGE: Record<ConnectionInfo['tokenStorage'], string | null> = {
  encrypted: null,
  'session-only':
    "This computer's key store is not available, so Bulkwright keeps the " +
    'Zoho sign-in for this session only. You will sign in again after a ' +
    'restart.',
  'test-file':
    'Zoho sign-ins are kept in an unencrypted test file (browser mode and ' +
    'command line only).',
}

/** The connection in use, and the switch between LocalCRM and Zoho. */
export function CurrentConnection({ connection, busy, run }: Props) {
  const saved = connection.savedZoho
  const onZoho = connection.kind === 'zoho'
  const storage = saved ? STORAGE[connection.tokenStorage] : null

  return (
    <div className="current-connection">
      <p role="status" aria-label="Current connection">
        {connection.state === 'connected'
          ? `Connected to ${connection.orgName ?? 'the CRM'} · ${connection.description}`
          : connection.state === 'connecting'
            ? 'Connecting…'
            : `Not connected: ${connection.message ?? 'unknown reason'}`}
      </p>
      {connection.message && connection.state === 'connected' && (
        <p className="warning">{connection.message}</p>
      )}
      <div className="actions left">
        <button
          type="button"
          className="button"
          aria-pressed={!onZoho}
          disabled={busy || !onZoho}
          onClick={() =>
            void run(() => unwrap(api().useConnection({ kind: 'localcrm' })))
          }
        >
          Use LocalCRM
        </button>
        {saved && (
          <button
            type="button"
            className="button"
            aria-pressed={onZoho}
            disabled={busy || onZoho}
            onClick={() =>
              void run(() => unwrap(api().useConnection({ kind: 'zoho' })))
            }
          >
            Use {saved.orgName} (Zoho {saved.dataCentre.toUpperCase()},{' '}
            {saved.environment})
          </button>
        )}
        {saved && (
          <button
            type="button"
            className="button"
            disabled={busy}
            onClick={() => void run(() => unwrap(api().disconnectZoho(null)))}
          >
            Disconnect Zoho
          </button>
        )}
        <button
          type="button"
          className="button"
          disabled={busy}
          onClick={() =>
            void run(async () => {
              await unwrap(api().refreshMetadata(null))
              return unwrap(api().getConnection(null))
            })
          }
        >
          Refresh modules and fields
        </button>
      </div>
      <p className="muted">
        Switching starts the import you are preparing over, so that fields
        always come from the CRM in use. Imports already running continue
        against their own CRM, and each CRM keeps its own history.
      </p>
      {storage && <p className="muted">{storage}</p>}
    </div>
  )
}
