import {
  JOB_CREDITS,
  MAX_COLUMNS_PER_JOB,
  MAX_ROWS_PER_JOB,
  MAX_ZIP_BYTES,
} from './zoho-limits.ts'

/** One job of an import: a run of source rows sent in one ZIP. */
export interface PlannedJob {
  /** 0-based job number. */
  index: number
  /** First and last source row (0-based data rows) in the job. */
  firstRow: number
  lastRow: number
  rowCount: number
  /** Size of the job CSV, header included, in UTF-8 bytes. */
  csvBytes: number
}

/** Limits a plan respects; the defaults are Zoho's (§3.6). */
export interface JobLimits {
  maxRows: number
  /**
   * Budget for the uncompressed CSV. Kept under the 25 MB ZIP limit so that
   * a job fits even when its data does not compress at all.
   */
  maxCsvBytes: number
}

/** Zoho's limits, with the CSV budget set a little under the ZIP limit. */
export const ZOHO_JOB_LIMITS: JobLimits = {
  maxRows: MAX_ROWS_PER_JOB,
  maxCsvBytes: MAX_ZIP_BYTES - 512 * 1024,
}

const NON_ASCII = /[\u0080-\uffff]/
const encoder = new TextEncoder()

/** UTF-8 size of a text, cheap for the common all-ASCII case. */
export function utf8Length(text: string): number {
  return NON_ASCII.test(text) ? encoder.encode(text).length : text.length
}

/** Splits rows into jobs as they stream by; all jobs share one mapping. */
export class JobPlanner {
  private jobs: PlannedJob[] = []
  private current: PlannedJob | null = null

  constructor(
    private readonly headerBytes: number,
    private readonly limits: JobLimits = ZOHO_JOB_LIMITS,
  ) {}

  /** Adds one row of `bytes` UTF-8 bytes (line break included). */
  add(row: number, bytes: number): void {
    const job = this.current
    if (
      job &&
      job.rowCount < this.limits.maxRows &&
      job.csvBytes + bytes <= this.limits.maxCsvBytes
    ) {
      job.rowCount++
      job.lastRow = row
      job.csvBytes += bytes
      return
    }

    this.current = {
      index: this.jobs.length,
      firstRow: row,
      lastRow: row,
      rowCount: 1,
      csvBytes: this.headerBytes + bytes,
    }
    this.jobs.push(this.current)
  }

  /** The jobs planned so far. */
  finish(): PlannedJob[] {
    return this.jobs
  }
}

/** Splits rows (given by their CSV size) into jobs within Zoho's limits. */
export function planJobs(
  rows: Iterable<{ row: number; bytes: number }>,
  headerBytes: number,
  limits: JobLimits = ZOHO_JOB_LIMITS,
): PlannedJob[] {
  const planner = new JobPlanner(headerBytes, limits)
  for (const { row, bytes } of rows) planner.add(row, bytes)
  return planner.finish()
}

/** API credits a plan costs (500 per job). */
export function creditCost(jobs: readonly PlannedJob[]): number {
  return jobs.length * JOB_CREDITS
}

/** True when the mapping fits in one job's columns. */
export function fitsColumnLimit(columnCount: number): boolean {
  return columnCount <= MAX_COLUMNS_PER_JOB
}
