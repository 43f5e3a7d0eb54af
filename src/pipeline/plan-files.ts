// Plan for files: subject-path patterns and subject-checksums lines → FileSubject[], every problem found
// before anything is signed. Names are base names, as actions/attest writes file subjects.
import { createHash } from 'node:crypto'
import { createReadStream } from 'node:fs'
import { glob, readFile, stat } from 'node:fs/promises'
import { basename, isAbsolute, relative, resolve } from 'node:path'
import { errorText } from '../errors/index.js'
import type { Digest } from '../oci/name.js'
import type { FileSubject } from '../subject/index.js'
import { PipelineError } from './errors.js'

/** actions/attest's cap on subjects per attestation; one statement lists every file, so it is ours too. */
export const MAX_FILE_SUBJECTS = 1024
/** A checksums file longer than this cannot hold MAX_FILE_SUBJECTS sane lines (actions/attest: 512 B a line). */
export const MAX_CHECKSUMS_BYTES = 512 * MAX_FILE_SUBJECTS

const GLOB_CHARS = /[*?[\]{}]/

export interface FileInputs {
  /** subject-path entries (paths or globs), already split. */
  paths: readonly string[]
  /** subject-checksums: a path to a sha256sum-format file, or that content itself. */
  checksums?: string
  /** Where relative paths start (the workspace on a runner). */
  cwd: string
}

const missing = (cause: unknown): boolean => (cause as { code?: unknown }).code === 'ENOENT'

const bad = (input: string, message: string, cause?: unknown): PipelineError =>
  new PipelineError('SUBJECT_INVALID', input, 'plan', message, cause === undefined ? undefined : { cause })

async function sha256File(path: string): Promise<Digest> {
  const hash = createHash('sha256')
  for await (const chunk of createReadStream(path)) hash.update(chunk as Buffer)
  return `sha256:${hash.digest('hex')}` as Digest
}

/** The files one subject-path entry names: a literal path must be a file; a glob must match one. */
async function filesOf(pattern: string, cwd: string): Promise<string[]> {
  if (!GLOB_CHARS.test(pattern)) {
    const path = resolve(cwd, pattern)
    const info = await stat(path).catch((cause: unknown) => {
      throw new PipelineError(
        'SUBJECT_NOT_FOUND',
        pattern,
        'plan',
        `subject-path: ${missing(cause) ? 'no such file' : `cannot read it (${errorText(cause)})`}; build it before this step, or fix the path`,
        { cause }
      )
    })
    if (!info.isFile())
      throw bad(
        pattern,
        `subject-path: is ${info.isDirectory() ? 'a directory' : 'not a regular file'}; name its files, e.g. ${pattern.replace(/\/+$/, '')}/*`
      )
    return [path]
  }
  const found: string[] = []
  for await (const match of glob(pattern, { cwd })) {
    const path = isAbsolute(match) ? match : resolve(cwd, match)
    // As actions/attest: a glob's directories are not subjects, only its files.
    if ((await stat(path)).isFile()) found.push(path)
  }
  if (found.length === 0)
    throw new PipelineError(
      'SUBJECT_NOT_FOUND',
      pattern,
      'plan',
      // An absolute pattern is not looked up under the workspace: naming it there would mislead.
      `subject-path: the pattern matches no file${isAbsolute(pattern) ? '' : ` under ${cwd}`} (nothing was signed)`
    )
  return found.sort()
}

/** One `sha256sum` line: `<64 hex>  name` (text mode) or `<64 hex> *name` (binary mode). */
export function parseChecksumLine(line: string): { name: string; digest: Digest } | string {
  // sha256sum writes a leading backslash when the name holds a backslash or newline, escaped.
  const escaped = line.startsWith('\\')
  const m = /^([0-9a-fA-F]+) [ *](.+)$/.exec(escaped ? line.slice(1) : line)
  if (!m) return 'is not "<sha256 hex>  <file name>" (sha256sum output)'
  const hex = m[1]!
  if (hex.length !== 64)
    return hex.length === 128
      ? 'is a sha512 digest; statements and cosign match sha256 only: use sha256sum'
      : `has a ${hex.length}-character digest, not sha256's 64`
  const name = escaped ? m[2]!.replace(/\\(\\|n)/g, (_, c: string) => (c === 'n' ? '\n' : '\\')) : m[2]!
  return { name, digest: `sha256:${hex.toLowerCase()}` as Digest }
}

