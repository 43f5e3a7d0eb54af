// JDK/JRE installations: the `release` file every OpenJDK-derived runtime ships at its root (KEY="value" lines),
// reported the way Syft's java-jvm-cataloger does (a binary package, pkg:generic/<vendor>/<product>).
import { formatPurl } from '../purl.js'
import type { CatalogContext, CatalogedFile, Cataloger, FileCandidate, Package } from './types.js'

export const JVM_CATALOGER = 'java-jvm-cataloger'
const CAP = 500 * 1024

/** `KEY="value"` lines; quotes trimmed; lines without `=` skipped. */
export function parseJvmRelease(text: string): Map<string, string> {
  const fields = new Map<string, string>()
  for (const line of text.slice(0, CAP).split('\n')) {
    const eq = line.indexOf('=')
    if (eq < 0) continue
    fields.set(line.slice(0, eq), line.slice(eq + 1).replace(/^"+|"+$/g, ''))
  }
  return fields
}

/** JAVA_RUNTIME_VERSION, else FULL_VERSION when its major agrees with JAVA_VERSION's, else JAVA_VERSION. */
export function jvmVersion(f: Map<string, string>): string {
  const runtime = f.get('JAVA_RUNTIME_VERSION') ?? ''
  if (runtime !== '') return runtime
  const full = f.get('FULL_VERSION') ?? ''
  const java = f.get('JAVA_VERSION') ?? ''
  if (full !== '' && full.split('.')[0] === java.split('.')[0]) return full
  return java
}

const isJdkImage = (f: Map<string, string>): boolean =>
  !(f.get('IMAGE_TYPE') ?? '').toLowerCase().includes('jre')

/** Syft's vendor/product from the implementor and the install path (`zulu`, `/ibm`, `oracle` in it). */
export function jvmVendorProduct(f: Map<string, string>, path: string, hasJdk: boolean): [string, string] {
  const implementor = (f.get('IMPLEMENTOR') ?? '').toLowerCase().replaceAll(' ', '')
  const product = hasJdk || isJdkImage(f) ? 'jdk' : 'jre'
  if (implementor.includes('azul') || path.includes('zulu')) return ['azul', 'zulu']
  if (implementor.includes('sun')) return ['sun', product]
  if (implementor.includes('ibm') || path.includes('/ibm')) return ['ibm', hasJdk ? 'java_sdk' : 'java']
  if (
    implementor.includes('oracle') ||
    path.includes('oracle') ||
    (f.get('BUILD_TYPE') ?? '').includes('commercial')
  )
    return ['oracle', product]
  return ['oracle', 'openjdk']
}

function jvmPackage(f: Map<string, string>, path: string, hasJdk: boolean): Package {
  const version = jvmVersion(f)
  const [vendor, product] = jvmVendorProduct(f, path, hasJdk)
  const repository = f.get('SOURCE_REPO') || f.get('BUILD_SOURCE_REPO') || undefined
  return {
    name: product,
    version,
    type: 'binary',
    purl: formatPurl({
      type: 'generic',
      namespace: vendor,
      name: product,
      version,
      qualifiers: { repository_url: repository }
    }),
    foundBy: JVM_CATALOGER,
    locations: [path],
    metadata: { vendor, ...(f.get('IMPLEMENTOR') ? { implementor: f.get('IMPLEMENTOR')! } : {}) }
  }
}

const dirOf = (path: string): string => path.slice(0, path.lastIndexOf('/'))

/** The release fields behind each reported package, for the javac pass (release files are not kept for it). */
const releaseFields = new WeakMap<Package, Map<string, string>>()

export const jvmCataloger: Cataloger = {
  name: JVM_CATALOGER,
  // Every file named `release` (also inside unpacked JDK archives); `bin/javac` tells a JDK from a JRE.
  wants: (file: FileCandidate) =>
    (file.path.endsWith('/release') && file.size <= 4 * CAP) ||
    (file.path.endsWith('/bin/javac') && file.size <= 1024 * 1024),
  parse(file: CatalogedFile, _ctx: CatalogContext): Package[] {
    if (!file.path.endsWith('/release')) return []
    const fields = parseJvmRelease(file.data.toString('utf8'))
    // Only a runtime's release file names a Java version.
    if (!fields.has('JAVA_VERSION') && !fields.has('JAVA_RUNTIME_VERSION')) return []
    const pkg = jvmPackage(fields, file.path, false)
    releaseFields.set(pkg, fields)
    return [pkg]
  },
  keepForEnrich: (file: FileCandidate) => file.path.endsWith('/bin/javac'),
  enrich(packages: Package[], files: CatalogedFile[]): void {
    const javacs = files.filter(f => f.path.endsWith('/bin/javac')).map(f => f.path)
    packages.forEach((p, i) => {
      const fields = releaseFields.get(p)
      const home = dirOf(p.locations[0]!)
      if (fields && javacs.some(j => j.startsWith(home + '/')))
        packages[i] = jvmPackage(fields, p.locations[0]!, true)
    })
  }
}
