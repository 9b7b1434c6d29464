import { keep, refuse, type ValueTransform } from './value-transform.ts'

const TRUE_WORDS = new Set(['yes', 'y', 'true', '1', 'on'])
const FALSE_WORDS = new Set(['no', 'n', 'false', '0', 'off'])

/** yes/no, y/n, true/false, 1/0, on/off (any case) to Zoho's true/false. */
export const checkboxTransform: ValueTransform = {
  description: 'Checkbox words (yes/no, y/n, 1/0, on/off) become true/false',
  apply(value) {
    const word = value.trim().toLowerCase()
    if (word === '') return keep('')

    if (TRUE_WORDS.has(word)) return keep('true')

    if (FALSE_WORDS.has(word)) return keep('false')

    return refuse(
      `“${value}” is not a yes/no value (yes/no, y/n, true/false, 1/0, on/off).`,
    )
  },
}
