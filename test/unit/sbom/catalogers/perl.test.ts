import { beforeAll, describe, expect, it } from '@jest/globals'
import { parsePerllocal, versionFromModule } from '../../../../src/sbom/catalogers/perl-enrich.js'
import { distFromPacklist, perlCpanCataloger, splitDistvname } from '../../../../src/sbom/catalogers/perl.js'
import type { CatalogedFile, Package } from '../../../../src/sbom/catalogers/types.js'
import { CPANM_TREE, perlRootfs } from '../../../fixtures/sbom/perl.js'
import { scanDir } from './scan-dir.js'

beforeAll(async () => {
  await perlRootfs()
}, 900_000)

const ARCH = `${CPANM_TREE}/lib/perl5/x86_64-linux-gnu-thread-multi`

/** Runs the cataloger over in-memory files the way the layer reader does: parse each, then enrich. */
function catalog(files: Record<string, string>): { packages: Package[]; warnings: string[] } {
  const warnings: string[] = []
  const ctx = { warn: (m: string) => warnings.push(m) }
  const packages: Package[] = []
  const rest: CatalogedFile[] = []
  for (const [path, text] of Object.entries(files)) {
    const file = {
      path,
      size: text.length,
      mode: 0o644,
      data: Buffer.from(text),
      layer: { index: 0, diffId: 'x' }
    }
    expect(perlCpanCataloger.wants(file)).toBe(true)
    const found = perlCpanCataloger.parse(file, ctx) as Package[]
    if (found.length === 0) rest.push(file)
    packages.push(...found)
  }
  perlCpanCataloger.enrich!(packages, rest, ctx)
  return { packages, warnings }
}

const pod = (module: string, into: string, version: string) =>
  `=head2 Mon Jul 27 20:10:38 2026: C<Module> L<${module}|${module}>\n\n=over 4\n\n=item *\n\nC<installed into: ${into}>\n\n=item *\n\nC<VERSION: ${version}>\n\n=back\n\n`

describe('perl-cpan-installed-cataloger on cpanm and make install trees', () => {
  it('reports one package per installed distribution and tree, as cpanm and EUMM recorded them', async () => {
    const { packages, warnings } = await scanDir(await perlRootfs(), [perlCpanCataloger])
    expect(warnings).toEqual([])
    const byPurl = new Map(packages.map(p => [p.purl, p]))
    expect([...byPurl.keys()].sort()).toEqual([
      'pkg:cpan/JSON@4.10',
      'pkg:cpan/JSON@4.10?author=ISHIGAKI',
      'pkg:cpan/Try-Tiny@0.31?author=ETHER'
    ])
    // cpanm's tree: install.json, its packlist and MYMETA.json merged, versioned by perllocal.pod too.
    expect(byPurl.get('pkg:cpan/Try-Tiny@0.31?author=ETHER')).toMatchObject({
      name: 'Try-Tiny',
      version: '0.31',
      type: 'cpan',
      foundBy: 'perl-cpan-installed-cataloger',
      licenses: ['MIT'],
      locations: [
        `${ARCH}/.meta/Try-Tiny-0.31/install.json`,
        `${ARCH}/auto/Try/Tiny/.packlist`,
        `${ARCH}/.meta/Try-Tiny-0.31/MYMETA.json`,
        `${ARCH}/perllocal.pod`
      ]
    })
    // Debian's site layout: perllocal.pod names /usr/local/share/perl, the packlist is under /usr/local/lib, so
    // the version comes from the main module's $VERSION.
    expect(byPurl.get('pkg:cpan/JSON@4.10')!.locations).toEqual([
      '/usr/local/lib/x86_64-linux-gnu/perl/5.36.0/auto/JSON/.packlist',
      '/usr/local/share/perl/5.36.0/JSON.pm'
    ])
  })
})

