// The contract between the layer reader (which streams files) and the catalogers (one per ecosystem).
import type { FileBytes } from './file-bytes.js'

/** A regular file the reader offers to catalogers, before its content is read. */
export interface FileCandidate {
  /** Absolute, normalised path inside the image root filesystem ("/var/lib/dpkg/status"). */
  path: string
  size: number
  /** Unix permission bits (e.g. 0o755); lets catalogers pick executables. */
  mode: number
  /** Set when the entry is offered by path only (`Cataloger.wantsEntry`): no content is read. */
  pathOnly?: EntryKind
}

export type EntryKind = 'directory' | 'file' | 'symlink'

/** A file for a cataloger, with the layer it came from. */
export interface CatalogedFile extends FileCandidate {
  /** The whole file. For a large (spilled) one, reading this loads it whole: prefer `bytes`. */
  data: Buffer
  /** Random access without loading the file whole; set for files the reader spilled to disk. */
  bytes?: FileBytes
  layer: LayerRef
}

export interface LayerRef {
  /** 0 = base layer. */
  index: number
  /** Uncompressed layer digest (config rootfs.diff_ids[index]). */
  diffId: string
}

/** Facts about the whole image a cataloger may need to build purls (distro qualifiers). */
export interface CatalogContext {
  distro?: Distro
  /** Emit a warning that names the layer and path; never throw for one bad file. */
  warn(message: string): void
}

export interface Distro {
  /** os-release ID, e.g. "debian", "rhel", "alpine". */
  id: string
  versionId?: string
  /** Everything os-release said (NAME, PRETTY_NAME, ID_LIKE, VERSION_CODENAME, CPE_NAME...). */
  fields: Record<string, string>
}

export interface Package {
  name: string
  version: string
  /** Syft's package type: "deb", "rpm", "apk", "go-module", "rust-crate", "python", "npm", "java-archive", "binary". */
  type: string
  purl: string
  /** Syft's cataloger name, e.g. "dpkg-db-cataloger" (goes to the "syft:package:foundBy"-style property). */
  foundBy: string
  /** Files whose content declared this package (the database or binary path). */
  locations: string[]
  licenses?: string[]
  cpes?: string[]
  /** Names this package satisfies besides its own (dpkg/rpm Provides, apk p:). */
  provides?: string[]
  /** Names this package depends on (resolved to packages later through name or provides). */
  dependsOn?: string[]
  /** Files the package owns, where its database lists them (dpkg md5sums, rpm file list, apk R:). */
  files?: PackageFile[]
  /** The package's people as its metadata writes them: npm author (all people), Python Author. */
  author?: string
  /** Python's Author-email field as written (may hold a name too: `"A B" <a@b.org>`). */
  authorEmail?: string
  /** Who published it: apk m: and dpkg Maintainer (people), rpm Vendor (an organisation). */
  publisher?: string
  /** An organisation the metadata names without a person (jar manifest vendor, PE CompanyName). */
  vendor?: string
  description?: string
  homepage?: string
  /** Where the metadata says the package comes from (apk U:, npm repository url). */
  downloadUrl?: string
  /** The VCS a Python package was installed from (direct_url.json). */
  vcs?: { url: string; commit?: string }
  /** Digests of the package's own artifact (a jar's SHA-1, a Go module's h1 as SHA-256). */
  digests?: Digest[]
  /** Extra key/values worth keeping (arch, source package, epoch...). */
  metadata?: Record<string, string>
  /** Set by the reader: the layer that introduced the package. */
  layer?: LayerRef
}

export interface Digest {
  /** Lower-case, as Syft names them: "sha1", "sha256", "md5". */
  algorithm: string
  /** Lower-case hex. */
  value: string
}

export interface PackageFile {
  path: string
  /** As the database records it, e.g. {algorithm: 'md5', value: '…'}; absent when it records none. */
  digest?: { algorithm: string; value: string }
}

export interface Cataloger {
  /** Syft's cataloger name where one exists. */
  name: string
  /** Whether the reader should buffer this file for parse(); decided from path, size and mode only. */
  wants(file: FileCandidate): boolean
  /**
   * Only the first this many bytes of a wanted file are needed (model headers in files of many GiB): `data`
   * holds that prefix, `size` stays the file's, and the per-file size cap does not apply.
   */
  headerBytes?: number
  /**
   * Entries wanted by path alone, whatever their kind (Nix store paths are directories): offered with empty
   * `data` and `pathOnly` set, besides any content `wants` asks for.
   */
  wantsEntry?(path: string, kind: EntryKind): boolean
  /** Parse one buffered file. Throw only for programmer errors; report bad input through ctx.warn. */
  parse(file: CatalogedFile, ctx: CatalogContext): Package[] | Promise<Package[]>
  /**
   * Optional second pass over the final (merged, whiteouts applied) filesystem: files this cataloger
   * wanted that declare no package themselves (dpkg md5sums, DEP-5 copyright) enrich its packages.
   * Returning a list replaces the cataloger's packages (one source of truth preferred over another).
   */
  enrich?(packages: Package[], files: CatalogedFile[], ctx: CatalogContext): void | Package[]
  /**
   * Whether a wanted file that declared no package is kept for enrich() (default: yes). A cataloger whose enrich
   * only relates its own packages says no, so files it merely inspected are not held in memory.
   */
  keepForEnrich?(file: FileCandidate): boolean
}
