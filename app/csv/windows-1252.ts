/**
 * What Windows-1252 puts at the bytes 0x80–0x9F (the euro sign, curly
 * quotes, dashes…), per the WHATWG Encoding Standard; five bytes it leaves
 * undefined stand for themselves.
 */
const HIGH_BYTES =
  '\u20ac\u0081\u201a\u0192\u201e\u2026\u2020\u2021\u02c6\u2030\u0160\u2039\u0152\u008d\u017d\u008f' +
  '\u0090\u2018\u2019\u201c\u201d\u2022\u2013\u2014\u02dc\u2122\u0161\u203a\u0153\u009d\u017e\u0178'

const C1 = /[\u0080-\u009f]/
const C1_ALL = /[\u0080-\u009f]/g

/**
 * Text decoded as Windows-1252, corrected where the decoder read the bytes
 * 0x80–0x9F as Latin-1 control characters (Node 20 does: nodejs/node#60888).
 * Such control characters cannot come from a real Windows-1252 decoder, so
 * the correction never changes right text.
 */
export function repairWindows1252(text: string): string {
  if (!C1.test(text)) return text

  return text.replace(
    C1_ALL,
    (c) => HIGH_BYTES[c.charCodeAt(0) - 0x80] as string,
  )
}
