import { describe, expect, it } from '@jest/globals'

describe('runtime', () => {
  it('runs the suite on Node 24, the runtime GitHub gives JavaScript actions', () => {
    expect(Number(process.versions.node.split('.')[0])).toBeGreaterThanOrEqual(24)
  })
})
