// Syft's binary classifiers we reproduce: file name, version pattern(s), package and CPE vendor:product.
/* eslint-disable no-control-regex -- version strings in binaries are delimited by NUL bytes */

export interface Classifier {
  class: string
  /** File base names the classifier looks at (Syft's FileGlob "**\/<name>"). */
  names?: string[]
  /** Or a base-name pattern whose `version` group narrows the content pattern (Syft's name templates). */
  fromName?: { file: RegExp; content: (nameVersion: string) => RegExp }
  /** Each must capture `version`; the first that matches wins. A `require` pattern must also match. */
  patterns: RegExp[]
  require?: RegExp
  package: string
  cpeVendorProduct: string[]
}

const escapeRe = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
const pythonContent = (v: string): RegExp =>
  new RegExp(`\\x00(?<version>${escapeRe(v)}[-._a-zA-Z0-9]*)\\x00`, 'm')

export const CLASSIFIERS: Classifier[] = [
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
  },
  {
    class: 'util-linux-binary',
    names: ['getopt'],
    patterns: [/\x00util-linux\s(?<version>[0-9]+\.[0-9]+\.[0-9]+)\x00/],
    package: 'util-linux',
    cpeVendorProduct: ['kernel:util-linux']
  },
  {
    class: 'zstd-binary',
    names: ['zstd'],
    patterns: [/\x00v(?<version>[0-9]+\.[0-9]+\.[0-9]+)\x00/],
    package: 'zstd',
    cpeVendorProduct: ['facebook:zstandard']
  },
  {
    class: 'xz-binary',
    names: ['xz'],
    patterns: [/\x00xz \(XZ Utils\) (?<version>[0-9]+\.[0-9]+\.[0-9]+)\x00/],
    package: 'xz',
    cpeVendorProduct: ['tukaani:xz']
  },
  {
    class: 'gzip-binary',
    names: ['gzip'],
    // GNU gzip's version is a bare NUL-delimited token: require gzip's own message too.
    require: /%s: %s: not in gzip format/,
    patterns: [/\x00(?<version>[0-9]+\.[0-9]+)\x00/],
    package: 'gzip',
    cpeVendorProduct: ['gnu:gzip']
  },
  {
    class: 'jq-binary',
    names: ['jq'],
    patterns: [/\x00(?<version>[0-9]{1,3}\.[0-9]{1,3}(\.[0-9]+)?)\x00/],
    package: 'jq',
    cpeVendorProduct: ['jqlang:jq']
  },
  {
    class: 'python-binary',
    fromName: { file: /^python(?<version>[0-9]+(?:\.[0-9]+)+)$/, content: pythonContent },
    patterns: [],
    package: 'python',
    cpeVendorProduct: ['python_software_foundation:python', 'python:python']
  },
  {
    class: 'python-binary-lib',
    fromName: { file: /^libpython(?<version>[0-9]+(?:\.[0-9]+)+)[a-z]?\.so.*$/, content: pythonContent },
    patterns: [],
    package: 'python',
    cpeVendorProduct: ['python_software_foundation:python', 'python:python']
  }
]