/** subject-checksums: read from the file it names when there is one, else taken as the content itself. */
async function checksumSubjects(value: string, cwd: string): Promise<FileSubject[]> {
  const firstLine = value.split(/\r?\n/, 1)[0]!.trim()
  // Content starts the way sha256sum's lines do (hex, a space); anything else on one line is a path.
  const looksLikePath = !/\r?\n/.test(value.trim()) && !/^\\?[0-9a-fA-F]+ [ *]/.test(firstLine)
  let text = value
  let where = 'subject-checksums'
  if (looksLikePath) {
    const path = resolve(cwd, value.trim())
    const info = await stat(path).catch((cause: unknown) => {
      throw bad(
        value.trim(),
        `subject-checksums: neither a file nor sha256sum lines (${missing(cause) ? 'no such file' : errorText(cause)}); ` +
          'give the path of a SHA256SUMS file or its content',
        cause
      )
    })
    if (!info.isFile()) throw bad(value.trim(), 'subject-checksums: is a directory, not a checksums file')
    if (info.size > MAX_CHECKSUMS_BYTES)
      throw bad(
        value.trim(),
        `subject-checksums: the file is ${info.size} bytes, over the ${MAX_CHECKSUMS_BYTES}-byte limit (${MAX_FILE_SUBJECTS} subjects)`
      )
    text = await readFile(path, 'utf8')
    where = relative(cwd, path) || path
  } else if (Buffer.byteLength(value) > MAX_CHECKSUMS_BYTES)
    throw bad('subject-checksums', `the content is over the ${MAX_CHECKSUMS_BYTES}-byte limit`)
  const out: FileSubject[] = []
  text.split(/\r?\n/).forEach((raw, i) => {
    const line = raw.trimEnd()
    if (line.trim() === '') return
    const parsed = parseChecksumLine(line.trimStart())
    if (typeof parsed === 'string')
      throw bad(where, `subject-checksums: line ${i + 1} ${parsed}: ${JSON.stringify(line.slice(0, 120))}`)
    out.push({ source: 'file', input: where, name: parsed.name, digest: parsed.digest, ref: parsed.name })
  })
  if (out.length === 0) throw bad(where, 'subject-checksums: holds no checksum line')
  return out
}

export async function planFiles(inputs: FileInputs): Promise<FileSubject[]> {
  const subjects: FileSubject[] = []
  for (const pattern of inputs.paths) {
    const files = await filesOf(pattern, inputs.cwd)
    if (subjects.length + files.length > MAX_FILE_SUBJECTS) throw tooMany(subjects.length + files.length)
    for (const path of files) {
      const ref = relative(inputs.cwd, path).startsWith('..') ? path : relative(inputs.cwd, path)
      const digest = await sha256File(path).catch((cause: unknown) => {
        throw bad(ref, `subject-path: cannot read it: ${errorText(cause)}`, cause)
      })
      subjects.push({ source: 'file', input: pattern, name: basename(path), digest, ref, path })
    }
  }
  if (inputs.checksums !== undefined) subjects.push(...(await checksumSubjects(inputs.checksums, inputs.cwd)))
  return distinctNames(subjects)
}

const tooMany = (n: number): PipelineError =>
  bad(
    'subject-path and subject-checksums',
    `${n} files: over the limit of ${MAX_FILE_SUBJECTS} file subjects a run attests (as actions/attest); ` +
      'narrow the patterns, or sign one SHA256SUMS file (as a subject-path) instead of listing every file'
  )

/** One statement names every file by base name: the same name twice must be the same bytes. */
function distinctNames(subjects: FileSubject[]): FileSubject[] {
  const byName = new Map<string, FileSubject>()
  for (const s of subjects) {
    const seen = byName.get(s.name)
    if (!seen) byName.set(s.name, s)
    else if (seen.digest !== s.digest)
      throw bad(
        s.ref,
        `two different files are named ${JSON.stringify(s.name)} (${seen.ref} ${seen.digest.slice(0, 19)}…, ${s.ref} ${s.digest.slice(0, 19)}…); ` +
          'a statement names files by base name, so rename one or attest them in separate steps'
      )
    else if (!seen.path && s.path) byName.set(s.name, s) // a file and its checksums line: keep the file (it can be signed)
  }
  const out = [...byName.values()]
  if (out.length > MAX_FILE_SUBJECTS) throw tooMany(out.length)
  return out
}
