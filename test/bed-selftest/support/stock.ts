// Stock cosign v2/v3 and sigstore-python pointed at the bed's Sigstore stack, plus a second, foreign stack.
import { expect } from '@jest/globals'
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import { dirname, join } from 'node:path'
import { readBedState, requireSigstore, type BedState, type SigstoreState } from '../../bed/state.js'
import { startLocalStack, type LocalStack } from './local-stack.js'
import { pushImage } from './registry.js'
import { explain, runTool, type RunResult } from './run.js'

export const ID = 'https://github.com/nvidia/gpu-operator/.github/workflows/release.yaml@refs/tags/v1.2.3'
export const EVIL_ID = 'https://github.com/evil/fork/.github/workflows/release.yaml@refs/tags/v1.2.3'
export const ISS = 'https://token.actions.githubusercontent.com'
export const REPO = 'selftest/sigstore'

type PemTrust = Pick<SigstoreState, 'fulcioRootsPemPath' | 'rekorPublicKeyPath' | 'ctlogPublicKeyPath'>

/** cosign's environment-variable trust mode for a stack's PEM files. */
export const envTrust = (t: PemTrust): Record<string, string> => ({
  SIGSTORE_ROOT_FILE: t.fulcioRootsPemPath,
  SIGSTORE_REKOR_PUBLIC_KEY: t.rekorPublicKeyPath,
  SIGSTORE_CT_LOG_PUBLIC_KEY_FILE: t.ctlogPublicKeyPath
})

export const identity = (id = ID): string[] => [
  '--certificate-identity',
  id,
  '--certificate-oidc-issuer',
  ISS
]

export function expectOk(r: RunResult): void {
  if (r.code !== 0) throw new Error(`expected success, got ${explain(r)}`)
}

export function expectRejected(r: RunResult, reason: RegExp): void {
  if (r.code === 0) throw new Error(`expected rejection, got success:\n${r.stdout.slice(0, 500)}`)
  expect(r.stderr).toMatch(reason)
}

export class Stock {
  private constructor(
    readonly state: BedState,
    readonly s: SigstoreState,
    readonly work: string,
    readonly other: LocalStack
  ) {}

  static async open(label: string): Promise<Stock> {
    const state = readBedState()
    const s = requireSigstore(state)
    const work = await mkdtemp(join(state.dir, `${label}-`))
    return new Stock(state, s, work, await startLocalStack())
  }

  async close(): Promise<void> {
    await this.other.stop()
    await rm(this.work, { recursive: true, force: true })
  }

  get host(): string {
    return this.state.registries.referrers.host
  }
  // written next to trusted_root.json by test/bed/sigstore/trust-files.ts
  get signingConfig(): string {
    return join(dirname(this.s.trustedRootPath), 'signing_config.json')
  }
  get clientTrustConfig(): string {
    return join(dirname(this.s.trustedRootPath), 'client_trust_config.json')
  }

  async mint(overrides: object = {}): Promise<string> {
    const res = await fetch(`${this.s.oidcUrl}/__mint`, { method: 'POST', body: JSON.stringify(overrides) })
    return ((await res.json()) as { token: string }).token
  }

  cosign3 = (args: string[]) => runTool(this.state.tools.cosignV3, args, { TUF_ROOT: join(this.work, 'tuf') })
  cosign2 = (args: string[], env: Record<string, string> = {}) =>
    runTool(this.state.tools.cosignV2, args, { TUF_ROOT: join(this.work, 'tuf'), ...env })
  python = (args: string[]) => runTool(this.state.tools.sigstorePython, ['-m', 'sigstore', ...args])

  /** Pushes a fresh one-layer image and returns its digest reference. */
  async image(tag: string): Promise<string> {
    return `${this.host}/${REPO}@${await pushImage(this.host, REPO, tag, tag)}`
  }

  async signBundle(image: string, token: string): Promise<void> {
    const trust = ['--signing-config', this.signingConfig, '--trusted-root', this.s.trustedRootPath]
    expectOk(await this.cosign3(['sign', '-y', '--identity-token', token, ...trust, image]))
  }

  /** cosign v3's deprecated flags still write the tag layout (.sig) that cosign v2 env-var mode reads. */
  async signTagLayout(image: string, token: string): Promise<void> {
    const legacy = ['--new-bundle-format=false', '--use-signing-config=false']
    const urls = [
      '--fulcio-url',
      this.s.fulcioUrl,
      '--rekor-url',
      this.s.rekorUrl,
      '--trusted-root',
      this.s.trustedRootPath
    ]
    expectOk(await this.cosign3(['sign', '-y', ...legacy, ...urls, '--identity-token', token, image]))
  }

  /** Our log, CT log and TSA, but the Fulcio CA of the other stack: only the CA check can fail. */
  async foreignCaTrust(): Promise<{ trustedRoot: string; env: Record<string, string> }> {
    const ours = JSON.parse(await readFile(this.s.trustedRootPath, 'utf8')) as Record<string, unknown>
    const theirs = JSON.parse(await readFile(this.other.stack.trustedRootPath, 'utf8')) as Record<
      string,
      unknown
    >
    const trustedRoot = join(this.work, 'foreign-ca-trusted-root.json')
    await writeFile(
      trustedRoot,
      JSON.stringify({ ...ours, certificateAuthorities: theirs.certificateAuthorities })
    )
    return {
      trustedRoot,
      env: { ...envTrust(this.s), SIGSTORE_ROOT_FILE: this.other.stack.fulcioRootsPemPath }
    }
  }
}
