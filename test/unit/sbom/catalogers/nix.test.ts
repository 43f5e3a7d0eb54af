import { beforeAll, describe, expect, it } from '@jest/globals'
import { parseDerivation } from '../../../../src/sbom/catalogers/nix-derivation.js'
import { parseStorePath } from '../../../../src/sbom/catalogers/nix-store-path.js'
import { nixCataloger } from '../../../../src/sbom/catalogers/nix.js'
import type { Package } from '../../../../src/sbom/catalogers/types.js'
import { resolveDependencies } from '../../../../src/sbom/output/dependencies.js'
import { nixDbRootfs, nixStoreRootfs } from '../../../fixtures/sbom/nix.js'
import { scanDir } from './scan-dir.js'

beforeAll(async () => {
  await nixStoreRootfs()
}, 600_000)

const HASH = '[0-9a-z]{32}'
/** Store path names without their hashes, which follow the fixture's absolute path. */
const base = (path: string) => path.replace(new RegExp(`^(/nix/store/)?${HASH}-`), '')
const byText = (a: unknown[], b: unknown[]) => String(a).localeCompare(String(b))

function summary(packages: Package[]) {
  return packages
    .map(p => {
      const q = new URL(p.purl.replace(/^pkg:/, 'http://x/')).searchParams
      return [
        p.name,
        p.version,
        q.get('output'),
        base(p.metadata!['storePath']!),
        base(q.get('drvpath') ?? '')
      ]
    })
    .sort(byText)
}

function edges(packages: Package[]): string[] {
  const out: string[] = []
  for (const [from, targets] of resolveDependencies(packages))
    for (const t of targets)
      out.push(
        `${base(packages[from]!.metadata!['storePath']!)} -> ${base(packages[t]!.metadata!['storePath']!)}`
      )
  return out.sort()
}

describe('nix-cataloger: store paths (no database)', () => {
  it('reports each versioned store entry, its output, its derivation and what it was built from', async () => {
    const { packages, warnings } = await scanDir(await nixStoreRootfs(), [nixCataloger])
    expect(warnings).toEqual([])
    expect(summary(packages)).toEqual(
      [
        ['hello', '2.10', null, 'hello-2.10', 'hello-2.10.drv'],
        // The source tarball is a regular file in the store: Syft reports it too, without a derivation.
        ['hello', '2.10', null, 'hello-2.10.tar.gz', ''],
        [
          'hello-wrapper',
          'unstable-2024-05-01',
          null,
          'hello-wrapper-unstable-2024-05-01',
          'hello-wrapper-unstable-2024-05-01.drv'
        ],
        ['jq', '1.6', 'bin', 'jq-1.6-bin', 'jq-1.6.drv'],
        ['jq', '1.6', 'lib', 'jq-1.6-lib', 'jq-1.6.drv'],
        ['jq', '1.6', null, 'jq-1.6', 'jq-1.6.drv'],
        ['oniguruma', '6.9.8', null, 'oniguruma-6.9.8', 'oniguruma-6.9.8.drv'],
        ['zlib', '1.2.13', 'dev', 'zlib-1.2.13-dev', 'zlib-1.2.13.drv'],
        ['zlib', '1.2.13', null, 'zlib-1.2.13', 'zlib-1.2.13.drv']
      ].sort(byText)
    )
    const jqBin = packages.find(p => p.metadata!['output'] === 'bin')!
    expect(jqBin).toMatchObject({ type: 'nix', foundBy: 'nix-cataloger' })
    // Without a database the output hash is the store path's own hash part.
    expect(jqBin.purl).toMatch(
      new RegExp(`^pkg:nix/jq@1\\.6\\?drvpath=${HASH}-jq-1\\.6\\.drv&output=bin&outputhash=${HASH}$`)
    )
    expect(jqBin.locations[0]).toMatch(new RegExp(`^/nix/store/${HASH}-jq-1\\.6-bin$`))
    expect(edges(packages)).toEqual([
      'hello-2.10 -> hello-2.10.tar.gz',
      'hello-wrapper-unstable-2024-05-01 -> hello-2.10',
      'jq-1.6 -> oniguruma-6.9.8',
      'jq-1.6-bin -> oniguruma-6.9.8',
      'jq-1.6-lib -> oniguruma-6.9.8'
    ])
  })
})

