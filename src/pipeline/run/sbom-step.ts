// SBOMs for the plan: generated per container image from its layers, per Helm chart from the images it deploys
// (an index's is composed from its images'), a given file for every subject, or none. Files land under the runner's temp folder; their paths become the sbom-paths output.
import { errorText } from '../../errors/index.js'
import { mkdir, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import {
  assertSbomSize,
  DEFAULT_SBOM_LIMIT,
  sbomPredicate,
  sbomPredicateFromFile
} from '../../attest/sbom-predicate.js'
import type { SbomPredicate } from '../../attest/sbom-predicate.js'
import type { RegistryClient } from '../../oci/index.js'
import { PipelineError } from '../errors.js'
import type { Plan } from '../plan.js'
import { composeIndexSbom, generateChartSbom, generateSbom } from '../../sbom/index.js'
import type { PlatformSbom } from '../../sbom/index.js'
import { InputError } from './inputs.js'
import type { ActionInputs } from './inputs.js'
import type { SbomFormat } from '../../sbom/index.js'
import { sbomEligible } from '../../subject/index.js'
import type { Ui } from './ui.js'

export interface PreparedSboms {
  /** Subject ref (`registry/repo@digest`) → predicate. */
  bySubject: Map<string, SbomPredicate>
  /** digest → SBOM file path. */
  paths: Record<string, string>
  /** Packages found per generated SBOM (a chart's: images), for the summary. */
  packages: Record<string, number>
}

/** A given file is read and checked before anything is signed, so a bad path fails first. */
const FORMAT_KIND: Record<SbomFormat, SbomPredicate['kind']> = {
  'cyclonedx-json': 'cyclonedx',
  'spdx-json': 'spdx'
}
const KIND_FORMAT = { cyclonedx: 'cyclonedx-json', spdx: 'spdx-json' } as const

/** The given SBOM file, its format read from its content; a set sbom-format it contradicts is an error. */
export async function loadSbomFile(
  inputs: Pick<ActionInputs, 'sbom'> & Partial<Pick<ActionInputs, 'sbomFormat' | 'sbomFormatGiven'>>
): Promise<SbomPredicate | undefined> {
  if (inputs.sbom.kind !== 'file') return undefined
  const predicate = await sbomPredicateFromFile(inputs.sbom.path)
  if (inputs.sbomFormatGiven && inputs.sbomFormat && FORMAT_KIND[inputs.sbomFormat] !== predicate.kind)
    throw new InputError(
      'sbom-format',
      `is ${inputs.sbomFormat}, but ${inputs.sbom.path} is ${KIND_FORMAT[predicate.kind]} by its content ` +
        `(attested as ${predicate.predicateType}); set sbom-format: ${KIND_FORMAT[predicate.kind]}, leave it unset ` +
        `(a file's format is read from its content), or give a ${inputs.sbomFormat} file`
    )
  return predicate
}

export async function prepareSboms(
  plan: Plan,
  inputs: Pick<ActionInputs, 'sbom' | 'sbomFormat'>,
  given: SbomPredicate | undefined,
  /** The run's client: its tokens and connections are the ones the plan just used. */
  registry: RegistryClient,
  dir: string,
  ui: Ui
): Promise<PreparedSboms> {
  const out: PreparedSboms = { bySubject: new Map(), paths: {}, packages: {} }
  if (given) {
    for (const s of plan.subjects) {
      out.bySubject.set(s.ref, given)
      if (given.path) out.paths[s.digest] = given.path
    }
    return out
  }
  if (inputs.sbom.kind !== 'generate') return out
  await mkdir(dir, { recursive: true })
  const extension = inputs.sbomFormat === 'spdx-json' ? 'spdx.json' : 'cdx.json'
  const fileFor = (ref: string): string =>
    join(dir, `${ref.replace(/[^A-Za-z0-9._@-]+/g, '_').replace(/:/g, '-')}.${extension}`)
  const byIndex = new Map<string, PlatformSbom[]>()
  // One image at a time: layer scans are I/O and memory heavy, and runners have few cores.
  for (const s of plan.subjects) {
    const ref = s.ref
    if (s.kind === 'index') continue // composed below from its platform images' SBOMs
    if (s.kind === 'chart') {
      await chartSbom(s, inputs.sbomFormat, registry, fileFor(ref), out, ui)
      continue
    }
    if (!sbomEligible(s)) {
      ui.info(`${ref} (${s.kind}): no SBOM generated, not a container image or Helm chart`)
      continue
    }
    const started = Date.now()
    let lastReport = 0
    try {
      const result = await generateSbom({
        // The manifest the plan read: the SBOM starts from it instead of fetching it again.
        source: { repository: s.repository, manifest: s.manifest },
        format: inputs.sbomFormat,
        registry,
        onProgress: p => {
          if (Date.now() - lastReport < 2000 && p.layersDone < p.layersTotal) return
          lastReport = Date.now()
          ui.info(
            `  ${ref}: layers ${p.layersDone}/${p.layersTotal}, ${(p.bytesRead / 1048576).toFixed(1)} MiB read`
          )
        },
        onWarning: m => ui.warning(`${ref}: ${m}`)
      })
      assertSbomSize(
        Buffer.byteLength(result.serialized),
        DEFAULT_SBOM_LIMIT,
        `the SBOM generated for ${ref}`
      )
      const path = fileFor(ref)
      if (s.index && s.platform) {
        const index = `${s.repository}@${s.index}`
        byIndex.set(index, [
          ...(byIndex.get(index) ?? []),
          { platform: s.platform, digest: s.digest, document: result.document }
        ])
      }
      await writeFile(path, result.serialized + '\n')
      out.bySubject.set(ref, { ...sbomPredicate(result.document, `the SBOM generated for ${ref}`), path })
      out.paths[s.digest] = path
      out.packages[s.digest] = result.packages.length
      ui.info(
        `${ref}${s.platform ? ` (${s.platform})` : ''}: ${result.packages.length} packages, ${((Date.now() - started) / 1000).toFixed(1)} s → ${path}`
      )
    } catch (cause) {
      throw new PipelineError(
        'SUBJECT_FAILED',
        ref,
        'sbom',
        `${errorText(cause)}; give an SBOM file in the sbom input, or sbom: none`,
        { cause }
      )
    }
  }
  for (const s of plan.subjects.filter(x => x.kind === 'index')) {
    const ref = s.ref
    const platforms = byIndex.get(ref)
    if (!platforms?.length) {
      ui.info(`${ref} (index): no SBOM, its platform images are not attested in this run (platforms: index)`)
      continue
    }
    const { document, packageCount } = composeIndexSbom({
      repository: s.repository.toString(),
      digest: s.digest,
      format: inputs.sbomFormat,
      platforms
    })
    const serialized = JSON.stringify(document, null, 2)
    assertSbomSize(Buffer.byteLength(serialized), DEFAULT_SBOM_LIMIT, `the SBOM composed for ${ref}`)
    const path = fileFor(ref)
    await writeFile(path, serialized + '\n')
    out.bySubject.set(ref, { ...sbomPredicate(document, `the SBOM composed for ${ref}`), path })
    out.paths[s.digest] = path
    out.packages[s.digest] = packageCount
    ui.info(
      `${ref} (index): ${packageCount} packages of ${platforms.map(p => p.platform).join(', ')} → ${path}`
    )
  }
  return out
}

/** A chart's SBOM: the chart, its subcharts and the images it deploys, digests asked of their registries. */
async function chartSbom(
  s: Plan['subjects'][number],
  format: SbomFormat,
  registry: RegistryClient,
  path: string,
  out: PreparedSboms,
  ui: Ui
): Promise<void> {
  const started = Date.now()
  try {
    const result = await generateChartSbom({
      repository: s.repository,
      manifest: s.manifest,
      format,
      registry,
      onWarning: m => ui.warning(`${s.ref}: ${m}`)
    })
    assertSbomSize(
      Buffer.byteLength(result.serialized),
      DEFAULT_SBOM_LIMIT,
      `the SBOM generated for ${s.ref}`
    )
    await writeFile(path, result.serialized + '\n')
    out.bySubject.set(s.ref, { ...sbomPredicate(result.document, `the SBOM generated for ${s.ref}`), path })
    out.paths[s.digest] = path
    out.packages[s.digest] = result.images.length
    const unresolved = result.images.filter(i => i.unresolved)
    ui.info(
      `${s.ref} (chart): ${result.images.length} images (${result.defaultImages} deployed by default, ` +
        `${result.images.filter(i => i.digest).length} with digests), ${((Date.now() - started) / 1000).toFixed(1)} s → ${path}`
    )
    for (const i of unresolved) ui.info(`  ${i.ref.toString()}: no digest (${i.unresolved})`)
  } catch (cause) {
    throw new PipelineError(
      'SUBJECT_FAILED',
      s.ref,
      'sbom',
      `${errorText(cause)}; give an SBOM file in the sbom input, or sbom: none`,
      { cause }
    )
  }
}
