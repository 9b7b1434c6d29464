import { keep, refuse, type ValueTransform } from './value-transform.ts'

/** What happens to an extension such as `x4715` or `ext. 12`. */
export type ExtensionChoice = 'drop' | 'refuse'

const EXTENSION = /\s*(?:x|ext\.?|extension|#)\s*(\d+)\s*$/i

/** Keeps digits and a leading `+`; extensions as the user chose. */
export function phoneTransform(extension: ExtensionChoice): ValueTransform {
  return {
    description:
      extension === 'drop'
        ? 'Phone numbers keep digits and a leading +; extensions are removed'
        : 'Phone numbers keep digits and a leading +; numbers with an extension are left for you to fix',
    apply(value) {
      const text = value.trim()
      if (text === '') return keep('')

      const match = EXTENSION.exec(text)
      if (match && extension === 'refuse') {
        return refuse(
          `“${value}” has the extension ${match[1]}, which a phone field cannot hold.`,
        )
      }

      const number = match ? text.slice(0, match.index) : text
      if (/[^\d\s()+./-]/.test(number)) {
        return refuse(
          `“${value}” holds characters that are not part of a phone number.`,
        )
      }

      const digits = number.replace(/\D/g, '')
      if (digits === '') return refuse(`“${value}” has no digits.`)

      return keep(number.startsWith('+') ? `+${digits}` : digits)
    },
  }
}
