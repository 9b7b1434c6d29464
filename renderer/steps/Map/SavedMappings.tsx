import { useEffect, useState } from 'react'
import type { FileSummary, RecentMapping } from '../../../app/contract.ts'
import type { ImportMapping } from '../../../app/mapping/import-mapping.ts'
import { findRecentMapping } from '../../../app/mapping/recent-mappings.ts'
import {
  isMappingError,
  loadMapping,
  saveMapping,
} from '../../../app/mapping/saved-mapping.ts'
import { api, unwrap } from '../../api.ts'

type Props = {
  file: FileSummary
  mapping: ImportMapping
  onLoad: (mapping: ImportMapping, what: string) => void
  onError: (message: string | null) => void
}

/** Keeps what the Target step chose; takes the rest from a saved mapping. */
function adopt(current: ImportMapping, saved: ImportMapping): ImportMapping {
  return {
    ...current,
    findBy: current.operation === 'insert' ? null : saved.findBy,
    ignoreEmpty: saved.ignoreEmpty,
    fields: saved.fields,
  }
}

function download(name: string, text: string): void {
  const url = URL.createObjectURL(
    new Blob([text], { type: 'application/json' }),
  )
  const link = document.createElement('a')
  link.href = url
  link.download = name
  link.click()
  setTimeout(() => URL.revokeObjectURL(url), 1000)
}

/** Save the mapping to a file, load one, or reuse the last one for this shape. */
export function SavedMappings({ file, mapping, onLoad, onError }: Props) {
  const [offer, setOffer] = useState<RecentMapping | null>(null)
  const headers = file.columns.map((column) => column.name)

  useEffect(() => {
    let live = true
    void unwrap(api().listRecentMappings(null))
      .then((recent) => {
        if (live) setOffer(findRecentMapping(recent, headers, mapping.module))
      })
      .catch(() => {})
    return () => {
      live = false
    }
    // The offer is made once, when the step opens.
  }, [])

  const apply = (json: unknown, source: string) => {
    const loaded = loadMapping(json, file.columns, source)
    if (isMappingError(loaded)) {
      onError(loaded.message)
      return
    }

    if (loaded.module !== mapping.module) {
      onError(
        `${source} maps columns to ${loaded.module}, but this import goes to ${mapping.module}. Choose a mapping saved for ${mapping.module}.`,
      )
      return
    }

    onError(null)
    onLoad(adopt(mapping, loaded), `loaded ${source}`)
  }

  const readPicked = async (picked: File) => {
    try {
      apply(JSON.parse(await picked.text()), picked.name)
    } catch {
      onError(
        `${picked.name} is not a mapping file (it is not JSON). Choose a file saved with “Save mapping”.`,
      )
    }
  }

  return (
    <div className="saved-mappings">
      {offer && (
        <div className="offer" role="region" aria-label="Saved mapping offer">
          <p>
            A file with these same columns was mapped on{' '}
            {new Date(offer.savedAt).toLocaleDateString()}. Use that mapping
            again?
          </p>
          <button
            type="button"
            className="primary small"
            onClick={() => {
              apply(offer.mapping, 'the mapping used last time')
              setOffer(null)
            }}
          >
            Use the earlier mapping
          </button>
          <button
            type="button"
            className="small"
            onClick={() => setOffer(null)}
          >
            No, thanks
          </button>
        </div>
      )}
      <div className="toolbar">
        <button
          type="button"
          className="small"
          onClick={() =>
            download(
              `${mapping.module}-mapping.json`,
              JSON.stringify(saveMapping(mapping, file.columns), null, 2),
            )
          }
        >
          Save mapping to a file
        </button>
        <label className="button small">
          Load a saved mapping
          <input
            type="file"
            accept=".json,application/json"
            className="visually-hidden"
            onChange={(event) => {
              const picked = event.target.files?.[0]
              event.target.value = ''
              if (picked) void readPicked(picked)
            }}
          />
        </label>
      </div>
    </div>
  )
}
