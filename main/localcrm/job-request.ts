import { errorReply, isObject, type JsonReply } from './http-util.ts'
import type { Metadata } from './metadata.ts'
import type { ModuleSeed } from './seed/module-builder.ts'
import type { FieldMapping, Operation } from './types.ts'

/** Zoho's limit on mapped fields and CSV columns per job. */
export const MAX_COLUMNS = 200

/** A job request after its JSON was checked, before the CSV is read. */
export interface JobRequest {
  operation: Operation
  characterEncoding: string | null
  ignoreEmpty: boolean
  callback: { url: string; method: string } | null
  module: ModuleSeed
  fileId: string
  fileNames: string[] | null
  findBy: string | null
  resourceIgnoreEmpty: boolean | null
  mappings: FieldMapping[] | null
}

/** A 400 with `{api_name, json_path}` details, Zoho's usual shape. */
export function bad(
  code: string,
  message: string,
  apiName: string,
  path: string,
) {
  return errorReply(400, code, message, { api_name: apiName, json_path: path })
}

/**
 * Checks the top level of `POST /crm/bulk/v8/write` (operation, callback,
 * resource, module, file_id, find_by) and returns the parts the rest of
 * the checks need, or Zoho's error.
 */
export function parseJobRequest(
  body: unknown,
  metadata: Metadata,
): JobRequest | JsonReply {
  if (!isObject(body)) {
    return errorReply(400, 'INVALID_DATA', 'the request body is not valid JSON')
  }

  const operation = body.operation
  if (operation === undefined) {
    return bad(
      'MANDATORY_NOT_FOUND',
      'required key operation is not found in request body.',
      'operation',
      '$.operation',
    )
  }
  if (
    operation !== 'insert' &&
    operation !== 'update' &&
    operation !== 'upsert'
  ) {
    return bad(
      'INVALID_DATA',
      'invalid operation: use insert, update or upsert',
      'operation',
      '$.operation',
    )
  }

  const callback = parseCallback(body.callback)
  if (callback !== null && 'status' in callback) return callback

  const resources = body.resource
  if (!Array.isArray(resources) || resources.length === 0) {
    return bad(
      'MANDATORY_NOT_FOUND',
      'required key resource is not found in request body.',
      'resource',
      '$.resource',
    )
  }
  if (resources.length > 1) {
    return bad(
      'NOT_SUPPORTED',
      'LocalCRM runs one resource per job; parent/child imports are not supported',
      'resource',
      '$.resource',
    )
  }

  const resource: unknown = resources[0]
  const at = '$.resource[0]'
  if (!isObject(resource)) {
    return bad(
      'INVALID_DATA',
      'resource entries must be objects',
      'resource',
      at,
    )
  }
  if (resource.type !== 'data') {
    return bad(
      'INVALID_DATA',
      'invalid data. resource type must be data',
      'type',
      `${at}.type`,
    )
  }

  const moduleName = isObject(resource.module)
    ? resource.module.api_name
    : resource.module
  if (typeof moduleName !== 'string' || moduleName === '') {
    return bad(
      'MANDATORY_NOT_FOUND',
      'required key module is not found in request body.',
      'module',
      `${at}.module`,
    )
  }
  const module = metadata.module(moduleName)
  if (!module || !module.bulkWritable) {
    return bad(
      'MODULE_NOT_AVAILABLE',
      `Requested module '${moduleName}' is not available.`,
      'module',
      `${at}.module`,
    )
  }

  const fileId = resource.file_id
  if (fileId === undefined || fileId === null || fileId === '') {
    return bad(
      'MANDATORY_NOT_FOUND',
      'required key file_id is not found in request body.',
      'file_id',
      `${at}.file_id`,
    )
  }

  const findBy = typeof resource.find_by === 'string' ? resource.find_by : null
  if (operation !== 'insert' && findBy === null) {
    return bad(
      'MANDATORY_NOT_FOUND',
      'Required key find_by is not available',
      'find_by',
      `${at}.find_by`,
    )
  }

  const fileNames = Array.isArray(resource.file_names)
    ? resource.file_names.filter((n): n is string => typeof n === 'string')
    : null
  const mappings = resource.field_mappings
  if (mappings !== undefined && mappings !== null && !Array.isArray(mappings)) {
    return bad(
      'INVALID_DATA',
      'field_mappings must be an array',
      'field_mappings',
      `${at}.field_mappings`,
    )
  }
  if (Array.isArray(mappings) && mappings.length > MAX_COLUMNS) {
    return bad(
      'HEADER_LIMIT_EXCEEDED',
      `more than ${MAX_COLUMNS} fields are mapped`,
      'field_mappings',
      `${at}.field_mappings`,
    )
  }

  return {
    operation,
    characterEncoding:
      typeof body.character_encoding === 'string'
        ? body.character_encoding
        : null,
    ignoreEmpty: body.ignore_empty === true,
    callback,
    module,
    fileId: String(fileId),
    fileNames,
    findBy,
    resourceIgnoreEmpty:
      typeof resource.ignore_empty === 'boolean' ? resource.ignore_empty : null,
    mappings: Array.isArray(mappings) ? mappings.map(fillMapping) : null,
  }
}

function parseCallback(
  value: unknown,
): { url: string; method: string } | null | JsonReply {
  if (value === undefined || value === null) return null
  if (!isObject(value) || typeof value.url !== 'string') {
    return bad(
      'MANDATORY_NOT_FOUND',
      'required key url is not found in request body.',
      'url',
      '$.callback.url',
    )
  }

  const method = typeof value.method === 'string' ? value.method : ''
  if (method.toLowerCase() !== 'post') {
    return errorReply(
      400,
      'INVALID_CALLBACK_METHOD',
      'invalid callback method',
      {
        supported_callback_methods: ['post'],
      },
    )
  }
  return { url: value.url, method: 'post' }
}

/** Echo shape of a mapping: every key present, nulls filled. */
function fillMapping(raw: unknown): FieldMapping {
  const m = isObject(raw) ? raw : {}
  const int = (v: unknown) =>
    typeof v === 'number'
      ? v
      : typeof v === 'string' && /^-?\d+$/.test(v)
        ? Number(v)
        : null
  return {
    api_name: typeof m.api_name === 'string' ? m.api_name : '',
    index: int(m.index),
    format: typeof m.format === 'string' ? m.format : null,
    find_by: typeof m.find_by === 'string' ? m.find_by : null,
    module:
      typeof m.module === 'string'
        ? m.module
        : isObject(m.module) && typeof m.module.api_name === 'string'
          ? m.module.api_name
          : null,
    parent_column_index: int(m.parent_column_index),
    default_value: isObject(m.default_value) ? m.default_value : null,
  }
}
