import { describe, expect, it } from '@jest/globals'
import { nixCataloger } from '../../../../src/sbom/catalogers/nix.js'
import type { Cataloger, EntryKind } from '../../../../src/sbom/catalogers/types.js'
import { buildTar } from '../../../fixtures/sbom/build-synthetic-tar.js'
import { scan } from './helpers.js'

/** Reports every entry under /p offered by path, with its kind and how many bytes came with it. */
const entryCataloger: Cataloger = {
  name: 'entry-cataloger',
  wants: f => f.path === '/p/file',
  wantsEntry: (path: string, _kind: EntryKind) => path.startsWith('/p/'),
  parse: file => [
    {
      name: file.path,
      version: `${file.pathOnly ?? 'content'}-${file.data.length}`,
      type: 'test',
      purl: `pkg:generic/x?path=${file.path}`,
      foundBy: 'entry-cataloger',
      locations: [file.path]
    }
  ]
}

const HASH = 'h0cnbmfcn93xm5dg2x27ixhag1cwndga'
const DRV_HASH = 'a1cnbmfcn93xm5dg2x27ixhag1cwndgb'
const store = (name: string) => `nix/store/${HASH}-${name}`

describe('layer reader: entries offered by path', () => {
  it('offers directories, symlinks and files to wantsEntry without their bytes, and contents to wants', async () => {
    const tar = buildTar([
      { type: 'dir', path: 'p/dir' },
      { type: 'symlink', path: 'p/link', target: 'dir' },
      { type: 'file', path: 'p/file', data: 'twelve bytes' },
      { type: 'file', path: 'q/other', data: 'x' }
    ])
    const { names, packages } = await scan([tar], [entryCataloger])
    expect(names).toEqual(['/p/dir@directory-0', '/p/file@content-12', '/p/file@file-0', '/p/link@symlink-0'])
    expect(packages.every(p => p.layer?.index === 0)).toBe(true)
  })

  it('reads a Nix store from its directories, and forgets one a later layer deletes', async () => {
    const drv = `Derive([("out","/${store('hello-2.10')}","","")],[],[],"x86_64-linux","/bin/sh",[],[])`
    const base = buildTar([
      { type: 'dir', path: store('hello-2.10') },
      { type: 'file', path: `${store('hello-2.10')}/bin/hello`, data: 'elf' },
      { type: 'file', path: `nix/store/${DRV_HASH}-hello-2.10.drv`, data: drv },
      { type: 'dir', path: store('zlib-1.3.1-dev') }
    ])
    const { packages, warnings } = await scan([base], [nixCataloger])
    expect(warnings).toEqual([])
    expect(packages.map(p => p.purl).sort()).toEqual([
      `pkg:nix/hello@2.10?drvpath=${DRV_HASH}-hello-2.10.drv&outputhash=${HASH}`,
      `pkg:nix/zlib@1.3.1?output=dev&outputhash=${HASH}`
    ])
    const gone = buildTar([{ type: 'file', path: `nix/store/.wh.${HASH}-zlib-1.3.1-dev`, data: '' }])
    expect((await scan([base, gone], [nixCataloger])).names).toEqual(['hello@2.10'])
  })

  it('keeps only the header of a file every taker reads a header of, beyond the per-file cap', async () => {
    const headerCataloger: Cataloger = {
      name: 'header-cataloger',
      headerBytes: 16,
      wants: f => f.path.endsWith('.bin'),
      parse: file => [
        {
          name: file.data.toString('latin1'),
          version: String(file.size),
          type: 'test',
          purl: '',
          foundBy: 'header-cataloger',
          locations: [file.path]
        }
      ]
    }
    const body = Buffer.concat([Buffer.from('HEADER-0123456789'), Buffer.alloc(200_000, 7)])
    const tar = buildTar([{ type: 'file', path: 'm/model.bin', data: body }])
    const { names, warnings } = await scan([tar], [headerCataloger], {
      maxFileBytes: 1000,
      maxBufferedFileBytes: 100
    })
    expect(warnings).toEqual([])
    expect(names).toEqual([`HEADER-012345678@${body.length}`])
    // A taker that wants the whole file keeps the per-file cap in force.
    const { names: both, warnings: skipped } = await scan(
      [tar],
      [headerCataloger, { ...headerCataloger, headerBytes: undefined }],
      {
        maxFileBytes: 1000
      }
    )
    expect(both).toEqual([])
    expect(skipped).toHaveLength(1)
  })
})
