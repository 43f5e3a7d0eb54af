// Version strings in well-known binaries that no package database describes (a subset of Syft's classifiers).
/* eslint-disable no-control-regex -- version strings in binaries are delimited by NUL bytes */
import { formatPurl } from '../purl.js'
import type { CatalogContext, CatalogedFile, Cataloger, FileCandidate, Package } from './types.js'

export const BINARY_CATALOGER = 'binary-classifier-cataloger'
const CAP = 256 * 1024 * 1024

interface Classifier {
  class: string
  /** File base names the classifier looks at (Syft's FileGlob "**\/<name>"). */
  names: string[]
  /** Each must capture `version`; the first that matches wins. A `require` pattern must also match. */
  patterns: RegExp[]
  require?: RegExp
  package: string
  cpeVendorProduct: string[]
}

const CLASSIFIERS: Classifier[] = [
  {
    class: 'busybox-binary',
    names: ['busybox'],
    patterns: [/BusyBox\s+v(?<version>[0-9]+\.[0-9]+\.[0-9]+)/m],
    package: 'busybox',
    cpeVendorProduct: ['busybox:busybox']
  },
  {
    class: 'bash-binary',
    names: ['bash'],
    patterns: [/@\(#\)Bash version (?<version>[0-9]+\.[0-9]+\.[0-9]+)\([0-9]\) [a-z0-9]+ GNU/m],
    package: 'bash',
    cpeVendorProduct: ['gnu:bash']
  },
  {
    class: 'curl-binary',
    names: ['curl'],
    patterns: [/curl\/(?<version>[0-9]+\.[0-9]+\.[0-9]+)/],
    package: 'curl',
    cpeVendorProduct: ['haxx:curl']
  },
  {
    class: 'openssl-binary',
    names: ['openssl'],
    patterns: [/\x00OpenSSL (?<version>[0-9]+\.[0-9]+\.[0-9]+([a-z]+|-alpha[0-9]|-beta[0-9]|-rc[0-9])?)/],
    package: 'openssl',
    cpeVendorProduct: ['openssl:openssl']
  },
  {
    class: 'nginx-binary',
    names: ['nginx'],
    patterns: [/(\x00|\?)nginx version: [^/]+\/(?<version>[0-9]+\.[0-9]+\.[0-9]+(?:\+\d+)?(?:-\d+)?)/m],
    package: 'nginx',
    cpeVendorProduct: ['f5:nginx', 'nginx:nginx']
  },
  {
    class: 'postgresql-binary',
    names: ['postgres'],
    patterns: [
      /(\x00|\?)PostgreSQL (?<version>[0-9]+(\.[0-9]+)?(\.[0-9]+)?(alpha[0-9]|beta[0-9]|rc[0-9])?)/m
    ],
    package: 'postgresql',
    cpeVendorProduct: ['postgresql:postgresql']
  },
  {
    class: 'redis-binary',
    names: ['redis-server'],
    patterns: [
      /[^\d](?<version>\d+.\d+\.\d+)buildkitsandbox-\d+/,
      /[^\d](?<version>[0-9]+\.[0-9]+\.[0-9]+)\w{12}-\d+/,
      /Redis version (?<version>[0-9]+\.[0-9]+\.[0-9]+)/
    ],
    package: 'redis',
    cpeVendorProduct: ['redislabs:redis', 'redis:redis']
  },
  {
    class: 'nodejs-binary',
    names: ['node'],
    patterns: [
      /\x00(node )?v(?<version>(0|4|5|6)\.[0-9]+\.[0-9]+)\x00/m,
      /node\.js\/v(?<version>[0-9]+\.[0-9]+\.[0-9]+)/m
    ],
    package: 'node',
    cpeVendorProduct: ['nodejs:node.js']
  },
  {
    class: 'go-binary',
    names: ['go', 'go.exe'],
    patterns: [/go(?<version>[0-9]+\.[0-9]+(\.[0-9]+|beta[0-9]+|alpha[0-9]+|rc[0-9]+)?)\x00/m],
    package: 'go',
    cpeVendorProduct: ['golang:go']
  }
]

const BY_NAME = new Map<string, Classifier[]>()
for (const c of CLASSIFIERS) for (const n of c.names) BY_NAME.set(n, [...(BY_NAME.get(n) ?? []), c])

function baseName(path: string): string {
  return path.slice(path.lastIndexOf('/') + 1)
}

export function classify(file: CatalogedFile): Package[] {
  const classifiers = BY_NAME.get(baseName(file.path)) ?? []
  if (classifiers.length === 0) return []
  // latin1 keeps one character per byte, so binary patterns (\x00) match as written.
  const text = file.data.toString('latin1')
  for (const c of classifiers) {
    if (c.require && !c.require.test(text)) continue
    for (const pattern of c.patterns) {
      const version = pattern.exec(text)?.groups?.['version']
      if (!version) continue
      return [
        {
          name: c.package,
          version,
          type: 'binary',
          purl: formatPurl({ type: 'generic', name: c.package, version }),
          foundBy: BINARY_CATALOGER,
          locations: [file.path],
          cpes: c.cpeVendorProduct.map(vp => `cpe:2.3:a:${vp}:${version}:*:*:*:*:*:*:*`),
          metadata: { classifier: c.class }
        }
      ]
    }
  }
  return []
}

export const binaryClassifierCataloger: Cataloger = {
  name: BINARY_CATALOGER,
  wants: (f: FileCandidate) => f.size <= CAP && BY_NAME.has(baseName(f.path)),
  parse: (file: CatalogedFile, _ctx: CatalogContext) => classify(file)
}

const OS_TYPES = new Set(['deb', 'rpm', 'apk'])

/**
 * Syft drops a classified binary when an OS package owns its file (the package database already names it).
 * Run over the merged package list; ownership comes from the OS packages' file lists.
 */
export function dropBinariesOwnedByOsPackages(packages: Package[]): Package[] {
  const owned = new Set<string>()
  for (const p of packages) if (OS_TYPES.has(p.type)) for (const f of p.files ?? []) owned.add(f.path)
  // Syft removes type "binary" packages and ELF package-note packages (whatever type they claim).
  const removable = (p: Package): boolean =>
    p.type === 'binary' || p.foundBy === BINARY_CATALOGER || p.foundBy === 'elf-binary-package-cataloger'
  return packages.filter(p => !removable(p) || !p.locations.some(l => owned.has(l)))
}
