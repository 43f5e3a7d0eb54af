import { describe, expect, it } from '@jest/globals'
import { parseKernelChangelog, snapCataloger } from '../../../../src/sbom/catalogers/snap.js'
import { snapRootfs } from '../../../fixtures/sbom/snap.js'
import { scanDir } from './scan-dir.js'

describe('snap-cataloger', () => {
  it('reports the Debian packages of base, application and kernel snaps and of a snapcraft project', async () => {
    const { packages, warnings } = await scanDir(await snapRootfs(), [snapCataloger])
    expect(warnings).toEqual([])
    const rows = packages.map(p => `${p.purl} ${p.locations[0]!.split('/').slice(0, 3).join('/')}`).sort()
    expect(rows).toEqual([
      'pkg:deb/ubuntu/adduser@3.118ubuntu5 /snap/core22',
      'pkg:deb/ubuntu/base-files@12ubuntu4.7 /snap/core22',
      'pkg:deb/ubuntu/gcc@unknown?arch=amd64 /src/hello-world',
      // libc6:amd64 sets the architecture for the rest of the base snap's list; not-pinned is skipped.
      'pkg:deb/ubuntu/libc6@2.35-0ubuntu3.8?arch=amd64 /snap/core22',
      'pkg:deb/ubuntu/libc6@unknown?arch=amd64 /src/hello-world',
      'pkg:deb/ubuntu/libjq1@1.6-2.1ubuntu3?arch=amd64 /snap/jq',
      'pkg:deb/ubuntu/libonig5@6.9.7.1-2build1?arch=amd64 /snap/jq',
      'pkg:deb/ubuntu/libssl3@3.0.2-0ubuntu1.18?arch=amd64 /snap/core22',
      'pkg:deb/ubuntu/libssl3@3.0.2?arch=amd64 /src/hello-world',
      'pkg:deb/ubuntu/linux-image-5.15.0-126-generic@5.15.0-126.136 /snap/pc-kernel',
      'pkg:deb/ubuntu/make@unknown?arch=amd64 /src/hello-world',
      'pkg:generic/snap/go%2F1.22%2Fstable@unknown?arch=amd64&type=app /src/hello-world',
      'pkg:generic/snap/yq@unknown?arch=amd64&type=app /src/hello-world'
    ])
    for (const p of packages) expect(p).toMatchObject({ type: 'deb', foundBy: 'snap-cataloger' })
  })

  it('adds the base kernel a changelog line names after "<release>/linux:" (as <major.minor>-<abi>)', () => {
    // Checked against Syft v1.57.0 on the same changelog: the base version must read "5.4-190", not "5.4.0-190".
    const text = 'linux (5.4.0-195.215) focal; urgency=medium\n  * 215/linux: 5.4-190.210 rebase\n'
    expect(parseKernelChangelog(text, '/c').map(p => `${p.name}@${p.version}`)).toEqual([
      'linux-image-5.4.0-195-generic@5.4.0-195.215',
      'linux-image-5.4-190-generic@5.4-190.210'
    ])
    expect(parseKernelChangelog(text.replace('5.4-190', '5.4.0-190'), '/c')).toHaveLength(1)
    expect(() => parseKernelChangelog('linux-signed (1.0) x\n', '/c')).toThrow(/no kernel version/)
  })

  it('reports nothing for a file whose fields do not have the expected shapes', async () => {
    const warnings: string[] = []
    const data = Buffer.from('architectures:\n  - build-on: amd64\nparts:\n  a:\n    build-packages: [gcc]\n')
    const file = {
      path: '/p/snap/snapcraft.yaml',
      size: data.length,
      mode: 0o644,
      data,
      layer: { index: 0, diffId: 'd' }
    }
    expect(await snapCataloger.parse(file, { warn: m => warnings.push(m) })).toEqual([])
    expect(warnings).toEqual(['architectures is not a list of strings'])
  })
})
