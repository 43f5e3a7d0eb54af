// Names and versions from Nix store path names (`<hash>-<name>-<version>[-<output>]`, nixpkgs' naming
// conventions), read the way Syft reads them so both report the same packages.

export interface StorePath {
  /** "/nix/store/<hash>-<name>-<version>…" as found. */
  path: string
  hash: string
  name: string
  version: string
  /** A non-default output named in the path ("bin", "dev", "lib"), else ''. */
  output: string
}

/** The first thing that looks like a version after a dash; group 7 is its last pre-release field. */
const VERSION_ISH =
  /-(([0-9][a-zA-Z0-9]*)(\.([0-9][a-zA-Z0-9]*))?(\.(0|[1-9][a-zA-Z0-9]*)){0,3}(?:-(\d*[.0-9a-zA-Z-]*))*(?:\+([.0-9a-zA-Z-]+(?:\.[.0-9a-zA-Z-]+)*))?)/
const UNSTABLE = /-(unstable-\d{4}-\d{2}-\d{2})$/

/** Whether `path` is a top-level store entry (`…/nix/store/<entry>`); asked of every tar entry, so cheap. */
export function isStoreEntry(path: string): boolean {
  const at = path.lastIndexOf('/nix/store/')
  return at >= 0 && path.length > at + 11 && path.indexOf('/', at + 11) === -1
}

/** Undefined for derivations and names without anything version-like. */
export function parseStorePath(path: string): StorePath | undefined {
  if (path.endsWith('.drv')) return undefined
  const base = path.slice(path.lastIndexOf('/') + 1)
  let start: number
  let versionIsh: string
  let prerelease = ''
  const unstable = UNSTABLE.exec(base)
  if (unstable) {
    start = unstable.index + 1
    versionIsh = unstable[1]!
  } else {
    const m = VERSION_ISH.exec(base)
    if (!m) return undefined
    start = m.index + 1
    versionIsh = m[1]!
    prerelease = m[7] ?? ''
  }
  const hashName = base.slice(0, start).replace(/-$/, '')
  const fields = hashName.split('-')
  if (fields.length < 2) return undefined
  const last = prerelease.split('-').at(-1)!
  let version = versionIsh
  let output = ''
  // A last pre-release field without digits is an output name, not part of the version.
  if (!/\d/.test(last)) {
    if (versionIsh.endsWith('-' + last)) version = versionIsh.slice(0, -(last.length + 1))
    output = last
  }
  return {
    path: path.startsWith('/') ? path : '/' + path,
    hash: fields[0]!,
    name: fields.slice(1).join('-'),
    version,
    output
  }
}
