/** How long or how often a fault lasts; every fault is bounded. */
export interface FaultBound {
  /** Number of times it fires (default 1; unlimited if only `forMs`). */
  count?: number
  /** Milliseconds from now after which it stops. */
  forMs?: number
}

/** The faults that can be switched on; each key arms one kind. */
export interface FaultSettings {
  /** Delay answers to requests whose path starts with `path`. */
  latency?: FaultBound & { ms: number; path?: string }
  /** Answer 429 TOO_MANY_REQUESTS or a 5xx to a share of requests. */
  httpError?: FaultBound & { status: number; share?: number; path?: string }
  /** Cut the connection of uploads after `afterBytes` of the body. */
  dropUpload?: FaultBound & { afterBytes?: number }
  /** Make jobs end FAILED after `afterRows` rows (default 0). */
  failJob?: FaultBound & { afterRows?: number }
  /** Serve result downloads as bytes that are not a valid ZIP. */
  corruptResult?: FaultBound
  /** Serve result downloads as a small ZIP whose CSV expands to `expandedMb`. */
  zipBomb?: FaultBound & { expandedMb?: number }
  /** Expire every access token now (an action, not a lasting fault). */
  expireTokens?: boolean
}

/** Switches faults on and off, in-process or through the control endpoint. */
export interface FaultController {
  /** Arms the given faults (replacing armed faults of the same kinds). */
  set(settings: FaultSettings): void
  /** Disarms every fault. */
  reset(): void
  /** The armed faults with what is left of their bounds. */
  active(): Record<string, unknown>
  /** Expires every access token now; returns how many there were. */
  expireTokens(): number
}

/** The longest delay the latency fault adds to one request. */
const MAX_LATENCY_MS = 120_000

type Kind = Exclude<keyof FaultSettings, 'expireTokens'>

interface Armed {
  settings: Record<string, unknown>
  remaining: number
  until: number
  /** Running total of `share`; the fault fires each time it passes 1. */
  credit: number
}

/** What the server should do to one request. */
export interface RequestFault {
  latencyMs: number
  errorStatus: number | null
}

/**
 * The fault switchboard. The server asks it before each request, upload,
 * job and download; each question uses up one firing of a fault.
 */
export class Faults implements FaultController {
  private readonly armed = new Map<Kind, Armed>()

  constructor(
    private readonly now: () => number,
    private readonly expire: () => number,
  ) {}

  set(settings: FaultSettings): void {
    for (const [kind, value] of Object.entries(settings)) {
      if (kind === 'expireTokens') {
        if (value) this.expire()
        continue
      }
      if (!value || typeof value !== 'object') continue

      const bound = value as FaultBound
      const count = bound.count ?? (bound.forMs === undefined ? 1 : Infinity)
      this.armed.set(kind as Kind, {
        settings: { ...value },
        remaining: Math.max(0, count),
        until: bound.forMs === undefined ? Infinity : this.now() + bound.forMs,
        credit: 0,
      })
    }
  }

  reset(): void {
    this.armed.clear()
  }

  active(): Record<string, unknown> {
    const out: Record<string, unknown> = {}
    for (const kind of [...this.armed.keys()]) {
      const armed = this.live(kind)
      if (!armed) continue

      out[kind] = {
        ...armed.settings,
        remaining: Number.isFinite(armed.remaining) ? armed.remaining : null,
        until: Number.isFinite(armed.until) ? armed.until : null,
      }
    }
    return out
  }

  expireTokens(): number {
    return this.expire()
  }

  /** Latency and error answer for one request to `path`. */
  onRequest(path: string): RequestFault {
    const latency = this.fire('latency', path)
    const error = this.fire('httpError', path)
    return {
      // Capped so that a typo cannot hang a request for hours.
      latencyMs: latency
        ? Math.min(Number(latency.ms) || 0, MAX_LATENCY_MS)
        : 0,
      errorStatus: error ? Number(error.status) || 500 : null,
    }
  }

  /** Bytes after which to cut this upload, or null to let it through. */
  onUpload(): number | null {
    const fault = this.fire('dropUpload')
    return fault ? Number(fault.afterBytes ?? 1024) : null
  }

  /** Rows after which a starting job fails, or null to let it run. */
  onJobStart(): number | null {
    const fault = this.fire('failJob')
    return fault ? Number(fault.afterRows ?? 0) : null
  }

  /** How a result download is to be spoiled, if at all. */
  onDownload():
    | { kind: 'corrupt' }
    | { kind: 'bomb'; expandedMb: number }
    | null {
    if (this.fire('corruptResult')) return { kind: 'corrupt' }

    const bomb = this.fire('zipBomb')
    return bomb
      ? { kind: 'bomb', expandedMb: Number(bomb.expandedMb ?? 200) }
      : null
  }

  private live(kind: Kind): Armed | undefined {
    const armed = this.armed.get(kind)
    if (armed && (armed.remaining <= 0 || armed.until <= this.now())) {
      this.armed.delete(kind)
      return undefined
    }
    return armed
  }

  private fire(kind: Kind, path?: string): Record<string, unknown> | undefined {
    const armed = this.live(kind)
    if (!armed) return undefined

    const prefix = armed.settings.path
    if (
      path !== undefined &&
      typeof prefix === 'string' &&
      !path.startsWith(prefix)
    ) {
      return undefined
    }

    // A share below 1 fires on a steady rhythm (0.5 = every other request),
    // so that tests see the same sequence every run.
    const share = Number(armed.settings.share ?? 1)
    armed.credit += share
    if (armed.credit < 1) return undefined

    armed.credit -= 1
    armed.remaining -= 1
    return armed.settings
  }
}
