// CPAN distributions installed on disk: cpanm/cpm/carton's `.meta/<dist>/install.json` (with MYMETA.json), and
// the `auto/<Module>/.packlist` ExtUtils::MakeMaker and Module::Build write, versioned from perllocal.pod or,
// failing that, from the `$VERSION` of the distribution's main module.
import { formatPurl } from '../purl.js'
import { enrichCpan } from './perl-enrich.js'
import type { CatalogContext, CatalogedFile, Cataloger, FileCandidate, Package } from './types.js'

export const PERL_CATALOGER = 'perl-cpan-installed-cataloger'
const CAP = 8 * 1024 * 1024
const PM_CAP = 512 * 1024

const base = (path: string): string => path.slice(path.lastIndexOf('/') + 1)
const segments = (path: string): string[] => path.split('/')

const isInstallRecord = (path: string, name: string): boolean => {
  const parts = segments(path)
  return parts.length >= 3 && parts.at(-1) === name && parts.at(-3) === '.meta'
}

/** `.../auto/IO/Socket/SSL/.packlist` → `IO-Socket-SSL`; "" for perl's own packlist (no auto/<Dist>). */
export function distFromPacklist(path: string): string {
  const parts = segments(path.replace(/^\/+|\/+$/g, ''))
  const auto = parts.lastIndexOf('auto')
  if (auto < 0 || auto + 1 >= parts.length - 1) return ''
  return parts.slice(auto + 1, -1).join('-')
}

/**
 * Main modules of packlist installs are read only from trees outside perl's core library (site trees,
 * local::lib/carton `lib/perl5`), so an image's thousands of core modules are never buffered.
 */
function isSiteModule(path: string): boolean {
  if (!path.endsWith('.pm')) return false
  if (path.startsWith('/usr/local/share/perl/') || path.includes('/site_perl/')) return true
  const i = path.indexOf('/lib/perl5/')
  return i >= 0 && !/^\d+\.\d+/.test(path.slice(i + '/lib/perl5/'.length))
}

/** The library tree an install record or packlist belongs to: the path before its last auto/ or .meta/. */
function installTree(path: string): string {
  const parts = segments(path)
  for (let i = parts.length - 1; i > 0; i--)
    if (parts[i] === 'auto' || parts[i] === '.meta') return parts.slice(0, i).join('/')
  return ''
}

function purl(name: string, version: string, author: string | undefined): string {
  return formatPurl({
    type: 'cpan',
    name,
    version: version === 'UNKNOWN' ? '' : version,
    qualifiers: { author }
  })
}

/** A distvname splits at its last `-<version>`; a -TRIAL suffix belongs to neither half (CPAN::DistnameInfo). */
export function splitDistvname(distvname: string): [string, string] | undefined {
  const m = /^(.+)-(v?[0-9][^-]*)(?:-TRIAL[0-9]*)?$/.exec(distvname)
  return m ? [m[1]!, m[2]!] : undefined
}

const scalar = (v: unknown): string => (typeof v === 'string' ? v : typeof v === 'number' ? String(v) : '')

function parseInstallJson(file: CatalogedFile, ctx: CatalogContext): Package[] {
  let doc: Record<string, unknown>
  try {
    doc = JSON.parse(file.data.toString('utf8')) as Record<string, unknown>
  } catch {
    ctx.warn(`${file.path}: install.json is not JSON`)
    return []
  }
  const pathname = scalar(doc['pathname'])
  // `name` is the main module (libwww-perl records LWP): the distribution comes from `dist` or the PAUSE path.
  let distvname = scalar(doc['dist'])
  if (distvname === '') distvname = base(pathname).replace(/\.(tar\.gz|tar\.bz2|tgz|zip)$/, '')
  const split = splitDistvname(distvname)
  const [name, version] = split ?? [distvname, scalar(doc['version'])]
  if (name === '' || version === '') return []
  const parts = pathname.split('/')
  const author = parts.length >= 3 ? parts[2] : undefined
  const provides = doc['provides']
  const pkg: Package = {
    name,
    version,
    type: 'cpan',
    purl: purl(name, version, author),
    foundBy: PERL_CATALOGER,
    locations: [file.path],
    metadata: { tree: installTree(file.path), ...(author ? { author } : {}) }
  }
  if (provides && typeof provides === 'object') pkg.provides = Object.keys(provides).sort()
  return [pkg]
}

function parsePacklist(file: CatalogedFile): Package[] {
  const name = distFromPacklist(file.path)
  if (name === '') return []
  const files = file.data
    .toString('utf8')
    .split('\n')
    // `<path>` or `<path> type=link from=<path>`: ExtUtils::Packlist strips the trailing key=value pairs.
    .map(line => line.replace(/ \w+=.*$/, '').trim())
    .filter(line => line !== '')
  return [
    {
      name,
      // Resolved in enrich(); Syft reports a distribution it cannot version as UNKNOWN.
      version: 'UNKNOWN',
      type: 'cpan',
      purl: purl(name, 'UNKNOWN', undefined),
      foundBy: PERL_CATALOGER,
      locations: [file.path],
      files: files.map(path => ({ path })),
      metadata: { tree: installTree(file.path), mainModule: name.replaceAll('-', '::') }
    }
  ]
}

export const perlCpanCataloger: Cataloger = {
  name: PERL_CATALOGER,
  wants: (file: FileCandidate) => {
    if (file.size > CAP) return false
    const name = base(file.path)
    if (name === 'install.json' || name === 'MYMETA.json') return isInstallRecord(file.path, name)
    if (name === '.packlist') return file.path.includes('/auto/')
    if (name === 'perllocal.pod') return true
    return file.size <= PM_CAP && isSiteModule(file.path)
  },
  parse(file: CatalogedFile, ctx: CatalogContext): Package[] {
    const name = base(file.path)
    if (name === 'install.json') return parseInstallJson(file, ctx)
    if (name === '.packlist') return parsePacklist(file)
    return []
  },
  enrich: enrichCpan
}
