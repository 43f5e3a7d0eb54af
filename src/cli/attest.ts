// `oci-attest attest <ref>...`: the action's pipeline outside GitHub Actions; flags mirror the action's inputs.
import { errorText } from '../errors/index.js'
import { readFile } from 'node:fs/promises'
import { parseReference } from '../oci/index.js'
import { getInputs, InputError } from '../pipeline/run/inputs.js'
import { run } from '../pipeline/run/run.js'
import { StaticIdentityProvider } from '../sigstore/identity/provider.js'
import type { IdentityProvider } from '../sigstore/identity/provider.js'
import { parseFlags, UsageError } from './args.js'
import { PlainUi } from './plain-ui.js'

export const ATTEST_USAGE = `usage: oci-attest attest <registry/repo@sha256:… | registry/repo:tag>... [options]
  Signs each artifact keylessly, attests SLSA provenance and an SBOM, logs them in Rekor and pushes them.
  Identity: SIGSTORE_ID_TOKEN, --identity-token-file FILE, or (inside GitHub Actions) the Actions token.
  --dry-run                        build and check everything, sign with a throwaway key, push nothing
  --platforms both|index|platforms --sbom generate|none|FILE  --sbom-format cyclonedx-json|spdx-json
  --sbom-referrer true|false       (also push the bare SBOM as a referrer, for trivy --sbom-sources oci)
  --predicate-type URI --predicate-path FILE | --predicate JSON  (your own predicate, one more attestation)
  --vex FILE[,FILE]                OpenVEX v0.2.0 document(s), bound to each image and attested (repeatable)
  --subject-path 'dist/*,bin/app'   files to sign (sign-blob bundles) and list in one provenance statement
  --subject-checksums SHA256SUMS   (file or content) names and digests listed in the statement, not signed
  --provenance v1,v0.2|none        --formats legacy,referrers  --push-to-registry true|false
  --verify true|false              --github-attestations auto|true|false  --github-token TOKEN
  --registry-username U --registry-password P (or the Docker config and its credential helpers)
  --signing-config public-good|public-good-rekor-v2|FILE  (which Fulcio, Rekor and TSA; URL flags override)
  --fulcio-url URL --rekor-url URL --tsa-url URL --trusted-root FILE
  --allow-public-rekor-for-private-repos true|false  --summary-file FILE (markdown job summary)
  --timeout 30m                    stop cleanly after this long, reporting what was and was not published
  --insecure-ignore-sct true|false (private Fulcio without a CT log: certificates carry no SCT)
  Prints the outputs (digests, attestations, bundle-paths, sbom-paths, dry-run, sigstore-services) as JSON on stdout.
  Exit codes: 0 attested (or the dry run passed), 1 the run failed, 2 bad command line.`

/** Action inputs that are plain strings on the command line (the rest are handled below). */
const PASSTHROUGH = [
  'subject-name',
  'subject-digest',
  'subject-path',
  'subject-checksums',
  'platforms',
  'sbom',
  'sbom-format',
  'sbom-referrer',
  'provenance',
  'predicate-type',
  'predicate-path',
  'predicate',
  'formats',
  'push-to-registry',
  'github-attestations',
  'verify',
  'registry-username',
  'registry-password',
  'github-token',
  'signing-config',
  'fulcio-url',
  'rekor-url',
  'tsa-url',
  'trusted-root',
  'allow-public-rekor-for-private-repos',
  'timeout',
  'insecure-ignore-sct'
] as const

export interface CommandIo {
  stdout: NodeJS.WritableStream
  stderr: NodeJS.WritableStream
  env?: NodeJS.ProcessEnv
}

async function identityFrom(
  file: string | undefined,
  env: NodeJS.ProcessEnv
): Promise<IdentityProvider | undefined> {
  if (file) return new StaticIdentityProvider(await readFile(file, 'utf8'))
  if (env.SIGSTORE_ID_TOKEN) return new StaticIdentityProvider(env.SIGSTORE_ID_TOKEN)
  return undefined
}

/** The CLI speaks in flags: an input's name is its flag, and the subjects are the positional references. */
export const flagLabel = (input: string): string =>
  input === 'subjects' ? 'artifact reference' : `--${input}`

