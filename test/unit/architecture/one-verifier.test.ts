// One verifier of published material: every caller goes through src/verify, and only the bundle verifier under
// it runs @sigstore/verify, so a check added there applies to self-verification, `verify` and the dry run alike.
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

const using = (pattern: RegExp): string[] =>
  files(SRC)
    .filter(f => pattern.test(readFileSync(f, 'utf8')))
    .map(f => relative(SRC, f))
    .sort()

describe('one verifier', () => {
  test('self-verification, the verify command and the dry run call the same entry point', () => {
    expect(using(/\.verifySubject\(/)).toEqual([
      'cli/verify.ts',
      'pipeline/confirm-published.ts',
      'pipeline/dry-run-report.ts',
      'verify/verifier.ts'
    ])
  })

  test('only the bundle verifier runs @sigstore/verify, and nothing checks a DSSE signature by hand', () => {
    expect(using(/new Verifier\(|from '@sigstore\/verify'.*\bVerifier\b/)).toEqual([
      'sigstore/verify/bundle-verifier.ts'
    ])
    expect(using(/DSSEv1 /)).toEqual([])
  })
})