describe('nix-cataloger: Nix database', () => {
  it('prefers the database: outputs from DerivationOutputs, hashes and references as Nix recorded them', async () => {
    const { packages, warnings } = await scanDir(await nixDbRootfs(), [nixCataloger])
    expect(warnings).toEqual([])
    // Every package comes from the database (the store entries are not reported twice); derivations are not packages.
    expect(packages).toHaveLength(9)
    for (const p of packages) expect(p.locations[0]).toBe('/nix/var/nix/db/db.sqlite')
    const rows = summary(packages)
    expect(rows.filter(r => r[0] === 'jq').map(r => r[2])).toEqual(['bin', 'lib', 'out'])
    expect(rows.find(r => r[3] === 'hello-2.10.tar.gz')).toEqual([
      'hello',
      '2.10',
      null,
      'hello-2.10.tar.gz',
      ''
    ])
    const hello = packages.find(p => p.metadata!['storePath']!.endsWith('-hello-2.10'))!
    expect(hello.purl).toMatch(
      new RegExp(
        `^pkg:nix/hello@2\\.10\\?drvpath=${HASH}-hello-2\\.10\\.drv&output=out&outputhash=sha256%3A[0-9a-f]{64}$`
      )
    )
    expect(hello.locations).toHaveLength(3) // database, store path, derivation
    // Refs: what each path's files mention (the jq wrapper names its library output and oniguruma).
    expect(edges(packages)).toEqual([
      'hello-2.10 -> hello-2.10.tar.gz',
      'hello-wrapper-unstable-2024-05-01 -> hello-2.10',
      'jq-1.6 -> jq-1.6-bin',
      'jq-1.6-bin -> jq-1.6-lib',
      'jq-1.6-bin -> oniguruma-6.9.8',
      'zlib-1.2.13-dev -> zlib-1.2.13'
    ])
  })
})

describe('nix store path names', () => {
  it.each([
    ['/nix/store/h0cnbmfcn93xm5dg2x27ixhag1cwndga-glibc-2.34-210-bin', 'glibc', '2.34-210', 'bin'],
    ['/nix/store/h0cnbmfcn93xm5dg2x27ixhag1cwndga-bash-interactive-5.2p37', 'bash-interactive', '5.2p37', ''],
    [
      '/nix/store/h0cnbmfcn93xm5dg2x27ixhag1cwndga-python3.12-requests-2.32.3',
      'python3.12-requests',
      '2.32.3',
      ''
    ],
    [
      '/nix/store/h0cnbmfcn93xm5dg2x27ixhag1cwndga-nix-index-unstable-2024-01-31',
      'nix-index',
      'unstable-2024-01-31',
      ''
    ],
    ['/nix/store/h0cnbmfcn93xm5dg2x27ixhag1cwndga-openssl-3.0.14-man', 'openssl', '3.0.14', 'man']
  ])('%s', (path, name, version, output) => {
    expect(parseStorePath(path)).toEqual({
      path,
      hash: 'h0cnbmfcn93xm5dg2x27ixhag1cwndga',
      name,
      version,
      output
    })
  })

  it('skips derivations and names without a version', () => {
    expect(parseStorePath('/nix/store/h0cnbmfcn93xm5dg2x27ixhag1cwndga-hello-2.10.drv')).toBeUndefined()
    expect(parseStorePath('/nix/store/h0cnbmfcn93xm5dg2x27ixhag1cwndga-builder.sh')).toBeUndefined()
    expect(parseStorePath('/nix/store/h0cnbmfcn93xm5dg2x27ixhag1cwndga')).toBeUndefined()
  })
})

describe('nix derivations', () => {
  it('reads outputs, input derivations and sources, escapes included', () => {
    const drv = parseDerivation(
      'Derive([("dev","/nix/store/a-z-dev","",""),("out","/nix/store/b-z","","")],' +
        '[("/nix/store/c-y.drv",["lib","out"])],["/nix/store/d-src"],"x86_64-linux","/bin/sh",' +
        '["-c","echo \\"hi\\"\\n"],[("name","z")])'
    )
    expect(drv.outputs).toEqual(
      new Map([
        ['dev', '/nix/store/a-z-dev'],
        ['out', '/nix/store/b-z']
      ])
    )
    expect(drv.inputDrvs).toEqual(new Map([['/nix/store/c-y.drv', ['lib', 'out']]]))
    expect(drv.inputSrcs).toEqual(['/nix/store/d-src'])
    expect(drv.platform).toBe('x86_64-linux')
  })

  it('rejects text that is not a whole derivation', () => {
    expect(() => parseDerivation('{"not":"aterm"}')).toThrow(/not a Nix derivation/)
    expect(() => parseDerivation('Derive([],[],[],"x","/bin/sh",[],[])trailing')).toThrow(/malformed/)
    expect(() => parseDerivation('Derive([("out","/nix/store/a')).toThrow(/unterminated/)
  })
})
