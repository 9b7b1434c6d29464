/** "line 12" or "lines 12–13" for a record that spans several lines. */
export function describeLines(line: number, endLine: number): string {
  return endLine > line ? `lines ${line}–${endLine}` : `line ${line}`
}

/** Capitalised form for the start of a sentence. */
export function describeLinesAtStart(line: number, endLine: number): string {
  const text = describeLines(line, endLine)
  return text.charAt(0).toUpperCase() + text.slice(1)
}

/** Quotes a cell value for a message, shortened when long. */
export function quoteValue(value: string): string {
  return value.length > 60 ? `“${value.slice(0, 57)}…”` : '“' + value + '”'
}
