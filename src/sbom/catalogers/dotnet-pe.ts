// .NET assemblies outside any deps.json: named and versioned from their PE version resources the way Syft's
// dotnet-deps-binary-cataloger does, and shared-framework DLLs folded into one Microsoft.NETCore.App per version.
import { formatPurl } from '../purl.js'
import { peName, spaceNormalize, versionFromResource } from './pe.js'
import type { Package } from './types.js'

/** `(net8.0)` / `(netstandard2.0)` at the end of a product name says which runtime, not which product. */
const RUNTIME_SUFFIX = /\s*\((net[^)]*[0-9]+(\.[0-9]+)?)\)$/
const RUNTIME_DLL = /\/Microsoft\.NETCore\.App\/(\d+\.\d+\.\d+)\/[^/]+\.dll/

interface SemVer {
  segments: number[]
  pre: string
}

/** HashiCorp go-version's reading (what Syft compares resource versions with); undefined when it would refuse. */
export function parseGoVersion(v: string): SemVer | undefined {
  const m =
    /^v?([0-9]+(?:\.[0-9]+)*?)(?:-([0-9]+[0-9A-Za-z\-~]*(?:\.[0-9A-Za-z\-~]+)*)|(-?[A-Za-z\-~]+[0-9A-Za-z\-~]*(?:\.[0-9A-Za-z\-~]+)*))?(?:\+[0-9A-Za-z\-~]+(?:\.[0-9A-Za-z\-~]+)*)?$/.exec(
      v.trim()
    )
  if (!m) return undefined
  const segments = m[1]!.split('.').map(Number)
  while (segments.length < 3) segments.push(0)
  return { segments, pre: (m[2] ?? m[3] ?? '').replace(/^-/, '') }
}

function compareVersions(a: SemVer, b: SemVer): number {
  const n = Math.max(a.segments.length, b.segments.length)
  for (let i = 0; i < n; i++) {
    const d = (a.segments[i] ?? 0) - (b.segments[i] ?? 0)
    if (d !== 0) return Math.sign(d)
  }
  if (a.pre === b.pre) return 0
  if (a.pre === '') return 1
  if (b.pre === '') return -1
  return a.pre < b.pre ? -1 : 1
}

const hasDigit = (s: string): boolean => /\d/.test(s)
const punctuation = (s: string): number => s.match(/[.,]+/g)?.length ?? 0

const isMicrosoft = (fields: Map<string, string>): boolean =>
  ['CompanyName', 'ProductName'].some(k => (fields.get(k) ?? '').toLowerCase().includes('microsoft'))

/** Syft's choice between ProductVersion and FileVersion for an assembly. */
export function assemblyVersion(fields: Map<string, string>): string {
  const product = versionFromResource(fields.get('ProductVersion') ?? '')
  const file = versionFromResource(fields.get('FileVersion') ?? '')
  const p = parseGoVersion(product)
  const f = parseGoVersion(file)
  // Microsoft stamps builds into FileVersion (major.minor.<build>.<time>): a shorter ProductVersion of the same
  // major.minor is the release.
  if (isMicrosoft(fields) && p && f) {
    const pLen = product.split('+')[0]!.split('-')[0]!.split('.').length
    const fLen = file.split('+')[0]!.split('-')[0]!.split('.').length
    if (
      p.segments[0] === f.segments[0] &&
      p.segments[1] === f.segments[1] &&
      pLen >= 2 &&
      fLen >= 2 &&
      pLen < fLen
    )
      return product.split('+')[0]!
  }
  if (p) {
    if (!f) return product
    const c = compareVersions(p, f)
    if (c !== 0) return c > 0 ? product : file
  }
  if (hasDigit(product) && punctuation(product) >= punctuation(file)) return product
  if (hasDigit(file) && punctuation(file) > 0) return file
  if (hasDigit(product)) return product
  if (hasDigit(file)) return file
  return product
}

/** The shared-framework version of `/…/Microsoft.NETCore.App/8.0.1/x.dll`, else undefined. */
export function runtimeVersionOf(path: string): string | undefined {
  return RUNTIME_DLL.exec(path)?.[1]
}

export function assemblyPackage(fields: Map<string, string>, path: string, foundBy: string): Package {
  const runtime = runtimeVersionOf(path)
  if (runtime)
    return {
      name: 'Microsoft.NETCore.App',
      version: runtime,
      type: 'dotnet',
      purl: '',
      foundBy,
      locations: [path]
    }
  let name = peName(fields, path)
  name = name.replace(RUNTIME_SUFFIX, '').trim()
  const version = assemblyVersion(fields)
  const metadata: Record<string, string> = {}
  for (const key of [...fields.keys()].sort()) {
    const value = spaceNormalize(fields.get(key)!)
    if (value !== '') metadata[key] = value
  }
  return {
    name,
    version: version || 'UNKNOWN',
    type: 'dotnet',
    purl: name ? formatPurl({ type: 'nuget', name, version }) : '',
    foundBy,
    locations: [path],
    metadata
  }
}
