import { shell } from 'electron'
import { createLogger } from '../log/logger.ts'
import { openCheckedLink, type ExternalLinkOutcome } from './external-links.ts'

const log = createLogger('window')

/**
 * The app's only way to open a page outside it: an `https:` URL on the
 * allow-list of Zoho's consent and documentation hosts goes to the system
 * browser; anything else is refused and logged (the reason, not the URL).
 */
export async function openExternalLink(
  url: string,
): Promise<ExternalLinkOutcome> {
  // electronegativity-ok OPEN_EXTERNAL_JS_CHECK: the URL reaching
  // shell.openExternal has passed checkExternalUrl (https, allow-listed host).
  const outcome = await openCheckedLink(
    (checked) => shell.openExternal(checked),
    url,
  )
  if (!outcome.opened) log.warn(`refused an external link: ${outcome.code}`)
  return outcome
}
