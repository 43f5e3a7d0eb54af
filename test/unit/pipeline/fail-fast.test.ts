import { describe, expect, it } from '@jest/globals'
import { allOrCancel, mapLimited } from '../../../src/pipeline/fail-fast.js'

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

describe('mapLimited', () => {
  it('keeps order and never runs more than the limit at once', async () => {
    let running = 0
    let peak = 0
    const out = await mapLimited([5, 1, 3, 2, 4], 2, async n => {
      peak = Math.max(peak, ++running)
      await tick(n)
      running--
      return n * 10
    })
    expect(out).toEqual([50, 10, 30, 20, 40])
    expect(peak).toBe(2)
  })

  it('starts no item after one failed, waits for the running ones, and rethrows the first failure', async () => {
    const started: number[] = []
    const finished: number[] = []
    const err = mapLimited([0, 1, 2, 3, 4], 2, async n => {
      started.push(n)
      if (n === 0) {
        await tick(5)
        throw new Error(`item ${n}`)
      }
      await tick(30)
      finished.push(n)
      return n
    })
    await expect(err).rejects.toThrow('item 0')
    expect(started).toEqual([0, 1])
    expect(finished).toEqual([1])
  })
})
