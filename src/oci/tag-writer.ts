// The one read-modify-write of a tag (cosign's .sig/.att, the referrers fallback index). It converges without
// registry support: many registries ignore If-Match, so after writing we wait, re-read, and merge again.
import { setTimeout as delay } from 'node:timers/promises'
import { errorChain } from '../errors/index.js'
import { isBlobUnknown, RegistryError, TagRaceError } from './errors.js'

/** What a read of the tag found. */
export interface TagState<E> {
  entries: E[]
  /** The manifest digest read. */
  digest: string
  /** Sent back as If-Match, for the registries that honour it. */
  etag?: string
}

export interface TagSpec<E, S extends TagState<E> = TagState<E>> {
  /** The tag's reference, for messages. */
  tag: string
  /** Equal keys are one entry. */
  key(entry: E): string
  /** The tag now; undefined when it does not exist yet. */
  read(): Promise<S | undefined>
  /** Replaces the tag with `entries` (what `current` holds first, in order); returns the digest written. */
  write(current: S | undefined, entries: E[]): Promise<string>
  /** The slow part of a write (blob uploads), done before a quick re-read decides whether to write at all. */
  prepare?(current: S | undefined, entries: E[]): Promise<void>
}

export interface ConvergeOptions {
  /** Reads that may find entries missing before giving up (each is followed by a write). */
  attempts?: number
  /** Least wait between a write and its confirming re-read. */
  minSettleMs?: number
  /**
   * The contract every writer keeps: a write goes out at most this long after the read it is based on began,
   * or it reads again. The settle wait covers it, so a peer's late write cannot slip in after our re-read.
   */
  writeWindowMs?: number
  random?: () => number
  sleep?: (ms: number) => Promise<void>
  now?: () => number
  /** Debug lines (each re-merge and 412), as the HTTP client's `log`. */
  log?: (line: string) => void
}

export interface Converged<S> {
  /** The confirming read: every entry of ours (and every other writer's we saw) is in it. */
  current: S
  /** Keys of ours that the first read lacked. */
  added: string[]
  writes: number
}

const DEFAULTS = { attempts: 8, minSettleMs: 100, maxSettleMs: 5000, writeWindowMs: 400 }

/**
 * Adds `ours` to the tag until a re-read made after our last write (and a settle time longer than another
 * writer's read-to-write window) holds them, and every entry we saw in an earlier read: a writer that read
 * before our write and wrote after it would otherwise drop ours silently. Each wait doubles, with jitter.
 */
export async function convergeTag<E, S extends TagState<E>>(
  spec: TagSpec<E, S>,
  ours: E[],
  opts: ConvergeOptions = {}
): Promise<Converged<S>> {
  const attempts = opts.attempts ?? DEFAULTS.attempts
  const minSettle = opts.minSettleMs ?? DEFAULTS.minSettleMs
  const random = opts.random ?? Math.random
  const sleep = opts.sleep ?? ((ms: number) => delay(ms).then(() => undefined))
  const now = opts.now ?? Date.now
  const log = opts.log ?? (() => undefined)
  const window = opts.writeWindowMs ?? DEFAULTS.writeWindowMs
  const seen = new Map(ours.map(e => [spec.key(e), e]))
  let added: string[] | undefined
  let writes = 0
  let lastMissing: E[] = []
  let late = 0
  for (let attempt = 1; ; attempt++) {
    let basedOn = now()
    const current = await spec.read()
    const present = new Set((current?.entries ?? []).map(e => spec.key(e)))
    added ??= ours.map(e => spec.key(e)).filter(k => !present.has(k))
    for (const e of current?.entries ?? []) if (!seen.has(spec.key(e))) seen.set(spec.key(e), e)
    const missing = [...seen.entries()].filter(([k]) => !present.has(k)).map(([, e]) => e)
    if (missing.length === 0 && current) return { current, added, writes }
    if (attempt > attempts) throw raced(spec, attempt - 1, writes, lastMissing.length, ours.length)
    if (writes > 0)
      log(
        `${spec.tag}: re-merging (write ${writes + 1}): a re-read after our write lacks ${missing.length} ` +
          'entries, another writer raced us'
      )
    lastMissing = missing
    const backoff = (base: number) =>
      Math.min(DEFAULTS.maxSettleMs, base * 2 ** (attempt - 1)) * (0.5 + random())
    if (spec.prepare) {
      await spec.prepare(current, [...(current?.entries ?? []), ...missing])
      // Uploads can be slow (retries): a write sent long after its read could drop what another job added
      // meanwhile, and that job may already have confirmed and left. Write only if the tag is still as read.
      basedOn = now()
      if ((await spec.read())?.digest !== current?.digest) {
        log(`${spec.tag}: changed while our blobs uploaded; merging again before writing`)
        continue
      }
    }
    // Our side of the contract: a write based on an older read could land after a peer's settle wait.
    // Twice late in a row (a machine this loaded) we write anyway and wait out our own span instead.
    const overdue = now() - basedOn > window
    if (overdue && late < 2) {
      late++
      log(
        `${spec.tag}: ${now() - basedOn} ms since the read, over the ${window} ms write window; reading again`
      )
      attempt--
      continue
    }
    late = 0
    const sent = now()
    // The wait covers a peer's window (the contract, plus a PUT as slow as ours three times over), jittered
    // upwards only so that writers who raced fall out of step, doubling each round; an overdue write of ours
    // waits 3× its own span as well. A wait scaled by our blob uploads instead cost seconds per tag.
    const settle = () => {
      const put = now() - sent
      const base = Math.max(minSettle, window + 3 * put, overdue ? 3 * (now() - basedOn) : 0)
      return Math.min(DEFAULTS.maxSettleMs, base * 2 ** (attempt - 1)) * (1 + random() / 2)
    }
    try {
      await spec.write(current, [...(current?.entries ?? []), ...missing])
    } catch (err) {
      if (err instanceof RegistryError && err.status === 412) {
        // The registry honours If-Match and someone wrote since our read: nothing of ours was written.
        log(`${spec.tag}: If-Match refused (412), another writer changed the tag; reading it again`)
        await sleep(backoff(minSettle / 2))
        continue
      }
      if (!transient(err)) throw err
      log(
        `${spec.tag}: write failed (${describeTransient(err)}); reading the tag again before the next write`
      )
      // It may have landed all the same (a dropped connection), so the next read waits as after a write.
      await sleep(Math.max(settle(), (err as { retryAfterMs?: number }).retryAfterMs ?? 0))
      continue
    }
    writes++
    await sleep(settle())
  }
}

