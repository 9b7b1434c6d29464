/**
 * For tests: a stand-in for the system browser. It opens LocalCRM's consent
 * page, presses Accept or Reject, and follows the redirect to the loopback
 * listener, as a person in a browser would.
 */

/** Reads the hidden fields of LocalCRM's consent form. */
function hiddenFields(html: string): URLSearchParams {
  const form = new URLSearchParams()
  const input = /<input type="hidden" name="([^"]*)" value="([^"]*)">/g
  const unescape = (text: string) =>
    text.replace(/&#(\d+);/g, (_, code: string) =>
      String.fromCharCode(Number(code)),
    )
  for (const match of html.matchAll(input)) {
    form.set(unescape(match[1] ?? ''), unescape(match[2] ?? ''))
  }
  return form
}

/** What the stand-in browser saw. */
export interface BrowserVisit {
  consentUrl: string
  redirectedTo: string
  finalPage: string
}

/** An `openExternal` that answers the consent page with a decision. */
export function consentClicker(
  decision: 'accept' | 'reject',
  visits: BrowserVisit[] = [],
  tamper: (redirect: URL) => URL = (url) => url,
): (url: string) => Promise<void> {
  return async (consentUrl) => {
    const page = await fetch(consentUrl)
    const form = hiddenFields(await page.text())
    form.set('decision', decision)
    const answer = await fetch(new URL('/oauth/v2/auth', consentUrl), {
      method: 'POST',
      body: form,
      redirect: 'manual',
    })
    const location = answer.headers.get('location') ?? ''
    const target = tamper(new URL(location))
    const final = await fetch(target)
    visits.push({
      consentUrl,
      redirectedTo: target.toString(),
      finalPage: await final.text(),
    })
  }
}
