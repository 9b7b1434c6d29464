import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import type { Session, WebContents } from 'electron'
import { CONTENT_SECURITY_POLICY } from '../content-security-policy.ts'
import { lockDownContents, lockDownSession } from '../lock-down.ts'

type Handler = (...args: never[]) => unknown

/** Records what lock-down registers on a session, in place of Electron's. */
function fakeSession() {
  const handlers: Record<string, Handler> = {}
  const session = {
    on: (event: string, h: Handler) => (handlers[event] = h),
    setPermissionRequestHandler: (h: Handler) => (handlers.request = h),
    setPermissionCheckHandler: (h: Handler) => (handlers.check = h),
    setDevicePermissionHandler: (h: Handler) => (handlers.device = h),
    webRequest: {
      onBeforeRequest: (filter: { urls: string[] }, h: Handler) => {
        handlers.beforeRequest = h
        handlers.filter = () => filter.urls
      },
      onHeadersReceived: (h: Handler) => (handlers.headers = h),
    },
  }
  return { session: session as unknown as Session, handlers }
}

/** Records what lock-down registers on a web contents. */
function fakeContents() {
  const listeners = new Map<string, Handler>()
  let windowOpen: Handler = () => undefined
  const contents = {
    on: (event: string, listener: Handler) => listeners.set(event, listener),
    setWindowOpenHandler: (handler: Handler) => (windowOpen = handler),
  }
  const fire = (name: string, url: string) => {
    let prevented = false
    const event = { preventDefault: () => (prevented = true) }
    const listener = listeners.get(name) as (e: unknown, url: string) => void
    listener(event, url)
    return prevented
  }
  return {
    contents: contents as unknown as WebContents,
    fire,
    openWindow: (url: string) =>
      (windowOpen as (d: unknown) => unknown)({ url }),
  }
}

const PAGE = 'file:///opt/bulkwright/dist/renderer/index.html'

describe('lockDownSession', () => {
  it('refuses every permission request and check', () => {
    const { session, handlers } = fakeSession()
    lockDownSession(session)

    const answers: boolean[] = []
    for (const permission of ['media', 'geolocation', 'notifications']) {
      ;(handlers.request as (...a: unknown[]) => void)(
        {},
        permission,
        (granted: boolean) => answers.push(granted),
      )
    }
    assert.deepEqual(answers, [false, false, false])
    assert.equal((handlers.check as () => boolean)(), false)
    assert.equal((handlers.device as () => boolean)(), false)
  })

  it('lets the page download only blobs it made', () => {
    const { session, handlers } = fakeSession()
    lockDownSession(session)

    const download = (url: string) => {
      let prevented = false
      ;(handlers['will-download'] as (...a: unknown[]) => void)(
        { preventDefault: () => (prevented = true) },
        { getURL: () => url },
      )
      return prevented
    }
    assert.equal(download('blob:file:///8a7c-4f1e'), false)
    assert.equal(download('https://evil.example/payload.exe'), true)
    assert.equal(download('file:///etc/passwd'), true)
  })

  it('cancels network requests made by a page, not by the main process', () => {
    const { session, handlers } = fakeSession()
    lockDownSession(session)

    const decide = (details: object) => {
      let answer: unknown
      ;(handlers.beforeRequest as (...a: unknown[]) => void)(
        details,
        (response: unknown) => (answer = response),
      )
      return answer
    }
    assert.deepEqual((handlers.filter as () => string[])().sort(), [
      'http://*/*',
      'https://*/*',
      'ws://*/*',
      'wss://*/*',
    ])
    assert.deepEqual(
      decide({ url: 'https://evil.example/', webContentsId: 1 }),
      {
        cancel: true,
      },
    )
    assert.deepEqual(decide({ url: 'http://127.0.0.1:9/crm' }), {
      cancel: false,
    })
  })

  it('adds the Content-Security-Policy header to every response', () => {
    const { session, handlers } = fakeSession()
    lockDownSession(session)

    let answer: { responseHeaders: Record<string, string[]> } | undefined
    ;(handlers.headers as (...a: unknown[]) => void)(
      { responseHeaders: { 'Content-Type': ['text/html'] } },
      (response: typeof answer) => (answer = response),
    )
    assert.deepEqual(answer?.responseHeaders, {
      'Content-Type': ['text/html'],
      'Content-Security-Policy': [CONTENT_SECURITY_POLICY],
    })
  })
})

describe('lockDownContents', () => {
  it('lets the page load only the wizard', () => {
    const { contents, fire } = fakeContents()
    lockDownContents(contents, PAGE, async () => undefined)

    assert.equal(fire('will-navigate', PAGE), false)
    assert.equal(fire('will-navigate', 'https://evil.example/'), true)
    assert.equal(fire('will-navigate', 'file:///etc/passwd'), true)
    assert.equal(fire('will-redirect', PAGE), true)
    assert.equal(fire('will-attach-webview', PAGE), true)
  })

  it('denies every new window and hands its URL to the link checker', () => {
    const { contents, openWindow } = fakeContents()
    const handed: string[] = []
    lockDownContents(contents, PAGE, async (url) => handed.push(url))

    assert.deepEqual(openWindow('https://accounts.zoho.com/oauth/v2/auth'), {
      action: 'deny',
    })
    assert.deepEqual(openWindow('https://evil.example/'), { action: 'deny' })
    assert.deepEqual(handed, [
      'https://accounts.zoho.com/oauth/v2/auth',
      'https://evil.example/',
    ])
  })
})
