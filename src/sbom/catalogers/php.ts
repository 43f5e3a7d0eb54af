// PHP packages: Composer's vendor/composer/installed.json and PEAR's registry (php/.registry/**/*.reg).
import { formatPurl } from '../purl.js'
import { stringAt, unserialize, type PhpValue } from './php-serialize.js'
import type { CatalogContext, CatalogedFile, Cataloger, FileCandidate, Package } from './types.js'

export const COMPOSER_CATALOGER = 'php-composer-installed-cataloger'
export const PEAR_CATALOGER = 'php-pear-serialized-cataloger'
const CAP = 16 * 1024 * 1024

/** `vendor/name` → namespace vendor; deeper names join their remaining parts with "-" (Syft's reading). */
export function composerPurl(name: string, version: string): string {
  const parts = name.split('/')
  const namespace = parts.length >= 2 ? parts[0]! : ''
  const rest = parts.length >= 2 ? parts.slice(1).join('-') : name
  return formatPurl({ type: 'composer', namespace, name: rest, version })
}

const where = (file: CatalogedFile): string => `${file.path} (layer ${file.layer.diffId})`
const asString = (v: unknown): string => (typeof v === 'string' ? v : '')

/** Composer 2 writes {"packages": [...]}; Composer 1 wrote the array alone. */
function composerEntries(json: unknown): unknown[] | undefined {
  if (Array.isArray(json)) return json
  if (json && typeof json === 'object') {
    const list = (json as { packages?: unknown }).packages
    return Array.isArray(list) ? list : list === undefined || list === null ? [] : undefined
  }
  return undefined
}

export const composerInstalledCataloger: Cataloger = {
  name: COMPOSER_CATALOGER,
  wants: (file: FileCandidate) => file.size <= CAP && file.path.endsWith('/installed.json'),
  parse(file: CatalogedFile, ctx: CatalogContext): Package[] {
    let entries: unknown[] | undefined
    try {
      entries = composerEntries(JSON.parse(file.data.toString('utf8')))
    } catch {
      entries = undefined
    }
    if (!entries) {
      ctx.warn(`${where(file)}: not a Composer installed.json`)
      return []
    }
    const packages: Package[] = []
    for (const entry of entries) {
      if (!entry || typeof entry !== 'object') continue
      const e = entry as Record<string, unknown>
      const name = asString(e['name'])
      // Syft drops nameless entries and reports a missing version as "UNKNOWN" (the purl keeps none).
      if (name === '') continue
      const version = asString(e['version'])
      const pkg: Package = {
        name,
        version: version || 'UNKNOWN',
        type: 'php-composer',
        purl: composerPurl(name, version),
        foundBy: COMPOSER_CATALOGER,
        locations: [file.path]
      }
      const license = Array.isArray(e['license']) ? e['license'].filter(l => typeof l === 'string' && l) : []
      if (license.length > 0) pkg.licenses = license as string[]
      packages.push(pkg)
    }
    return packages
  }
}

/** `**\/php/.registry/**\/*.reg` (PECL channels' subdirectories included). */
function isPearRegistry(path: string): boolean {
  return path.endsWith('.reg') && path.includes('/php/.registry/')
}

export const pearCataloger: Cataloger = {
  name: PEAR_CATALOGER,
  wants: (file: FileCandidate) => file.size <= CAP && isPearRegistry(file.path),
  parse(file: CatalogedFile, ctx: CatalogContext): Package[] {
    let registry: PhpValue
    try {
      registry = unserialize(file.data)
    } catch (cause) {
      ctx.warn(`${where(file)}: unreadable PEAR registry entry (${(cause as Error).message})`)
      return []
    }
    const name = stringAt(registry, 'name')
    if (!name) {
      ctx.warn(`${where(file)}: PEAR registry entry without a name`)
      return []
    }
    const version = stringAt(registry, 'version', 'release') ?? ''
    const channel = stringAt(registry, 'channel') || 'pecl.php.net'
    const pkg: Package = {
      name,
      version: version || 'UNKNOWN',
      type: 'php-pear',
      purl: formatPurl({ type: 'pear', namespace: channel, name, version }),
      foundBy: PEAR_CATALOGER,
      locations: [file.path]
    }
    const license = stringAt(registry, 'license', '_content')
    if (license) pkg.licenses = [license]
    return [pkg]
  }
}
