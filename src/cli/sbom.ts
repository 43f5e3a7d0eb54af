// `oci-attest sbom <image-ref | chart-ref | oci-layout:DIR | docker-archive:FILE>`: writes an SBOM of one image, or
// of a Helm chart (the images it deploys).
import { errorText } from '../errors/index.js'
import { writeFile } from 'node:fs/promises'
import { RegistryClient, dockerConfigCredentials, parseReference, type ImageReference } from '../oci/index.js'
import { HELM_CONFIG_MEDIA_TYPE } from '../pipeline/plan.js'
import {
  SBOM_FORMATS,
  generateChartSbom,
  generateSbom,
  type SbomFormat,
  type ScanProgress
} from '../sbom/index.js'
import { parseFlags } from './args.js'

export interface SbomCommandIo {
  stdout: NodeJS.WritableStream
  stderr: NodeJS.WritableStream
}

export const SBOM_USAGE = `usage: oci-attest sbom <image-ref | chart-ref | oci-layout:DIR | docker-archive:FILE>
       [--platform os/arch[/variant]] [--format cyclonedx-json|spdx-json] [--output FILE]
       [--include-files] [--max-file-size SIZE] [--max-layer-size SIZE] [--quiet] [--debug]
  SIZE: bytes, or with a K/M/G/T suffix (binary units); caps against decompression bombs
  A Helm chart's SBOM lists the chart, its subcharts and every image it can deploy (digests where reachable)
  Exit codes: 0 written, 1 the image could not be read, 2 bad command line.`

/** "1048576", "512K", "64M", "2G", "1T" (binary units) → bytes. */
export function parseSize(text: string): number | undefined {
  const m = /^(\d+)\s*([KMGT])?(?:i?B)?$/i.exec(text.trim())
  if (!m) return undefined
  const power = m[2] ? 'KMGT'.indexOf(m[2].toUpperCase()) + 1 : 0
  const bytes = Number(m[1]) * 1024 ** power
  return Number.isSafeInteger(bytes) && bytes > 0 ? bytes : undefined
}

/** Exit codes: 0 written, 1 the image could not be read, 2 bad command line. */
export async function runSbomCommand(argv: string[], io: SbomCommandIo): Promise<number> {
  let args
  try {
    args = parseFlags({
      args: argv,
      allowPositionals: true,
      options: {
        platform: { type: 'string' },
        format: { type: 'string', default: 'cyclonedx-json' },
        output: { type: 'string', short: 'o' },
        'include-files': { type: 'boolean', default: false },
        'max-file-size': { type: 'string' },
        'max-layer-size': { type: 'string' },
        quiet: { type: 'boolean', short: 'q', default: false },
        debug: { type: 'boolean', default: false },
        help: { type: 'boolean', short: 'h', default: false }
      }
    })
  } catch (err) {
    io.stderr.write(`oci-attest sbom: ${errorText(err)}\n${SBOM_USAGE}\n`)
    return 2
  }
  const { values, positionals } = args
  if (values.help) {
    io.stdout.write(`${SBOM_USAGE}\n`)
    return 0
  }
  if (positionals.length !== 1) {
    io.stderr.write(`oci-attest sbom: expected one image, got ${positionals.length}\n${SBOM_USAGE}\n`)
    return 2
  }
  const source = positionals[0]!
  if (!/^(oci-layout|docker-archive):/.test(source)) {
    try {
      parseReference(source)
    } catch (err) {
      io.stderr.write(
        `oci-attest sbom: ${errorText(err)}: give registry/repo:tag, registry/repo@sha256:<hex>, oci-layout:DIR or docker-archive:FILE\n${SBOM_USAGE}\n`
      )
      return 2
    }
  }
  const format = values.format as SbomFormat
  if (!SBOM_FORMATS.includes(format)) {
    io.stderr.write(`oci-attest sbom: --format "${values.format}" is not one of ${SBOM_FORMATS.join(', ')}\n`)
    return 2
  }
  const limits: { maxFileBytes?: number; maxLayerBytes?: number } = {}
  for (const [flag, key] of [
    ['max-file-size', 'maxFileBytes'],
    ['max-layer-size', 'maxLayerBytes']
  ] as const) {
    const text = values[flag]
    if (text === undefined) continue
    const bytes = parseSize(text)
    if (bytes === undefined) {
      io.stderr.write(`oci-attest sbom: --${flag} "${text}" is not a size (e.g. 512M, 64G)\n`)
      return 2
    }
    limits[key] = bytes
  }
  const started = Date.now()
  const progress = (p: ScanProgress): void => {
    if (values.quiet) return
    const mib = (n: number) => (n / 1048576).toFixed(0)
    io.stderr.write(
      `layers ${p.layersDone}/${p.layersTotal}, ${mib(p.bytesRead)}/${mib(p.bytesTotal)} MiB read, ${mib(p.expandedBytes)} MiB expanded\n`
    )
  }
  const registry = new RegistryClient({ credentials: dockerConfigCredentials({ env: process.env }) })
  try {
    const chart = /^(oci-layout|docker-archive):/.test(source)
      ? undefined
      : await chartManifest(registry, source)
    if (chart) {
      const result = await generateChartSbom({
        ...chart,
        format,
        registry,
        onWarning: m => io.stderr.write(`warning: ${m}\n`)
      })
      if (values.output) await writeFile(values.output, result.serialized + '\n')
      else io.stdout.write(result.serialized + '\n')
      if (!values.quiet)
        io.stderr.write(
          `${result.images.length} images in the chart (${result.defaultImages} deployed by default, ` +
            `${result.images.filter(i => i.digest).length} with digests), ${((Date.now() - started) / 1000).toFixed(1)} s` +
            `${values.output ? ` → ${values.output}` : ''}\n`
        )
      return 0
    }
    const result = await generateSbom({
      source,
      format,
      ...(values.platform ? { platform: values.platform } : {}),
      includeFiles: values['include-files'],
      limits,
      registry,
      onProgress: progress,
      onWarning: m => io.stderr.write(`warning: ${m}\n`)
    })
    if (values.output) await writeFile(values.output, result.serialized + '\n')
    else io.stdout.write(result.serialized + '\n')
    if (!values.quiet) {
      const others = result.otherPlatforms.length
        ? ` (also in the index: ${result.otherPlatforms.join(', ')})`
        : ''
      io.stderr.write(
        `${result.packages.length} packages in ${result.platform}${others}, ${((Date.now() - started) / 1000).toFixed(1)} s` +
          `${values.output ? ` → ${values.output}` : ''}\n`
      )
    }
    return 0
  } catch (err) {
    const code = (err as { code?: unknown }).code
    io.stderr.write(`oci-attest sbom: ${typeof code === 'string' ? `${code}: ` : ''}${errorText(err)}\n`)
    if (values.debug && err instanceof Error && err.stack) io.stderr.write(`${err.stack}\n`)
    return 1
  }
}

/** The manifest when the reference is a Helm chart (its config media type says so); else undefined. */
async function chartManifest(
  registry: RegistryClient,
  source: string
): Promise<{ repository: ImageReference; manifest: { json: unknown; digest: string } } | undefined> {
  const ref = parseReference(source)
  let manifest
  try {
    manifest = await registry.getManifest(ref)
  } catch {
    return undefined // the image path reports an unreadable reference as it always has
  }
  const config = (manifest.json as { config?: { mediaType?: string } }).config?.mediaType
  return config === HELM_CONFIG_MEDIA_TYPE ? { repository: ref, manifest } : undefined
}
