// The PHP interpreter and its extensions as binaries (Syft's php-interpreter-cataloger): php / php-fpm
// executables and Apache's libphp by the `X-Powered-By: PHP/<version>` string they embed, and extension
// libraries under a php* directory by the version string next to their module API marker.
/* eslint-disable no-control-regex -- version strings in binaries are delimited by NUL bytes */
import { formatPurl } from '../purl.js'
import { firstMatch } from './binary-classifier.js'
import type { CatalogContext, CatalogedFile, Cataloger, FileCandidate, Package } from './types.js'
import { bytesOf } from './file-bytes.js'

export const PHP_INTERPRETER_CATALOGER = 'php-interpreter-cataloger'
const CAP = 256 * 1024 * 1024
const POWERED_BY = /X-Powered-By: PHP\/(?<version>[0-9]+\.[0-9]+\.[0-9]+(beta[0-9]+|alpha[0-9]+|RC[0-9]+)?)/m

type Kind = 'cli' | 'fpm' | 'apache' | 'extension'

const escapeRe = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')

/** What Syft's globs make of a path: `**\/php*` (cli name `php[0-9]*`), `**\/php-fpm*`, `**\/apache*\/**\/libphp*.so`, `**\/php*\/**\/*.so`. */
export function phpKinds(path: string): Kind[] {
  const parts = path.split('/')
  const base = parts.at(-1)!
  const dirs = parts.slice(1, -1)
  const kinds: Kind[] = []
  if (/^php[0-9]*$/.test(base)) kinds.push('cli')
  if (base.startsWith('php-fpm')) kinds.push('fpm')
  if (base.startsWith('libphp') && base.endsWith('.so') && dirs.some(d => d.startsWith('apache')))
    kinds.push('apache')
  if (base.endsWith('.so') && dirs.some(d => d.startsWith('php'))) kinds.push('extension')
  return kinds
}

/** The version pattern Syft uses for an extension named `name` (mysqli, opcache and zip have their own). */
export function extensionPattern(name: string): RegExp {
  switch (name) {
    case 'mysqli':
      return /(mysqlnd|mysqli)?\s*\x00*(?<version>[0-9]+\.[0-9]+\.[0-9]+)\x00+API/
    case 'opcache':
      return /\x00+(?<version>[0-9]+\.[0-9]+\.[0-9]+)\x00+/m
    case 'zip':
      return /\x00+(?<version>[0-9]+\.[0-9]+\.[0-9]+)\x00+Zip/
    default:
      return new RegExp(`(\\x00+${escapeRe(name)})?\\x00+(?<version>[0-9]+\\.[0-9]+\\.[0-9]+)\\x00+API`, 'm')
  }
}

function binaryPackage(name: string, purlName: string, version: string, path: string, kind: Kind): Package {
  return {
    name,
    version,
    type: 'binary',
    purl: formatPurl({ type: 'generic', name: purlName, version }),
    foundBy: PHP_INTERPRETER_CATALOGER,
    locations: [path],
    metadata: { kind }
  }
}

export const phpInterpreterCataloger: Cataloger = {
  name: PHP_INTERPRETER_CATALOGER,
  wants: (file: FileCandidate) => file.size <= CAP && phpKinds(file.path).length > 0,
  parse(file: CatalogedFile, _ctx: CatalogContext): Package[] {
    const out: Package[] = []
    for (const kind of phpKinds(file.path)) {
      if (kind === 'extension') {
        const name = file.path.slice(file.path.lastIndexOf('/') + 1, -'.so'.length)
        const version = firstMatch(bytesOf(file), extensionPattern(name))?.groups?.['version']
        if (version) out.push(binaryPackage(name, name, version, file.path, kind))
        continue
      }
      const version = firstMatch(bytesOf(file), POWERED_BY)?.groups?.['version']
      if (!version) continue
      const [name, purlName] =
        kind === 'cli' ? ['php-cli', 'php-cli'] : kind === 'fpm' ? ['php-fpm', 'php-fpm'] : ['libphp', 'php']
      out.push(binaryPackage(name, purlName, version, file.path, kind))
    }
    return out
  },
  // Syft makes every extension a dependency of every interpreter in the image.
  keepForEnrich: () => false,
  enrich(packages: Package[]): void {
    const extensions = packages.filter(p => p.metadata?.['kind'] === 'extension').map(p => p.name)
    if (extensions.length === 0) return
    for (const p of packages) if (p.metadata?.['kind'] !== 'extension') p.dependsOn = [...new Set(extensions)]
  }
}
