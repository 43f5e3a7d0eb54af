// convergeTag against an in-memory tag that, like distribution 2.8, ignores If-Match: racing writers are
// played at exact moments (in the settle wait) so each interleaving is deterministic.
import { describe, expect, it } from '@jest/globals'
import { RegistryError, TagRaceError } from '../../../src/oci/errors.js'
import { convergeTag, TagWriters, type TagSpec, type TagState } from '../../../src/oci/tag-writer.js'

interface Store {
  entries: string[]
  version: number
  events: string[]
}

function tag(store: Store, opts: { refuseFirstPut?: boolean; failFirstPut?: number } = {}): TagSpec<string> {
  let refuse = opts.refuseFirstPut ?? false
  let fail = opts.failFirstPut
  return {
    tag: 'reg/app:sha256-ab.sig',
    key: e => e,
    read: async () => {
      store.events.push('read')
      return store.version === 0
        ? undefined
        : { entries: [...store.entries], digest: `v${store.version}`, etag: `"v${store.version}"` }
    },
    write: async (_current: TagState<string> | undefined, entries: string[]) => {
      if (refuse) {
        refuse = false
        throw new RegistryError('REGISTRY_CONFLICT', 'precondition failed', { status: 412 })
      }
      if (fail !== undefined) {
        const status = fail
        fail = undefined
        store.events.push(`write failed ${status}`)
        throw new RegistryError('REGISTRY_ERROR', `answered ${status}`, { status })
      }
      store.events.push(`write ${entries.join(',')}`)
      store.entries = [...entries]
      return `v${++store.version}`
    }
  }
}

/** Another process's write from a stale read: replaces the tag, ignoring If-Match as the registry does. */
const clobber = (store: Store, entries: string[]) => () => {
  store.events.push(`other ${entries.join(',')}`)
  store.entries = entries
  store.version++
}

/** A sleep that runs the scheduled racing writes, one per wait, and records the waits. */
function scripted(races: Array<(() => void) | undefined>, waits: number[] = []) {
  return async (ms: number) => {
    waits.push(ms)
    races.shift()?.()
  }
}

const fixed = { random: () => 0.5, now: () => 0 }

/** A clock that each read, write and upload of the spec moves on by its given time. */
function timed(spec: TagSpec<string>, ms: { read: number; write: number; prepare?: number }) {
  let clock = 0
  const advance = (by: number) => void (clock += by)
  return {
    now: () => clock,
    advance,
    spec: {
      ...spec,
      read: async () => (advance(ms.read), spec.read()),
      write: async (current: TagState<string> | undefined, entries: string[]) => (
        advance(ms.write),
        spec.write(current, entries)
      ),
      ...(ms.prepare !== undefined ? { prepare: async () => advance(ms.prepare!) } : {})
    } satisfies TagSpec<string>
  }
}

