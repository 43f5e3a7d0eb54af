// The action's inputs (and the CLI flags that mirror them) validated up front into one typed object.
// Only the edges know where values come from: src/action passes core.getInput, src/cli its parsed flags.
import { CodedError } from '../../errors/index.js'
import { CustomPredicateError, readCustomPredicate } from '../../attest/custom-predicate.js'
import type { CustomPredicate } from '../../attest/custom-predicate.js'
import { OpenVexError, readOpenVexDocuments, vexPaths } from '../../attest/openvex.js'
import type { OpenVexDocument } from '../../attest/openvex.js'
import { digestProblem, Repository } from '../../oci/index.js'
import type { ProvenanceVersion } from '../../attest/provenance.js'
import type { SbomFormat } from '../../sbom/index.js'
import type { PublishFormat } from '../attest-subject.js'
import type { PlatformSelection } from '../plan.js'
import { SigstoreError } from '../../sigstore/error.js'
import { readSigningConfigFile } from '../../sigstore/signing-config/index.js'
import type { SigningConfigChoice } from '../../sigstore/signing-config/index.js'

export type SbomMode = { kind: 'generate' } | { kind: 'file'; path: string } | { kind: 'none' }
export type TriState = 'auto' | 'true' | 'false'

export interface ActionInputs {
  subjects: string[]
  /** subject-path: file paths and globs (file subjects, never pushed). */
  subjectPaths: string[]
  /** subject-checksums: a sha256sum-format file's path, or its content. */
  subjectChecksums?: string
  platforms: PlatformSelection
  sbom: SbomMode
  sbomFormat: SbomFormat
  /** sbom-format was set, not defaulted: a given SBOM file must then be in that format. */
  sbomFormatGiven: boolean
  /** false: the default, which leaves out `legacy` when the log is Rekor v2 (it gives no SET for the tags). */
  formatsGiven: boolean
  sbomReferrer: boolean
  provenance: ProvenanceVersion[]
  formats: PublishFormat[]
  pushToRegistry: boolean
  githubAttestations: TriState
  verify: boolean
  showSummary: boolean
  dryRun: TriState
  registryUsername?: string
  registryPassword?: string
  githubToken?: string
  /** Explicit services: each overrides what the signing config would choose. */
  fulcioUrl?: string
  rekorUrl?: string
  tsaUrl?: string
  /** signing-config as given (a file is read and checked here); unset means public good's when needed. */
  signingConfig?: SigningConfigChoice
  trustedRoot?: string
  allowPublicRekorForPrivateRepos: boolean
  /** The whole run's time limit, in milliseconds. */
  timeoutMs: number
  /** Private Fulcio without a CT log: certificates carry no SCT, so verification must not require one. */
  insecureIgnoreSct: boolean
  /** predicate-type with predicate-path or predicate: one more attestation per subject, read and checked here. */
  customPredicate?: CustomPredicate
  /** OpenVEX v0.2.0 documents, read and schema-checked here; bound to each subject after the plan. */
  vex: OpenVexDocument[]
}

export class InputError extends CodedError<'INVALID_INPUT'> {
  constructor(
    readonly input: string,
    readonly problem: string
  ) {
    super('INVALID_INPUT', `input "${input}": ${problem}`)
    this.name = 'InputError'
  }
}

/** Reads inputs through a getter so tests can pin the name → field mapping without a runner. */
export type InputGetter = (name: string) => string

const TRUE = ['true', 'True', 'TRUE']
const FALSE = ['false', 'False', 'FALSE']

