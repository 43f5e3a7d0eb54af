import { beforeAll, describe, expect, it } from '@jest/globals'
import { luaRockCataloger } from '../../../../src/sbom/catalogers/lua.js'
import { LuaSyntaxError, parseLuaAssignments } from '../../../../src/sbom/catalogers/lua-table.js'
import { LUA_ROCKS, luaRootfs } from '../../../fixtures/sbom/lua.js'
import { byName, scanDir } from './scan-dir.js'

beforeAll(async () => {
  await luaRootfs()
}, 900_000)

const parse = (text: string, path = '/usr/local/lib/luarocks/rocks-5.1/x/1.0-1/x-1.0-1.rockspec') => {
  const warnings: string[] = []
  const file = {
    path,
    size: text.length,
    mode: 0o644,
    data: Buffer.from(text),
    layer: { index: 0, diffId: 'x' }
  }
  return { packages: luaRockCataloger.parse(file, { warn: m => warnings.push(m) }), warnings }
}

describe('lua-rock-cataloger on rocks installed by luarocks', () => {
  it('reports each installed rock from the rockspec luarocks keeps in its tree', async () => {
    const { packages, warnings } = await scanDir(await luaRootfs(), [luaRockCataloger])
    expect(warnings).toEqual([])
    expect(packages.map(p => p.name).sort()).toEqual(LUA_ROCKS.map(r => r.rock).sort())
    expect(byName(packages, 'penlight')).toMatchObject({
      version: '1.13.1-1',
      type: 'lua-rocks',
      purl: 'pkg:luarocks/penlight@1.13.1-1',
      foundBy: 'lua-rock-cataloger',
      locations: ['/usr/local/lib/luarocks/rocks-5.1/penlight/1.13.1-1/penlight-1.13.1-1.rockspec'],
      licenses: ['MIT']
    })
  })
})

describe('rockspec reading', () => {
  it('resolves locals and concatenation, long strings, comments and skips build instructions', () => {
    const { packages, warnings } = parse(`-- a comment
local pkg_name = "kong"
local pkg_version = [[3.7.0]] --[[ block
comment ]]
package = pkg_name
version = pkg_version .. "-0"
source = { url = "git+https://github.com/Kong/kong.git", tag = pkg_version }
description = {
  summary = 'Kong is a scalable API gateway.',
  license = "Apache 2.0",
}
dependencies = { "lua >= 5.1", "lpeg == 1.1.0"; ["x"] = 1 }
build = { type = "builtin", install = { bin = { f(x) } }, modules = { ["kong.a"] = "a.lua" } }
`)
    expect(warnings).toEqual([])
    expect(packages).toEqual([
      expect.objectContaining({
        name: 'kong',
        version: '3.7.0-0',
        purl: 'pkg:luarocks/kong@3.7.0-0',
        licenses: ['Apache-2.0']
      })
    ])
  })

  it('skips a rockspec without a package name, and warns on one it cannot read', () => {
    expect(parse('version = "1.0-1"\n')).toEqual({ packages: [], warnings: [] })
    expect(parse('   \n')).toEqual({ packages: [], warnings: [] })
    const bad = parse('package = "x"\nversion = undefined_name\n')
    expect(bad.packages).toEqual([])
    expect(bad.warnings).toEqual([expect.stringContaining('unknown name undefined_name')])
  })

  it('decodes string escapes and keeps positional items apart from fields', () => {
    const spec = parseLuaAssignments(`t = { "a\\tb", 'c\\'d', k = "\\65\\066", [==[long]==] }`)
    expect(spec.get('t')).toEqual({ fields: new Map([['k', 'AB']]), items: ['a\tb', "c'd", 'long'] })
    expect(() => parseLuaAssignments('x = "unterminated')).toThrow(LuaSyntaxError)
    expect(() => parseLuaAssignments('x = ' + '{'.repeat(100) + '}'.repeat(100))).toThrow(LuaSyntaxError)
  })
})