describe('convergeTag on a registry that ignores If-Match', () => {
  it("after a failed write reads again before writing, so another job's entry added meanwhile survives", async () => {
    // A 503 on our write, then another job adds "b" before we try again: a blind retry of our first state
    // (what the HTTP client would do) would write ["a"] and drop "b".
    const store: Store = { entries: [], version: 0, events: [] }
    const lines: string[] = []
    const result = await convergeTag(tag(store, { failFirstPut: 503 }), ['a'], {
      ...fixed,
      sleep: scripted([clobber(store, ['b'])]),
      log: l => lines.push(l)
    })
    expect(store.entries.sort()).toEqual(['a', 'b'])
    expect(store.events).toEqual(['read', 'write failed 503', 'other b', 'read', 'write b,a', 'read'])
    expect(result.writes).toBe(1)
    expect(lines.join('\n')).toContain('write failed (HTTP 503); reading the tag again')
  })

  it('writes nothing when the tag changed while its blobs uploaded, and merges the newcomer first', async () => {
    const store: Store = { entries: ['x'], version: 1, events: [] }
    let uploads = 0
    const spec = {
      ...tag(store),
      prepare: async () => {
        // The first upload is slow (retried): another job writes meanwhile.
        if (uploads++ === 0) clobber(store, ['x', 'b'])()
      }
    }
    const lines: string[] = []
    await convergeTag(spec, ['a'], { ...fixed, sleep: scripted([]), log: l => lines.push(l) })
    expect(store.entries.sort()).toEqual(['a', 'b', 'x'])
    expect(store.events).toEqual(['read', 'other x,b', 'read', 'read', 'read', 'write x,b,a', 'read'])
    expect(lines.join('\n')).toContain('changed while our blobs uploaded')
  })

  it('does not retry a write that failed for good', async () => {
    const store: Store = { entries: [], version: 0, events: [] }
    await expect(
      convergeTag(tag(store, { failFirstPut: 403 }), ['a'], { ...fixed, sleep: scripted([]) })
    ).rejects.toThrow('answered 403')
  })

  it('merges again when a writer that read before our write replaced the tag after it', async () => {
    const store: Store = { entries: [], version: 0, events: [] }
    const lines: string[] = []
    const result = await convergeTag(tag(store), ['a'], {
      ...fixed,
      sleep: scripted([clobber(store, ['b'])]),
      log: l => lines.push(l)
    })
    expect(store.entries).toEqual(['b', 'a'])
    expect(result.writes).toBe(2)
    expect(result.added).toEqual(['a'])
    // The confirming read comes after our last write.
    expect(store.events).toEqual(['read', 'write a', 'other b', 'read', 'write b,a', 'read'])
    expect(lines).toEqual([
      'reg/app:sha256-ab.sig: re-merging (write 2): a re-read after our write lacks 1 entries, another writer raced us'
    ])
  })

  it("puts back another writer's entries it saw, when a third writer drops them", async () => {
    const store: Store = { entries: ['x'], version: 1, events: [] }
    await convergeTag(tag(store), ['a'], { ...fixed, sleep: scripted([clobber(store, ['c'])]) })
    expect(store.entries).toEqual(['c', 'a', 'x'])
  })

  it('writes nothing when the tag holds our entries already', async () => {
    const store: Store = { entries: ['a', 'b'], version: 1, events: [] }
    const result = await convergeTag(tag(store), ['a'], { ...fixed, sleep: scripted([]) })
    expect(result).toMatchObject({ writes: 0, added: [] })
    expect(store.events).toEqual(['read'])
  })

  it('waits the write window plus three of its PUTs, jittered upwards, doubling after each raced write', async () => {
    const store: Store = { entries: [], version: 0, events: [] }
    const waits: number[] = []
    const clock = timed(tag(store), { read: 10, write: 20 })
    await convergeTag(clock.spec, ['a'], {
      random: () => 0.5,
      now: clock.now,
      writeWindowMs: 400,
      minSettleMs: 10,
      sleep: scripted([clobber(store, ['b']), clobber(store, ['c'])], waits)
    })
    expect(waits).toEqual([575, 1150, 2300]) // (400 + 3 × 20 ms) × 1.25, doubling each round
    const jittered: number[] = []
    for (const random of [() => 0, () => 0.999])
      await convergeTag(tag({ entries: [], version: 0, events: [] }), ['a'], {
        random,
        now: () => 0,
        writeWindowMs: 50,
        minSettleMs: 100,
        sleep: scripted([], jittered)
      })
    // The jitter never takes a wait below the floor (nor below the window): 1× to 1.5× of it.
    expect(jittered.map(Math.round)).toEqual([100, 150])
  })

  it('does not let slow blob uploads lengthen the wait: the write is based on the re-read after them', async () => {
    // A peer could drop ours only between its last read and its write landing: uploads come before that read
    // (scaling the wait by them once made every tag wait seconds).
    const store: Store = { entries: [], version: 0, events: [] }
    const clock = timed(tag(store), { read: 10, write: 10, prepare: 2000 })
    const waits: number[] = []
    await convergeTag(clock.spec, ['a'], {
      random: () => 0.5,
      now: clock.now,
      writeWindowMs: 400,
      minSettleMs: 1,
      sleep: scripted([], waits)
    })
    expect(waits).toEqual([537.5]) // (400 + 3 × 10 ms) × 1.25
  })

  it('does not send a write based on a read older than the write window: it reads again first', async () => {
    // Another job's write landing between that read and our late PUT would be dropped after its own wait ended.
    const store: Store = { entries: [], version: 0, events: [] }
    const clock = timed(tag(store), { read: 10, write: 10 })
    let slowOnce = true
    const spec: TagSpec<string> = {
      ...clock.spec,
      read: async () => {
        const read = await clock.spec.read()
        if (slowOnce) {
          slowOnce = false
          clobber(store, ['peer'])() // a peer writes while our process is descheduled
          clock.advance(500)
        }
        return read
      }
    }
    const lines: string[] = []
    await convergeTag(spec, ['a'], {
      random: () => 0.5,
      now: clock.now,
      writeWindowMs: 400,
      sleep: scripted([]),
      log: l => lines.push(l)
    })
    expect(store.events).toEqual(['read', 'other peer', 'read', 'write peer,a', 'read'])
    expect(lines.join('\n')).toMatch(/over the 400 ms write window; reading again/)
  })

  it('on a machine too slow for the window writes after two late reads, and waits 3× its own span', async () => {
    const store: Store = { entries: [], version: 0, events: [] }
    const clock = timed(tag(store), { read: 500, write: 20 })
    const waits: number[] = []
    await convergeTag(clock.spec, ['a'], {
      random: () => 0.5,
      now: clock.now,
      writeWindowMs: 400,
      sleep: scripted([], waits)
    })
    expect(store.events).toEqual(['read', 'read', 'read', 'write a', 'read'])
    expect(waits).toEqual([1950]) // 3 × (read 500 + write 20 ms) × 1.25
  })

  it('after a write that failed in transit waits as after a write, since it may have landed', async () => {
    const store: Store = { entries: [], version: 0, events: [] }
    const clock = timed(tag(store, { failFirstPut: 503 }), { read: 100, write: 100 })
    const waits: number[] = []
    await convergeTag(clock.spec, ['a'], {
      random: () => 0.5,
      now: clock.now,
      writeWindowMs: 400,
      minSettleMs: 1,
      sleep: scripted([], waits)
    })
    expect(store.events).toEqual(['read', 'write failed 503', 'read', 'write a', 'read'])
    expect(waits).toEqual([875, 1750]) // (400 + 3 × 100 ms) × 1.25, then the second attempt's doubled settle
  })

  it('gives up after the bounded attempts with a coded error naming the tag and what to do', async () => {
    const store: Store = { entries: [], version: 0, events: [] }
    const always = Array.from({ length: 10 }, (_, i) => clobber(store, [`o${i}`]))
    const err = await convergeTag(tag(store), ['a'], {
      ...fixed,
      attempts: 3,
      sleep: scripted(always)
    }).catch((e: unknown) => e)
    expect(err).toBeInstanceOf(TagRaceError)
    expect(err).toMatchObject({ code: 'TAG_WRITE_RACED', tag: 'reg/app:sha256-ab.sig' })
    const message = (err as Error).message
    expect(message).toContain('reg/app:sha256-ab.sig: another writer raced us')
    expect(message).toContain('Re-run the job')
    expect(message).toContain('logged in Rekor')
    expect(store.events.filter(e => e.startsWith('write'))).toHaveLength(3)
  })

  it('on a 412 (a registry that honours If-Match) reads again and merges, without a settle wait', async () => {
    const store: Store = { entries: ['x'], version: 1, events: [] }
    const waits: number[] = []
    const result = await convergeTag(tag(store, { refuseFirstPut: true }), ['a'], {
      ...fixed,
      minSettleMs: 100,
      sleep: scripted([clobber(store, ['x', 'y'])], waits)
    })
    expect(store.entries).toEqual(['x', 'y', 'a'])
    expect(result.writes).toBe(1)
    expect(waits).toEqual([50, 1000]) // a short back-off after the 412, then the second attempt's (2 × 400 ms) settle
  })

  it('passes other errors through at once', async () => {
    const spec: TagSpec<string> = {
      ...tag({ entries: [], version: 0, events: [] }),
      write: async () => {
        throw new RegistryError('REGISTRY_DENIED', 'denied', { status: 403 })
      }
    }
    await expect(convergeTag(spec, ['a'], fixed)).rejects.toMatchObject({ code: 'REGISTRY_DENIED' })
  })
})