export function getInputs(get: InputGetter): ActionInputs {
  const text = (name: string): string | undefined => get(name).trim() || undefined
  const bool = (name: string, fallback: boolean): boolean => {
    const value = text(name)
    if (value === undefined) return fallback
    if (TRUE.includes(value)) return true
    if (FALSE.includes(value)) return false
    // Same rule as core.getBooleanInput, which only accepts the YAML 1.2 core-schema spellings.
    throw new InputError(name, `"${value}" is not a boolean: use true or false`)
  }
  const oneOf = <T extends string>(name: string, allowed: readonly T[], fallback: T): T => {
    const value = text(name) ?? fallback
    if (!(allowed as readonly string[]).includes(value))
      throw new InputError(name, `"${value}" is not one of ${allowed.join(', ')}`)
    return value as T
  }
  const list = <T extends string>(name: string, allowed: readonly T[], fallback: T[], none?: string): T[] => {
    const value = text(name)
    if (value === undefined) return fallback
    const items = value
      .split(/[\s,]+/)
      .map(s => s.trim())
      .filter(Boolean)
    if (none !== undefined && items.length === 1 && items[0] === none) return []
    for (const item of items)
      if (!(allowed as readonly string[]).includes(item))
        throw new InputError(
          name,
          `"${item}" is not one of ${allowed.join(', ')}${none ? ` (or ${none} alone)` : ''}`
        )
    if (items.length === 0) throw new InputError(name, `list is empty: give ${allowed.join(', ')}`)
    return [...new Set(items)] as T[]
  }
  const url = (name: string, fallback?: string): string | undefined => {
    const value = text(name) ?? fallback
    if (value === undefined) return undefined
    let parsed: URL
    try {
      parsed = new URL(value)
    } catch {
      throw new InputError(name, `"${value}" is not a URL`)
    }
    if (parsed.protocol !== 'https:' && parsed.protocol !== 'http:')
      throw new InputError(name, `"${value}" must be an http(s) URL`)
    return value.replace(/\/+$/, '')
  }

  const subjectPaths = splitPaths(get('subject-path'))
  const subjectChecksums = text('subject-checksums')
  const hasFiles = subjectPaths.length > 0 || subjectChecksums !== undefined
  const subjects = readSubjects(text('subject-name'), text('subject-digest'), get('subjects'), hasFiles)

  const sbomValue = text('sbom') ?? 'generate'
  const sbom: SbomMode =
    sbomValue === 'generate'
      ? { kind: 'generate' }
      : sbomValue === 'none'
        ? { kind: 'none' }
        : { kind: 'file', path: sbomValue }

  const registryUsername = text('registry-username')
  const registryPassword = text('registry-password')
  if ((registryUsername === undefined) !== (registryPassword === undefined))
    throw new InputError(
      registryUsername === undefined ? 'registry-username' : 'registry-password',
      'registry-username and registry-password must be given together'
    )

  const customPredicate = readPredicateInputs(text)
  const vex = readVexInput(text('vex'))
  const formats = list<PublishFormat>('formats', ['legacy', 'referrers'], ['legacy', 'referrers'])
  return {
    subjects,
    subjectPaths,
    ...(subjectChecksums !== undefined ? { subjectChecksums } : {}),
    platforms: oneOf<PlatformSelection>('platforms', ['both', 'index', 'platforms'], 'both'),
    sbom,
    sbomFormat: oneOf<SbomFormat>('sbom-format', ['cyclonedx-json', 'spdx-json'], 'cyclonedx-json'),
    sbomFormatGiven: text('sbom-format') !== undefined,
    sbomReferrer: bool('sbom-referrer', false),
    provenance: list<ProvenanceVersion>('provenance', ['v1', 'v0.2'], ['v1', 'v0.2'], 'none'),
    formats,
    formatsGiven: text('formats') !== undefined,
    pushToRegistry: bool('push-to-registry', true),
    githubAttestations: oneOf<TriState>('github-attestations', ['auto', 'true', 'false'], 'auto'),
    verify: bool('verify', true),
    showSummary: bool('show-summary', true),
    dryRun: oneOf<TriState>('dry-run', ['auto', 'true', 'false'], 'auto'),
    registryUsername,
    registryPassword,
    githubToken: text('github-token'),
    fulcioUrl: url('fulcio-url'),
    rekorUrl: url('rekor-url'),
    tsaUrl: url('tsa-url'),
    signingConfig: readSigningConfigInput(text('signing-config')),
    trustedRoot: text('trusted-root'),
    allowPublicRekorForPrivateRepos: bool('allow-public-rekor-for-private-repos', false),
    timeoutMs: duration('timeout', text('timeout') ?? '30m'),
    insecureIgnoreSct: bool('insecure-ignore-sct', false),
    ...(customPredicate ? { customPredicate } : {}),
    vex
  }
}

