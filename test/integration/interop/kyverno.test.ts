// Stock Kyverno accepts what the pipeline publishes: the Kyverno CLI applies a ClusterPolicy with verifyImages
// (keyless attestor with the bed's Fulcio root, Rekor and CT log keys; SLSA v1 provenance with a condition) to a
// Pod that runs the image, reading the image's signatures and attestations from a bed registry, offline.
import { beforeAll, describe, expect, it } from '@jest/globals'
import { existsSync } from 'node:fs'
import { readFile, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import type { BedState, RegistryName } from '../../bed/state.js'
import { run } from '../../bed/tools/run.js'
import type { SigningSession } from '../../../src/pipeline/session.js'
import {
  ISSUER,
  offlineToolEnv,
  openSession,
  publishOnEveryRegistry,
  readBedState,
  requireSigstore,
  tempDir
} from './fixture.js'
import type { Published } from './fixture.js'

let state: BedState
let session: SigningSession
let dir: string
let env: NodeJS.ProcessEnv
let keys: { fulcio: string; rekor: string; ctlog: string }
let published: Map<RegistryName, Published>

beforeAll(async () => {
  state = readBedState()
  if (!existsSync(state.tools.kyverno))
    throw new Error(
      `kyverno is missing (${state.tools.kyverno}): run \`npm run testbed:install\` and restart the bed`
    )
  const s = requireSigstore(state)
  session = await openSession(state)
  dir = await tempDir(state, 'kyverno-')
  const [fulcio, rekor, ctlog] = await Promise.all(
    [s.fulcioRootsPemPath, s.rekorPublicKeyPath, s.ctlogPublicKeyPath].map(p => readFile(p, 'utf8'))
  )
  keys = { fulcio: fulcio!, rekor: rekor!, ctlog: ctlog! }
  // The SigstoreBundle verifier reads its trusted root only through TUF: this cache, initialised below
  // from the bed's TUF mirror as Kyverno's controller does with --tufMirror and --tufRoot.
  env = await offlineToolEnv(dir, { KUBECONFIG: join(dir, 'no-kubeconfig'), TUF_ROOT: join(dir, 'tuf') })
  const init = await run(state.tools.tufInit, [s.tufUrl, s.tufRootPath], { env, timeoutMs: 60_000 })
  if (init.code !== 0)
    throw new Error(`initialising TUF_ROOT from the bed's TUF mirror failed: ${init.stderr}`)
  published = await publishOnEveryRegistry(state, session, 'interop/kyverno')
})

interface Policy {
  /** Cosign: the .sig/.att tags; SigstoreBundle: the bundle referrers, trust from TUF. */
  type?: 'Cosign' | 'SigstoreBundle'
  subject?: string
  issuer?: string
  repository?: string
}

const indent = (text: string, spaces: number) =>
  text
    .trim()
    .split('\n')
    .map(l => ' '.repeat(spaces) + l)
    .join('\n')

/** A ClusterPolicy as a cluster admin would write it for images this pipeline attested. */
function clusterPolicy(p: Policy): string {
  const s = requireSigstore(state)
  const attestor = (pad: number) =>
    indent(
      [
        '- entries:',
        '  - keyless:',
        `      subject: ${p.subject ?? session.identity.subjectAlternativeName}`,
        `      issuer: ${p.issuer ?? ISSUER}`,
        '      roots: |',
        indent(keys.fulcio, 8),
        '      rekor:',
        `        url: ${s.rekorUrl}`,
        '        pubkey: |',
        indent(keys.rekor, 10),
        '      ctlog:',
        '        pubkey: |',
        indent(keys.ctlog, 10)
      ].join('\n'),
      pad
    )
  return [
    'apiVersion: kyverno.io/v1',
    'kind: ClusterPolicy',
    'metadata:',
    '  name: oci-attest',
    'spec:',
    '  webhookTimeoutSeconds: 30',
    '  rules:',
    '  - name: signed-with-provenance',
    '    match:',
    '      any:',
    '      - resources:',
    '          kinds: [Pod]',
    '    verifyImages:',
    "    - imageReferences: ['127.0.0.1:*']",
    '      failureAction: Enforce',
    `      type: ${p.type ?? 'Cosign'}`,
    '      attestors:',
    attestor(6),
    '      attestations:',
    '      - type: https://slsa.dev/provenance/v1',
    '        attestors:',
    attestor(8),
    '        conditions:',
    '        - all:',
    "          - key: '{{ buildDefinition.externalParameters.workflow.repository }}'",
    '            operator: Equals',
    `            value: https://github.com/${p.repository ?? 'nvidia/gpu-operator'}`,
    ''
  ].join('\n')
}

let n = 0
async function kyvernoApply(p: Policy, image: string) {
  const policy = join(dir, `policy-${n}.yaml`)
  const pod = join(dir, `pod-${n++}.yaml`)
  await writeFile(policy, clusterPolicy(p))
  await writeFile(
    pod,
    [
      'apiVersion: v1',
      'kind: Pod',
      'metadata:',
      '  name: operator',
      '  namespace: default',
      'spec:',
      '  containers:',
      '  - name: operator',
      `    image: ${image}`,
      ''
    ].join('\n')
  )
  return run(state.tools.kyverno, ['apply', policy, '--resource', pod, '--registry'], {
    env,
    timeoutMs: 120_000
  })
}

describe.each(['referrers', 'distribution'] as const)('kyverno apply on the %s registry', registry => {
  const image = () => {
    const p = published.get(registry)!
    return `${p.repo}@${p.digest}`
  }

  it.each(['Cosign', 'SigstoreBundle'] as const)(
    'admits the Pod (type %s): signature by this run’s identity and SLSA v1 provenance from the repository',
    async type => {
      const r = await kyvernoApply({ type }, image())
      expect({ code: r.code, out: r.code === 0 ? '' : r.stdout + r.stderr }).toEqual({ code: 0, out: '' })
      expect(r.stdout + r.stderr).toMatch(/pass: [1-9]\d*, fail: 0, warn: 0, error: 0, skip: 0/)
    }
  )

  it('refuses another subject, another issuer and provenance from another repository (type Cosign)', async () => {
    const cases: Array<[Policy, RegExp]> = [
      [
        { subject: 'https://github.com/someone/else/.github/workflows/release.yaml@refs/heads/main' },
        /subject mismatch: expected https:\/\/github\.com\/someone\/else\//
      ],
      [{ issuer: 'https://accounts.google.com' }, /issuer mismatch/],
      [
        { repository: 'someone/else' },
        /attestation checks failed for .* predicate https:\/\/slsa\.dev\/provenance\/v1/
      ]
    ]
    for (const [p, reason] of cases) await expectRefused(p, reason)
  })

  it('refuses another subject, another issuer and provenance from another repository (type SigstoreBundle)', async () => {
    const cases: Array<[Policy, RegExp]> = [
      [
        { subject: 'https://github.com/someone/else/.github/workflows/release.yaml@refs/heads/main' },
        /sigstore bundle verification failed: no matching signatures found/
      ],
      [
        { issuer: 'https://accounts.google.com' },
        /sigstore bundle verification failed: no matching signatures found/
      ],
      [
        { repository: 'someone/else' },
        /attestation checks failed for .* predicate https:\/\/slsa\.dev\/provenance\/v1/
      ]
    ]
    for (const [p, reason] of cases) await expectRefused({ ...p, type: 'SigstoreBundle' }, reason)
  })

  async function expectRefused(p: Policy, reason: RegExp): Promise<void> {
    const r = await kyvernoApply(p, image())
    const out = r.stdout + r.stderr
    expect({
      policy: p,
      code: r.code,
      failed: /fail: [1-9]/.test(out),
      reason: reason.test(out) ? 'shown' : out
    }).toEqual({ policy: p, code: 1, failed: true, reason: 'shown' })
  }
})
