// macOS application bundles: `<name>.app/Contents/Info.plist` (XML or binary) names the bundle and its version.
import { parsePlist, type PlistValue } from './plist.js'
import type { CatalogContext, CatalogedFile, Cataloger, FileCandidate, Package } from './types.js'

export const APPLE_BUNDLE_CATALOGER = 'apple-app-bundle-cataloger'
/** Syft reads the first 5 MiB only; a larger Info.plist does not parse there. */
const CAP = 5 * 1024 * 1024

const STRING_KEYS = [
  'CFBundleIdentifier',
  'CFBundleName',
  'CFBundleDisplayName',
  'CFBundleExecutable',
  'CFBundleShortVersionString',
  'CFBundleVersion',
  'CFBundlePackageType',
  'LSMinimumSystemVersion',
  'MinimumOSVersion',
  'NSHumanReadableCopyright',
  'DTPlatformName',
  'DTSDKName'
] as const

function isBundlePlist(path: string): boolean {
  const parts = path.split('/')
  return (
    parts.at(-1) === 'Info.plist' && parts.at(-2) === 'Contents' && (parts.at(-3)?.endsWith('.app') ?? false)
  )
}

/** The bundle's fields; a field of another type than Syft's decoder expects makes the whole file unreadable. */
export function bundleFields(root: PlistValue): Record<string, string> {
  if (root.kind !== 'dict') throw new Error('Info.plist is not a dictionary')
  const out: Record<string, string> = {}
  for (const key of STRING_KEYS) {
    const v = root.value.get(key)
    if (v === undefined) continue
    if (v.kind !== 'string') throw new Error(`${key} is not a string`)
    out[key] = v.value
  }
  const platforms = root.value.get('CFBundleSupportedPlatforms')
  if (platforms && (platforms.kind !== 'array' || platforms.value.some(p => p.kind !== 'string')))
    throw new Error('CFBundleSupportedPlatforms is not a list of strings')
  return out
}

export const appleBundleCataloger: Cataloger = {
  name: APPLE_BUNDLE_CATALOGER,
  wants: (file: FileCandidate) => file.size <= CAP && isBundlePlist(file.path),
  parse(file: CatalogedFile, ctx: CatalogContext): Package[] {
    let f: Record<string, string>
    try {
      f = bundleFields(parsePlist(file.data))
    } catch (err) {
      ctx.warn(`not a readable Info.plist: ${(err as Error).message}`)
      return []
    }
    const name =
      f['CFBundleDisplayName'] || f['CFBundleName'] || f['CFBundleExecutable'] || f['CFBundleIdentifier']
    const version = f['CFBundleShortVersionString'] || f['CFBundleVersion']
    if (!name || !version) return []
    const pkg: Package = {
      name,
      version,
      type: 'apple-app-bundle',
      // No purl type exists for app bundles; Syft writes none.
      purl: '',
      foundBy: APPLE_BUNDLE_CATALOGER,
      locations: [file.path]
    }
    if (f['CFBundleIdentifier']) pkg.metadata = { bundleIdentifier: f['CFBundleIdentifier'] }
    return [pkg]
  }
}
