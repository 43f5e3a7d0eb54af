// Links a package's metadata gives (download, website, VCS, source package), in Syft's CycloneDX reference types.
import type { Package } from '../catalogers/types.js'
import { formatPurl } from '../purl.js'

export interface ExternalRef {
  type: 'distribution' | 'website' | 'vcs' | 'build-meta' | 'source-distribution'
  url: string
  comment?: string
  hashes?: Array<{ algorithm: string; value: string }>
}

/** Syft keeps a link only when it parses as a URL with a host (so `git@github.com:x/y` is left out). */
export function hasHost(url: string): boolean {
  try {
    return new URL(url).host !== ''
  } catch {
    return false
  }
}

function parsePurl(purl: string): { type: string; namespace: string; qualifiers: Map<string, string> } {
  const [path, query = ''] = purl.replace(/^pkg:/, '').split('?')
  const segments = path!.split('/')
  const qualifiers = new Map<string, string>()
  for (const kv of query.split('&').filter(Boolean)) {
    const eq = kv.indexOf('=')
    qualifiers.set(kv.slice(0, eq), decodeURIComponent(kv.slice(eq + 1)))
  }
  return {
    type: segments[0]!,
    namespace: segments.slice(1, -1).map(decodeURIComponent).join('/'),
    qualifiers
  }
}

/** The source package a deb or rpm was built from, as a purl, when it differs from the binary package. */
export function sourcePackagePurl(p: Package): string | undefined {
  if (!p.purl || (p.type !== 'deb' && p.type !== 'rpm')) return undefined
  const m = p.metadata ?? {}
  let src: { name: string; version: string; arch: string }
  let binVersion: string
  if (p.type === 'deb') {
    src = { name: m['source'] ?? '', version: m['sourceVersion'] || p.version, arch: 'source' }
    binVersion = p.version
  } else {
    // "bash-5.1.8-9.el9.src.rpm" → name bash, version 5.1.8-9.el9 (the version carries the release).
    const nvr = /^(.*)-([^-]+)-([^-]+)\.(src|nosrc)\.rpm$/.exec(m['sourceRpm'] ?? '')
    if (!nvr) return undefined
    src = { name: nvr[1]!, version: `${nvr[2]}-${nvr[3]}`, arch: nvr[4]! }
    binVersion = p.version.replace(/^\d+:/, '')
  }
  if (src.name === '' || src.version === '') return undefined
  if (src.name === p.name && src.version === binVersion) return undefined
  const bin = parsePurl(p.purl)
  const keep = p.type === 'rpm' ? ['distro', 'epoch', 'rpmmod'] : ['distro']
  const qualifiers: Record<string, string | undefined> = { arch: src.arch }
  for (const k of keep) qualifiers[k] = bin.qualifiers.get(k)
  return formatPurl({
    type: bin.type,
    namespace: bin.namespace,
    name: src.name,
    version: src.version,
    qualifiers
  })
}

/** In Syft's order: metadata links (distribution, website, build-meta digests, VCS), then the source package. */
export function externalRefs(p: Package): ExternalRef[] {
  const refs: ExternalRef[] = []
  if (p.downloadUrl && hasHost(p.downloadUrl)) refs.push({ type: 'distribution', url: p.downloadUrl })
  if (p.homepage && hasHost(p.homepage)) refs.push({ type: 'website', url: p.homepage })
  if (p.type === 'java-archive' || p.type === 'jenkins-plugin')
    for (const d of p.digests ?? [])
      refs.push({ type: 'build-meta', url: '', hashes: [{ algorithm: d.algorithm, value: d.value }] })
  if (p.vcs)
    refs.push({
      type: 'vcs',
      url: p.vcs.url,
      ...(p.vcs.commit ? { comment: `commit: ${p.vcs.commit}` } : {})
    })
  const source = sourcePackagePurl(p)
  if (source) refs.push({ type: 'source-distribution', url: source })
  return refs
}
