import type { IncomingMessage } from 'node:http'
import { Readable } from 'node:stream'
import JSZip from 'jszip'
import { errorReply, zohoTime, type JsonReply } from './http-util.ts'
import { writeAtomic } from './json-file.ts'
import type { Store } from './store.ts'

/** Zoho's upload limit: 25 MB per ZIP. */
export const UPLOAD_LIMIT = 25 * 1024 * 1024
/** Room for the multipart envelope around the file part. */
const ENVELOPE = 64 * 1024

/** What an upload needs from the rest of LocalCRM. */
export interface UploadDeps {
  store: Store
  zgid: string
  now: () => number
  invalidFormatStatus: 200 | 400
  /** Bytes after which a fault cuts the connection, or null. */
  dropAfter: number | null
}

const tooLarge = () =>
  errorReply(413, 'FILE_TOO_LARGE', 'File size too large to process', {})

/**
 * `POST /crm/v8/upload`: checks the `feature` and `X-CRM-ORG` headers,
 * reads the multipart body while counting bytes (25 MB), keeps the ZIP and
 * answers `FILE_UPLOAD_SUCCESS` with a string `file_id`.
 */
export async function handleUpload(
  req: IncomingMessage,
  deps: UploadDeps,
): Promise<JsonReply | 'dropped'> {
  const feature = req.headers['feature']
  const org = req.headers['x-crm-org']
  if (feature === undefined || org !== deps.zgid) {
    return {
      status: 400,
      body: {
        'x-error':
          'check if headers [feature, X-CRM-ORG] are present and valid',
        info: 'Bad Request',
        'x-info': 'Requested headers are invalid',
      },
    }
  }

  if (feature !== 'bulk-write') {
    return { status: 200, body: notSupported() }
  }

  const declared = Number(req.headers['content-length'] ?? 0)
  if (declared > UPLOAD_LIMIT + ENVELOPE) return tooLarge()

  const body = limitedStream(req, UPLOAD_LIMIT + ENVELOPE, deps.dropAfter)
  let form: FormData
  try {
    form = await new Response(body, {
      headers: { 'content-type': req.headers['content-type'] ?? '' },
    }).formData()
  } catch (error) {
    if (req.destroyed || !req.socket || req.socket.destroyed) return 'dropped'
    if (
      error instanceof LimitError ||
      (error as Error).cause instanceof LimitError
    ) {
      return tooLarge()
    }
    return invalidFormat(deps)
  }

  const file = form.get('file')
  if (!file || typeof file === 'string') return invalidFormat(deps)
  if (file.size > UPLOAD_LIMIT) return tooLarge()

  const bytes = new Uint8Array(await file.arrayBuffer())
  const csvNames = await csvNamesIn(bytes)
  if (!csvNames) return invalidFormat(deps)

  const fileId = deps.store.nextId()
  const createdTime = zohoTime(deps.now())
  await writeAtomic(deps.store.uploadPath(fileId), bytes)
  deps.store.files.value[fileId] = {
    file_id: fileId,
    created_time: createdTime,
    size: bytes.length,
    csv_names: csvNames,
  }
  deps.store.files.changed()
  return {
    status: 200,
    body: {
      status: 'success',
      code: 'FILE_UPLOAD_SUCCESS',
      message: 'file uploaded.',
      details: { file_id: fileId, created_time: createdTime },
    },
  }
}

function notSupported() {
  return {
    code: 'NOT_SUPPORTED_FEATURE',
    details: {},
    message: 'Feature is not supported',
    status: 'error',
  }
}

function invalidFormat(deps: UploadDeps): JsonReply {
  return errorReply(
    deps.invalidFormatStatus,
    'INVALID_FILE_FORMAT',
    'invalid file format. only zip format is supported',
    { created_time: zohoTime(deps.now()) },
  )
}

/** The CSV names in a ZIP, or undefined when it is no ZIP or holds none. */
async function csvNamesIn(bytes: Uint8Array): Promise<string[] | undefined> {
  if (bytes[0] !== 0x50 || bytes[1] !== 0x4b) return undefined

  try {
    const zip = await JSZip.loadAsync(bytes)
    const names = Object.values(zip.files)
      .filter((f) => !f.dir && /\.csv$/i.test(f.name))
      .map((f) => f.name)
    return names.length > 0 ? names : undefined
  } catch {
    return undefined
  }
}

class LimitError extends Error {
  override readonly name = 'LimitError'
}

/** The request as a web stream that errors past `limit` bytes. */
function limitedStream(
  req: IncomingMessage,
  limit: number,
  dropAfter: number | null,
): ReadableStream<Uint8Array> {
  let seen = 0
  const source = Readable.toWeb(req) as ReadableStream<Uint8Array>
  return source.pipeThrough(
    new TransformStream<Uint8Array, Uint8Array>({
      transform(chunk, controller) {
        seen += chunk.length
        if (dropAfter !== null && seen >= dropAfter) {
          // The fault: the connection dies mid-upload, no answer at all.
          req.socket.destroy()
          controller.error(new Error('connection dropped by fault'))
          return
        }
        if (seen > limit) {
          controller.error(new LimitError('upload over 25 MB'))
          return
        }
        controller.enqueue(chunk)
      },
      flush(controller) {
        // A body shorter than `afterBytes` is still cut, before the answer.
        if (dropAfter === null) return

        req.socket.destroy()
        controller.error(new Error('connection dropped by fault'))
      },
    }),
  )
}
