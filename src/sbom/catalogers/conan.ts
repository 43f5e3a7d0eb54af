// Conan 1 package caches: .conan/data/<name>/<version>/<user>/<channel>/package/<id>/conaninfo.txt describes a
// built package and, under [full_requires], the exact packages it was built against.
import { formatPurl } from '../purl.js'
import type { CatalogContext, CatalogedFile, Cataloger, FileCandidate, Package } from './types.js'

export const CONAN_INFO_CATALOGER = 'conan-info-cataloger'
const CAP = 8 * 1024 * 1024
const CACHE_PATH = /.*\/([^/]+)\/([^/]+)\/([^/]+)\/([^/]+)\/package\/([^/]+)\/conaninfo\.txt$/

export interface ConanRef {
  name: string
  version: string
  user?: string
  channel?: string
}

/** `name/version@user/channel#revision:package_id%timestamp`, read the way conan's RecipeReference.loads does. */
export function splitConanRef(ref: string): ConanRef | undefined {
  const text = ref.split('%')[0]!.split(':')[0]!.split('#')[0]!
  const [nameVersion, userChannel] = text.split('@')
  const [name, version] = nameVersion!.split('/')
  if (!name || !version) return undefined
  const out: ConanRef = { name, version }
  const uc = userChannel?.split('/')
  if (uc && uc.length === 2 && userChannel !== '') [out.user, out.channel] = uc as [string, string]
  return out
}

function conanPackage(ref: ConanRef, path: string): Package {
  return {
    name: ref.name,
    version: ref.version,
    type: 'conan',
    purl: formatPurl({
      type: 'conan',
      namespace: ref.user,
      name: ref.name,
      version: ref.version,
      qualifiers: { channel: ref.channel }
    }),
    foundBy: CONAN_INFO_CATALOGER,
    locations: [path]
  }
}

export const conanInfoCataloger: Cataloger = {
  name: CONAN_INFO_CATALOGER,
  wants: (file: FileCandidate) => file.size <= CAP && file.path.endsWith('/conaninfo.txt'),
  parse(file: CatalogedFile, _ctx: CatalogContext): Package[] {
    // Only a cache's package folder names the package itself (build folders and sources hold copies).
    const cache = CACHE_PATH.exec(file.path)
    if (!cache) return []
    const [, name, version, user, channel] = cache as unknown as [string, string, string, string, string]
    const requires: Package[] = []
    let section = ''
    for (const raw of file.data.toString('utf8').split('\n')) {
      const line = raw.trim()
      if (/[[\]]/.test(line) || line.startsWith('#')) {
        section = line === '[full_requires]' || line === '[recipe_hash]' ? line : ''
        continue
      }
      if (section === '[full_requires]' && line !== '') {
        const ref = splitConanRef(line)
        if (ref) requires.push(conanPackage(ref, file.path))
      }
      // The recipe hash is a revision: it changes neither name nor version.
      if (section === '[recipe_hash]') section = ''
    }
    const main = conanPackage({ name, version, user, channel }, file.path)
    if (requires.length > 0) main.dependsOn = requires.map(r => r.name)
    return [...requires, main]
  }
}
