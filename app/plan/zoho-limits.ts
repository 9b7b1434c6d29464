/** Zoho's bulk write limits (api-reference §3.6). */

/** Records in one job's CSV. */
export const MAX_ROWS_PER_JOB = 25_000

/** Size of one uploaded ZIP. */
export const MAX_ZIP_BYTES = 25 * 1024 * 1024

/** Columns in one job's CSV (mapped fields). */
export const MAX_COLUMNS_PER_JOB = 200

/** API credits one bulk write job costs. */
export const JOB_CREDITS = 500