const usageError = (io: CommandIo, problem: string): number => {
  io.stderr.write(`oci-attest attest: ${problem}\n${ATTEST_USAGE}\n`)
  return 2
}

/** Exit codes: 0 attested (or dry run passed), 1 the run failed, 2 bad command line. */
export async function runAttestCommand(argv: string[], io: CommandIo): Promise<number> {
  const env = io.env ?? process.env
  let parsed
  try {
    parsed = parseFlags({
      args: argv,
      allowPositionals: true,
      options: {
        ...Object.fromEntries(PASSTHROUGH.map(name => [name, { type: 'string' as const }])),
        subjects: { type: 'string', multiple: true },
        vex: { type: 'string', multiple: true },
        'dry-run': { type: 'boolean', default: false },
        'identity-token-file': { type: 'string' },
        'summary-file': { type: 'string' },
        help: { type: 'boolean', short: 'h', default: false }
      }
    })
  } catch (err) {
    if (err instanceof UsageError) return usageError(io, err.message)
    throw err
  }
  const { values, positionals } = parsed
  if (values.help) {
    io.stdout.write(`${ATTEST_USAGE}\n`)
    return 0
  }
  const flags = values as Record<string, string | string[] | boolean | undefined>
  const subjects = [...((flags.subjects as string[] | undefined) ?? []), ...positionals]
  const summaryFile = flags['summary-file'] as string | undefined
  const get = (name: string): string => {
    if (name === 'subjects') return subjects.join('\n')
    if (name === 'vex') return ((flags.vex as string[] | undefined) ?? []).join('\n')
    if (name === 'dry-run') return flags['dry-run'] ? 'true' : 'false'
    if (name === 'show-summary') return summaryFile ? 'true' : 'false'
    const value = flags[name]
    return typeof value === 'string' ? value : ''
  }
  for (const ref of subjects) {
    try {
      parseReference(ref)
    } catch (err) {
      return usageError(
        io,
        `artifact reference: ${errorText(err)}; write registry/repo@sha256:<hex> or registry/repo:tag`
      )
    }
  }
  // Every flag value is checked before the identity, so a typo is reported as the typo, not a missing token.
  try {
    getInputs(get)
  } catch (err) {
    if (!(err instanceof InputError)) throw err
    return usageError(
      io,
      err.input === 'subjects'
        ? 'no artifact given: pass one or more references (registry/repo@sha256:<hex> or registry/repo:tag)'
        : `${flagLabel(err.input)}: ${err.problem}`
    )
  }
  let identity: IdentityProvider | undefined
  try {
    identity = flags['dry-run']
      ? undefined
      : await identityFrom(flags['identity-token-file'] as string | undefined, env)
  } catch (err) {
    io.stderr.write(`oci-attest attest: --identity-token-file: ${errorText(err)}\n`)
    return 2
  }
  if (
    !identity &&
    !flags['dry-run'] &&
    !(env.ACTIONS_ID_TOKEN_REQUEST_URL && env.ACTIONS_ID_TOKEN_REQUEST_TOKEN)
  ) {
    io.stderr.write(
      'oci-attest attest: no OIDC identity token: set SIGSTORE_ID_TOKEN, pass --identity-token-file FILE, or use --dry-run\n'
    )
    return 2
  }
  // The runner's debug switches, so a CLI step in a debugged workflow shows what the action would.
  const debug = env.RUNNER_DEBUG === '1' || env.ACTIONS_STEP_DEBUG === 'true'
  const ui = new PlainUi(io.stderr, summaryFile, debug)
  const result = await run({
    env,
    getInput: get,
    ui,
    inputLabel: flagLabel,
    ...(identity ? { identity } : {})
  })
  // A failed run may still have published some outputs (what was pushed before it stopped); an empty {} says nothing.
  if (Object.keys(ui.outputs).length > 0)
    io.stdout.write(`${JSON.stringify(parseOutputs(ui.outputs), null, 2)}\n`)
  return result && !ui.failure ? 0 : 1
}

/** Outputs are JSON strings on a runner; on a terminal one JSON document reads better. */
function parseOutputs(outputs: Record<string, string>): Record<string, unknown> {
  const out: Record<string, unknown> = {}
  for (const [k, v] of Object.entries(outputs)) {
    try {
      out[k] = JSON.parse(v)
    } catch {
      out[k] = v
    }
  }
  return out
}
