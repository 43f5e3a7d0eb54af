// The index gets an SBOM too: scanners that resolve a tag (Trivy `--sbom-sources oci`) look for SBOM referrers of
// the index digest only. Composed from the platform images' SBOMs, attested like them, verified by stock cosign.
import { describe, expect, test } from '@jest/globals'
import { readFileSync } from 'node:fs'
import { readBedState, requireSigstore } from '../bed/state.js'
import type { RegistryName } from '../bed/state.js'
import { cosignVerifyAttestation, statementsIn } from '../integration/interop/cosign.js'
import { bedSigstoreInputs, runAction } from './support/action-runner.js'
import { pushMultiArch } from './support/samples.js'

const state = readBedState()
const s = requireSigstore(state)
const OCI_INDEX = 'application/vnd.oci.image.index.v1+json'

interface Descriptor {
  digest: string
  artifactType?: string
  annotations?: Record<string, string>
}

/** Referrers of a digest as go-containerregistry (Trivy) lists them: the API, else the sha256-<hex> tag. */
async function referrers(host: string, repo: string, digest: string): Promise<Descriptor[]> {
  const api = await fetch(`http://${host}/v2/${repo}/referrers/${digest}`)
  if (api.status === 200 && api.headers.get('content-type') === OCI_INDEX)
    return ((await api.json()) as { manifests: Descriptor[] }).manifests
  await api.arrayBuffer()
  const tag = await fetch(`http://${host}/v2/${repo}/manifests/${digest.replace(':', '-')}`, {
    headers: { accept: OCI_INDEX }
  })
  return ((await tag.json()) as { manifests: Descriptor[] }).manifests
}

describe.each<RegistryName>(['referrers', 'distribution'])('index SBOM on the "%s" registry', registry => {
  test('attested on the index digest, found by predicate type, accepted by cosign v3', async () => {
    const host = state.registries[registry].host
    const repo = `e2e/index-sbom-${Date.now().toString(36)}`
    const image = await pushMultiArch(`${host}/${repo}`, 'v1')
    const run = await runAction(state, { subjects: image.ref, ...(await bedSigstoreInputs(state)) })
    expect({ code: run.code, err: run.code === 0 ? '' : run.stderr + run.stdout }).toEqual({
      code: 0,
      err: ''
    })
    const attestations = JSON.parse(run.outputs.attestations!) as { digest: string; kind: string }[]
    expect(attestations.filter(a => a.digest === image.digest).map(a => a.kind)).toContain('sbom-cyclonedx')

    const found = (await referrers(host, repo, image.digest)).filter(
      d => d.annotations?.['in-toto.io/predicate-type'] === 'https://cyclonedx.org/bom'
    )
    expect(found).toHaveLength(1)

    const sbomPath = (JSON.parse(run.outputs['sbom-paths']!) as Record<string, string>)[image.digest]!
    const written = JSON.parse(readFileSync(sbomPath, 'utf8')) as {
      metadata: { component: { version: string; purl: string } }
      components: { type: string; version?: string }[]
    }
    expect(written.metadata.component.version).toBe(image.digest)
    expect(written.metadata.component.purl).toMatch(
      /^pkg:oci\/index-sbom-[a-z0-9]+@sha256%3A[0-9a-f]{64}\?repository_url=/
    )
    const containers = written.components.filter(c => c.type === 'container').map(c => c.version)
    expect(containers.sort()).toEqual(image.platforms.map(p => p.digest).sort())

    const v3 = await cosignVerifyAttestation(state, `${host}/${repo}@${image.digest}`, 'cyclonedx', {
      version: 'v3',
      trust: 'trusted-root',
      identity: { regexp: '^https://github.com/nvidia/gpu-operator/' },
      issuer: s.issuer
    })
    expect({ code: v3.code, err: v3.code === 0 ? '' : v3.stderr }).toEqual({ code: 0, err: '' })
    const [statement] = statementsIn(v3.stdout)
    expect(statement?.subject?.[0]?.digest?.sha256).toBe(image.digest.slice('sha256:'.length))
    expect(
      (statement?.predicate as { metadata: { component: { version: string } } }).metadata.component.version
    ).toBe(image.digest)
  })
})
