import { useRef, useState, type Dispatch, type DragEvent } from 'react'
import { api, messageOf, unwrap } from '../../api.ts'
import { ErrorMessage } from '../../components/ErrorMessage.tsx'
import type { WizardAction } from '../../wizard/wizard-state.ts'

/** Step 1: drop a CSV file, or pick one. */
export function FileStep({ dispatch }: { dispatch: Dispatch<WizardAction> }) {
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<string | null>(null)
  const [over, setOver] = useState(false)
  const picker = useRef<HTMLInputElement>(null)

  const open = async (file: File | undefined) => {
    if (file === undefined) return
    setBusy(true)
    setError(null)
    try {
      dispatch({ type: 'fileOpened', file: await unwrap(api().openFile(file)) })
    } catch (failure) {
      setError(messageOf(failure))
    } finally {
      setBusy(false)
    }
  }

  const onDrop = (event: DragEvent) => {
    event.preventDefault()
    setOver(false)
    void open(event.dataTransfer.files[0])
  }

  return (
    <section aria-labelledby="file-title">
      <h2 id="file-title">Choose the file to import</h2>
      <p className="lead">
        A CSV exported from a spreadsheet or another system. Nothing is sent to
        the CRM until you click Start import.
      </p>
      <div
        className={`drop-zone ${over ? 'over' : ''}`}
        data-testid="drop-zone"
        onDragOver={(event) => {
          event.preventDefault()
          setOver(true)
        }}
        onDragLeave={() => setOver(false)}
        onDrop={onDrop}
      >
        <p>
          {busy
            ? 'Reading the file…'
            : 'Drop a CSV file (or a ZIP holding one) here'}
        </p>
        <p>or</p>
        <button
          type="button"
          className="primary"
          disabled={busy}
          onClick={() => picker.current?.click()}
        >
          Choose a file…
        </button>
        <input
          ref={picker}
          type="file"
          accept=".csv,text/csv,.txt,.zip,application/zip"
          className="visually-hidden"
          aria-label="CSV file"
          tabIndex={-1}
          disabled={busy}
          onChange={(event) => void open(event.target.files?.[0])}
        />
      </div>
      <ErrorMessage message={error} />
    </section>
  )
}
