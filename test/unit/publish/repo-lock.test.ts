import { describe, expect, it } from '@jest/globals'
import { RepositoryLocks } from '../../../src/publish/repo-lock.js'

const tick = () => new Promise(r => setTimeout(r, 5))

describe('RepositoryLocks', () => {
  it('runs work on one repository one at a time, other repositories in parallel, and survives failures', async () => {
    const locks = new RepositoryLocks()
    const events: string[] = []
    const job = (repo: string, id: string, fail = false) =>
      locks.run(repo, async () => {
        events.push(`start ${id}`)
        await tick()
        events.push(`end ${id}`)
        if (fail) throw new Error(id)
        return id
      })
    const results = await Promise.allSettled([job('a', 'a1', true), job('a', 'a2'), job('b', 'b1')])
    expect(results.map(r => r.status)).toEqual(['rejected', 'fulfilled', 'fulfilled'])
    expect(events.indexOf('end a1')).toBeLessThan(events.indexOf('start a2'))
    expect(events.indexOf('start b1')).toBeLessThan(events.indexOf('end a1'))
  })
})
