// What registry readers find without verifying: Trivy's SBOM lookup (referrers of the index digest it resolved,
// through the referrers API or the `sha256-<hex>` fallback index, narrowed by `in-toto.io/predicate-type`) and
// the titled bundle layer `oras pull` writes. Raw HTTP, as those tools speak it, not src/oci.
import { beforeAll, describe, expect, it } from '@jest/globals'
import { mkdir, readFile, readdir } from 'node:fs/promises'
import { join } from 'node:path'
import type { BedState, RegistryName } from '../../bed/state.js'
import { pushSampleImage } from '../../bed/tools/sample-image.js'
import { run } from '../../bed/tools/run.js'
import { RegistryClient } from '../../../src/oci/index.js'
import { attestSubjects } from '../../../src/pipeline/attest-subjects.js'
import { planned, sbomFromFile } from '../support/subjects.js'
import { OCI_INDEX, OCI_MANIFEST, sha256 } from '../bed/raw-registry.js'
import type { SigningSession } from '../../../src/pipeline/session.js'
import { cosignVerifyAttestation, statementsIn } from './cosign.js'
import { CYCLONEDX_SBOM, ISSUER, openSession, readBedState, sbomFile, tempDir } from './fixture.js'

const BUNDLE = 'application/vnd.dev.sigstore.bundle.v0.3+json'
// Trivy's pkg/oci SupportedSBOMArtifactTypes: the referrer descriptors `--sbom-sources oci` downloads.
const TRIVY_SBOM_ARTIFACT_TYPES = ['application/vnd.cyclonedx+json', 'application/spdx+json', BUNDLE]
const PREDICATE_TYPE = 'in-toto.io/predicate-type'
const TITLE = 'org.opencontainers.image.title'
const CYCLONEDX = 'https://cyclonedx.org/bom'

interface Descriptor {
  mediaType: string
  digest: string
  size: number
  artifactType?: string
  annotations?: Record<string, string>
}

let state: BedState

beforeAll(() => {
  state = readBedState()
})

/** go-containerregistry's `remote.Referrers`, which Trivy calls: the API when it answers an index, else the tag. */
async function referrersOf(host: string, repo: string, digest: string) {
  const api = await fetch(`http://${host}/v2/${repo}/referrers/${digest}`)
  if (api.status === 200 && api.headers.get('content-type') === OCI_INDEX)
    return { via: 'api', manifests: ((await api.json()) as { manifests: Descriptor[] }).manifests }
  await api.arrayBuffer()
  const tag = await fetch(`http://${host}/v2/${repo}/manifests/${digest.replace(':', '-')}`, {
    headers: { accept: OCI_INDEX }
  })
  expect(tag.status).toBe(200)
  return { via: 'fallback-tag', manifests: ((await tag.json()) as { manifests: Descriptor[] }).manifests }
}

async function getVerified(host: string, repo: string, kind: 'manifests' | 'blobs', digest: string) {
  const res = await fetch(`http://${host}/v2/${repo}/${kind}/${digest}`, {
    headers: { accept: OCI_MANIFEST }
  })
  expect(res.status).toBe(200)
  const bytes = Buffer.from(await res.arrayBuffer())
  expect(sha256(bytes)).toBe(digest)
  return bytes
}

async function pushIndex(registry: RegistryName, repo: string): Promise<string> {
  const host = state.registries[registry].host
  const tag = `d${Date.now()}`
  const a = await pushSampleImage(state, registry, repo, `${tag}-amd64`)
  const b = await pushSampleImage(state, registry, repo, `${tag}-arm64`)
  const made = await run(state.tools.crane, [
    'index',
    'append',
    '--insecure',
    '-m',
    `${host}/${repo}@${a}`,
    '-m',
    `${host}/${repo}@${b}`,
    '-t',
    `${host}/${repo}:${tag}`
  ])
  const index = /@(sha256:[0-9a-f]{64})/.exec(made.stdout)?.[1]
  if (!index) throw new Error(`crane index append failed: ${made.stderr}`)
  return index
}

