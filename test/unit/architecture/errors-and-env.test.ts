// Two rules a reader of src/ relies on: every error class is a CodedError, and the environment is read at the
// edges and the run entry only (domain modules get what they need passed in).
import { describe, expect, test } from '@jest/globals'
import { readdirSync, readFileSync } from 'node:fs'
import { dirname, join, relative } from 'node:path'
import { fileURLToPath } from 'node:url'

const SRC = join(dirname(fileURLToPath(import.meta.url)), '../../../src')

function files(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap(e =>
    e.isDirectory() ? files(join(dir, e.name)) : e.name.endsWith('.ts') ? [join(dir, e.name)] : []
  )
}

/** Source without comments, so a comment that names process.env is not a read of it. */
const code = (text: string): string => text.replace(/\/\*[\s\S]*?\*\//g, '').replace(/^\s*\/\/.*$/gm, '')

const sources = files(SRC).map(path => ({
  path: relative(SRC, path),
  text: code(readFileSync(path, 'utf8'))
}))

/** Where `process.env` may be read, each with the reason it is not passed in. */
const ENV_READERS: Record<string, string> = {
  'cli/attest.ts': 'the command-line edge',
  'cli/sbom.ts': 'the command-line edge',
  'cli/verify.ts': 'the command-line edge',
  'pipeline/run/run.ts': 'the run entry: reads it once into the RunContext',
  'http/client.ts': 'proxy and deadline variables apply to every client, including ones a library builds'
}

describe('src/ conventions', () => {
  test('every error class extends the CodedError base (src/errors)', () => {
    const plain = sources.flatMap(({ path, text }) =>
      [...text.matchAll(/class (\w+) extends (?:Error|TypeError|RangeError)\b/g)]
        .filter(() => !path.startsWith('errors/'))
        .map(m => `${path}: ${m[1]}`)
    )
    expect(plain).toEqual([])
  })

  test('process.env is read only at the edges, the run entry and the HTTP client', () => {
    const readers = sources.filter(({ text }) => /process\.env\b/.test(text)).map(({ path }) => path)
    expect(readers.filter(path => !(path in ENV_READERS))).toEqual([])
  })

  test('the rules are read from real files', () => {
    expect(sources.some(({ path }) => path === 'errors/coded-error.ts')).toBe(true)
    expect(sources.some(({ text }) => /extends CodedError</.test(text))).toBe(true)
  })
})
