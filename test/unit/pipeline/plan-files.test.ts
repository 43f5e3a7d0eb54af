import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { createHash } from 'node:crypto'
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { PipelineError } from '../../../src/pipeline/errors.js'
import { MAX_FILE_SUBJECTS, parseChecksumLine, planFiles } from '../../../src/pipeline/plan-files.js'

const sha = (s: string): string => createHash('sha256').update(s).digest('hex')
let cwd: string

beforeAll(async () => {
  cwd = await mkdtemp(join(tmpdir(), 'plan-files-'))
  await mkdir(join(cwd, 'dist/linux'), { recursive: true })
  await mkdir(join(cwd, 'other'), { recursive: true })
  await writeFile(join(cwd, 'dist/app-amd64.tar.gz'), 'amd64')
  await writeFile(join(cwd, 'dist/app-arm64.tar.gz'), 'arm64')
  await writeFile(join(cwd, 'dist/linux/images.txt'), 'images')
  await writeFile(join(cwd, 'other/images.txt'), 'different images')
  await writeFile(join(cwd, 'SHA256SUMS'), `${sha('amd64')}  app-amd64.tar.gz\n${sha('x')} *bin/x\n`)
})
afterAll(() => rm(cwd, { recursive: true, force: true }))

async function failure(p: Promise<unknown>): Promise<PipelineError> {
  const err = await p.then(
    () => undefined,
    (e: unknown) => e
  )
  expect(err).toBeInstanceOf(PipelineError)
  return err as PipelineError
}

describe('planFiles', () => {
  it('hashes each file a path or glob matches, named by base name, directories of a glob left out', async () => {
    const files = await planFiles({ paths: ['dist/*.tar.gz', 'dist/**'], cwd })
    expect(files.map(f => [f.name, f.ref, f.digest, f.source])).toEqual([
      ['app-amd64.tar.gz', 'dist/app-amd64.tar.gz', `sha256:${sha('amd64')}`, 'file'],
      ['app-arm64.tar.gz', 'dist/app-arm64.tar.gz', `sha256:${sha('arm64')}`, 'file'],
      ['images.txt', 'dist/linux/images.txt', `sha256:${sha('images')}`, 'file']
    ])
    expect(files[0]!.path).toBe(join(cwd, 'dist/app-amd64.tar.gz'))
  })

  it('adds checksums lines (file or content) unsigned, and keeps the file when both name the same bytes', async () => {
    const files = await planFiles({ paths: ['dist/app-amd64.tar.gz'], checksums: 'SHA256SUMS', cwd })
    expect(files.map(f => [f.name, f.digest, f.path !== undefined])).toEqual([
      ['app-amd64.tar.gz', `sha256:${sha('amd64')}`, true],
      ['bin/x', `sha256:${sha('x')}`, false]
    ])
    const inline = await planFiles({ paths: [], checksums: `${sha('y').toUpperCase()}  y.bin`, cwd })
    expect(inline.map(f => [f.name, f.digest, f.input])).toEqual([
      ['y.bin', `sha256:${sha('y')}`, 'subject-checksums']
    ])
  })

  it.each([
    [
      'a glob matching nothing',
      { paths: ['dist/*.zip'] },
      'SUBJECT_NOT_FOUND',
      /matches no file under \/.* \(nothing/
    ],
    [
      'an absolute glob matching nothing (not said to be under the workspace)',
      { paths: ['/nonexistent-oci-attest/*.zip'] },
      'SUBJECT_NOT_FOUND',
      /the pattern matches no file \(nothing was signed\)/
    ],
    ['a missing file', { paths: ['dist/nope'] }, 'SUBJECT_NOT_FOUND', /no such file/],
    ['a directory', { paths: ['dist'] }, 'SUBJECT_INVALID', /is a directory; name its files, e.g. dist\/\*/],
    [
      'two files with one base name and different bytes',
      { paths: ['dist/linux/images.txt', 'other/images.txt'] },
      'SUBJECT_INVALID',
      /two different files are named "images.txt"/
    ],
    [
      'a malformed checksums line',
      { paths: [], checksums: `${sha('a')}  a\nnot a checksum line\n` },
      'SUBJECT_INVALID',
      /line 2 is not "<sha256 hex> {2}<file name>"/
    ],
    [
      'a sha512 checksums line',
      { paths: [], checksums: `${'ab'.repeat(64)}  a\n` },
      'SUBJECT_INVALID',
      /line 1 is a sha512 digest/
    ],
    [
      'a checksums path that is not there',
      { paths: [], checksums: 'NOSUMS' },
      'SUBJECT_INVALID',
      /neither a file nor sha256sum lines/
    ],
    [
      'a checksums line and a file disagreeing',
      { paths: ['dist/app-arm64.tar.gz'], checksums: `${sha('other')}  app-arm64.tar.gz` },
      'SUBJECT_INVALID',
      /two different files are named "app-arm64.tar.gz"/
    ]
  ])('refuses %s before anything is signed', async (_label, inputs, code, message) => {
    const err = await failure(planFiles({ cwd, ...inputs }))
    expect([err.code, err.phase]).toEqual([code, 'plan'])
    expect(err.message).toMatch(message)
  })

  it(`refuses more than ${MAX_FILE_SUBJECTS} files`, async () => {
    const lines = Array.from({ length: MAX_FILE_SUBJECTS + 1 }, (_, i) => `${sha(String(i))}  f${i}`)
    const err = await failure(planFiles({ paths: [], checksums: lines.join('\n'), cwd }))
    expect(err.message).toMatch(/1025 files: over the limit of 1024/)
    const fits = await planFiles({ paths: [], checksums: lines.slice(1).join('\n'), cwd })
    expect(fits).toHaveLength(MAX_FILE_SUBJECTS)
  })
})

describe('parseChecksumLine', () => {
  it('reads text and binary mode and sha256sum escapes', () => {
    expect(parseChecksumLine(`${sha('a')}  a b.txt`)).toEqual({
      name: 'a b.txt',
      digest: `sha256:${sha('a')}`
    })
    expect(parseChecksumLine(`${sha('a')} *a.bin`)).toEqual({ name: 'a.bin', digest: `sha256:${sha('a')}` })
    expect(parseChecksumLine(`\\${sha('a')}  a\\nb\\\\c`)).toEqual({
      name: 'a\nb\\c',
      digest: `sha256:${sha('a')}`
    })
    expect(parseChecksumLine(`${sha('a')}a`)).toMatch(/is not/)
    expect(parseChecksumLine(`${'a'.repeat(40)}  a`)).toMatch(/40-character digest/)
  })
})