describe('TagWriters', () => {
  it("serialises one tag's writes in this process and batches the adds that arrive meanwhile", async () => {
    const store: Store = { entries: [], version: 0, events: [] }
    const writers = new TagWriters({ ...fixed, sleep: async () => undefined })
    let open!: () => void
    const gate = new Promise<void>(r => (open = r))
    const plain = tag(store)
    // The first read waits at the gate, so the third and fourth adds arrive while that write is under way.
    const spec: TagSpec<string> = { ...plain, read: () => gate.then(() => plain.read()) }
    const first = writers.add('k', ['a'], spec)
    const second = writers.add('k', ['b'], spec) // same tick: same write
    await new Promise(r => setImmediate(r))
    expect(store.events).toEqual([])
    const third = writers.add('k', ['c'], spec)
    const fourth = writers.add('k', ['d'], spec)
    open()
    const results = await Promise.all([first, second, third, fourth])
    expect(store.events.filter(e => e.startsWith('write'))).toEqual(['write a,b', 'write a,b,c,d'])
    expect(results.map(r => r.added)).toEqual([
      ['a', 'b'],
      ['a', 'b'],
      ['c', 'd'],
      ['c', 'd']
    ])
  })

  it('lets the next write of a tag go ahead after one failed', async () => {
    const writers = new TagWriters({ ...fixed, sleep: async () => undefined })
    const store: Store = { entries: [], version: 0, events: [] }
    const failing: TagSpec<string> = {
      ...tag(store),
      read: async () => {
        throw new Error('boom')
      }
    }
    const bad = writers.add('k', ['a'], failing)
    bad.catch(() => undefined)
    await new Promise(r => setImmediate(r))
    const good = writers.add('k', ['b'], tag(store))
    await expect(bad).rejects.toThrow('boom')
    await expect(good).resolves.toMatchObject({ writes: 1 })
  })
})
