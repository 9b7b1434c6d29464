import type { ConnectionInfo } from '../../app/contract.ts'

/** Which CRM the app is connected to; never more than its name. */
export function ConnectionBadge({
  connection,
}: {
  connection: ConnectionInfo | null
}) {
  if (connection === null) return <p className="connection">Connecting…</p>

  const ok = connection.state === 'connected'
  return (
    <p className={`connection ${ok ? 'ok' : 'bad'}`} role="status">
      {ok
        ? `${connection.description}${connection.orgName ? ` · ${connection.orgName}` : ''}`
        : `Not connected: ${connection.message ?? 'unknown reason'}`}
    </p>
  )
}