function readSigningConfigInput(value: string | undefined): SigningConfigChoice | undefined {
  if (value === undefined) return undefined
  if (value === 'public-good' || value === 'public-good-rekor-v2') return { kind: value }
  try {
    return { kind: 'file', path: value, config: readSigningConfigFile(value) }
  } catch (err) {
    if (err instanceof SigstoreError) throw new InputError('signing-config', err.message)
    throw err
  }
}

function readVexInput(value: string | undefined): OpenVexDocument[] {
  try {
    return readOpenVexDocuments(vexPaths(value ?? ''))
  } catch (err) {
    if (err instanceof OpenVexError) throw new InputError('vex', err.message)
    throw err
  }
}

function readPredicateInputs(text: (name: string) => string | undefined): CustomPredicate | undefined {
  try {
    const type = text('predicate-type')
    const path = text('predicate-path')
    const inline = text('predicate')
    return readCustomPredicate({
      ...(type !== undefined ? { type } : {}),
      ...(path !== undefined ? { path } : {}),
      ...(inline !== undefined ? { inline } : {})
    })
  } catch (err) {
    // The edges report InputError by input name (the CLI turns it into a flag), so translate here.
    if (err instanceof CustomPredicateError) throw new InputError(err.input, err.problem)
    throw err
  }
}

const UNIT_MS: Record<string, number> = { ms: 1, s: 1000, m: 60_000, h: 3_600_000 }

/** "30m", "90s", "1h", "1500ms", or bare minutes ("45"): the forms workflow authors write. */
export function duration(input: string, value: string): number {
  const m = /^(\d+(?:\.\d+)?)\s*(ms|s|m|h)?$/.exec(value.trim())
  const ms = m ? Number(m[1]) * UNIT_MS[m[2] ?? 'm']! : NaN
  if (!Number.isFinite(ms) || ms <= 0)
    throw new InputError(input, `"${value}" is not a duration: write e.g. 30m, 90s or 1h`)
  return Math.round(ms)
}

/** As actions/attest: one path or glob per line, or several on a line separated by commas. */
export function splitPaths(value: string): string[] {
  const items = value
    .split(/[\r\n,]+/)
    .map(s => s.trim())
    .filter(Boolean)
  return [...new Set(items)]
}

function readSubjects(
  name: string | undefined,
  digest: string | undefined,
  multi: string,
  hasFiles: boolean
): string[] {
  const lines = multi
    .split(/\r?\n/)
    .map(l => l.replace(/#.*$/, '').trim())
    .filter(Boolean)
  if (name !== undefined || digest !== undefined) {
    if (name === undefined) throw new InputError('subject-name', 'is required when subject-digest is given')
    if (digest === undefined) throw new InputError('subject-digest', 'is required when subject-name is given')
    // The same parsers as the plan's; statements accept sha256 subjects only.
    if (digestProblem(digest) || !digest.startsWith('sha256:'))
      throw new InputError('subject-digest', `"${digest}" is not sha256:<64 lower-case hex>`)
    try {
      Repository.parse(name)
    } catch (cause) {
      const tagged = /without a tag or digest/.test((cause as Error).message)
      throw new InputError(
        'subject-name',
        tagged
          ? `"${name}" must not carry a tag or digest; put the digest in subject-digest`
          : (cause as Error).message
      )
    }
    lines.unshift(`${name}@${digest}`)
  }
  if (lines.length === 0 && !hasFiles)
    throw new InputError(
      'subjects',
      'no subject given: set subjects, subject-path or subject-checksums, or subject-name with subject-digest'
    )
  return [...new Set(lines)]
}
