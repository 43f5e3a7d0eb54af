import { describe, expect, test } from '@jest/globals'
import { nodeVersionProblem, parseFlags, UsageError } from '../../../src/cli/args.js'

describe('nodeVersionProblem', () => {
  test.each(['v20.20.2', '22.12.0', 'v23.9.0'])('refuses %s, naming the version and the fix', v => {
    const problem = nodeVersionProblem(v)
    expect(problem).toContain(`oci-attest needs Node 24 or newer (found ${v.replace(/^v/, '')})`)
    expect(problem).toContain('nodejs.org')
  })
  test.each(['v24.0.0', 'v24.21.0', 'v26.1.0'])('accepts %s', v =>
    expect(nodeVersionProblem(v)).toBeUndefined()
  )
})

describe('parseFlags', () => {
  const options = { platforms: { type: 'string' as const }, json: { type: 'boolean' as const } }
  const problem = (args: string[]): string => {
    try {
      parseFlags({ args, options, allowPositionals: false })
    } catch (err) {
      expect(err).toBeInstanceOf(UsageError)
      return (err as Error).message
    }
    throw new Error('no error')
  }
  test('words Node parse errors as flag problems, quotes balanced', () => {
    expect(problem(['--frob'])).toBe('unknown option --frob')
    expect(problem(['--platforms'])).toBe('option --platforms needs a value (--platforms VALUE)')
    expect(problem(['--json=1'])).toBe('option --json takes no value')
    expect(problem(['extra'])).toBe('unexpected argument extra')
  })
  test('parses good flags', () => {
    expect(parseFlags({ args: ['--platforms', 'index'], options }).values.platforms).toBe('index')
  })
})
