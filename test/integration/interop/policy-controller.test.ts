// Stock Sigstore policy-controller accepts what the pipeline publishes: its own `policy-tester` evaluates a
// ClusterImagePolicy (keyless identity, attestations with CUE policies) against the image in a bed registry,
// with the bed's keys as a TrustRoot, offline. Both registries, and refusals.
// signatureFormat: bundle is not covered: v0.13.1 stores a SigstoreKeys TrustRoot's log IDs as the ASCII of
// their hex (sigstore/policy-controller#1968), so its bundle verifier finds no log for any private Rekor.
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
let trustRoot: string
let env: NodeJS.ProcessEnv
let published: Map<RegistryName, Published>

const b64 = (bytes: Buffer | string) => Buffer.from(bytes).toString('base64')

beforeAll(async () => {
  state = readBedState()
  const tester = state.tools.policyTester
  if (!tester || !existsSync(tester))
    throw new Error(
      `policy-tester is missing (${tester}): run \`npm run testbed:install\` and restart the bed`
    )
  const s = requireSigstore(state)
  session = await openSession(state)
  dir = await tempDir(state, 'policy-controller-')
  // The bed's keys as policy-controller's own TrustRoot resource (PEM bytes, base64 as Kubernetes writes []byte).
  const [fulcio, rekor, ctlog, tsa] = await Promise.all(
    [s.fulcioRootsPemPath, s.rekorPublicKeyPath, s.ctlogPublicKeyPath, s.tsaCertChainPath].map(p =>
      readFile(p)
    )
  )
  trustRoot = join(dir, 'trustroot.yaml')
  await writeFile(
    trustRoot,
    [
      'apiVersion: policy.sigstore.dev/v1alpha1',
      'kind: TrustRoot',
      'metadata:',
      '  name: bed',
      'spec:',
      '  sigstoreKeys:',
      '    certificateAuthorities:',
      '    - subject: {organization: sigstore.dev, commonName: sigstore}',
      `      uri: ${s.fulcioUrl}`,
      `      certChain: ${b64(fulcio!)}`,
      '    tLogs:',
      `    - baseURL: ${s.rekorUrl}`,
      '      hashAlgorithm: sha-256',
      `      publicKey: ${b64(rekor!)}`,
      '    ctLogs:',
      `    - baseURL: ${s.fulcioUrl}`,
      '      hashAlgorithm: sha-256',
      `      publicKey: ${b64(ctlog!)}`,
      '    timestampAuthorities:',
      '    - subject: {organization: bed, commonName: bed-tsa}',
      `      uri: ${s.tsaUrl}`,
      `      certChain: ${b64(tsa!)}`,
      ''
    ].join('\n')
  )
  env = await offlineToolEnv(dir)
  published = await publishOnEveryRegistry(state, session, 'interop/pc')
})

interface Policy {
  format: 'legacy' | 'bundle'
  subject?: string
  issuer?: string
  attestations?: boolean
  /** What the provenance v1 CUE check requires of buildType (default: GitHub's, which we write). */
  buildType?: string
}

/** A ClusterImagePolicy as a cluster admin would write it for images this pipeline attested. */
function clusterImagePolicy(p: Policy): string {
  const s = requireSigstore(state)
  const lines = [
    'apiVersion: policy.sigstore.dev/v1beta1',
    'kind: ClusterImagePolicy',
    'metadata:',
    '  name: oci-attest',
    'spec:',
    '  images:',
    '  - glob: "**"',
    '  authorities:',
    '  - name: release-workflow',
    `    signatureFormat: ${p.format}`,
    '    keyless:',
    `      url: ${s.fulcioUrl}`,
    '      trustRootRef: bed',
    '      identities:',
    `      - issuer: ${p.issuer ?? ISSUER}`,
    `        subject: ${p.subject ?? session.identity.subjectAlternativeName}`,
    '    ctlog:',
    `      url: ${s.rekorUrl}`,
    '      trustRootRef: bed'
  ]
  if (p.attestations ?? true) {
    lines.push(
      '    attestations:',
      '    - name: provenance-v1',
      '      predicateType: https://slsa.dev/provenance/v1',
      '      policy:',
      '        type: cue',
      '        data: |',
      // The check examples/policies/policy-controller.yaml makes, and one on the predicate itself.
      '          predicateType: "https://slsa.dev/provenance/v1"',
      `          predicate: buildDefinition: buildType: "${p.buildType ?? 'https://actions.github.io/buildtypes/workflow/v1'}"`,
      '    - name: provenance-v02',
      '      predicateType: https://slsa.dev/provenance/v0.2',
      '      policy:',
      '        type: cue',
      '        data: |',
      '          predicate: buildType: "https://actions.github.io/buildtypes/workflow/v1"',
      '    - name: sbom',
      '      predicateType: https://cyclonedx.org/bom',
      '      policy:',
      '        type: cue',
      '        data: |',
      '          predicate: bomFormat: "CycloneDX"'
    )
  }
  return lines.join('\n') + '\n'
}

let n = 0
async function policyTester(p: Policy, image: string) {
  const file = join(dir, `cip-${n++}.yaml`)
  await writeFile(file, clusterImagePolicy(p))
  return run(
    state.tools.policyTester,
    ['--policy', file, '--image', image, '--trustroot', trustRoot, '--log-level', 'error'],
    { env, timeoutMs: 120_000 }
  )
}

describe.each(['referrers', 'distribution'] as const)('policy-tester on the %s registry', registry => {
  const image = () => {
    const p = published.get(registry)!
    return `${p.repo}@${p.digest}`
  }

  it.each(['legacy'] as const)(
    'admits the image with signatureFormat %s: signature, SLSA v1 and v0.2 provenance, CycloneDX SBOM',
    async format => {
      const r = await policyTester({ format }, image())
      expect({ code: r.code, out: r.code === 0 ? '' : r.stdout + r.stderr }).toEqual({ code: 0, out: '' })
    }
  )

  it.each(['legacy'] as const)('refuses another subject or issuer (%s)', async format => {
    const other = await policyTester(
      { format, subject: 'https://github.com/someone/else/.github/workflows/release.yaml@refs/heads/main' },
      image()
    )
    expect(other.code).toBe(1)
    expect(other.stdout).toMatch(/"errors"/)
    const issuer = await policyTester(
      { format, issuer: 'https://accounts.google.com', attestations: false },
      image()
    )
    expect(issuer.code).toBe(1)
  })

  it('refuses when an attestation does not satisfy its CUE policy (the predicate is really read)', async () => {
    const r = await policyTester(
      { format: 'legacy', buildType: 'https://example.com/another-builder' },
      image()
    )
    expect(r.code).toBe(1)
    expect(r.stdout).toMatch(/provenance-v1/)
  })
})