describe('CPAN evidence rules', () => {
  it('folds a packlist named after a module into the distribution whose install.json provides it', () => {
    const lib = '/app/local/lib/perl5'
    const { packages } = catalog({
      [`${lib}/.meta/libwww-perl-6.72/install.json`]: JSON.stringify({
        name: 'LWP',
        dist: 'libwww-perl-6.72',
        version: '6.72',
        pathname: 'O/OA/OALDERS/libwww-perl-6.72.tar.gz',
        provides: { LWP: { version: '6.72' }, 'LWP::UserAgent': { version: '6.72' } }
      }),
      [`${lib}/auto/LWP/.packlist`]: `${lib}/LWP.pm\n${lib}/Bundle/LWP.pm type=file\n`,
      [`${lib}/perllocal.pod`]: pod('LWP', lib, '6.72')
    })
    expect(packages.map(p => [p.name, p.version, p.purl, p.files?.length])).toEqual([
      ['libwww-perl', '6.72', 'pkg:cpan/libwww-perl@6.72?author=OALDERS', 2]
    ])
  })

  it('takes the last stanza of the most specific libdir, else the shallowest main module $VERSION', () => {
    const { packages } = catalog({
      '/opt/a/lib/perl5/auto/Foo/Bar/.packlist': '/opt/a/lib/perl5/Foo/Bar.pm\n',
      '/opt/a/lib/perl5/perllocal.pod':
        pod('Foo::Bar', '/opt/a', '0.1') +
        pod('Foo::Bar', '/opt/a/lib/perl5', '1.0') +
        pod('Foo::Bar', '/opt/a/lib/perl5', '1.1'),
      '/opt/b/lib/perl5/auto/Foo/Bar/.packlist':
        '/opt/b/lib/perl5/x/Foo/Bar.pm\n/opt/b/lib/perl5/Foo/Bar.pm\n',
      '/opt/b/lib/perl5/Foo/Bar.pm': "package Foo::Bar;\nour $VERSION = '2.06';\n",
      '/opt/b/lib/perl5/x/Foo/Bar.pm': "package Foo::Bar;\nour $VERSION = '9.9';\n",
      '/opt/c/lib/perl5/auto/Foo/Bar/.packlist': '/opt/c/lib/perl5/Foo/Bar.pm\n'
    })
    expect(packages.map(p => `${p.locations[0]} ${p.version} ${p.purl}`)).toEqual([
      '/opt/a/lib/perl5/auto/Foo/Bar/.packlist 1.1 pkg:cpan/Foo-Bar@1.1',
      '/opt/b/lib/perl5/auto/Foo/Bar/.packlist 2.06 pkg:cpan/Foo-Bar@2.06',
      '/opt/c/lib/perl5/auto/Foo/Bar/.packlist UNKNOWN pkg:cpan/Foo-Bar'
    ])
  })

  it('reads distribution names, module versions and perllocal stanzas as CPAN tools write them', () => {
    expect(distFromPacklist('/usr/local/lib/perl5/auto/IO/Socket/SSL/.packlist')).toBe('IO-Socket-SSL')
    expect(distFromPacklist('/usr/lib/perl5/.packlist')).toBe('')
    expect(splitDistvname('Try-Tiny-0.26-TRIAL')).toEqual(['Try-Tiny', '0.26'])
    expect(splitDistvname('Carp-Assert-More-2.9.0')).toEqual(['Carp-Assert-More', '2.9.0'])
    expect(versionFromModule("$JSON::PP::VERSION = '2.27300';")).toBe('2.27300')
    expect(versionFromModule('package CPAN::02Packages::Search v1.0.0;')).toBe('v1.0.0')
    expect(versionFromModule("our $VERSION = qv('1.2.3');")).toBe('1.2.3')
    expect(versionFromModule('our $VERSION;\n$VERSION = sprintf "%d.%02d", q$Revision: 3.24 $;')).toBe('')
    expect(parsePerllocal(pod('Net::HTTP', '/usr/local/share/perl/5.36.0', '6.24'))).toEqual([
      { module: 'Net::HTTP', installedInto: '/usr/local/share/perl/5.36.0', version: '6.24' }
    ])
  })

  it('does not buffer perl core modules for the $VERSION fallback', () => {
    const wants = (path: string) => perlCpanCataloger.wants({ path, size: 1000, mode: 0o644 })
    expect(wants('/usr/local/lib/perl5/5.40.0/strict.pm')).toBe(false)
    expect(wants('/usr/share/perl/5.36.0/Carp.pm')).toBe(false)
    expect(wants('/usr/local/lib/perl5/site_perl/5.40.0/JSON.pm')).toBe(true)
    expect(wants('/app/local/lib/perl5/Try/Tiny.pm')).toBe(true)
    expect(wants('/app/local/lib/perl5/x/.meta/JSON-4.10/install.json')).toBe(true)
    expect(wants('/app/package/install.json')).toBe(false)
  })
})
