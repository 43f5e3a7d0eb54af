// A chart's SBOM end to end: the action (node dist/index.js) attests, on a gpu-operator-shaped chart, the images
// it can deploy; cosign verifies the CycloneDX attestation on the chart; `oci-attest sbom` prints the same images.
import { describe, expect, test } from '@jest/globals'
import { spawn } from 'node:child_process'
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { readBedState, requireSigstore } from '../bed/state.js'
import { accelChartArchive, accelImages } from '../fixtures/charts/accel-operator.js'
import { cosignVerifyAttestation, statementsIn } from '../integration/interop/cosign.js'
import { REPO_ROOT, bedSigstoreInputs, runAction } from './support/action-runner.js'
import { pushChart, pushMultiArch } from './support/samples.js'

const state = readBedState()
const ISSUER = requireSigstore(state).issuer
const unique = (): string => `${Date.now().toString(36)}${Math.random().toString(16).slice(2, 6)}`

interface Component {
  type: string
  name: string
  purl: string
  properties: { name: string; value: string }[]
}
interface Bom {
  metadata: { component: { name: string; version: string; purl: string } }
  components: Component[]
}
const prop = (c: Component, name: string): string | undefined =>
  c.properties.find(p => p.name === name)?.value
/** The reference a component stands for: name, tag, and a digest the chart itself pins. */
const refOf = (c: Component): string => {
  const tag = prop(c, 'oci-attest:chart:image:tag')
  const pinned = prop(c, 'oci-attest:chart:image:digestFrom') === 'chart'
  return `${c.name}${tag ? `:${tag}` : ''}${pinned ? `@${prop(c, 'oci-attest:image:manifestDigest')}` : ''}`
}

function cli(args: string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise(done => {
    const child = spawn(process.execPath, [join(REPO_ROOT, 'dist/cli/index.js'), ...args], {
      env: {
        PATH: process.env.PATH,
        HOME: state.dir,
        DOCKER_CONFIG: join(state.dir, 'cosign', 'docker-empty')
      }
    })
    const out: Buffer[] = []
    const err: Buffer[] = []
    child.stdout.on('data', (c: Buffer) => out.push(c))
    child.stderr.on('data', (c: Buffer) => err.push(c))
    child.on('close', code =>
      done({ code, stdout: Buffer.concat(out).toString(), stderr: Buffer.concat(err).toString() })
    )
  })
}

describe('chart SBOM end to end', () => {
  test('every image the chart can deploy, defaults marked, bed digests resolved; cosign verifies it on the chart', async () => {
    const host = state.registries.referrers.host
    const base = `${host}/e2e/accel-${unique()}`
    // The operands the chart pins by digest, and most tagged ones, are in the bed; debug-shell is not pushed.
    const manager = await pushMultiArch(`${base}/acme/cloud-native/driver-manager`, 'v0.8.0')
    const gc = await pushMultiArch(`${base}/acme/labeller-gc`, 'v1')
    const options = { registry: base, managerDigest: manager.digest, gcDigest: gc.digest }
    const pushed = new Map<string, string>()
    for (const ref of accelImages(options).all.filter(r => !r.includes('@') && r.startsWith(base))) {
      if (ref.includes('debug-shell')) continue
      const colon = ref.lastIndexOf(':')
      pushed.set(ref, (await pushMultiArch(ref.slice(0, colon), ref.slice(colon + 1))).digest)
    }
    const chart = await pushChart(`${base}/charts`, 'accel-operator', '3.1.0', {
      archive: accelChartArchive(options),
      appVersion: 'v3.1.0'
    })
    const run = await runAction(state, { subjects: chart.ref, ...(await bedSigstoreInputs(state)) })
    expect({
      code: run.code,
      err: run.code === 0 ? '' : `${run.stdout.slice(-3000)}\n${run.stderr}`
    }).toEqual({
      code: 0,
      err: ''
    })
    const sbomPaths = JSON.parse(run.outputs['sbom-paths']!) as Record<string, string>
    const bom = JSON.parse(readFileSync(sbomPaths[chart.digest]!, 'utf8')) as Bom
    expect(bom.metadata.component).toMatchObject({ name: 'accel-operator', version: '3.1.0' })
    const expected = accelImages(options)
    const images = bom.components.filter(c => c.type === 'container')
    // Every image, and nothing else: the only other component is the vendored subchart.
    expect(images.map(refOf).sort()).toEqual(expected.all)
    expect(bom.components.filter(c => c.type !== 'container').map(c => c.name)).toEqual(['node-labeller'])
    expect(
      images
        .filter(c => prop(c, 'oci-attest:chart:image:deployedByDefault') === 'true')
        .map(refOf)
        .sort()
    ).toEqual(expected.byDefault)
    for (const c of images) {
      const ref = refOf(c)
      const digest = prop(c, 'oci-attest:image:manifestDigest')
      if (pushed.has(ref)) expect({ ref, digest }).toEqual({ ref, digest: pushed.get(ref) })
      else if (ref.includes('@')) expect(ref.endsWith(`@${digest}`)).toBe(true)
      else
        expect({ ref, digest, why: prop(c, 'oci-attest:chart:image:unresolved') }).toEqual({
          ref,
          digest: undefined,
          why: expect.stringMatching(ref.includes('debug-shell') ? /404|not found/i : /unreachable\.invalid/)
        })
      if (digest) expect(c.purl).toContain(`@${digest.replace(':', '%3A')}`)
    }
    expect(run.summary).toContain(`generated SBOM: ${expected.all.length} images`)
    // 10 images: 8 by default; digests for the 6 tagged ones pushed and the 2 pinned; exporter and debug-shell none.
    expect(run.stdout).toContain(`(chart): 10 images (8 deployed by default, 8 with digests)`)
    expect(run.stdout).toMatch(
      /registry\.unreachable\.invalid\/acme\/exporter:3\.3\.5-ubuntu22\.04: no digest \(/
    )

    const v2 = await cosignVerifyAttestation(
      state,
      `${base}/charts/accel-operator@${chart.digest}`,
      'cyclonedx',
      {
        identity: { regexp: '^https://github.com/nvidia/gpu-operator/' },
        issuer: ISSUER,
        version: 'v2',
        trust: 'trusted-root'
      }
    )
    expect({ code: v2.code, err: v2.code === 0 ? '' : v2.stderr }).toEqual({ code: 0, err: '' })
    const attested = statementsIn(v2.stdout).find(s => s.predicateType === 'https://cyclonedx.org/bom')!
    const attestedImages = (attested.predicate as unknown as Bom).components.filter(
      c => c.type === 'container'
    )
    expect(attestedImages.map(refOf).sort()).toEqual(expected.all)

    const printed = await cli(['sbom', '--quiet', chart.ref])
    expect({ code: printed.code, err: printed.stderr.replace(/^warning: .*\n/gm, '') }).toEqual({
      code: 0,
      err: ''
    })
    const cliBom = JSON.parse(printed.stdout) as Bom
    expect(
      cliBom.components
        .filter(c => c.type === 'container')
        .map(refOf)
        .sort()
    ).toEqual(expected.all)
  })
})