describe.each<[RegistryName, string]>([
  ['referrers', 'api'],
  ['distribution', 'fallback-tag']
])('an attested index on the "%s" registry', (registry, via) => {
  const repo = `discovery/${registry}`
  let host: string
  let index: string
  let session: SigningSession

  beforeAll(async () => {
    host = state.registries[registry].host
    index = await pushIndex(registry, repo)
    session = await openSession(state)
    // With the plain SBOM referrer too: the bundles must stay findable (and verifiable) next to it.
    const client = new RegistryClient()
    await attestSubjects(
      {
        subjects: await planned(client, [`${host}/${repo}@${index}`]),
        ...(await sbomFromFile(await sbomFile(state))),
        provenance: ['v1'],
        sbomReferrer: true
      },
      { registry: client, session }
    )
  })

  it(`a Trivy-style lookup through the ${via} finds the SBOM by its predicate-type annotation`, async () => {
    const listed = await referrersOf(host, repo, index)
    expect(listed.via).toBe(via)
    // Every attestation says what it is, so a reader after one kind downloads nothing else.
    for (const d of listed.manifests)
      expect(d.annotations?.[PREDICATE_TYPE]).toBe(d.annotations?.['dev.sigstore.bundle.predicateType'])
    const bundles = listed.manifests.filter(d => d.artifactType === BUNDLE)
    expect(bundles).toHaveLength(3)
    const sboms = bundles.filter(
      d =>
        TRIVY_SBOM_ARTIFACT_TYPES.includes(d.artifactType ?? '') &&
        d.annotations?.[PREDICATE_TYPE] === CYCLONEDX
    )
    expect(sboms).toHaveLength(1)
    const manifest = JSON.parse(
      (await getVerified(host, repo, 'manifests', sboms[0]!.digest)).toString()
    ) as {
      layers: Descriptor[]
    }
    // Trivy downloads a single-layer artifact whose layer media type is the descriptor's artifactType.
    expect(manifest.layers).toHaveLength(1)
    const layer = manifest.layers[0]!
    expect(layer.mediaType).toBe(sboms[0]!.artifactType)
    const bundle = JSON.parse((await getVerified(host, repo, 'blobs', layer.digest)).toString()) as {
      mediaType: string
      dsseEnvelope: { payload: string }
    }
    expect(bundle.mediaType).toBe(BUNDLE)
    const statement = JSON.parse(Buffer.from(bundle.dsseEnvelope.payload, 'base64').toString()) as {
      predicateType: string
      predicate: unknown
      subject: Array<{ digest: { sha256: string } }>
    }
    expect(statement.predicateType).toBe(CYCLONEDX)
    expect(statement.predicate).toEqual(CYCLONEDX_SBOM)
    expect(statement.subject.map(s => `sha256:${s.digest.sha256}`)).toEqual([index])
  })

  it('every bundle layer carries a plain file name and its predicate type (oras pull, BuildKit-style readers)', async () => {
    const { manifests } = await referrersOf(host, repo, index)
    const titles: string[] = []
    for (const d of manifests.filter(m => m.artifactType === BUNDLE)) {
      const m = JSON.parse((await getVerified(host, repo, 'manifests', d.digest)).toString()) as {
        layers: Descriptor[]
      }
      const layer = m.layers[0]!
      expect(layer.annotations?.[PREDICATE_TYPE]).toBe(d.annotations?.['dev.sigstore.bundle.predicateType'])
      titles.push(layer.annotations?.[TITLE] ?? '')
    }
    // oras refuses names that are paths; one file per kind, so pulling several into one folder keeps them all.
    expect(titles.sort()).toEqual(
      ['provenance-v1', 'sbom-cyclonedx', 'signature'].map(k => `${k}.sigstore.json`)
    )
  })

  it('with sbom-referrer, Trivy finds the bare SBOM as a CycloneDX artifact referrer, titled for oras', async () => {
    const { manifests } = await referrersOf(host, repo, index)
    const plain = manifests.filter(d => d.artifactType === 'application/vnd.cyclonedx+json')
    expect(plain).toHaveLength(1)
    const manifest = JSON.parse(
      (await getVerified(host, repo, 'manifests', plain[0]!.digest)).toString()
    ) as {
      layers: Descriptor[]
      subject: Descriptor
    }
    expect(manifest.subject.digest).toBe(index)
    expect(manifest.layers).toHaveLength(1)
    expect(manifest.layers[0]!.mediaType).toBe('application/vnd.cyclonedx+json')
    expect(manifest.layers[0]!.annotations?.[TITLE]).toBe('sbom.cdx.json')
    const document = await getVerified(host, repo, 'blobs', manifest.layers[0]!.digest)
    expect(JSON.parse(document.toString())).toEqual(CYCLONEDX_SBOM)
  })

  it('cosign v3 still verifies the SBOM attestation from the bundles next to the plain SBOM', async () => {
    const r = await cosignVerifyAttestation(state, `${host}/${repo}@${index}`, 'cyclonedx', {
      version: 'v3',
      trust: 'trusted-root',
      identity: { exact: session.identity.subjectAlternativeName },
      issuer: ISSUER
    })
    expect({ code: r.code, err: r.code === 0 ? '' : r.stderr }).toEqual({ code: 0, err: '' })
    expect(statementsIn(r.stdout).map(st => st.predicate)).toEqual([CYCLONEDX_SBOM])
  })

  it('oras pull of a referrer writes the bundle (or the bare SBOM) as the file its title names', async () => {
    const { manifests } = await referrersOf(host, repo, index)
    const wanted = manifests.filter(
      d =>
        d.annotations?.[PREDICATE_TYPE] === CYCLONEDX || d.artifactType === 'application/vnd.cyclonedx+json'
    )
    expect(wanted).toHaveLength(2)
    const out = await tempDir(state, 'oras-')
    const home = join(out, 'home')
    await mkdir(home)
    for (const d of wanted) {
      const r = await run(
        state.tools.oras,
        ['pull', '--plain-http', '-o', out, `${host}/${repo}@${d.digest}`],
        {
          env: { PATH: process.env.PATH, HOME: home, DOCKER_CONFIG: home }
        }
      )
      expect({ code: r.code, err: r.code === 0 ? '' : r.stderr }).toEqual({ code: 0, err: '' })
    }
    expect((await readdir(out)).filter(f => f !== 'home').sort()).toEqual([
      'sbom-cyclonedx.sigstore.json',
      'sbom.cdx.json'
    ])
    const bundle = JSON.parse(await readFile(join(out, 'sbom-cyclonedx.sigstore.json'), 'utf8')) as {
      mediaType: string
      dsseEnvelope: { payload: string }
    }
    expect(bundle.mediaType).toBe(BUNDLE)
    const statement = JSON.parse(Buffer.from(bundle.dsseEnvelope.payload, 'base64').toString()) as {
      predicate: unknown
    }
    expect(statement.predicate).toEqual(CYCLONEDX_SBOM)
    expect(JSON.parse(await readFile(join(out, 'sbom.cdx.json'), 'utf8'))).toEqual(CYCLONEDX_SBOM)
  })
})
