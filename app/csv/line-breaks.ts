import type { CsvDelimiter } from './csv-types.ts'

/** Line breaks the reader understands. */
export type LineBreak = '\r\n' | '\n' | '\r'

/** How a line break is named in messages. */
export const LINE_BREAK_NAMES: Record<LineBreak, string> = {
  '\r\n': 'CRLF',
  '\n': 'LF',
  '\r': 'CR',
}

/** Lines that end in another break than the file's own, as found so far. */
export interface OtherBreaks {
  /** How many lines end in another break. */
  count: number
  /** The first few of them: the line each ends and the break it ends in. */
  first: { line: number; lineBreak: LineBreak }[]
}

/** Lines listed by name in a note; the rest are only counted. */
const LISTED_LINES = 3

const CR = 13
const LF = 10
const QUOTE = 34
const SPACE = 32
const TAB = 9

/** No other break kind than `main` anywhere in the text (native search). */
export function hasOnlyBreak(text: string, main: LineBreak): boolean {
  if (main === '\n') return !text.includes('\r')

  if (main === '\r') return !text.includes('\n')

  return !/\r(?!\n)|(?<!\r)\n/.test(text)
}

/** Every physical line break in `text`: CRLF, a bare LF or a bare CR. */
export function countLineBreaks(text: string): number {
  let count = 0
  let at = text.indexOf('\n')
  while (at !== -1) {
    count++
    at = text.indexOf('\n', at + 1)
  }

  at = text.indexOf('\r')
  while (at !== -1) {
    if (text.charCodeAt(at + 1) !== LF) count++
    at = text.indexOf('\r', at + 1)
  }

  return count
}

function breakAt(text: string, at: number): LineBreak {
  if (text.charCodeAt(at) === LF) return '\n'

  return text.charCodeAt(at + 1) === LF ? '\r\n' : '\r'
}

/**
 * Where the quoted value opened at `open` closes, read as Papa Parse reads
 * it: a quote followed (after spaces) by the delimiter, a line break or the
 * end; a doubled quote is text. -1 when it does not close in `text`.
 * Without a delimiter (not yet detected), any single quote closes.
 */
function closingQuote(
  text: string,
  open: number,
  delimiter: number | null,
): number {
  let at = open
  for (;;) {
    at = text.indexOf('"', at + 1)
    if (at === -1) return -1

    const next = text.charCodeAt(at + 1)
    if (next === QUOTE) {
      at++
      continue
    }

    if (delimiter === null) return at

    let after = at + 1
    let code = next
    while ((code === SPACE || code === TAB) && code !== delimiter) {
      code = text.charCodeAt(++after)
    }

    const ends = code === delimiter || code === CR || code === LF
    if (after >= text.length || ends) return at
  }
}

/**
 * Calls `visit` for each line break OUTSIDE quoted values, with its
 * position, its kind and the physical line it ends (counted from
 * `firstLine`, line breaks inside values included). Hops between quotes and
 * breaks with a native search rather than looking at every character.
 * Stops at a quoted value that does not close within `text`.
 */
export function eachBreakOutsideQuotes(
  text: string,
  delimiter: CsvDelimiter | null,
  firstLine: number,
  visit: (at: number, lineBreak: LineBreak, line: number) => void,
): void {
  const delimiterCode = delimiter === null ? null : delimiter.charCodeAt(0)
  const hop = /[\r\n"]/g
  let line = firstLine
  for (let match = hop.exec(text); match; match = hop.exec(text)) {
    const at = match.index
    if (text.charCodeAt(at) === QUOTE) {
      // A quote opens a quoted value only at the start of a field.
      const before = at === 0 ? LF : text.charCodeAt(at - 1)
      const opens =
        delimiterCode === null ||
        before === delimiterCode ||
        before === CR ||
        before === LF
      if (!opens) continue

      const close = closingQuote(text, at, delimiterCode)
      if (close === -1) return

      line += countLineBreaks(text.slice(at + 1, close))
      hop.lastIndex = close + 1
      continue
    }

    const lineBreak = breakAt(text, at)
    hop.lastIndex = at + lineBreak.length
    visit(at, lineBreak, line)
    line++
  }
}

/**
 * Rewrites each line break outside quoted values that differs from `main`
 * into `main`, so that every physical line break ends a record; breaks
 * inside quoted values stay exactly as they are. Call it only when
 * `hasOnlyBreak` is false. `firstLine` is the physical line `text` starts
 * on; `found` collects the lines whose break differed. Returns `text`
 * itself when nothing changed.
 */
export function unifyLineBreaks(
  text: string,
  main: LineBreak,
  delimiter: CsvDelimiter | null,
  firstLine: number,
  found: OtherBreaks,
): string {
  const parts: string[] = []
  let copied = 0
  eachBreakOutsideQuotes(text, delimiter, firstLine, (at, lineBreak, line) => {
    if (lineBreak === main) return

    found.count++
    if (found.first.length < LISTED_LINES) found.first.push({ line, lineBreak })

    parts.push(text.slice(copied, at), main)
    copied = at + lineBreak.length
  })
  if (copied === 0) return text

  parts.push(text.slice(copied))
  return parts.join('')
}

/**
 * Which line break a file uses: the only kind in the text, or, when kinds
 * are mixed, the most common one outside quoted values (the first one seen
 * wins a tie), so that line breaks inside values (a spreadsheet's breaks
 * within a cell) do not decide.
 */
export function detectLineBreak(text: string): LineBreak {
  const lf = text.indexOf('\n')
  let first: LineBreak = text.includes('\r') ? '\r' : '\n'
  if (lf !== -1) first = text.charCodeAt(lf - 1) === CR ? '\r\n' : '\n'

  if (hasOnlyBreak(text, first)) return first

  // The delimiter is not known yet: any quote is taken to open or close.
  const counts = new Map<LineBreak, number>()
  let best = first
  eachBreakOutsideQuotes(text, null, 1, (_, lineBreak) => {
    const count = (counts.get(lineBreak) ?? 0) + 1
    counts.set(lineBreak, count)
    if (count > (counts.get(best) ?? 0)) best = lineBreak
  })
  return best
}
