import { describe, expect, it } from '@jest/globals'
import { allOrCancel, mapInTwoStages } from '../../../src/pipeline/fail-fast.js'

const tick = (ms: number) => new Promise(r => setTimeout(r, ms))

describe('allOrCancel', () => {
  it('cancels once on the first failure and rethrows it only after every task has settled', async () => {
    const cancelled: unknown[] = []
    let slowDone = false
    const first = new Error('first')
    const tasks = [
      tick(5).then(() => Promise.reject(first)),
      tick(10).then(() => Promise.reject(new Error('second'))),
      tick(40).then(() => {
        slowDone = true
      })
    ]
    await expect(allOrCancel(tasks, cause => cancelled.push(cause))).rejects.toBe(first)
    expect(cancelled).toEqual([first])
    expect(slowDone).toBe(true)
  })

  it('resolves without cancelling when every task succeeds', async () => {
    let cancels = 0
    await allOrCancel([tick(1), Promise.resolve(2)], () => cancels++)
    expect(cancels).toBe(0)
  })
})

describe('mapInTwoStages', () => {
  it('keeps order, respects both limits and overlaps one item’s second stage with the next item’s first', async () => {
    const running = { one: 0, two: 0 }
    const peak = { one: 0, two: 0 }
    const events: string[] = []
    const out = await mapInTwoStages(
      [1, 2, 3, 4, 5],
      { first: 2, second: 1 },
      async n => {
        peak.one = Math.max(peak.one, ++running.one)
        events.push(`1+${n}`)
        await tick(5)
        running.one--
        events.push(`1-${n}`)
        return n * 10
      },
      async (m, n) => {
        peak.two = Math.max(peak.two, ++running.two)
        events.push(`2+${n}`)
        await tick(15)
        running.two--
        events.push(`2-${n}`)
        return m + n
      }
    )
    expect(out).toEqual([11, 22, 33, 44, 55])
    expect(peak).toEqual({ one: 2, two: 1 })
    // Item 3's first stage starts before item 1's second stage has ended.
    expect(events.indexOf('1+3')).toBeLessThan(events.indexOf('2-1'))
  })

  it('holds the first stage back when the second is full, so at most first + second items are in flight', async () => {
    let inFlight = 0
    let peak = 0
    await mapInTwoStages(
      Array.from({ length: 8 }, (_, i) => i),
      { first: 2, second: 1 },
      async n => {
        peak = Math.max(peak, ++inFlight)
        return n
      },
      async () => {
        await tick(5)
        inFlight--
      }
    )
    expect(peak).toBe(3)
  })

  it('after a failure starts no first stage, lets items past it finish the second, and rethrows the first failure', async () => {
    // Driven step by step, not by timers, so a loaded machine cannot reorder it.
    const gate = () => {
      let open!: () => void
      const opened = new Promise<void>(r => (open = r))
      return { opened, open }
    }
    const firstDone = [0, 1, 2, 3, 4, 5].map(gate)
    const failNow = gate()
    const started: number[] = []
    const finished: number[] = []
    const boom = new Error('second stage of 0 failed')
    const settle = () => new Promise(r => setImmediate(r))
    const result = mapInTwoStages(
      [0, 1, 2, 3, 4, 5],
      { first: 2, second: 2 },
      async n => {
        started.push(n)
        await firstDone[n]!.opened
        return n
      },
      async n => {
        if (n === 0) {
          await failNow.opened
          throw boom
        }
        finished.push(n)
      }
    )
    const outcome = result.then(
      () => 'resolved',
      (err: unknown) => err
    )
    await settle()
    expect(started).toEqual([0, 1])
    firstDone[0]!.open() // 0 moves to its second stage, so 2 may start its first
    await settle()
    expect(started).toEqual([0, 1, 2])
    failNow.open() // 0's second stage fails: nothing new starts from here on
    await settle()
    firstDone[1]!.open()
    firstDone[2]!.open()
    expect(await outcome).toBe(boom)
    // 1 and 2 were already signing: they finish their second stage; 3 never starts.
    expect(started).toEqual([0, 1, 2])
    expect(finished.sort()).toEqual([1, 2])
  })

  it('a first-stage failure is rethrown and stops later items', async () => {
    const started: number[] = []
    const boom = new Error('sign failed')
    await expect(
      mapInTwoStages(
        [0, 1, 2, 3],
        { first: 1, second: 1 },
        async n => {
          started.push(n)
          if (n === 1) throw boom
          return n
        },
        async () => undefined
      )
    ).rejects.toBe(boom)
    expect(started).toEqual([0, 1])
  })
})
