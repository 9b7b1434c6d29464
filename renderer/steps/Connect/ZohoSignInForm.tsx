import { useState } from 'react'
import {
  DATA_CENTRES,
  ENVIRONMENTS,
  type DataCentreCode,
  type ZohoEnvironment,
} from '../../../app/connection/data-centres.ts'
import type {
  ConnectionInfo,
  ZohoSignInRequest,
} from '../../../app/contract.ts'
import { api, unwrap } from '../../api.ts'

type Props = {
  connection: ConnectionInfo
  /** Runs a request, showing its error; resolves when it is done. */
  run: (work: () => Promise<ConnectionInfo>) => Promise<void>
}

/**
 * Signing in to a Zoho org: data centre, environment and the client from
 * Zoho's API console, then the consent page in the browser or a code
 * pasted from a Self Client.
 */
export function ZohoSignInForm({ connection, run }: Props) {
  const saved = connection.savedZoho
  const [dataCentre, setDataCentre] = useState<DataCentreCode>(
    saved?.dataCentre ?? 'us',
  )
  const [environment, setEnvironment] = useState<ZohoEnvironment>(
    saved?.environment ?? 'production',
  )
  const [clientId, setClientId] = useState('')
  const [clientSecret, setClientSecret] = useState('')
  const [code, setCode] = useState('')
  const connecting = connection.state === 'connecting'
  const request: ZohoSignInRequest = {
    dataCentre,
    environment,
    clientId: clientId.trim(),
    clientSecret: clientSecret.trim(),
  }
  const ready = request.clientId !== '' && !connecting

  return (
    <form
      className="connect-form"
      aria-labelledby="zoho-title"
      onSubmit={(event) => {
        event.preventDefault()
        if (ready) void run(() => unwrap(api().connectZoho(request)))
      }}
    >
      <h3 id="zoho-title">Connect a Zoho CRM org</h3>
      <div className="form-row">
        <label>
          Data centre
          <select
            value={dataCentre}
            onChange={(e) => setDataCentre(e.target.value as DataCentreCode)}
          >
            {DATA_CENTRES.map((centre) => (
              <option key={centre.code} value={centre.code}>
                {centre.label}
              </option>
            ))}
          </select>
        </label>
        <label>
          Environment
          <select
            value={environment}
            onChange={(e) => setEnvironment(e.target.value as ZohoEnvironment)}
          >
            {ENVIRONMENTS.map((name) => (
              <option key={name} value={name}>
                {name}
              </option>
            ))}
          </select>
        </label>
      </div>
      <div className="form-row">
        <label>
          Client ID
          <input
            value={clientId}
            autoComplete="off"
            spellCheck={false}
            onChange={(e) => setClientId(e.target.value)}
          />
        </label>
        <label>
          Client secret
          <input
            type="password"
            value={clientSecret}
            autoComplete="off"
            onChange={(e) => setClientSecret(e.target.value)}
          />
        </label>
      </div>
      <p className="muted">
        From Zoho&apos;s API console at the data centre you sign in to. The
        connection guide explains the client type, redirect URI and scopes.
      </p>
      <div className="actions">
        <button type="submit" className="button primary" disabled={!ready}>
          Connect
        </button>
        {connecting && (
          <button
            type="button"
            className="button"
            onClick={() => void unwrap(api().cancelConnect(null))}
          >
            Cancel
          </button>
        )}
      </div>
      {connecting && (
        <p role="status">
          Waiting for Zoho: finish the consent page in your browser.
        </p>
      )}

      <h4>Or paste a Self Client code</h4>
      <div className="form-row">
        <label>
          Grant code
          <input
            value={code}
            autoComplete="off"
            spellCheck={false}
            onChange={(e) => setCode(e.target.value)}
          />
        </label>
        <button
          type="button"
          className="button"
          disabled={!ready || code.trim() === '' || clientSecret.trim() === ''}
          onClick={() =>
            void run(async () => {
              const info = await unwrap(
                api().connectSelfClient({ ...request, code: code.trim() }),
              )
              setCode('')
              return info
            })
          }
        >
          Connect with code
        </button>
      </div>
    </form>
  )
}
