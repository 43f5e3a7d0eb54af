// LuaRocks: every installed rock keeps its rockspec (lib/luarocks/rocks-<lua>/<name>/<version>/<name>-<version>.rockspec).
import { formatPurl } from '../purl.js'
import { LuaSyntaxError, parseLuaAssignments, type LuaValue } from './lua-table.js'
import type { CatalogContext, CatalogedFile, Cataloger, FileCandidate, Package } from './types.js'

export const LUA_CATALOGER = 'lua-rock-cataloger'
const CAP = 1024 * 1024

const str = (v: LuaValue | undefined): string => (typeof v === 'string' ? v : '')

export const luaRockCataloger: Cataloger = {
  name: LUA_CATALOGER,
  wants: (file: FileCandidate) => file.size <= CAP && file.path.endsWith('.rockspec'),
  parse(file: CatalogedFile, ctx: CatalogContext): Package[] {
    let spec: Map<string, LuaValue>
    try {
      spec = parseLuaAssignments(file.data.toString('utf8'))
    } catch (err) {
      if (!(err instanceof LuaSyntaxError)) throw err
      ctx.warn(`${file.path}: unreadable rockspec: ${err.message}`)
      return []
    }
    const name = str(spec.get('package'))
    // A rockspec template or a fragment without a package name describes nothing installed.
    if (name === '') return []
    const version = str(spec.get('version'))
    const pkg: Package = {
      name,
      version,
      type: 'lua-rocks',
      purl: formatPurl({ type: 'luarocks', name, version }),
      foundBy: LUA_CATALOGER,
      locations: [file.path]
    }
    const description = spec.get('description')
    // Syft keeps the declared license with spaces turned into '-' ("MIT/X11 license" → "MIT/X11-license").
    const license =
      typeof description === 'object' ? str(description.fields.get('license')).replaceAll(' ', '-') : ''
    if (license !== '') pkg.licenses = [license]
    return [pkg]
  }
}