/** A write that may succeed if tried again: rate limit, server error, or the connection (the write may have landed). */
function transient(err: unknown): boolean {
  return errorChain(err).some(cause => {
    const e = cause as { status?: number; code?: string }
    if (e.status !== undefined && (e.status === 429 || e.status >= 500)) return true
    if (e.code === 'HTTP_NETWORK' || e.code === 'HTTP_TIMEOUT') return true
    // cosign-layout.ts has uploaded the blob whose link the registry lost: the next write can name it.
    return isBlobUnknown(cause)
  })
}

function describeTransient(err: unknown): string {
  const status = (err as { status?: number }).status
  return status !== undefined ? `HTTP ${status}` : 'network'
}

function raced(spec: { tag: string }, reads: number, writes: number, missing: number, ours: number) {
  return new TagRaceError(
    spec.tag,
    `${spec.tag}: another writer raced us; after ${writes} writes and ${reads} re-reads the tag still lacks ` +
      `${missing} entries (${ours} of ours to add). Re-run the job once the parallel jobs are done: appending ` +
      'is safe, and the signatures of this run are already logged in Rekor'
  )
}

interface Batch<E, S extends TagState<E>> {
  entries: E[]
  result: Promise<Converged<S>>
}

/**
 * Writes of one tag inside this process go one at a time (a parallel job is another process, which
 * convergeTag handles); adds that arrive while an earlier write of the tag is under way share the next write.
 */
export class TagWriters {
  private readonly tails = new Map<string, Promise<unknown>>()
  private readonly open = new Map<string, Batch<unknown, TagState<unknown>>>()

  constructor(private readonly defaults: ConvergeOptions = {}) {}

  add<E, S extends TagState<E>>(
    key: string,
    entries: E[],
    spec: TagSpec<E, S>,
    opts: ConvergeOptions = {}
  ): Promise<Converged<S>> {
    let batch = this.open.get(key) as Batch<E, S> | undefined
    if (!batch) {
      const pending: E[] = []
      const before = this.tails.get(key) ?? Promise.resolve()
      const result = before
        .catch(() => undefined)
        .then(() => {
          // The batch closes when its write starts: later adds go in the next one.
          if (this.open.get(key)?.entries === pending) this.open.delete(key)
          return convergeTag(spec, pending, { ...this.defaults, ...opts })
        })
      const tail = result.catch(() => undefined)
      this.tails.set(key, tail)
      void tail.then(() => {
        if (this.tails.get(key) === tail) this.tails.delete(key)
      })
      batch = { entries: pending, result }
      this.open.set(key, batch as unknown as Batch<unknown, TagState<unknown>>)
    }
    batch.entries.push(...entries)
    return batch.result
  }
}

/** One table per process, so separate pipeline runs (and registry clients) in one process never race. */
export const processTagWriters = new TagWriters()
