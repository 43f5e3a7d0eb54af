// Runs a stock cosign against the bed and decodes what it printed.
import { join } from 'node:path'
import type { BedState } from '../../bed/state.js'
import { requireSigstore } from '../../bed/state.js'
import { cosignEnv } from '../../bed/tools/cosign-env.js'
import { run } from '../../bed/tools/run.js'
import type { RunResult } from '../../bed/tools/run.js'

/** env: SIGSTORE_* variables (--offline); trusted-root: --trusted-root FILE; tuf: nothing on the command line,
 * the trust comes through TUF (the bed's mirror, set up with `cosign initialize`) as public-good users get it. */
export type TrustMode = 'env' | 'trusted-root' | 'tuf'

export interface CosignCall {
  version: 'v2' | 'v3'
  trust: TrustMode
  /** cosign v3 only: false reads the tag layout (`.sig`/`.att`) instead of bundles. */
  newBundleFormat?: boolean
  identity: { exact: string } | { regexp: string }
  issuer: string
}

export function cosignArgs(state: BedState, call: CosignCall): { args: string[]; env: NodeJS.ProcessEnv } {
  const s = requireSigstore(state)
  const args: string[] = []
  if ('exact' in call.identity) args.push('--certificate-identity', call.identity.exact)
  else args.push('--certificate-identity-regexp', call.identity.regexp)
  args.push('--certificate-oidc-issuer', call.issuer)
  if (call.trust === 'trusted-root') args.push('--trusted-root', s.trustedRootPath)
  else if (call.trust === 'env') args.push('--offline')
  if (call.newBundleFormat === false) args.push('--new-bundle-format=false')
  const env: NodeJS.ProcessEnv = { ...process.env, ...cosignEnv(state, call.version) }
  if (call.trust !== 'env') {
    // Env-var trust material would override --trusted-root in some code paths; keep the modes apart.
    for (const k of [
      'SIGSTORE_ROOT_FILE',
      'SIGSTORE_REKOR_PUBLIC_KEY',
      'SIGSTORE_CT_LOG_PUBLIC_KEY_FILE',
      'SIGSTORE_TSA_CERTIFICATE_FILE'
    ])
      delete env[k]
  }
  if (call.trust === 'tuf') env.TUF_ROOT = tufRoot(state, call.version)
  env.DOCKER_CONFIG = join(state.dir, 'cosign', 'docker-empty')
  return { args, env }
}

const tufRoot = (state: BedState, version: 'v2' | 'v3') =>
  join(state.dir, 'cosign', version, 'tuf-from-mirror')

/** `cosign initialize --mirror <bed TUF> --root <its root.json>`, as an operator of a private instance runs it. */
export async function cosignInitializeTuf(state: BedState, version: 'v2' | 'v3'): Promise<void> {
  const s = requireSigstore(state)
  const r = await run(
    cosignBinary(state, version),
    ['initialize', '--mirror', s.tufUrl, '--root', s.tufRootPath],
    {
      env: { ...process.env, TUF_ROOT: tufRoot(state, version) },
      timeoutMs: 60_000
    }
  )
  if (r.code !== 0) throw new Error(`cosign ${version} initialize against the bed's TUF mirror: ${r.stderr}`)
}

export function cosignBinary(state: BedState, version: 'v2' | 'v3'): string {
  return version === 'v2' ? state.tools.cosignV2 : state.tools.cosignV3
}

export async function cosignVerify(state: BedState, ref: string, call: CosignCall): Promise<RunResult> {
  const { args, env } = cosignArgs(state, call)
  return run(cosignBinary(state, call.version), ['verify', ...args, ref], { env, timeoutMs: 60_000 })
}

export async function cosignVerifyAttestation(
  state: BedState,
  ref: string,
  type: string,
  call: CosignCall
): Promise<RunResult> {
  const { args, env } = cosignArgs(state, call)
  return run(cosignBinary(state, call.version), ['verify-attestation', '--type', type, ...args, ref], {
    env,
    timeoutMs: 60_000
  })
}

export interface DecodedStatement {
  predicateType: string
  subject: { name: string; digest: { sha256: string } }[]
  predicate: Record<string, unknown>
}

/** verify-attestation prints one DSSE envelope JSON per line; returns their statements. */
export function statementsIn(stdout: string): DecodedStatement[] {
  return stdout
    .split('\n')
    .filter(l => l.trim().startsWith('{'))
    .map(
      l =>
        JSON.parse(
          Buffer.from((JSON.parse(l) as { payload: string }).payload, 'base64').toString('utf8')
        ) as DecodedStatement
    )
}

/** verify prints a JSON array of simple-signing payloads (or, in bundle mode, statements' summaries). */
export function verifiedDigests(stdout: string): string[] {
  const line = stdout.split('\n').find(l => l.trim().startsWith('['))
  if (!line) return []
  return (JSON.parse(line) as { critical?: { image?: { 'docker-manifest-digest'?: string } } }[]).map(
    p => p.critical?.image?.['docker-manifest-digest'] ?? ''
  )
}
