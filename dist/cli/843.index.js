export const id = 843;
export const ids = [843];
export const modules = {

/***/ 61539:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   z: () => (/* binding */ PipelineError)
/* harmony export */ });
/* harmony import */ var _errors_index_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(28936);
// Pipeline failures name the subject and the phase, so the edge can print them as they are.

class PipelineError extends _errors_index_js__WEBPACK_IMPORTED_MODULE_0__/* .CodedError */ .AK {
    phase;
    /** Within the attest phase: which step failed. */
    step;
    constructor(code, subject, phase, message, options) {
        super(code, `${subject} [${phase}]: ${options?.step ? `${options.step}: ` : ''}${message}`, {
            cause: options?.cause,
            subject
        });
        this.name = 'PipelineError';
        this.phase = phase;
        if (options?.step)
            this.step = options.step;
    }
}


/***/ }),

/***/ 75455:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   A5: () => (/* binding */ HELM_CONFIG_MEDIA_TYPE),
/* harmony export */   Fo: () => (/* binding */ parseSubjectInputs),
/* harmony export */   lZ: () => (/* binding */ planSubjects)
/* harmony export */ });
/* harmony import */ var _errors_index_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(28936);
/* harmony import */ var _oci_media_types_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(29217);
/* harmony import */ var _oci_name_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(51882);
/* harmony import */ var _oci_platform_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(1890);
/* harmony import */ var _oci_reference_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(62148);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(61539);
// Plan: every input resolved to `registry/repository@sha256:…` once, up front; indexes expanded per `platforms`.






const HELM_CONFIG_MEDIA_TYPE = 'application/vnd.cncf.helm.config.v1+json';
const IMAGE_CONFIG_MEDIA_TYPES = new Set([
    'application/vnd.oci.image.config.v1+json',
    'application/vnd.docker.container.image.v1+json'
]);
function kindOf(manifest) {
    if ((0,_oci_media_types_js__WEBPACK_IMPORTED_MODULE_1__/* .isIndexMediaType */ .$$)(manifest.mediaType))
        return 'index';
    const config = manifest.json.config?.mediaType ?? '';
    if (config === HELM_CONFIG_MEDIA_TYPE)
        return 'chart';
    return IMAGE_CONFIG_MEDIA_TYPES.has(config) ? 'image' : 'artifact';
}
async function fetchSubject(registry, input, ref) {
    try {
        return await registry.getManifest(ref);
    }
    catch (cause) {
        const code = cause.code;
        const what = ref.digest
            ? `${ref.digest} is not in ${ref.repoString()}`
            : `tag ${ref.tag ?? 'latest'} is not in ${ref.repoString()}`;
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_4__/* .PipelineError */ .z(code === 'REGISTRY_NOT_FOUND' ? 'SUBJECT_NOT_FOUND' : 'SUBJECT_FAILED', input, 'plan', code === 'REGISTRY_NOT_FOUND'
            ? `${what}; push the artifact first, or fix the reference (nothing was signed or logged)`
            : `cannot read it: ${(0,_errors_index_js__WEBPACK_IMPORTED_MODULE_0__/* .errorText */ .kc)(cause)}`, { cause });
    }
}
function parseSubjectInputs(inputs) {
    return inputs.map(input => {
        try {
            return { input, ref: (0,_oci_reference_js__WEBPACK_IMPORTED_MODULE_3__/* .parseReference */ .F2)(input) };
        }
        catch (cause) {
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_4__/* .PipelineError */ .z('SUBJECT_INVALID', input, 'plan', `not an image reference (${(0,_errors_index_js__WEBPACK_IMPORTED_MODULE_0__/* .errorText */ .kc)(cause)}); write registry/repository@sha256:<hex> or registry/repository:tag`, { cause });
        }
    });
}
async function planSubjects(registry, inputs, platforms) {
    const parsed = inputs.map(i => (typeof i === 'string' ? parseSubjectInputs([i])[0] : i));
    const plan = { subjects: [], files: [], digests: {}, skipped: [] };
    const seen = new Set();
    const add = (s) => {
        if (seen.has(s.ref))
            return;
        seen.add(s.ref);
        plan.subjects.push(s);
    };
    const resolved = await Promise.all(parsed.map(async ({ input, ref }) => ({ input, ref, manifest: await fetchSubject(registry, input, ref) })));
    for (const { input, ref, manifest } of resolved) {
        const repository = _oci_name_js__WEBPACK_IMPORTED_MODULE_2__/* .Repository */ .LN.of(ref);
        plan.digests[input] = manifest.digest;
        const kind = kindOf(manifest);
        const own = subjectOf(input, repository, manifest, kind);
        if (kind !== 'index') {
            add(own);
            continue;
        }
        if (platforms !== 'platforms')
            add(own);
        if (platforms === 'index')
            continue;
        const children = [];
        for (const child of manifest.json.manifests ?? []) {
            const platform = (0,_oci_platform_js__WEBPACK_IMPORTED_MODULE_5__/* .platformString */ .F)(child.platform);
            if (platform.startsWith('unknown/unknown')) {
                plan.skipped.push({
                    repository: repository.toString(),
                    digest: child.digest,
                    platform,
                    reason: 'attestation manifest (unknown/unknown)'
                });
                continue;
            }
            children.push(child);
        }
        // Each platform manifest is read (and digest-checked) before anything is signed for it, and kept.
        const fetched = await Promise.all(children.map(child => fetchChild(registry, input, repository, manifest.digest, child)));
        children.forEach((child, i) => {
            const nested = (0,_oci_media_types_js__WEBPACK_IMPORTED_MODULE_1__/* .isIndexMediaType */ .$$)(child.mediaType);
            add({
                ...subjectOf(input, repository, fetched[i], nested ? 'index' : 'image'),
                platform: (0,_oci_platform_js__WEBPACK_IMPORTED_MODULE_5__/* .platformString */ .F)(child.platform),
                index: own.digest
            });
        });
    }
    return plan;
}
function subjectOf(input, repository, manifest, kind) {
    const digest = (0,_oci_name_js__WEBPACK_IMPORTED_MODULE_2__/* .parseDigest */ .m)(manifest.digest);
    return {
        source: 'registry',
        input,
        repository,
        digest,
        ref: `${repository}@${digest}`,
        descriptor: { mediaType: manifest.mediaType, digest, size: manifest.size },
        kind,
        manifest
    };
}
async function fetchChild(registry, input, repository, index, child) {
    const where = `platform manifest ${child.digest} (${(0,_oci_platform_js__WEBPACK_IMPORTED_MODULE_5__/* .platformString */ .F)(child.platform)}) of index ${index}`;
    try {
        return await registry.getManifest(repository.withDigest(child.digest));
    }
    catch (cause) {
        const missing = cause.code === 'REGISTRY_NOT_FOUND';
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_4__/* .PipelineError */ .z(missing ? 'SUBJECT_NOT_FOUND' : 'SUBJECT_FAILED', input, 'plan', missing
            ? `${where} is not in ${repository}; push every platform image before signing, or set platforms: index (nothing was signed or logged)`
            : `cannot read ${where}: ${(0,_errors_index_js__WEBPACK_IMPORTED_MODULE_0__/* .errorText */ .kc)(cause)}`, { cause });
    }
}


/***/ }),

/***/ 81325:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  zu: () => (/* binding */ SBOM_FORMATS),
  K8: () => (/* reexport */ composeIndexSbom),
  ZN: () => (/* reexport */ generateChartSbom),
  N3: () => (/* binding */ generateSbom),
  Vf: () => (/* reexport */ ociPurl)
});

// UNUSED EXPORTS: HELM_CHART_LAYER, SbomError

// EXTERNAL MODULE: ./src/http/version.ts
var version = __webpack_require__(33000);
;// CONCATENATED MODULE: ./src/sbom/catalogers/cpe-candidates.ts
// The candidate sets CPE generation multiplies (vendors, products) and the spelling variants Syft adds to them.
/** A set of candidates keyed by value and flags, as one value may arrive with different flags. */
class Candidates {
    items = new Map();
    add(...cs) {
        for (const c of cs)
            this.items.set(`${c.value}\0${c.noSub ? 1 : 0}${c.noDelim ? 1 : 0}`, c);
        return this;
    }
    addValues(...values) {
        return this.add(...values.map(value => ({ value })));
    }
    remove(value) {
        for (const [k, c] of this.items)
            if (c.value === value)
                this.items.delete(k);
    }
    clear() {
        this.items.clear();
    }
    list() {
        return [...this.items.values()];
    }
    values() {
        return [...new Set(this.list().map(c => c.value))].sort();
    }
}
function withDelimiterVariations(set) {
    for (const c of set.list()) {
        if (c.noDelim)
            continue;
        if (c.value.includes('-'))
            set.add({ ...c, value: c.value.replaceAll('-', '_') });
        if (c.value.includes('_'))
            set.add({ ...c, value: c.value.replaceAll('_', '-') });
    }
}
/** "a-b_c" → "a", "a-b", "a-b_c" (at most ten), for candidates that allow it. */
function withSubSelections(set) {
    for (const c of set.list()) {
        if (c.noSub)
            continue;
        const parts = c.value.match(/[^-_]*[-_]?/g).filter(p => p !== '');
        const out = [];
        let delimiter = '';
        for (const raw of parts) {
            if (out.length >= 10)
                break;
            const token = raw.replace(/^[-_]+|[-_]+$/g, '');
            if (token !== '')
                out.push(out.length ? out[out.length - 1] + delimiter + token : token);
            delimiter = raw[raw.length - 1];
        }
        set.addValues(...out);
    }
}
function withoutTrailingDigits(set) {
    for (const v of set.values()) {
        const stripped = v.replace(/\d+$/, '');
        if (stripped !== '' && stripped !== v)
            set.addValues(stripped);
    }
}

;// CONCATENATED MODULE: ./src/sbom/catalogers/cpe.ts
// CPE 2.3 candidates derived from a package's own fields the way Syft's heuristic generator derives them
// (vendor × product × version), for packages whose cataloger declared none. Syft's curated per-package
// additions/removals and its NVD dictionary are not used: see docs/sbom-metadata.md for the differences.

const MAX_FIELD = 512;
const MAX_CANDIDATES = 64;
/** Characters CPE 2.3 formatted strings escape with a backslash ("-", "." and "_" pass as they are). */
const QUOTED = /[!"#$%&'()+,/:;<=>@[\]^`{|}~]/g;
const PLAIN = /^[A-Za-z0-9._\-!"#$%&'()+,/:;<=>@[\]^`{|}~]+$/;
const personName = (s) => s
    .trim()
    .toLowerCase()
    .replace(/[-\s.]/g, '_')
    .replace(/^the_/, '');
/** "github.com/org/repo/v2" → vendor "org", product "repo/v2"; golang.org / google.golang.org / gopkg.in specially. */
function goParts(name) {
    const [host = '', ...rest] = name.split('/');
    const path = rest.join('/').replace(/^\/+|\/+$/g, '');
    if (host === 'golang.org')
        return { vendor: 'golang', product: path };
    if (host === 'gopkg.in')
        return { vendor: '', product: path };
    if (host === 'google.golang.org')
        return { vendor: 'google', product: path.split('/')[0] };
    const elements = path.split('/');
    if (elements.length < 2)
        return { vendor: '', product: '' };
    return { vendor: elements[0], product: elements.slice(1).join('/') };
}
/** Project sites whose URL names the vendor NVD uses. */
const URL_VENDORS = [
    ['https://www.gnu.org/', 'gnu'],
    ['https://developer.gnome.org/', 'gnome'],
    ['https://www.ruby-lang.org/', 'ruby-lang'],
    ['https://llvm.org/', 'llvm'],
    ['https://www.isc.org/', 'isc'],
    ['https://musl.libc.org/', 'musl-libc'],
    ['https://www.mozilla.org/', 'mozilla'],
    ['https://www.x.org/', 'x.org'],
    ['https://w1.fi/', 'w1.fi']
];
/** Vendor from a project URL: a well-known project site, else the GitHub/GitLab owner. */
function vendorsFromUrl(url) {
    if (!url)
        return [];
    for (const [prefix, vendor] of URL_VENDORS)
        if (url.startsWith(prefix))
            return [{ value: vendor, noSub: true, noDelim: true }];
    const m = /^(?:https|http|git):\/\/(?:github|gitlab)\.com\/([\w-]*?)\/.*$/.exec(url);
    return m ? [{ value: m[1], noSub: true, noDelim: true }] : [];
}
/** apk "py3-foo" → python "foo"; "ruby-foo" → gem "foo"; "name1.2-sub" streams → "name-sub". */
function apkUpstream(name) {
    const m = /^([a-zA-Z][\w-]*?)(-?\d[\d.]*?)($|-([a-zA-Z][\w-]*?)?)$/.exec(name);
    let base = name;
    if (m?.[1])
        base = m[4] ? `${m[1]}-${m[4]}` : m[1];
    for (const prefix of ['py-', 'ruby-'])
        if (base.startsWith(prefix) && base.length > prefix.length)
            return base.slice(prefix.length);
    return base;
}
const isJava = (p) => p.type === 'java-archive' || p.type === 'jenkins-plugin';
/** Products from the artifact id and the group ids' later fields that the artifact id starts or ends with. */
function javaProducts(artifactId, groupIds) {
    const out = new Set();
    if (artifactId)
        out.add(artifactId);
    for (const group of groupIds) {
        const plugin = artifactId.includes('plugin') || group.includes('plugin');
        for (const [i, raw] of group.split('.').entries()) {
            const f = raw.trim();
            if (i <= 1 || f === '' || ['plugin', 'plugins', 'client'].includes(f.toLowerCase()))
                continue;
            if (artifactId === '' || ((artifactId.startsWith(f) || artifactId.endsWith(f)) && !plugin))
                out.add(f);
        }
    }
    return [...out];
}
function products(p, hints) {
    const set = new Candidates().addValues(p.name);
    if (p.type === 'python' && !p.name.startsWith('python'))
        set.addValues(`python-${p.name}`);
    if (isJava(p))
        set.addValues(...javaProducts(hints.artifactId ?? '', hints.groupIds ?? []));
    if (p.type === 'go-module') {
        set.clear();
        const { product } = goParts(p.name);
        if (product)
            set.addValues(product);
    }
    if (p.type === 'binary' && /\d$/.test(p.name))
        withoutTrailingDigits(set);
    if (p.type === 'apk')
        set.add({ value: apkUpstream(p.name), noSub: true, noDelim: true });
    set.remove('');
    set.remove('*');
    withDelimiterVariations(set);
    return set;
}
function vendors(p, hints) {
    const set = new Candidates().add(...products(p, hints).list());
    if (p.type === 'go-module') {
        set.clear();
        const { vendor } = goParts(p.name);
        if (vendor)
            set.addValues(vendor);
    }
    if (p.type === 'rpm' && p.publisher) {
        const vendor = p.publisher
            .replace(/\s*<https?:\/\/[^>]+>\s*$/, '')
            .split(',')[0]
            .trim()
            .toLowerCase();
        set.add({ value: vendor.replaceAll(' ', ''), noSub: true });
    }
    if (p.type === 'python') {
        // Syft's candidates: the Author field whole, and the Author-email up to its "@", each with "_project" forms.
        const fromEmail = p.authorEmail ? personName(p.authorEmail.split('@')[0]) : '';
        for (const [v, noDelim] of [
            [p.author ? personName(p.author) : '', true],
            [fromEmail, false]
        ]) {
            if (!v)
                continue;
            set.add({ value: v, noSub: true, noDelim });
            if (!v.endsWith('project'))
                set.add({ value: `${v}project`, noSub: true, noDelim: true }, { value: `${v}_project`, noSub: true, noDelim: true });
        }
    }
    if (isJava(p)) {
        for (const group of hints.groupIds ?? []) {
            set.add({ value: group, noSub: true, noDelim: true });
            for (const [i, raw] of group.split('.').entries()) {
                const f = raw.trim();
                if (i > 0 && f !== '' && !['plugin', 'plugins'].includes(f.toLowerCase()))
                    set.addValues(f);
            }
        }
        for (const name of hints.vendorNames ?? [])
            set.add({ value: personName(name), noSub: true });
    }
    if (p.type === 'apk') {
        const up = apkUpstream(p.name);
        set.add({ value: up, noSub: true, noDelim: true });
        if (p.name.startsWith('py3-') || p.name.startsWith('py-'))
            set.add({ value: `${up}project`, noSub: true, noDelim: true }, { value: `${up}_project`, noSub: true, noDelim: true });
        set.add(...vendorsFromUrl(p.downloadUrl).map(c => ({ ...c })));
    }
    if (p.type === 'npm')
        set.add(...vendorsFromUrl(p.downloadUrl), ...vendorsFromUrl(p.homepage));
    if (p.type === 'binary' && /\d$/.test(p.name))
        withoutTrailingDigits(set);
    set.remove('');
    set.remove('*');
    withDelimiterVariations(set);
    if (p.type === 'rust-crate')
        set.addValues(`${p.name}_project`);
    withSubSelections(set);
    const values = set.values();
    return values.includes('apache') ? new Candidates().addValues('apache') : set;
}
function bound(values) {
    const kept = values.filter(v => v.length <= MAX_FIELD);
    if (kept.length <= MAX_CANDIDATES)
        return kept;
    return kept.sort((a, b) => a.length - b.length || (a < b ? -1 : a > b ? 1 : 0)).slice(0, MAX_CANDIDATES);
}
/** One field of a formatted string: spaces as "_", CPE punctuation quoted, empty as "*". */
function cpeField(value) {
    if (value === '')
        return '*';
    return value.replaceAll(' ', '_').replace(QUOTED, ch => `\\${ch}`);
}
function cpeString(vendor, product, version, targetSw) {
    return `cpe:2.3:a:${cpeField(vendor)}:${cpeField(product)}:${cpeField(version)}:*:*:*:*:${cpeField(targetSw)}:*:*`;
}
/** Syft's order: more fields given first, then longer fields, then the string itself. */
function specificity(a, b) {
    const weight = (g) => (g.targetSw ? 1 : 0);
    const length = (g) => 'a'.length + g.vendor.length + g.product.length + g.version.length + g.targetSw.length;
    return weight(b) - weight(a) || length(b) - length(a) || (a.raw < b.raw ? -1 : a.raw > b.raw ? 1 : 0);
}
/** CPEs for one package; empty when its name or version is unusable. */
function generateCpes(pkg, hints = {}) {
    // Syft generates before it stubs an unknown version with "UNKNOWN".
    const p = pkg.version === 'UNKNOWN' ? { ...pkg, version: '' } : pkg;
    if (p.name.length > MAX_FIELD || p.version.length > MAX_FIELD)
        return [];
    const productValues = bound(products(p, hints).values());
    if (productValues.length === 0)
        return [];
    const vendorValues = bound(vendors(p, hints).values());
    const targetSw = p.type === 'rust-crate' ? 'rust' : '';
    const out = new Map();
    for (const product of productValues) {
        for (const vendor of vendorValues) {
            if (![vendor, product, p.version].every(f => f === '' || PLAIN.test(f.replaceAll(' ', '_'))))
                continue;
            const cpe = cpeString(vendor, product, p.version, targetSw);
            out.set(cpe, {
                vendor,
                product,
                version: p.version,
                targetSw,
                raw: `a:${vendor}:${product}:${p.version}:${targetSw}`
            });
        }
    }
    const jenkins = (g) => g.product === 'jenkins' &&
        !p.name.toLowerCase().includes('jenkins') &&
        ['', 'jenkins', 'cloudbees'].includes(g.vendor);
    const jira = (g) => g.product === 'jira' &&
        p.name.toLowerCase().includes('client') &&
        ['', 'jira', 'atlassian'].includes(g.vendor);
    return [...out.entries()]
        .filter(([, g]) => !jenkins(g) && !jira(g) && !(p.type === 'jenkins-plugin' && g.product === 'jenkins'))
        .sort(([, a], [, b]) => specificity(a, b))
        .map(([cpe]) => cpe);
}
/** Gives every package without a declared CPE the generated ones (Syft: "generate-cpes", on by default). */
function addGeneratedCpes(packages) {
    for (const p of packages) {
        if (p.cpes?.length)
            continue;
        const cpes = generateCpes(p);
        if (cpes.length)
            p.cpes = cpes;
    }
}

;// CONCATENATED MODULE: ./src/sbom/purl.ts
// Package URLs written byte for byte as Syft writes them (anchore/packageurl-go v0.2 `ToString`).
const UNRESERVED = /[A-Za-z0-9\-_.~]/;
/**
 * Go's url.QueryEscape with a space written as %20: everything but ALPHA / DIGIT / "-_.~" is
 * percent-encoded byte by byte in UTF-8, upper-case hex.
 */
function purlEscape(value) {
    let out = '';
    for (const ch of value) {
        if (UNRESERVED.test(ch)) {
            out += ch;
            continue;
        }
        for (const byte of Buffer.from(ch, 'utf8'))
            out += '%' + byte.toString(16).toUpperCase().padStart(2, '0');
    }
    return out;
}
/** Go's url.URL.EscapedFragment for the subpath (rarely used by the catalogers here). */
function escapeFragment(value) {
    return value.replace(/[^A-Za-z0-9\-_.~$&+,/:;=?@!()*']/gu, ch => [...Buffer.from(ch, 'utf8')].map(b => '%' + b.toString(16).toUpperCase().padStart(2, '0')).join(''));
}
function formatPurl(parts) {
    const segments = [parts.type];
    for (const segment of (parts.namespace ?? '').split('/')) {
        if (segment !== '')
            segments.push(purlEscape(segment));
    }
    let nameWithVersion = purlEscape(parts.name);
    if (parts.version)
        nameWithVersion += '@' + purlEscape(parts.version);
    segments.push(nameWithVersion);
    let purl = 'pkg:' + segments.join('/');
    const entries = Object.entries(parts.qualifiers ?? {})
        .filter((entry) => entry[1] !== undefined && entry[1] !== '')
        .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    if (entries.length > 0)
        purl += '?' + entries.map(([k, v]) => `${purlEscape(k)}=${purlEscape(v)}`).join('&');
    if (parts.subpath)
        purl += '#' + escapeFragment(parts.subpath);
    return purl;
}
/** Syft's `distro` qualifier: `<ID>-<VERSION_ID>`, else `<ID>-<BUILD_ID>`, else the parts present. */
function distroQualifier(distro) {
    if (!distro)
        return undefined;
    const parts = [];
    if (distro.id)
        parts.push(distro.id);
    const version = distro.versionId || distro.fields['BUILD_ID'];
    if (version)
        parts.push(version);
    return parts.length > 0 ? parts.join('-') : undefined;
}

;// CONCATENATED MODULE: ./src/sbom/catalogers/alpm.ts
// Arch Linux (pacman/libalpm): one directory per installed package under /var/lib/pacman/local, whose `desc`
// holds `%KEY%` sections (values one per line, sections separated by blank lines) and `files` its %FILES%.

const ALPM_CATALOGER = 'alpm-db-cataloger';
const CAP = 64 * 1024 * 1024;
const DB = '/var/lib/pacman/local/';
/** `%NAME%\ngmp\n\n%LICENSE%\nLGPL3\nGPL\n` → NAME → ['gmp'], LICENSE → ['LGPL3', 'GPL']. */
function parseAlpmSections(text) {
    const sections = new Map();
    for (const block of text.replace(/\r\n/g, '\n').split(/\n\n+/)) {
        const [head, ...values] = block.split('\n');
        const key = /^%([A-Z0-9]+)%$/.exec(head?.trim() ?? '')?.[1];
        if (!key)
            continue;
        sections.set(key, values.map(v => v.trim()).filter(v => v !== ''));
    }
    return sections;
}
const inDb = (path) => path.includes(DB);
const dirOf = (path) => path.slice(0, path.lastIndexOf('/'));
const alpmCataloger = {
    name: ALPM_CATALOGER,
    wants: (file) => file.size <= CAP && inDb(file.path) && (file.path.endsWith('/desc') || file.path.endsWith('/files')),
    parse(file, ctx) {
        if (!file.path.endsWith('/desc'))
            return [];
        const desc = parseAlpmSections(file.data.toString('utf8'));
        const name = desc.get('NAME')?.[0];
        if (!name)
            return [];
        const version = desc.get('VERSION')?.[0] ?? '';
        const arch = desc.get('ARCH')?.[0];
        const base = desc.get('BASE')?.[0];
        const distro = ctx.distro;
        const pkg = {
            name,
            version,
            type: 'alpm',
            // Syft writes an alpm purl only on Arch itself (no namespace mapping for derivatives).
            purl: distro?.id === 'arch'
                ? formatPurl({
                    type: 'alpm',
                    namespace: 'arch',
                    name,
                    version,
                    qualifiers: { arch, upstream: base, distro: distroQualifier(distro) }
                })
                : '',
            foundBy: ALPM_CATALOGER,
            locations: [file.path],
            metadata: { ...(arch ? { arch } : {}), ...(base ? { base } : {}) }
        };
        const licenses = desc.get('LICENSE') ?? [];
        if (licenses.length > 0)
            pkg.licenses = licenses;
        // Syft relates packages on the exact depends/provides strings (a provided `libfoo.so=1-64` also by bare
        // name), so a versioned `glibc>=2.27` never resolves there: it is left out here too.
        const provides = desc.get('PROVIDES') ?? [];
        if (provides.length > 0)
            pkg.provides = provides.flatMap(p => [p, p.split('=')[0].trim()]);
        const depends = (desc.get('DEPENDS') ?? []).filter(d => !/[<>]/.test(d));
        if (depends.length > 0)
            pkg.dependsOn = depends;
        return [pkg];
    },
    enrich(packages, files) {
        const byDir = new Map(files.filter(f => f.path.endsWith('/files')).map(f => [dirOf(f.path), f]));
        for (const p of packages) {
            const listing = byDir.get(dirOf(p.locations[0]));
            if (!listing)
                continue;
            const owned = parseAlpmSections(listing.data.toString('utf8')).get('FILES') ?? [];
            // Directories end in '/'; only files are owned for the binary-ownership rule.
            p.files = owned.filter(f => !f.endsWith('/')).map(f => ({ path: '/' + f }));
            p.locations.push(listing.path);
        }
    }
};

;// CONCATENATED MODULE: ./src/sbom/catalogers/apk.ts
// Alpine's lib/apk/db/installed: one-letter `K:value` lines, blank-line separated packages.

const APK_CATALOGER = 'apk-db-cataloger';
const DB_CAP = 64 * 1024 * 1024;
const REPOSITORIES = /^https:\/\/.*\.alpinelinux\.org\/alpine\/v([^/]+)\/([a-zA-Z0-9_]+)$/m;
function apkPurl(e, distro) {
    if (!distro)
        return '';
    return formatPurl({
        type: 'apk',
        namespace: distro.id.toLowerCase(),
        name: e.name,
        version: e.version,
        qualifiers: {
            arch: e.arch,
            upstream: e.origin !== e.name ? e.origin : undefined,
            distro: distroQualifier(distro)
        }
    });
}
/** `so:libc.musl-x86_64.so.1 cmd:sh=1.36 busybox>=1.2` → names without version constraints. */
function names(value) {
    return value
        .split(/\s+/)
        .map(k => k.split(/[<>=~]/)[0].trim())
        .filter(k => k !== '');
}
function parseEntries(text, warn) {
    const entries = [];
    let e;
    let dir = '/';
    const fresh = () => ({
        name: '',
        version: '',
        arch: '',
        origin: '',
        license: '',
        maintainer: '',
        url: '',
        description: '',
        depends: [],
        provides: [],
        files: []
    });
    const lines = text.split('\n');
    for (let i = 0; i < lines.length; i++) {
        const line = lines[i];
        if (line === '') {
            if (e)
                entries.push(e);
            e = undefined;
            dir = '/';
            continue;
        }
        const colon = line.indexOf(':');
        if (colon !== 1) {
            warn(`line ${i + 1} is not a one-letter "K:value" field`);
            continue;
        }
        const value = line.slice(2);
        if (value === '')
            continue;
        e ??= fresh();
        switch (line[0]) {
            case 'P':
                e.name = value;
                break;
            case 'V':
                e.version = value;
                break;
            case 'A':
                e.arch = value;
                break;
            case 'o':
                e.origin = value;
                break;
            case 'L':
                e.license = value;
                break;
            case 'm':
                e.maintainer = value;
                break;
            case 'U':
                e.url = value;
                break;
            case 'T':
                e.description = value;
                break;
            case 'D':
                e.depends = names(value);
                break;
            case 'p':
                e.provides = names(value);
                break;
            case 'F':
                dir = '/' + value.replace(/^\/+/, '');
                break;
            case 'R':
                e.files.push({ path: (dir === '/' ? '' : dir) + '/' + value });
                break;
            case 'Z': {
                // Z:Q1<base64 sha1> is the checksum of the file named by the preceding R: line.
                const last = e.files[e.files.length - 1];
                if (last && value.startsWith('Q1'))
                    last.digest = { algorithm: 'sha1', value: Buffer.from(value.slice(2), 'base64').toString('hex') };
                break;
            }
        }
    }
    if (e)
        entries.push(e);
    return entries;
}
/** Licenses: an SPDX-looking expression stays whole, otherwise Syft splits on spaces. */
function licenses(raw) {
    if (raw === '')
        return undefined;
    return / (AND|OR|WITH) /.test(raw) ? [raw] : raw.split(' ').filter(l => l !== '');
}
const apkCataloger = {
    name: APK_CATALOGER,
    wants: (file) => (file.path.endsWith('/lib/apk/db/installed') && file.size <= DB_CAP) ||
        (file.path === '/etc/apk/repositories' && file.size <= 1024 * 1024),
    parse(file, ctx) {
        if (!file.path.endsWith('/lib/apk/db/installed'))
            return [];
        const warn = (m) => ctx.warn(`${file.path} (layer ${file.layer.diffId}): ${m}`);
        return parseEntries(file.data.toString('utf8'), warn)
            .filter(e => e.name !== '')
            .map(e => {
            const pkg = {
                name: e.name,
                version: e.version,
                type: 'apk',
                purl: apkPurl(e, ctx.distro),
                foundBy: APK_CATALOGER,
                locations: [file.path],
                provides: e.provides,
                dependsOn: e.depends,
                files: e.files,
                metadata: { arch: e.arch, origin: e.origin }
            };
            const l = licenses(e.license);
            if (l)
                pkg.licenses = l;
            if (e.maintainer)
                pkg.publisher = e.maintainer;
            if (e.description)
                pkg.description = e.description;
            if (e.url)
                pkg.downloadUrl = e.url;
            return pkg;
        });
    },
    /** Without os-release Syft falls back to the Alpine release named in /etc/apk/repositories. */
    enrich(packages, files, ctx) {
        if (ctx.distro)
            return;
        const repos = files.find(f => f.path === '/etc/apk/repositories');
        const m = repos ? REPOSITORIES.exec(repos.data.toString('utf8')) : null;
        if (!m)
            return;
        const distro = {
            id: 'alpine',
            versionId: m[1],
            fields: { ID: 'alpine', NAME: 'Alpine Linux', VERSION_ID: m[1] }
        };
        for (const p of packages) {
            if (p.foundBy !== APK_CATALOGER)
                continue;
            p.purl = apkPurl({
                name: p.name,
                version: p.version,
                arch: p.metadata?.['arch'] ?? '',
                origin: p.metadata?.['origin'] ?? ''
            }, distro);
        }
    }
};

;// CONCATENATED MODULE: ./src/sbom/catalogers/plist.ts
// Apple property lists, XML (`<plist>`) and binary (`bplist00`), read into plain values. Only what bundle
// metadata needs: strings, numbers, booleans, arrays and dictionaries (dates and data kept as opaque kinds).
const MAX_DEPTH = 64;
function parsePlist(data) {
    if (data.length >= 8 && data.toString('latin1', 0, 8) === 'bplist00')
        return parseBinary(data);
    return parseXml(data.toString('utf8'));
}
const ENTITIES = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };
function unescapeXml(text) {
    return text.replace(/&(#x[0-9a-fA-F]+|#[0-9]+|[a-z]+);/g, (whole, ref) => {
        if (ref.startsWith('#x'))
            return String.fromCodePoint(Number.parseInt(ref.slice(2), 16));
        if (ref.startsWith('#'))
            return String.fromCodePoint(Number.parseInt(ref.slice(1), 10));
        return ENTITIES[ref] ?? whole;
    });
}
function parseXml(text) {
    // Prolog, doctype and comments carry nothing; CDATA sections become escaped text.
    const body = text
        .replace(/<!--[\s\S]*?-->/g, '')
        .replace(/<\?[\s\S]*?\?>/g, '')
        .replace(/<!DOCTYPE[^>]*>/g, '')
        .replace(/<!\[CDATA\[([\s\S]*?)\]\]>/g, (_, t) => t.replace(/&/g, '&amp;').replace(/</g, '&lt;'));
    const tokens = body.match(/<[^>]*>|[^<]+/g) ?? [];
    let i = 0;
    const nextTag = () => {
        while (i < tokens.length && !tokens[i].startsWith('<')) {
            if (tokens[i].trim() !== '')
                throw new Error('text outside an element');
            i++;
        }
        const tag = tokens[i++];
        if (tag === undefined)
            throw new Error('unexpected end of plist');
        return tag;
    };
    const textUntil = (name) => {
        let out = '';
        while (tokens[i] !== undefined && !tokens[i].startsWith('<'))
            out += tokens[i++];
        if (nextTag() !== `</${name}>`)
            throw new Error(`unclosed <${name}>`);
        return unescapeXml(out);
    };
    const value = (tag, depth) => {
        if (depth > MAX_DEPTH)
            throw new Error('plist nested too deeply');
        const m = /^<([a-z]+)\s*(\/?)>$/.exec(tag);
        if (!m)
            throw new Error(`unexpected ${tag.slice(0, 40)}`);
        const [, name, selfClosing] = m;
        switch (name) {
            case 'true':
            case 'false':
                if (!selfClosing)
                    textUntil(name);
                return { kind: 'boolean', value: name === 'true' };
            case 'string':
                return { kind: 'string', value: selfClosing ? '' : textUntil(name) };
            case 'integer':
            case 'real':
                return { kind: name, value: Number(selfClosing ? '0' : textUntil(name).trim()) };
            case 'date':
            case 'data':
                if (!selfClosing)
                    textUntil(name);
                return { kind: name };
            case 'array': {
                const items = [];
                if (selfClosing)
                    return { kind: 'array', value: items };
                for (let t = nextTag(); t !== '</array>'; t = nextTag())
                    items.push(value(t, depth + 1));
                return { kind: 'array', value: items };
            }
            case 'dict': {
                const entries = new Map();
                if (selfClosing)
                    return { kind: 'dict', value: entries };
                for (let t = nextTag(); t !== '</dict>'; t = nextTag()) {
                    if (t !== '<key>')
                        throw new Error('a dict entry without <key>');
                    const key = textUntil('key');
                    entries.set(key, value(nextTag(), depth + 1));
                }
                return { kind: 'dict', value: entries };
            }
            default:
                throw new Error(`unknown plist element <${name}>`);
        }
    };
    const first = nextTag();
    if (/^<plist[\s>]/.test(first)) {
        const root = value(nextTag(), 0);
        if (nextTag() !== '</plist>')
            throw new Error('unclosed <plist>');
        return root;
    }
    return value(first, 0);
}
function parseBinary(data) {
    if (data.length < 40)
        throw new Error('binary plist too short');
    const trailer = data.length - 32;
    const offsetSize = data[trailer + 6];
    const refSize = data[trailer + 7];
    const count = Number(data.readBigUInt64BE(trailer + 8));
    const top = Number(data.readBigUInt64BE(trailer + 16));
    const table = Number(data.readBigUInt64BE(trailer + 24));
    if (offsetSize < 1 || offsetSize > 8 || refSize < 1 || refSize > 8 || table + count * offsetSize > trailer)
        throw new Error('bad binary plist trailer');
    const uint = (at, size) => {
        if (at + size > data.length)
            throw new Error('binary plist truncated');
        let n = 0;
        for (let k = 0; k < size; k++)
            n = n * 256 + data[at + k];
        return n;
    };
    const offsetOf = (ref) => {
        if (ref >= count)
            throw new Error('binary plist reference out of range');
        return uint(table + ref * offsetSize, offsetSize);
    };
    /** Length from the marker's low nibble, or from the integer object after it (0xF). */
    const lengthAt = (at) => {
        const low = data[at] & 0x0f;
        if (low !== 0x0f)
            return [low, at + 1];
        const marker = data[at + 1];
        if (marker >> 4 !== 0x1)
            throw new Error('bad binary plist length');
        const size = 1 << (marker & 0x0f);
        return [uint(at + 2, size), at + 2 + size];
    };
    const object = (ref, depth) => {
        if (depth > MAX_DEPTH)
            throw new Error('plist nested too deeply');
        const at = offsetOf(ref);
        const marker = data[at];
        if (marker === undefined)
            throw new Error('binary plist truncated');
        switch (marker >> 4) {
            case 0x0:
                return marker === 0x08 || marker === 0x09
                    ? { kind: 'boolean', value: marker === 0x09 }
                    : { kind: 'null' };
            case 0x1:
                return { kind: 'integer', value: uint(at + 1, 1 << (marker & 0x0f)) };
            case 0x2:
                return {
                    kind: 'real',
                    value: (marker & 0x0f) === 2 ? data.readFloatBE(at + 1) : data.readDoubleBE(at + 1)
                };
            case 0x3:
                return { kind: 'date' };
            case 0x4:
                return { kind: 'data' };
            case 0x5: {
                const [n, start] = lengthAt(at);
                return { kind: 'string', value: data.toString('latin1', start, start + n) };
            }
            case 0x6: {
                const [n, start] = lengthAt(at);
                const be = Buffer.from(data.subarray(start, start + 2 * n));
                return { kind: 'string', value: be.swap16().toString('utf16le') };
            }
            case 0x8:
                return { kind: 'uid' };
            case 0xa: {
                const [n, start] = lengthAt(at);
                const items = [];
                for (let k = 0; k < n; k++)
                    items.push(object(uint(start + k * refSize, refSize), depth + 1));
                return { kind: 'array', value: items };
            }
            case 0xd: {
                const [n, start] = lengthAt(at);
                const entries = new Map();
                for (let k = 0; k < n; k++) {
                    const key = object(uint(start + k * refSize, refSize), depth + 1);
                    if (key.kind !== 'string')
                        throw new Error('binary plist dict key is not a string');
                    entries.set(key.value, object(uint(start + (n + k) * refSize, refSize), depth + 1));
                }
                return { kind: 'dict', value: entries };
            }
            default:
                throw new Error(`unknown binary plist object 0x${marker.toString(16)}`);
        }
    };
    return object(top, 0);
}

;// CONCATENATED MODULE: ./src/sbom/catalogers/apple.ts
// macOS application bundles: `<name>.app/Contents/Info.plist` (XML or binary) names the bundle and its version.

const APPLE_BUNDLE_CATALOGER = 'apple-app-bundle-cataloger';
/** Syft reads the first 5 MiB only; a larger Info.plist does not parse there. */
const apple_CAP = 5 * 1024 * 1024;
const STRING_KEYS = [
    'CFBundleIdentifier',
    'CFBundleName',
    'CFBundleDisplayName',
    'CFBundleExecutable',
    'CFBundleShortVersionString',
    'CFBundleVersion',
    'CFBundlePackageType',
    'LSMinimumSystemVersion',
    'MinimumOSVersion',
    'NSHumanReadableCopyright',
    'DTPlatformName',
    'DTSDKName'
];
function isBundlePlist(path) {
    const parts = path.split('/');
    return (parts.at(-1) === 'Info.plist' && parts.at(-2) === 'Contents' && (parts.at(-3)?.endsWith('.app') ?? false));
}
/** The bundle's fields; a field of another type than Syft's decoder expects makes the whole file unreadable. */
function bundleFields(root) {
    if (root.kind !== 'dict')
        throw new Error('Info.plist is not a dictionary');
    const out = {};
    for (const key of STRING_KEYS) {
        const v = root.value.get(key);
        if (v === undefined)
            continue;
        if (v.kind !== 'string')
            throw new Error(`${key} is not a string`);
        out[key] = v.value;
    }
    const platforms = root.value.get('CFBundleSupportedPlatforms');
    if (platforms && (platforms.kind !== 'array' || platforms.value.some(p => p.kind !== 'string')))
        throw new Error('CFBundleSupportedPlatforms is not a list of strings');
    return out;
}
const appleBundleCataloger = {
    name: APPLE_BUNDLE_CATALOGER,
    wants: (file) => file.size <= apple_CAP && isBundlePlist(file.path),
    parse(file, ctx) {
        let f;
        try {
            f = bundleFields(parsePlist(file.data));
        }
        catch (err) {
            ctx.warn(`not a readable Info.plist: ${err.message}`);
            return [];
        }
        const name = f['CFBundleDisplayName'] || f['CFBundleName'] || f['CFBundleExecutable'] || f['CFBundleIdentifier'];
        const version = f['CFBundleShortVersionString'] || f['CFBundleVersion'];
        if (!name || !version)
            return [];
        const pkg = {
            name,
            version,
            type: 'apple-app-bundle',
            // No purl type exists for app bundles; Syft writes none.
            purl: '',
            foundBy: APPLE_BUNDLE_CATALOGER,
            locations: [file.path]
        };
        if (f['CFBundleIdentifier'])
            pkg.metadata = { bundleIdentifier: f['CFBundleIdentifier'] };
        return [pkg];
    }
};

;// CONCATENATED MODULE: ./src/sbom/catalogers/binary-classifiers.ts
// Syft's binary classifiers we reproduce: file name, version pattern(s), package and CPE vendor:product.
/* eslint-disable no-control-regex -- version strings in binaries are delimited by NUL bytes */
const escapeRe = (s) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const pythonContent = (v) => new RegExp(`\\x00(?<version>${escapeRe(v)}[-._a-zA-Z0-9]*)\\x00`, 'm');
const CLASSIFIERS = [
    {
        class: 'busybox-binary',
        names: ['busybox'],
        patterns: [/BusyBox\s+v(?<version>[0-9]+\.[0-9]+\.[0-9]+)/m],
        package: 'busybox',
        cpeVendorProduct: ['busybox:busybox']
    },
    {
        class: 'bash-binary',
        names: ['bash'],
        patterns: [/@\(#\)Bash version (?<version>[0-9]+\.[0-9]+\.[0-9]+)\([0-9]\) [a-z0-9]+ GNU/m],
        package: 'bash',
        cpeVendorProduct: ['gnu:bash']
    },
    {
        class: 'curl-binary',
        names: ['curl'],
        patterns: [/curl\/(?<version>[0-9]+\.[0-9]+\.[0-9]+)/],
        package: 'curl',
        cpeVendorProduct: ['haxx:curl']
    },
    {
        class: 'openssl-binary',
        names: ['openssl'],
        patterns: [/\x00OpenSSL (?<version>[0-9]+\.[0-9]+\.[0-9]+([a-z]+|-alpha[0-9]|-beta[0-9]|-rc[0-9])?)/],
        package: 'openssl',
        cpeVendorProduct: ['openssl:openssl']
    },
    {
        class: 'nginx-binary',
        names: ['nginx'],
        patterns: [/(\x00|\?)nginx version: [^/]+\/(?<version>[0-9]+\.[0-9]+\.[0-9]+(?:\+\d+)?(?:-\d+)?)/m],
        package: 'nginx',
        cpeVendorProduct: ['f5:nginx', 'nginx:nginx']
    },
    {
        class: 'postgresql-binary',
        names: ['postgres'],
        patterns: [
            /(\x00|\?)PostgreSQL (?<version>[0-9]+(\.[0-9]+)?(\.[0-9]+)?(alpha[0-9]|beta[0-9]|rc[0-9])?)/m
        ],
        package: 'postgresql',
        cpeVendorProduct: ['postgresql:postgresql']
    },
    {
        class: 'redis-binary',
        names: ['redis-server'],
        patterns: [
            /[^\d](?<version>\d+.\d+\.\d+)buildkitsandbox-\d+/,
            /[^\d](?<version>[0-9]+\.[0-9]+\.[0-9]+)\w{12}-\d+/,
            /Redis version (?<version>[0-9]+\.[0-9]+\.[0-9]+)/
        ],
        package: 'redis',
        cpeVendorProduct: ['redislabs:redis', 'redis:redis']
    },
    {
        class: 'nodejs-binary',
        names: ['node'],
        patterns: [
            /\x00(node )?v(?<version>(0|4|5|6)\.[0-9]+\.[0-9]+)\x00/m,
            /node\.js\/v(?<version>[0-9]+\.[0-9]+\.[0-9]+)/m
        ],
        package: 'node',
        cpeVendorProduct: ['nodejs:node.js']
    },
    {
        class: 'go-binary',
        names: ['go', 'go.exe'],
        patterns: [/go(?<version>[0-9]+\.[0-9]+(\.[0-9]+|beta[0-9]+|alpha[0-9]+|rc[0-9]+)?)\x00/m],
        package: 'go',
        cpeVendorProduct: ['golang:go']
    },
    {
        class: 'util-linux-binary',
        names: ['getopt'],
        patterns: [/\x00util-linux\s(?<version>[0-9]+\.[0-9]+\.[0-9]+)\x00/],
        package: 'util-linux',
        cpeVendorProduct: ['kernel:util-linux']
    },
    {
        class: 'zstd-binary',
        names: ['zstd'],
        patterns: [/\x00v(?<version>[0-9]+\.[0-9]+\.[0-9]+)\x00/],
        package: 'zstd',
        cpeVendorProduct: ['facebook:zstandard']
    },
    {
        class: 'xz-binary',
        names: ['xz'],
        patterns: [/\x00xz \(XZ Utils\) (?<version>[0-9]+\.[0-9]+\.[0-9]+)\x00/],
        package: 'xz',
        cpeVendorProduct: ['tukaani:xz']
    },
    {
        class: 'gzip-binary',
        names: ['gzip'],
        // GNU gzip's version is a bare NUL-delimited token: require gzip's own message too.
        require: /%s: %s: not in gzip format/,
        patterns: [/\x00(?<version>[0-9]+\.[0-9]+)\x00/],
        package: 'gzip',
        cpeVendorProduct: ['gnu:gzip']
    },
    {
        class: 'jq-binary',
        names: ['jq'],
        patterns: [/\x00(?<version>[0-9]{1,3}\.[0-9]{1,3}(\.[0-9]+)?)\x00/],
        package: 'jq',
        cpeVendorProduct: ['jqlang:jq']
    },
    {
        class: 'python-binary',
        fromName: { file: /^python(?<version>[0-9]+(?:\.[0-9]+)+)$/, content: pythonContent },
        patterns: [],
        package: 'python',
        cpeVendorProduct: ['python_software_foundation:python', 'python:python']
    },
    {
        class: 'python-binary-lib',
        fromName: { file: /^libpython(?<version>[0-9]+(?:\.[0-9]+)+)[a-z]?\.so.*$/, content: pythonContent },
        patterns: [],
        package: 'python',
        cpeVendorProduct: ['python_software_foundation:python', 'python:python']
    }
];

// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(73024);
;// CONCATENATED MODULE: ./src/sbom/catalogers/file-bytes.ts
// Random access to a wanted file's bytes, in memory or in the temp file a large one was spilled to, so
// parsers that need a few headers and sections of a 400 MB executable never hold all of it.

function bufferBytes(data) {
    return {
        size: data.length,
        read: (offset, length) => data.subarray(Math.max(0, offset), Math.max(0, offset + length))
    };
}
/** Positional reads of an open file descriptor (the page cache holds what was just spilled). */
function descriptorBytes(fd, size) {
    return {
        size,
        read(offset, length) {
            const start = Math.max(0, Math.min(offset, size));
            const want = Math.max(0, Math.min(length, size - start));
            const out = Buffer.allocUnsafe(want);
            let got = 0;
            while (got < want) {
                const n = (0,external_node_fs_.readSync)(fd, out, got, want - got, start + got);
                if (n === 0)
                    break;
                got += n;
            }
            return got === want ? out : out.subarray(0, got);
        }
    };
}
function asBytes(data) {
    return Buffer.isBuffer(data) ? bufferBytes(data) : data;
}
/** A cataloged file's bytes without loading a spilled one whole (which `file.data` does). */
function bytesOf(file) {
    return file.bytes ?? bufferBytes(file.data);
}

;// CONCATENATED MODULE: ./src/sbom/catalogers/binary-classifier.ts
// Version strings in well-known binaries that no package database describes (a subset of Syft's classifiers).



const BINARY_CATALOGER = 'binary-classifier-cataloger';
const binary_classifier_CAP = 256 * 1024 * 1024;
const BY_NAME = new Map();
for (const c of CLASSIFIERS)
    for (const n of c.names ?? [])
        BY_NAME.set(n, [...(BY_NAME.get(n) ?? []), c]);
const BY_PATTERN = CLASSIFIERS.filter(c => c.fromName);
function classifiersFor(base) {
    const out = (BY_NAME.get(base) ?? []).map(c => ({ c, patterns: c.patterns }));
    for (const c of BY_PATTERN) {
        const v = c.fromName.file.exec(base)?.groups?.['version'];
        if (v)
            out.push({ c, patterns: [c.fromName.content(v)] });
    }
    return out;
}
function baseName(path) {
    return path.slice(path.lastIndexOf('/') + 1);
}
/**
 * Binaries are read as text a window at a time: a string of the whole file (tens of MiB for a Go
 * toolchain's `go`) is an external copy that lives until V8's next full GC, and dozens of them were a
 * quarter of the peak RSS on an image of toolchains. Windows stay ordinary heap strings that die young.
 */
const WINDOW = 512 * 1024;
/** Windows overlap by more than any version string the patterns match is long. */
const OVERLAP = 64 * 1024;
/**
 * The leftmost match of `pattern` in `data` read as latin1 (one character per byte, so patterns with
 * \x00 match as written), as over the whole file. A match is taken from the window it starts in, and
 * only if it ends before that window does; one the window's end cut short is read from the whole file.
 */
function firstMatch(data, pattern) {
    const bytes = asBytes(data);
    for (let start = 0; start < bytes.size; start += WINDOW) {
        const end = Math.min(bytes.size, start + WINDOW + OVERLAP);
        const m = pattern.exec(bytes.read(start, end - start).toString('latin1'));
        if (!m)
            continue;
        if (m.index >= WINDOW)
            continue;
        if (end === bytes.size || m.index + m[0].length < end - start) {
            m.index += start;
            return m;
        }
        return pattern.exec(bytes.read(0, bytes.size).toString('latin1'));
    }
    return null;
}
function classify(file) {
    const classifiers = classifiersFor(baseName(file.path));
    if (classifiers.length === 0)
        return [];
    const bytes = bytesOf(file);
    for (const { c, patterns } of classifiers) {
        if (c.require && !firstMatch(bytes, c.require))
            continue;
        for (const pattern of patterns) {
            const version = firstMatch(bytes, pattern)?.groups?.['version'];
            if (!version)
                continue;
            return [
                {
                    name: c.package,
                    version,
                    type: 'binary',
                    purl: formatPurl({ type: 'generic', name: c.package, version }),
                    foundBy: BINARY_CATALOGER,
                    locations: [file.path],
                    cpes: c.cpeVendorProduct.map(vp => `cpe:2.3:a:${vp}:${version}:*:*:*:*:*:*:*`),
                    metadata: { classifier: c.class }
                }
            ];
        }
    }
    return [];
}
const binaryClassifierCataloger = {
    name: BINARY_CATALOGER,
    wants: (f) => f.size <= binary_classifier_CAP && classifiersFor(baseName(f.path)).length > 0,
    parse: (file, _ctx) => classify(file)
};
// Syft's osCatalogerTypes (nix too, not read here yet).
const OS_TYPES = new Set(['deb', 'rpm', 'apk', 'alpm', 'portage']);
/**
 * Syft drops a classified binary when an OS package owns its file (the package database already names it).
 * Run over the merged package list; ownership comes from the OS packages' file lists.
 */
function dropBinariesOwnedByOsPackages(packages) {
    const owned = new Set();
    for (const p of packages)
        if (OS_TYPES.has(p.type))
            for (const f of p.files ?? [])
                owned.add(f.path);
    // Syft removes type "binary" packages and ELF package-note packages (whatever type they claim).
    const removable = (p) => p.type === 'binary' || p.foundBy === BINARY_CATALOGER || p.foundBy === 'elf-binary-package-cataloger';
    return packages.filter(p => !removable(p) || !p.locations.some(l => owned.has(l)));
}

;// CONCATENATED MODULE: ./src/sbom/catalogers/bitnami.ts
// Bitnami images describe what they built from source in SPDX documents (/opt/bitnami/<app>/.spdx-<app>.spdx)
// and, in older images, /opt/bitnami/.bitnami_components.json; Syft reports their pkg:bitnami packages.

const BITNAMI_CATALOGER = 'bitnami-cataloger';
const bitnami_CAP = 32 * 1024 * 1024;
const COMPONENTS = '/opt/bitnami/.bitnami_components.json';
function isBitnamiSpdx(path) {
    const base = path.slice(path.lastIndexOf('/') + 1);
    return path.startsWith('/opt/bitnami/') && base.startsWith('.spdx-') && base.endsWith('.spdx');
}
const decode = (s) => {
    try {
        return decodeURIComponent(s);
    }
    catch {
        return s;
    }
};
/** Reads a purl into its parts (then written again the way Syft re-serialises purls it reads from SBOMs). */
function parsePurl(purl) {
    const m = /^pkg:([^/?#@]+)\/([^?#]+?)(?:\?([^#]*))?(?:#(.*))?$/.exec(purl.trim());
    if (!m)
        return undefined;
    let path = m[2];
    let version;
    const at = path.lastIndexOf('@');
    if (at >= 0) {
        version = decode(path.slice(at + 1));
        path = path.slice(0, at);
    }
    const segments = path.split('/').filter(s => s !== '');
    const name = segments.pop();
    if (!name)
        return undefined;
    const qualifiers = {};
    for (const pair of (m[3] ?? '').split('&')) {
        const eq = pair.indexOf('=');
        if (eq > 0)
            qualifiers[pair.slice(0, eq).toLowerCase()] = decode(pair.slice(eq + 1));
    }
    return {
        type: m[1].toLowerCase(),
        namespace: segments.map(decode).join('/'),
        name: decode(name),
        ...(version !== undefined ? { version } : {}),
        qualifiers,
        ...(m[4] ? { subpath: decode(m[4]) } : {})
    };
}
function fromSpdx(doc, path) {
    const packages = [];
    for (const p of Array.isArray(doc['packages']) ? doc['packages'] : []) {
        const locator = (Array.isArray(p.externalRefs) ? p.externalRefs : []).find(r => r?.referenceType === 'purl')?.referenceLocator;
        if (typeof locator !== 'string' || !locator.startsWith('pkg:bitnami'))
            continue;
        const parts = parsePurl(locator);
        const name = typeof p.name === 'string' ? p.name : '';
        if (!parts || name === '')
            continue;
        const version = typeof p.versionInfo === 'string' ? p.versionInfo : '';
        const pkg = {
            name,
            version: version || 'UNKNOWN',
            type: 'bitnami',
            purl: formatPurl(parts),
            foundBy: BITNAMI_CATALOGER,
            locations: [path]
        };
        const declared = p.licenseDeclared;
        if (typeof declared === 'string' && declared !== '' && declared !== 'NOASSERTION' && declared !== 'NONE')
            pkg.licenses = [declared];
        packages.push(pkg);
    }
    // Syft lists an embedded SBOM's packages sorted by name, then version.
    return packages.sort((a, b) => a.name !== b.name
        ? a.name < b.name
            ? -1
            : 1
        : a.version < b.version
            ? -1
            : a.version > b.version
                ? 1
                : 0);
}
function fromComponents(doc, path) {
    return Object.keys(doc)
        .sort()
        .flatMap(name => {
        const e = doc[name];
        if (!e || typeof e !== 'object')
            return [];
        const entry = e;
        const str = (k) => (typeof entry[k] === 'string' ? entry[k] : '');
        const version = str('version');
        return [
            {
                name,
                version: version || 'UNKNOWN',
                type: 'bitnami',
                purl: formatPurl({
                    type: 'bitnami',
                    name,
                    version,
                    qualifiers: { arch: str('arch'), distro: str('distro') }
                }),
                foundBy: BITNAMI_CATALOGER,
                locations: [path]
            }
        ];
    });
}
const bitnamiCataloger = {
    name: BITNAMI_CATALOGER,
    wants: (file) => file.size <= bitnami_CAP && (file.path === COMPONENTS || isBitnamiSpdx(file.path)),
    parse(file, ctx) {
        let doc;
        try {
            doc = JSON.parse(file.data.toString('utf8'));
        }
        catch {
            // Tag-value SPDX (or anything else) is not what Bitnami writes here, and Syft skips it too.
            return [];
        }
        if (!doc || typeof doc !== 'object' || Array.isArray(doc)) {
            ctx.warn(`${file.path} (layer ${file.layer.diffId}): not a JSON object`);
            return [];
        }
        const obj = doc;
        if (file.path === COMPONENTS)
            return fromComponents(obj, file.path);
        return typeof obj['spdxVersion'] === 'string' ? fromSpdx(obj, file.path) : [];
    }
};

;// CONCATENATED MODULE: ./src/sbom/catalogers/conan.ts
// Conan 1 package caches: .conan/data/<name>/<version>/<user>/<channel>/package/<id>/conaninfo.txt describes a
// built package and, under [full_requires], the exact packages it was built against.

const CONAN_INFO_CATALOGER = 'conan-info-cataloger';
const conan_CAP = 8 * 1024 * 1024;
const CACHE_PATH = /.*\/([^/]+)\/([^/]+)\/([^/]+)\/([^/]+)\/package\/([^/]+)\/conaninfo\.txt$/;
/** `name/version@user/channel#revision:package_id%timestamp`, read the way conan's RecipeReference.loads does. */
function splitConanRef(ref) {
    const text = ref.split('%')[0].split(':')[0].split('#')[0];
    const [nameVersion, userChannel] = text.split('@');
    const [name, version] = nameVersion.split('/');
    if (!name || !version)
        return undefined;
    const out = { name, version };
    const uc = userChannel?.split('/');
    if (uc && uc.length === 2 && userChannel !== '')
        [out.user, out.channel] = uc;
    return out;
}
function conanPackage(ref, path) {
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
    };
}
const conanInfoCataloger = {
    name: CONAN_INFO_CATALOGER,
    wants: (file) => file.size <= conan_CAP && file.path.endsWith('/conaninfo.txt'),
    parse(file, _ctx) {
        // Only a cache's package folder names the package itself (build folders and sources hold copies).
        const cache = CACHE_PATH.exec(file.path);
        if (!cache)
            return [];
        const [, name, version, user, channel] = cache;
        const requires = [];
        let section = '';
        for (const raw of file.data.toString('utf8').split('\n')) {
            const line = raw.trim();
            if (/[[\]]/.test(line) || line.startsWith('#')) {
                section = line === '[full_requires]' || line === '[recipe_hash]' ? line : '';
                continue;
            }
            if (section === '[full_requires]' && line !== '') {
                const ref = splitConanRef(line);
                if (ref)
                    requires.push(conanPackage(ref, file.path));
            }
            // The recipe hash is a revision: it changes neither name nor version.
            if (section === '[recipe_hash]')
                section = '';
        }
        const main = conanPackage({ name, version, user, channel }, file.path);
        if (requires.length > 0)
            main.dependsOn = requires.map(r => r.name);
        return [...requires, main];
    }
};

// EXTERNAL MODULE: ./src/errors/index.ts + 2 modules
var errors = __webpack_require__(28936);
;// CONCATENATED MODULE: ./src/sbom/catalogers/pe-cursor.ts
// A read position over a byte buffer with the semantics Syft's PE reader relies on (Go's bytes.Reader plus
// binary.Read): seeking past the end is allowed, a short read fails but still consumes what was left.
class PeCursor {
    data;
    pos = 0;
    constructor(data) {
        this.data = data;
    }
    get size() {
        return this.data.length;
    }
    /** Bytes left after the position (0 once the position is at or past the end). */
    remaining() {
        return Math.max(0, this.data.length - this.pos);
    }
    seek(at) {
        this.pos = at;
    }
    /** Exactly n bytes, or undefined when fewer remain (those few are consumed, as io.ReadFull does). */
    read(n) {
        if (this.pos >= this.data.length)
            return undefined;
        if (this.data.length - this.pos < n) {
            this.pos = this.data.length;
            return undefined;
        }
        const out = this.data.subarray(this.pos, this.pos + n);
        this.pos += n;
        return out;
    }
    /**
     * A NUL-terminated UTF-16LE string read one code unit at a time, each taken as a code point (so a
     * surrogate half becomes U+FFFD, as Go's string([]rune) makes it); `consumed` counts the terminator.
     */
    readUtf16() {
        const start = this.pos;
        const end = this.data.length;
        const units = [];
        let text = '';
        while (this.pos < end) {
            if (end - this.pos < 2) {
                this.pos = end;
                break;
            }
            const unit = this.data.readUInt16LE(this.pos);
            this.pos += 2;
            if (unit === 0)
                break;
            units.push(unit >= 0xd800 && unit <= 0xdfff ? 0xfffd : unit);
            if (units.length === 4096)
                text += String.fromCharCode(...units.splice(0));
        }
        text += String.fromCharCode(...units);
        return { text, consumed: Math.max(0, this.pos - start) };
    }
}
/** Rounds an offset up to the next 4-byte (DWORD) boundary. */
function alignDword(offset) {
    return Math.ceil(offset / 4) * 4;
}

;// CONCATENATED MODULE: ./src/sbom/catalogers/pe-version-info.ts
// VS_VERSIONINFO → StringFileInfo → StringTable → String key/values, walked the way Syft v1.57 walks them
// (its quirks included: only the first table of each StringFileInfo is read), so the same fields come out.

const FIXED_FILE_INFO_SIZE = 52;
const HEADER_SIZE = 6; // wLength, wValueLength, wType
/**
 * Adds the string fields of one resource blob to `fields` when the blob is a VS_VERSIONINFO; other
 * resources (icons, manifests) are left alone. Later blobs overwrite keys of earlier ones, as in Syft.
 */
function parseVersionResource(data, fields) {
    const r = new PeCursor(data);
    let offset = 0;
    if (!r.read(HEADER_SIZE))
        return;
    offset += HEADER_SIZE;
    const key = r.readUtf16();
    offset += key.consumed;
    if (key.text !== 'VS_VERSION_INFO')
        return;
    offset = alignDword(offset);
    r.seek(offset);
    const fixed = r.read(FIXED_FILE_INFO_SIZE);
    if (!fixed)
        return;
    offset += FIXED_FILE_INFO_SIZE;
    while (r.remaining() > 0) {
        offset = alignDword(offset);
        r.seek(offset);
        const block = r.read(HEADER_SIZE);
        if (!block)
            break; // a resource ending with its VarFileInfo runs out here
        offset += HEADER_SIZE;
        const blockKey = r.readUtf16();
        offset += blockKey.consumed;
        if (blockKey.text !== 'StringFileInfo') {
            offset += block.readUInt16LE(2);
            continue;
        }
        const table = r.read(HEADER_SIZE);
        if (!table)
            break;
        offset += HEADER_SIZE;
        const language = r.readUtf16();
        offset += language.consumed;
        offset = readStringTable(r, offset, HEADER_SIZE + language.consumed, table.readUInt16LE(0), fields);
    }
    if (!fields.get('FileVersion')) {
        // no FileVersion string: derive it from VS_FIXEDFILEINFO's dwFileVersionMS/LS
        const ms = fixed.readUInt32LE(8);
        const ls = fixed.readUInt32LE(12);
        fields.set('FileVersion', `${ms >>> 16}.${ms & 0xffff}.${ls >>> 16}.${ls & 0xffff}`);
    }
}
/** Reads String children while the table's wLength says more remain; returns the new blob offset. */
function readStringTable(r, offset, consumed, length, fields) {
    const align = () => {
        const aligned = alignDword(offset);
        consumed += aligned - offset;
        offset = aligned;
        r.seek(offset);
    };
    while (consumed < length) {
        const head = r.read(HEADER_SIZE);
        if (!head)
            break; // the table claims more than the resource holds
        offset += HEADER_SIZE;
        consumed += HEADER_SIZE;
        const key = r.readUtf16();
        offset += key.consumed;
        consumed += key.consumed;
        align();
        let value = '';
        if (head.readUInt16LE(2) > 0) {
            const read = r.readUtf16();
            offset += read.consumed;
            consumed += read.consumed;
            value = read.text;
        }
        fields.set(key.text, value);
        align();
    }
    return offset;
}

;// CONCATENATED MODULE: ./src/sbom/catalogers/pe-resources.ts
// The .rsrc directory tree (type → name → language → data entry), walked with Syft v1.57's bounds: at most
// 0x1000 entries a directory, 32 levels, each directory once, and 4× the section's size read in total.


const MAX_ENTRIES = 0x1000;
const pe_resources_MAX_DEPTH = 32;
const BUDGET_FACTOR = 4;
const HIGH_BIT = 0x80000000;
/** Walks the resource section `data`, whose first byte sits at virtual address `baseRva`. */
function walkResources(data, baseRva) {
    const w = {
        r: new PeCursor(data),
        base: baseRva,
        dirs: new Set(),
        budget: data.length * BUDGET_FACTOR,
        depth: 0,
        fields: new Map(),
        clrDebugInfo: false
    };
    walkDirectory(w, baseRva);
    return { fields: w.fields, clrDebugInfo: w.clrDebugInfo, ...(w.stopped ? { stopped: w.stopped } : {}) };
}
function spend(w, n) {
    w.budget -= n;
    if (w.budget < 0)
        w.stopped = `read more than ${BUDGET_FACTOR}× the resource section`;
    return w.budget >= 0;
}
/** Section offset of an address, or undefined when the section does not hold it. */
function offsetOf(w, rva) {
    if (rva < w.base || rva - w.base >= w.r.size)
        return undefined;
    return rva - w.base;
}
function walkDirectory(w, rva) {
    if (w.depth + 1 > pe_resources_MAX_DEPTH) {
        w.stopped = `resource directories nested deeper than ${pe_resources_MAX_DEPTH}`;
        return 'stop';
    }
    const offset = offsetOf(w, rva);
    if (offset === undefined)
        return 'skip';
    w.r.seek(offset);
    if (!spend(w, 16))
        return 'stop';
    const head = w.r.read(16);
    if (!head)
        return 'skip';
    const count = head.readUInt16LE(12) + head.readUInt16LE(14);
    if (count === 0 || count > MAX_ENTRIES)
        return 'skip';
    w.depth++;
    try {
        for (let i = 0; i < count; i++) {
            if (!spend(w, 8))
                return 'stop';
            w.r.seek(offset + 16 + 8 * i);
            const entry = w.r.read(8);
            if (!entry)
                continue;
            if (walkEntry(w, entry.readUInt32LE(0), entry.readUInt32LE(4)) === 'stop')
                return 'stop';
        }
        return 'ok';
    }
    finally {
        w.depth--;
    }
}
function walkEntry(w, name, offsetToData) {
    if (name >= HIGH_BIT) {
        // a named entry: only "CLRDEBUGINFO" matters (it marks a .NET assembly)
        const saved = w.r.pos;
        const nameAt = name - HIGH_BIT;
        if (nameAt >= w.r.size)
            return 'skip';
        w.r.seek(nameAt);
        const length = w.r.read(2)?.readUInt16LE(0) ?? 0;
        if (length > 0 && length * 2 <= w.r.remaining()) {
            if (!spend(w, length * 2))
                return 'stop';
            if (isClrDebugInfo(w.r.read(length * 2)))
                w.clrDebugInfo = true;
        }
        w.r.seek(saved);
    }
    const target = (w.base + (offsetToData & 0x7fffffff)) >>> 0;
    if (offsetToData < HIGH_BIT)
        return readDataEntry(w, target);
    if (w.dirs.has(target))
        return 'skip'; // a directory naming itself or an ancestor
    w.dirs.add(target);
    return walkDirectory(w, target);
}
function isClrDebugInfo(units) {
    const want = 'CLRDEBUGINFO';
    if (units.length !== want.length * 2)
        return false;
    for (let i = 0; i < want.length; i++)
        if (units.readUInt16LE(2 * i) !== want.charCodeAt(i))
            return false;
    return true;
}
function readDataEntry(w, rva) {
    const offset = offsetOf(w, rva);
    if (offset === undefined)
        return 'skip';
    w.r.seek(offset);
    if (!spend(w, 16))
        return 'stop';
    const entry = w.r.read(16);
    if (!entry)
        return 'skip';
    const dataAt = offsetOf(w, entry.readUInt32LE(0));
    const size = entry.readUInt32LE(4);
    if (dataAt === undefined || size > w.r.size - dataAt)
        return 'skip';
    if (!spend(w, size))
        return 'stop';
    parseVersionResource(w.r.data.subarray(dataAt, dataAt + size), w.fields);
    return 'ok';
}

;// CONCATENATED MODULE: ./src/sbom/catalogers/pe-reader.ts
// Windows PE files (.exe/.dll): DOS header → PE header → optional header's data directories → section
// table, then the resource tree (version strings) and the COM descriptor (.NET evidence). Never throws.

const RESOURCE_DIRECTORY = 2;
const COM_DESCRIPTOR_DIRECTORY = 14;
/** Syft refuses data directories declaring more than this (a sparse file could claim gigabytes). */
const MAX_DIRECTORY_SIZE = 128 * 1024 * 1024;
const SECTION_HEADER_SIZE = 40;
/** The file's PE facts, or a string saying why it is not a readable PE file. */
function readPe(data) {
    if (data.length < 64)
        return 'shorter than a DOS header';
    if (data[0] !== 0x4d || data[1] !== 0x5a)
        return 'no MZ signature';
    const pe = data.readUInt32LE(60);
    if (pe + 26 > data.length)
        return `PE header offset ${pe} lies past the end`;
    if (data.readUInt32BE(pe) !== 0x50450000)
        return 'no PE signature';
    const sectionCount = data.readUInt16LE(pe + 6);
    const magic = data.readUInt16LE(pe + 24);
    if (magic !== 0x10b && magic !== 0x20b)
        return `unknown optional header magic 0x${magic.toString(16)}`;
    // Syft reads the fixed-size optional header and takes the section table right after it
    const optionalSize = magic === 0x10b ? 224 : 240;
    const directories = pe + 24 + (magic === 0x10b ? 96 : 112);
    const table = pe + 24 + optionalSize;
    if (table + sectionCount * SECTION_HEADER_SIZE > data.length)
        return 'section table cut short';
    const sections = [];
    for (let i = 0; i < sectionCount; i++) {
        const at = table + i * SECTION_HEADER_SIZE;
        sections.push({
            virtualSize: data.readUInt32LE(at + 8),
            virtualAddress: data.readUInt32LE(at + 12),
            rawPointer: data.readUInt32LE(at + 20)
        });
    }
    const problems = [];
    const directory = (index, label) => {
        const rva = data.readUInt32LE(directories + 8 * index);
        const size = data.readUInt32LE(directories + 8 * index + 4);
        if (size === 0 || rva === 0)
            return undefined;
        const read = readAtRva(data, sections, rva, size);
        if (typeof read === 'string')
            problems.push(`${label}: ${read}`);
        return typeof read === 'string' ? undefined : { rva, bytes: read };
    };
    const rsrc = directory(RESOURCE_DIRECTORY, 'resource directory');
    const walk = rsrc ? walkResources(rsrc.bytes, rsrc.rva) : undefined;
    if (walk?.stopped)
        problems.push(`resource directory: ${walk.stopped}`);
    const com = directory(COM_DESCRIPTOR_DIRECTORY, 'COM descriptor');
    let runtime = false;
    if (com && com.bytes.length < 8)
        problems.push('COM descriptor: shorter than its header');
    // cb, then MajorRuntimeVersion and MinorRuntimeVersion: both set means a .NET assembly
    else if (com)
        runtime = com.bytes.readUInt16LE(4) !== 0 && com.bytes.readUInt16LE(6) !== 0;
    return {
        versionResources: walk?.fields ?? new Map(),
        clr: runtime || (walk?.clrDebugInfo ?? false),
        problems
    };
}
/** The bytes a data directory names: its address mapped through the first section that holds it. */
function readAtRva(data, sections, rva, size) {
    const section = sections.find(s => rva >= s.virtualAddress && rva < (s.virtualAddress + s.virtualSize) >>> 0);
    if (!section)
        return `address 0x${rva.toString(16)} is in no section`;
    const offset = (section.rawPointer + (rva - section.virtualAddress)) >>> 0;
    if (size > MAX_DIRECTORY_SIZE)
        return `declares ${size} bytes, over the ${MAX_DIRECTORY_SIZE} limit`;
    if (data.length - offset < size)
        return `${size} bytes at offset ${offset} run past the end of the file`;
    return data.subarray(offset, offset + size);
}

;// CONCATENATED MODULE: ./src/sbom/catalogers/pe.ts
// Windows executables and libraries (.exe/.dll/.bpl) named and versioned from their version resources,
// as Syft's pe-binary-package-cataloger reports them (file name and "UNKNOWN" when they carry none).



const PE_CATALOGER = 'pe-binary-package-cataloger';
/** Syft's globs are case-sensitive: `*.dll` and `*.DLL` match, `*.Dll` does not. */
const PE_NAME = /\.(?:exe|dll|bpl|EXE|DLL|BPL)$/;
const PE_CAP = 512 * 1024 * 1024;
/** Go's unicode.IsSpace (strings.TrimSpace and strings.Fields split on these). */
const GO_SPACE = '\\t\\n\\v\\f\\r \\u0085\\u00a0\\u1680\\u2000-\\u200a\\u2028\\u2029\\u202f\\u205f\\u3000';
const TRIM = new RegExp(`^[${GO_SPACE}]+|[${GO_SPACE}]+$`, 'g');
const FIELDS = new RegExp(`[^${GO_SPACE}]+`, 'g');
/** Go regexp `[\s\xa0]+`: RE2's \s is ASCII whitespace without \v. */
const SPACE_RUN = /[\t\n\f\r \u00a0]+/g;
const goTrim = (value) => value.replace(TRIM, '');
/** Syft's spaceNormalize: trim, collapse whitespace runs to one space, drop control characters. */
function spaceNormalize(value) {
    const trimmed = goTrim(value);
    if (trimmed === '')
        return '';
    // eslint-disable-next-line no-control-regex
    const cleaned = trimmed.replace(SPACE_RUN, ' ').replace(/[\x00-\x1f]/g, '');
    return goTrim(cleaned.replace(SPACE_RUN, ' '));
}
/** Leading whitespace-separated words up to the first word without a digit after one with a digit. */
function versionFromResource(value) {
    let out = '';
    for (const word of goTrim(value).match(FIELDS) ?? []) {
        if (/[0-9]/.test(out) && !/[0-9]/.test(word))
            return out;
        out = out === '' ? word : `${out} ${word}`;
    }
    return out;
}
function peName(fields, path) {
    const company = (fields.get('CompanyName') ?? '').toLowerCase();
    const product = (fields.get('ProductName') ?? '').toLowerCase();
    // Microsoft's own files share a product name ("Microsoft® Windows® Operating System"): describe instead
    const order = company.includes('microsoft') || product.includes('microsoft')
        ? ['FileDescription', 'InternalName', 'OriginalFilename', 'ProductName']
        : ['ProductName', 'FileDescription', 'InternalName', 'OriginalFilename'];
    for (const key of order) {
        const value = spaceNormalize(fields.get(key) ?? '');
        if (value !== '')
            return value;
    }
    const base = path.slice(path.lastIndexOf('/') + 1);
    const noExe = base.endsWith('.exe') ? base.slice(0, -4) : base;
    return noExe.endsWith('.dll') ? noExe.slice(0, -4) : noExe;
}
function pePackage(fields, path) {
    const name = peName(fields, path);
    if (name === '')
        return undefined; // Syft drops packages without a name
    const version = versionFromResource(fields.get('ProductVersion') ?? '') ||
        versionFromResource(fields.get('FileVersion') ?? '');
    const product = spaceNormalize(fields.get('ProductName') ?? '') || spaceNormalize(fields.get('FileDescription') ?? '');
    // Syft gives a purl to Ghostscript only; other PE packages have none
    const purl = version && product.toLowerCase().includes('ghostscript')
        ? formatPurl({ type: 'generic', name: 'ghostscript', version })
        : '';
    const metadata = {};
    for (const key of [...fields.keys()].sort()) {
        const value = fields.get(key);
        if (value !== '')
            metadata[key] = spaceNormalize(value);
    }
    return {
        name,
        version: version || 'UNKNOWN',
        type: 'binary',
        purl,
        foundBy: PE_CATALOGER,
        locations: [path],
        metadata,
        ...(fields.get('CompanyName') ? { vendor: fields.get('CompanyName') } : {})
    };
}
const peCataloger = {
    name: PE_CATALOGER,
    wants: (file) => PE_NAME.test(file.path) && file.size >= 64 && file.size <= PE_CAP,
    parse(file, ctx) {
        const where = `${file.path} (layer ${file.layer.diffId})`;
        let pe;
        try {
            pe = readPe(file.data);
        }
        catch (cause) {
            ctx.warn(`${where}: PE reader failed (${(0,errors/* errorText */.kc)(cause)}); no package reported for it`);
            return [];
        }
        if (typeof pe === 'string') {
            ctx.warn(`${where}: not a readable PE file (${pe}); no package reported for it`);
            return [];
        }
        if (pe.problems.length > 0)
            ctx.warn(`${where}: PE file partly unreadable (${pe.problems.join('; ')})`);
        if (pe.clr)
            return []; // .NET assemblies belong to the dotnet catalogers, as in Syft
        const pkg = pePackage(pe.versionResources, file.path);
        return pkg ? [pkg] : [];
    }
};

;// CONCATENATED MODULE: ./src/sbom/catalogers/dotnet-pe.ts
// .NET assemblies outside any deps.json: named and versioned from their PE version resources the way Syft's
// dotnet-deps-binary-cataloger does, and shared-framework DLLs folded into one Microsoft.NETCore.App per version.


/** `(net8.0)` / `(netstandard2.0)` at the end of a product name says which runtime, not which product. */
const RUNTIME_SUFFIX = /\s*\((net[^)]*[0-9]+(\.[0-9]+)?)\)$/;
const RUNTIME_DLL = /\/Microsoft\.NETCore\.App\/(\d+\.\d+\.\d+)\/[^/]+\.dll/;
/** HashiCorp go-version's reading (what Syft compares resource versions with); undefined when it would refuse. */
function parseGoVersion(v) {
    const m = /^v?([0-9]+(?:\.[0-9]+)*?)(?:-([0-9]+[0-9A-Za-z\-~]*(?:\.[0-9A-Za-z\-~]+)*)|(-?[A-Za-z\-~]+[0-9A-Za-z\-~]*(?:\.[0-9A-Za-z\-~]+)*))?(?:\+[0-9A-Za-z\-~]+(?:\.[0-9A-Za-z\-~]+)*)?$/.exec(v.trim());
    if (!m)
        return undefined;
    const segments = m[1].split('.').map(Number);
    while (segments.length < 3)
        segments.push(0);
    return { segments, pre: (m[2] ?? m[3] ?? '').replace(/^-/, '') };
}
function compareVersions(a, b) {
    const n = Math.max(a.segments.length, b.segments.length);
    for (let i = 0; i < n; i++) {
        const d = (a.segments[i] ?? 0) - (b.segments[i] ?? 0);
        if (d !== 0)
            return Math.sign(d);
    }
    if (a.pre === b.pre)
        return 0;
    if (a.pre === '')
        return 1;
    if (b.pre === '')
        return -1;
    return a.pre < b.pre ? -1 : 1;
}
const hasDigit = (s) => /\d/.test(s);
const punctuation = (s) => s.match(/[.,]+/g)?.length ?? 0;
const isMicrosoft = (fields) => ['CompanyName', 'ProductName'].some(k => (fields.get(k) ?? '').toLowerCase().includes('microsoft'));
/** Syft's choice between ProductVersion and FileVersion for an assembly. */
function assemblyVersion(fields) {
    const product = versionFromResource(fields.get('ProductVersion') ?? '');
    const file = versionFromResource(fields.get('FileVersion') ?? '');
    const p = parseGoVersion(product);
    const f = parseGoVersion(file);
    // Microsoft stamps builds into FileVersion (major.minor.<build>.<time>): a shorter ProductVersion of the same
    // major.minor is the release.
    if (isMicrosoft(fields) && p && f) {
        const pLen = product.split('+')[0].split('-')[0].split('.').length;
        const fLen = file.split('+')[0].split('-')[0].split('.').length;
        if (p.segments[0] === f.segments[0] &&
            p.segments[1] === f.segments[1] &&
            pLen >= 2 &&
            fLen >= 2 &&
            pLen < fLen)
            return product.split('+')[0];
    }
    if (p) {
        if (!f)
            return product;
        const c = compareVersions(p, f);
        if (c !== 0)
            return c > 0 ? product : file;
    }
    if (hasDigit(product) && punctuation(product) >= punctuation(file))
        return product;
    if (hasDigit(file) && punctuation(file) > 0)
        return file;
    if (hasDigit(product))
        return product;
    if (hasDigit(file))
        return file;
    return product;
}
/** The shared-framework version of `/…/Microsoft.NETCore.App/8.0.1/x.dll`, else undefined. */
function runtimeVersionOf(path) {
    return RUNTIME_DLL.exec(path)?.[1];
}
function assemblyPackage(fields, path, foundBy) {
    const runtime = runtimeVersionOf(path);
    if (runtime)
        return {
            name: 'Microsoft.NETCore.App',
            version: runtime,
            type: 'dotnet',
            purl: '',
            foundBy,
            locations: [path]
        };
    let name = peName(fields, path);
    name = name.replace(RUNTIME_SUFFIX, '').trim();
    const version = assemblyVersion(fields);
    const metadata = {};
    for (const key of [...fields.keys()].sort()) {
        const value = spaceNormalize(fields.get(key));
        if (value !== '')
            metadata[key] = value;
    }
    return {
        name,
        version: version || 'UNKNOWN',
        type: 'dotnet',
        purl: name ? formatPurl({ type: 'nuget', name, version }) : '',
        foundBy,
        locations: [path],
        metadata
    };
}

;// CONCATENATED MODULE: ./src/sbom/catalogers/dotnet.ts
// .NET applications: the NuGet packages an `<app>.deps.json` says were resolved into the build, kept as Syft's
// dotnet-deps-binary-cataloger keeps them (packages that ship assemblies, or depend on ones that do).




const DOTNET_CATALOGER = 'dotnet-deps-binary-cataloger';
const dotnet_CAP = 32 * 1024 * 1024;
/** Assembly mergers: an app built with one claims no DLLs for what it merged, so claims are not required. */
const BUNDLERS = new Set([
    'ILRepack.Lib.MSBuild.Task',
    'ILRepack.Lib',
    'ILRepack.Lib.MSBuild',
    'ILRepack.Lib.NET',
    'ILRepack.NETStandard',
    'ILRepack.FullAuto',
    'ILMerge',
    'JetBrains.Build.ILRepack',
    'PostSharp.Community.Packer',
    'Brokenevent.ILStrip',
    'Brokenevent.ILStrip.CLI',
    'Costura.Fody',
    'Fody'
]);
const isObject = (v) => !!v && typeof v === 'object' && !Array.isArray(v);
const nonEmpty = (v) => isObject(v) && Object.keys(v).length > 0;
/** `runtimes/linux-x64/lib/net6.0/Foo.dll` and `lib/net6.0/Foo.dll` are deployed as `Foo.dll`. */
function trimLibPrefix(asset) {
    return /^(?:runtimes\/[^/]+\/)?lib\/net[^/]+\/(.+)/.exec(asset)?.[1] ?? asset;
}
function splitNameVersion(key) {
    const [name = '', version = ''] = key.split('/');
    return [name, version];
}
/** Every library across all targets, with its dependencies and whether it brings any asset. */
function entriesOf(doc) {
    const libraries = isObject(doc['libraries']) ? doc['libraries'] : {};
    const entries = new Map();
    for (const target of Object.values(isObject(doc['targets']) ? doc['targets'] : {})) {
        if (!isObject(target))
            continue;
        for (const [key, lib] of Object.entries(target)) {
            if (!isObject(lib))
                continue;
            const entry = entries.get(key) ?? {
                deps: new Set(),
                claimsFiles: false,
                assets: new Set(),
                library: isObject(libraries[key]) ? libraries[key] : undefined
            };
            if (isObject(lib['dependencies']))
                for (const [n, v] of Object.entries(lib['dependencies']))
                    entry.deps.add(`${n}/${String(v)}`);
            if (['runtime', 'resources', 'compile', 'native'].some(k => nonEmpty(lib[k])))
                entry.claimsFiles = true;
            for (const kind of ['runtime', 'resources', 'compile', 'native']) {
                const listed = lib[kind];
                if (!isObject(listed))
                    continue;
                for (const asset of Object.keys(listed))
                    entry.assets.add(kind === 'native' ? asset : trimLibPrefix(asset));
            }
            entries.set(key, entry);
        }
    }
    return entries;
}
/** Whether anything reachable through dependencies (not the library itself) brings assets. */
function childClaims(entries, key) {
    const seen = new Set();
    const stack = [...(entries.get(key)?.deps ?? [])];
    while (stack.length > 0) {
        const next = stack.pop();
        if (seen.has(next))
            continue;
        seen.add(next);
        const e = entries.get(next);
        if (!e)
            continue;
        if (e.claimsFiles)
            return true;
        stack.push(...e.deps);
    }
    return false;
}
/** `MyApp.deps.json` describes the project MyApp: that project library is the application itself. */
function rootName(path) {
    return /([^\\/]+)\.deps\.json$/.exec(path)?.[1] ?? '';
}
function dotnetPackages(doc, path) {
    const entries = entriesOf(doc);
    const bundled = [...entries.keys()].some(k => BUNDLERS.has(splitNameVersion(k)[0]));
    const root = [...entries].find(([key, e]) => e.library?.type === 'project' && splitNameVersion(key)[0] === rootName(path))?.[0];
    const kept = new Set();
    for (const [key, e] of entries) {
        if (key === root) {
            kept.add(key);
            continue;
        }
        const lib = e.library;
        // Reference assemblies without a package behind them, and other projects of the solution, are not packages.
        if (lib?.type === 'referenceassembly' && !lib.sha512 && !lib.path)
            continue;
        if (lib?.type === 'project')
            continue;
        if (!e.claimsFiles && !childClaims(entries, key) && !bundled)
            continue;
        kept.add(key);
    }
    // A dependency that was left out is looked through to the nearest kept ones.
    const nearestKept = (key, seen) => {
        if (seen.has(key))
            return [];
        seen.add(key);
        if (kept.has(key))
            return [key];
        return [...(entries.get(key)?.deps ?? [])].flatMap(d => nearestKept(d, seen));
    };
    const appDir = path.slice(0, path.lastIndexOf('/'));
    const packages = [];
    const order = [...kept].filter(k => k !== root).sort();
    for (const key of root ? [root, ...order] : order) {
        const [name, version] = splitNameVersion(key);
        const assets = [...entries.get(key).assets].map(a => ({ path: `${appDir}/${a}` }));
        const dependsOn = [...entries.get(key).deps]
            .filter(d => entries.has(d))
            .flatMap(d => nearestKept(d, new Set()))
            .map(d => splitNameVersion(d)[0]);
        packages.push({
            name,
            version: version || 'UNKNOWN',
            type: 'dotnet',
            purl: formatPurl({ type: 'nuget', name, version }),
            foundBy: DOTNET_CATALOGER,
            locations: [path],
            ...(assets.length > 0 ? { files: assets } : {}),
            ...(dependsOn.length > 0 ? { dependsOn: [...new Set(dependsOn)] } : {})
        });
    }
    return packages;
}
const isDepsJson = (path) => path.endsWith('.deps.json');
const dotnetDepsCataloger = {
    name: DOTNET_CATALOGER,
    wants: (file) => isDepsJson(file.path)
        ? file.size <= dotnet_CAP
        : PE_NAME.test(file.path) && file.size >= 64 && file.size <= PE_CAP,
    parse(file, ctx) {
        if (!isDepsJson(file.path)) {
            // Only .NET assemblies are ours (the pe-binary cataloger reports the rest); unreadable PE files are its to report.
            const pe = readPe(file.data);
            return typeof pe !== 'string' && pe.clr
                ? [assemblyPackage(pe.versionResources, file.path, DOTNET_CATALOGER)]
                : [];
        }
        let doc;
        try {
            doc = JSON.parse(file.data.toString('utf8'));
        }
        catch {
            doc = undefined;
        }
        if (!isObject(doc)) {
            ctx.warn(`${file.path} (layer ${file.layer.diffId}): not a .NET deps.json`);
            return [];
        }
        return dotnetPackages(doc, file.path);
    },
    // Needs no files: it relates the assemblies to the deps.json packages already found.
    keepForEnrich: () => false,
    enrich: pairAssemblies
};
/**
 * An assembly a deps.json (in its directory or above) lists as an asset belongs to that deps.json's package, not
 * to a package of its own; shared-framework DLLs make one Microsoft.NETCore.App per version unless a deps.json
 * already names that runtime.
 */
function pairAssemblies(packages) {
    const owners = new Map();
    for (const p of packages)
        if (isDepsJson(p.locations[0]))
            for (const f of p.files ?? [])
                owners.set(f.path, [...(owners.get(f.path) ?? []), p]);
    const runtimesNamed = new Set(packages
        .filter(p => isDepsJson(p.locations[0]) && /^(runtimepack\.)?microsoft\.netcore\.app/i.test(p.name))
        .map(p => p.version));
    const runtimes = new Map();
    const kept = [];
    for (const p of packages) {
        const path = p.locations[0];
        if (isDepsJson(path)) {
            kept.push(p);
            continue;
        }
        const claimedBy = owners.get(path);
        if (claimedBy) {
            for (const owner of claimedBy)
                if (!owner.locations.includes(path))
                    owner.locations.push(path);
            continue;
        }
        const runtime = runtimeVersionOf(path);
        if (runtime === undefined)
            kept.push(p);
        else if (!runtimesNamed.has(runtime)) {
            const prior = runtimes.get(runtime);
            if (prior)
                prior.locations.push(path);
            else {
                runtimes.set(runtime, p);
                kept.push(p);
            }
        }
    }
    for (const p of runtimes.values())
        p.locations.sort();
    packages.splice(0, packages.length, ...kept);
}

;// CONCATENATED MODULE: ./src/sbom/catalogers/dotnet-lock.ts
// NuGet lock files (packages.lock.json, written by `dotnet restore` with RestorePackagesWithLockFile): one
// section per target framework (and per runtime, "net8.0/linux-x64"), each package with its resolved version.
// Syft tags this cataloger for images too, so a source tree copied into an image is read.

const DOTNET_LOCK_CATALOGER = 'dotnet-packages-lock-cataloger';
const dotnet_lock_CAP = 16 * 1024 * 1024;
/** A package listed under several frameworks keeps its most direct kind. */
const PRECEDENCE = ['Project', 'Direct', 'CentralTransitive', 'Transitive'];
const rank = (type) => {
    const i = PRECEDENCE.indexOf(type);
    return i >= 0 ? i : PRECEDENCE.length;
};
const moreDirect = (a, b) => (rank(a) !== rank(b) ? rank(a) < rank(b) : a < b);
const byteOrder = (a, b) => (a < b ? -1 : a > b ? 1 : 0);
/** What dependsOn and provides carry, so an edge reaches the version its own framework resolved. */
const ref = (key) => `nuget-lock:${key}`;
function dotnet_lock_entriesOf(section) {
    return Object.keys(section)
        .sort(byteOrder)
        .map(name => {
        const dep = section[name] ?? {};
        return { name, dep, key: `${name.toLowerCase()}/${dep.resolved ?? ''}` };
    });
}
function parsePackagesLock(text, path) {
    const doc = JSON.parse(text);
    if (typeof doc !== 'object' || doc === null)
        throw new Error('not a JSON object');
    const sections = doc.dependencies ?? {};
    const frameworks = Object.keys(sections)
        .sort(byteOrder)
        .map(name => {
        const entries = dotnet_lock_entriesOf(sections[name] ?? {});
        return { name, entries, byName: new Map(entries.map(e => [e.name.toLowerCase(), e])) };
    });
    const merged = new Map();
    for (const f of frameworks)
        for (const e of f.entries) {
            const prior = merged.get(e.key);
            if (!prior || moreDirect(e.dep.type ?? '', prior.dep.type ?? ''))
                merged.set(e.key, e);
        }
    const packages = new Map();
    for (const [key, e] of merged) {
        const version = e.dep.resolved ?? '';
        packages.set(key, {
            name: e.name,
            // A project reference resolves to no version: Syft reports UNKNOWN, and a purl without one.
            version: version || 'UNKNOWN',
            type: 'dotnet',
            purl: formatPurl({ type: 'nuget', name: e.name, version }),
            foundBy: DOTNET_LOCK_CATALOGER,
            locations: [path],
            provides: [ref(key)],
            metadata: {
                lockType: e.dep.type ?? '',
                ...(e.dep.contentHash ? { contentHash: e.dep.contentHash } : {})
            }
        });
    }
    const byFramework = new Map(frameworks.map(f => [f.name, f]));
    for (const f of frameworks) {
        // A runtime section ("net8.0/linux-x64") may name packages only its framework's section lists.
        const baseName = f.name.split('/')[0];
        const base = baseName !== f.name ? byFramework.get(baseName) : undefined;
        for (const e of f.entries) {
            const parent = packages.get(e.key);
            for (const child of Object.keys(e.dep.dependencies ?? {}).sort(byteOrder)) {
                const target = f.byName.get(child.toLowerCase()) ?? base?.byName.get(child.toLowerCase());
                if (!target || target.key === e.key)
                    continue;
                const deps = (parent.dependsOn ??= []);
                if (!deps.includes(ref(target.key)))
                    deps.push(ref(target.key));
            }
        }
    }
    return [...packages.values()];
}
const dotnetPackagesLockCataloger = {
    name: DOTNET_LOCK_CATALOGER,
    wants: (file) => file.size <= dotnet_lock_CAP && file.path.endsWith('/packages.lock.json'),
    parse(file, ctx) {
        try {
            return parsePackagesLock(file.data.toString('utf8'), file.path);
        }
        catch (err) {
            ctx.warn(`not a NuGet lock file: ${err.message}`);
            return [];
        }
    }
};

;// CONCATENATED MODULE: ./src/sbom/catalogers/deb-control.ts
// RFC 822-style control stanzas as dpkg writes them in `status` and distroless `status.d/*`.
/**
 * Splits `Key: value` stanzas separated by blank lines; continuation lines (leading space or tab)
 * extend the previous field. Keys are kept as written. A bad line is reported and skipped.
 */
function parseStanzas(text, problems = []) {
    const stanzas = [];
    let current = new Map();
    let key = '';
    const lines = text.split('\n');
    for (let i = 0; i < lines.length; i++) {
        const line = lines[i].replace(/\r$/, '');
        if (line.trim() === '') {
            if (current.size > 0)
                stanzas.push(current);
            current = new Map();
            key = '';
            continue;
        }
        if (line.startsWith(' ') || line.startsWith('\t')) {
            if (key === '') {
                problems.push({ line: i + 1, message: 'continuation line without a field' });
                continue;
            }
            current.set(key, `${current.get(key)}\n ${line.trim()}`);
            continue;
        }
        const colon = line.indexOf(':');
        if (colon <= 0) {
            problems.push({ line: i + 1, message: 'line is neither "Key: value" nor a continuation' });
            key = '';
            continue;
        }
        key = line.slice(0, colon).trim();
        if (current.has(key))
            problems.push({ line: i + 1, message: `duplicate field ${key}` });
        current.set(key, line.slice(colon + 1).trim());
    }
    if (current.size > 0)
        stanzas.push(current);
    return stanzas;
}
/** `a (>= 1), b | c:any, d [amd64]` → names only, alternatives flattened (Syft's dependency specifier). */
function relationNames(field) {
    if (!field)
        return [];
    const names = [];
    for (const clause of field.split(',')) {
        for (const alternative of clause.split('|')) {
            const name = alternative
                .trim()
                .split(/[[(<>=]/)[0]
                .trim();
            if (name !== '')
                names.push(name);
        }
    }
    return names;
}

;// CONCATENATED MODULE: ./src/sbom/catalogers/deb-copyright.ts
// Licenses from machine-readable (DEP-5) /usr/share/doc/<pkg>/copyright files, the way Syft reads them.
const FORMAT_HEADER = /^Format:\s*https?:\/\/www\.debian\.org\/doc\/packaging-manuals\/copyright-format\//;
const CLAUSES = [
    /^License: (\S*)/,
    /\/usr\/share\/common-licenses\/([0-9A-Za-z_.-]+)/,
    /^\s*(LICENSE AGREEMENT(?: FOR .+?)?)\s*$/i
];
function singleLicense(candidate) {
    const value = candidate.replace(/\n/g, ' ').trim();
    if (value.includes('NVIDIA Software License Agreement'))
        return value.replace(/\.$/, '');
    if (value.includes(' or ') || value.includes(' and '))
        return undefined;
    if (value === '' || value.toLowerCase() === 'none')
        return undefined;
    return value.replace(/\.$/, '');
}
/** Sorted, distinct license names; none when the file is not DEP-5 (Syft then guesses from text, we don't). */
function parseDebCopyright(text) {
    const found = new Set();
    let verified = false;
    let heading = 'heading';
    let licenseText = '';
    for (const line of text.split('\n')) {
        if (!verified) {
            if (line.trim() === '')
                continue;
            if (!FORMAT_HEADER.test(line))
                return [];
            verified = true;
        }
        for (const pattern of CLAUSES) {
            const m = pattern.exec(line);
            const value = m ? singleLicense(m[1]) : undefined;
            if (value)
                found.add(value);
        }
        // A "LICENSE AGREEMENT" heading underlined with dashes names the license in its first sentence.
        if (heading === 'heading')
            heading = line.trim() !== '' ? 'dashes' : 'done';
        else if (heading === 'dashes') {
            const t = line.trim();
            heading = t.length > 0 && /^-+$/.test(t) ? 'blanks' : 'done';
        }
        else if (heading === 'blanks' || heading === 'capture') {
            if (heading === 'blanks' && line.trim() === '')
                continue;
            licenseText += heading === 'capture' ? ' ' + line : line;
            heading = 'capture';
            const dot = licenseText.indexOf('.');
            if (dot >= 0) {
                const value = singleLicense(licenseText.slice(0, dot + 1));
                if (value)
                    found.add(value);
                heading = 'done';
            }
        }
    }
    return [...found].sort();
}

;// CONCATENATED MODULE: ./src/sbom/catalogers/os-release.ts
const OS_RELEASE = ['/etc/os-release', '/usr/lib/os-release'];
const SYSTEM_RELEASE_CPE = '/etc/system-release-cpe';
const REDHAT_RELEASE = '/etc/redhat-release';
const BUSYBOX = '/bin/busybox';
const DEBIAN_VERSION = '/etc/debian_version';
const TEXT_CAP = 5 * 1024 * 1024;
/** Busybox is a binary; its version banner sits well inside the first few MiB. */
const BUSYBOX_CAP = 16 * 1024 * 1024;
/** Parses os-release `KEY=value` lines, unquoting single/double quotes and backslash escapes. */
function parseOsRelease(text) {
    const fields = {};
    for (const raw of text.split('\n')) {
        const line = raw.trim();
        if (line === '' || line.startsWith('#'))
            continue;
        const eq = line.indexOf('=');
        if (eq <= 0)
            continue;
        const key = line.slice(0, eq).trim();
        let value = line.slice(eq + 1).trim();
        const quote = value[0];
        if ((quote === '"' || quote === "'") && value.length >= 2 && value.endsWith(quote)) {
            value = value.slice(1, -1);
            if (quote === '"')
                value = value.replace(/\\([$"\\`])/g, '$1');
        }
        fields[key] = value;
    }
    return fields;
}
function fromOsRelease(text) {
    const fields = parseOsRelease(text);
    if (Object.keys(fields).length === 0)
        return undefined;
    const distro = { id: fields['ID'] ?? '', fields };
    if (fields['VERSION_ID'])
        distro.versionId = fields['VERSION_ID'];
    return distro;
}
function fromSystemReleaseCpe(text) {
    for (const line of text.split('\n')) {
        const m = /cpe:\/o:(.*?):.*?:(.*?):.*?$/.exec(line);
        if (m)
            return simple(m[1].toLowerCase(), m[2], m[1], { CPE_NAME: m[0] });
    }
    return undefined;
}
function fromRedhatRelease(text) {
    const contents = text.trim();
    const m = /^(.*?)\srelease\s((\d\.\d+).*)/.exec(contents);
    if (!m || !m[1] || !m[3])
        return undefined;
    const name = m[1];
    let version = m[2];
    let id = name.toLowerCase();
    if (id.startsWith('red hat enterprise linux'))
        id = 'rhel';
    else if (id.startsWith('centos'))
        version = m[3];
    else if (id.startsWith('rocky linux'))
        id = 'rocky';
    else if (id.startsWith('scientific linux'))
        id = 'scientific';
    const idLike = id === 'rhel' ? 'rhel' : `${id} rhel`;
    return {
        id,
        versionId: m[3],
        fields: { ID: id, NAME: name, PRETTY_NAME: contents, VERSION: version, VERSION_ID: m[3], ID_LIKE: idLike }
    };
}
function fromBusybox(data) {
    const m = /BusyBox v([\d.]+)/.exec(data.toString('latin1'));
    return m ? simple('busybox', m[1], m[0], {}) : undefined;
}
function simple(id, version, prettyName, extra) {
    return {
        id,
        versionId: version,
        fields: {
            ID: id,
            NAME: id,
            PRETTY_NAME: prettyName,
            ID_LIKE: id,
            VERSION: version,
            VERSION_ID: version,
            ...extra
        }
    };
}
/** Debian's os-release says "12"; /etc/debian_version says "12.7" and Syft prefers it. */
function supplementDebian(distro, byPath) {
    if (distro.id.toLowerCase() !== 'debian')
        return distro;
    const file = byPath.get(DEBIAN_VERSION);
    if (!file)
        return distro;
    const version = file.data.subarray(0, TEXT_CAP).toString('utf8').trim();
    if (!/^\d+(?:\.\d+)?$/.test(version))
        return distro;
    const fields = { ...distro.fields };
    if (!fields['VERSION'])
        fields['VERSION'] = version;
    return { ...distro, versionId: version, fields };
}
const osReleaseCataloger = {
    name: 'os-release',
    wants(file) {
        if (file.path === BUSYBOX)
            return file.size <= BUSYBOX_CAP;
        return (file.size <= TEXT_CAP &&
            (OS_RELEASE.includes(file.path) ||
                file.path === SYSTEM_RELEASE_CPE ||
                file.path === REDHAT_RELEASE ||
                file.path === DEBIAN_VERSION));
    },
    /** The final filesystem's identity files (after whiteouts) → the distro, or undefined. */
    parseDistro(files) {
        const byPath = new Map(files.map(f => [f.path, f]));
        const text = (path) => byPath.get(path)?.data.toString('utf8');
        const candidates = [
            ...OS_RELEASE.map(p => () => {
                const t = text(p);
                return t === undefined ? undefined : fromOsRelease(t);
            }),
            () => {
                const t = text(SYSTEM_RELEASE_CPE);
                return t === undefined ? undefined : fromSystemReleaseCpe(t);
            },
            () => {
                const t = text(REDHAT_RELEASE);
                return t === undefined ? undefined : fromRedhatRelease(t);
            },
            () => {
                const f = byPath.get(BUSYBOX);
                return f ? fromBusybox(f.data) : undefined;
            }
        ];
        for (const candidate of candidates) {
            const distro = candidate();
            if (distro)
                return supplementDebian(distro, byPath);
        }
        return undefined;
    }
};
/** True when the distro is `like` (its ID or one of its ID_LIKE words). */
function distroIsLike(distro, like) {
    if (!distro)
        return false;
    if (distro.id === like)
        return true;
    return (distro.fields['ID_LIKE'] ?? '').split(/\s+/).includes(like);
}

;// CONCATENATED MODULE: ./src/sbom/catalogers/dpkg.ts
// dpkg databases: `status` and distroless `status.d/<pkg>`; md5sums and DEP-5 copyright enrich them.





const DPKG_CATALOGER = 'dpkg-db-cataloger';
const dpkg_DB_CAP = 64 * 1024 * 1024;
const SIDE_CAP = 8 * 1024 * 1024;
/** Files dpkg keeps next to a package's control data in status.d; they describe no package. */
const SIDE_FILE = /\.(md5sums|conffiles|list|preinst|postinst|prerm|postrm|triggers|shlibs|symbols|templates|config)$/;
function isStatusFile(path) {
    return path.endsWith('/lib/dpkg/status') || path.endsWith('/lib/opkg/status');
}
function isStatusDEntry(path) {
    const dir = path.slice(0, path.lastIndexOf('/'));
    return dir.endsWith('/lib/dpkg/status.d') && !SIDE_FILE.test(path);
}
/** Debian-family only: Syft writes no purl for a dpkg package on an unknown or foreign distro. */
function debPurl(name, version, arch, source, sourceVersion, distro) {
    if (!distro || !distroIsLike(distro, 'debian'))
        return '';
    const upstream = source === '' ? undefined : sourceVersion === '' ? source : `${source}@${sourceVersion}`;
    return formatPurl({
        type: 'deb',
        namespace: distro.id,
        name,
        version,
        qualifiers: { arch, upstream, distro: distroQualifier(distro) }
    });
}
function parseDb(file, ctx) {
    const problems = [];
    const stanzas = parseStanzas(file.data.toString('utf8'), problems);
    for (const p of problems)
        ctx.warn(`${file.path}:${p.line} (layer ${file.layer.diffId}): ${p.message}`);
    const packages = [];
    for (const stanza of stanzas) {
        const name = stanza.get('Package') ?? '';
        if (name === '' || (stanza.get('Status') ?? '').includes('deinstall'))
            continue;
        const version = stanza.get('Version') ?? '';
        const arch = stanza.get('Architecture') ?? '';
        // "Source: glibc (2.36-9)" names the source package and its version when they differ.
        const sourceMatch = /^(\S+)(?: \((.*)\))?/.exec(stanza.get('Source') ?? '');
        const source = sourceMatch?.[1] ?? '';
        const sourceVersion = sourceMatch?.[2] ?? '';
        const pkg = {
            name,
            version,
            type: 'deb',
            purl: debPurl(name, version, arch, source, sourceVersion, ctx.distro),
            foundBy: DPKG_CATALOGER,
            locations: [file.path],
            provides: relationNames(stanza.get('Provides')),
            dependsOn: [...relationNames(stanza.get('Depends')), ...relationNames(stanza.get('Pre-Depends'))],
            metadata: { arch, source, sourceVersion }
        };
        const maintainer = stanza.get('Maintainer');
        if (maintainer)
            pkg.publisher = maintainer;
        // The synopsis (first line) and Homepage are the package's own words; Syft keeps them but writes neither.
        const synopsis = (stanza.get('Description') ?? '').split('\n')[0].trim();
        if (synopsis)
            pkg.description = synopsis;
        const homepage = stanza.get('Homepage');
        if (homepage)
            pkg.homepage = homepage;
        const license = stanza.get('License');
        if (license)
            pkg.licenses = [license];
        const conffiles = stanza.get('Conffiles');
        if (conffiles)
            pkg.files = parseConffiles(conffiles);
        packages.push(pkg);
    }
    return packages;
}
function parseConffiles(text) {
    const files = [];
    for (const line of text.split('\n')) {
        const [path, md5] = line.trim().split(' ');
        if (!path)
            continue;
        const entry = { path: path.startsWith('/') ? path : '/' + path };
        if (md5)
            entry.digest = { algorithm: 'md5', value: md5 };
        files.push(entry);
    }
    return files;
}
function parseMd5sums(text) {
    const files = [];
    for (const line of text.split('\n')) {
        const space = line.indexOf(' ');
        if (space < 0)
            continue;
        const path = line.slice(space + 1).trim();
        files.push({
            path: path.startsWith('/') ? path : '/' + path,
            digest: { algorithm: 'md5', value: line.slice(0, space).trim() }
        });
    }
    return files;
}
function mergeFiles(pkg, extra) {
    const byPath = new Map((pkg.files ?? []).map(f => [f.path, f]));
    for (const f of extra)
        if (!byPath.has(f.path))
            byPath.set(f.path, f);
    pkg.files = [...byPath.values()].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
}
function enrich(packages, files, ctx) {
    const byPath = new Map(files.map(f => [f.path, f]));
    for (const pkg of packages) {
        if (pkg.foundBy !== DPKG_CATALOGER)
            continue;
        const db = pkg.locations[0] ?? '';
        const dir = db.slice(0, db.lastIndexOf('/'));
        const infoDir = dir.endsWith('status.d') ? dir : `${dir}/info`;
        const arch = pkg.metadata?.['arch'] ?? '';
        const key = arch !== '' && arch !== 'all' ? `${pkg.name}:${arch}` : pkg.name;
        const md5 = byPath.get(`${infoDir}/${key}.md5sums`) ?? byPath.get(`${infoDir}/${pkg.name}.md5sums`);
        if (md5) {
            mergeFiles(pkg, parseMd5sums(md5.data.toString('utf8')));
            pkg.locations.push(md5.path);
        }
        const root = db.slice(0, db.indexOf('/var/lib/dpkg/') >= 0 ? db.indexOf('/var/lib/dpkg/') : 0);
        const copyright = byPath.get(`${root}/usr/share/doc/${pkg.name}/copyright`);
        if (copyright) {
            try {
                const licenses = parseDebCopyright(copyright.data.toString('utf8'));
                if (licenses.length > 0)
                    pkg.licenses = [...new Set([...(pkg.licenses ?? []), ...licenses])];
                pkg.locations.push(copyright.path);
            }
            catch (cause) {
                ctx.warn(`${copyright.path}: unreadable copyright file (${(0,errors/* errorText */.kc)(cause)})`);
            }
        }
    }
}
const dpkgCataloger = {
    name: DPKG_CATALOGER,
    wants(file) {
        const p = file.path;
        if (isStatusFile(p) || isStatusDEntry(p))
            return file.size <= dpkg_DB_CAP;
        if (p.endsWith('.md5sums') && (p.includes('/lib/dpkg/info/') || p.includes('/lib/dpkg/status.d/')))
            return file.size <= SIDE_CAP;
        return /^\/usr\/share\/doc\/[^/]+\/copyright$/.test(p) && file.size <= SIDE_CAP;
    },
    parse(file, ctx) {
        if (!isStatusFile(file.path) && !isStatusDEntry(file.path))
            return [];
        return parseDb(file, ctx);
    },
    enrich
};

;// CONCATENATED MODULE: ./src/sbom/catalogers/elf.ts
// Minimal, bounds-checked ELF reader: sections by name and virtual address → file bytes through PT_LOAD.

const PT_LOAD = 1;
const PF_X = 1;
const PF_W = 2;
function isElf(data) {
    const head = asBytes(data).read(0, 4);
    return head.length === 4 && head.readUInt32BE(0) === 0x7f454c46 && asBytes(data).size >= 16;
}
/** Header tables are read as needed, so a file on disk is never loaded whole. */
const MAX_TABLE = 16 * 1024 * 1024;
/** Parses the headers; returns undefined (never throws) when they are truncated or inconsistent. */
function parseElf(data) {
    const bytes = asBytes(data);
    if (!isElf(bytes))
        return undefined;
    const head = bytes.read(0, 64);
    const is64 = head[4] === 2;
    const littleEndian = head[5] === 1;
    if ((head[4] !== 1 && head[4] !== 2) || (head[5] !== 1 && head[5] !== 2))
        return undefined;
    const u16 = (b, o) => (littleEndian ? b.readUInt16LE(o) : b.readUInt16BE(o));
    const u32 = (b, o) => (littleEndian ? b.readUInt32LE(o) : b.readUInt32BE(o));
    const u64 = (b, o) => (littleEndian ? b.readBigUInt64LE(o) : b.readBigUInt64BE(o));
    const word = (b, o) => (is64 ? u64(b, o) : BigInt(u32(b, o)));
    const num = (b, o) => {
        const v = word(b, o);
        return v > BigInt(Number.MAX_SAFE_INTEGER) ? -1 : Number(v);
    };
    /** A table of `count` entries of `size` bytes at `offset`: as many whole entries as the file holds. */
    const table = (offset, size, count) => offset > 0 && size > 0 ? bytes.read(offset, Math.min(size * count, MAX_TABLE)) : Buffer.alloc(0);
    try {
        const machine = u16(head, 18);
        const phoff = num(head, is64 ? 32 : 28);
        const shoff = num(head, is64 ? 40 : 32);
        const phentsize = u16(head, is64 ? 54 : 42);
        const phnum = u16(head, is64 ? 56 : 44);
        const shentsize = u16(head, is64 ? 58 : 46);
        const shnum = u16(head, is64 ? 60 : 48);
        const shstrndx = u16(head, is64 ? 62 : 50);
        const segments = [];
        const ph = table(phoff, phentsize, phnum);
        for (let i = 0; i < phnum && phoff > 0; i++) {
            const o = i * phentsize;
            if (o + (is64 ? 56 : 32) > ph.length)
                break;
            segments.push(is64
                ? {
                    type: u32(ph, o),
                    flags: u32(ph, o + 4),
                    offset: num(ph, o + 8),
                    vaddr: u64(ph, o + 16),
                    filesz: num(ph, o + 32),
                    memsz: num(ph, o + 40)
                }
                : {
                    type: u32(ph, o),
                    offset: u32(ph, o + 4),
                    vaddr: BigInt(u32(ph, o + 8)),
                    filesz: u32(ph, o + 16),
                    memsz: u32(ph, o + 20),
                    flags: u32(ph, o + 24)
                });
        }
        const raw = [];
        const sh = table(shoff, shentsize, shnum);
        for (let i = 0; i < shnum && shoff > 0; i++) {
            const o = i * shentsize;
            if (o + (is64 ? 64 : 40) > sh.length)
                break;
            raw.push({
                nameOff: u32(sh, o),
                type: u32(sh, o + 4),
                addr: word(sh, o + (is64 ? 16 : 12)),
                offset: num(sh, o + (is64 ? 24 : 16)),
                size: num(sh, o + (is64 ? 32 : 20))
            });
        }
        const strtab = raw[shstrndx];
        const names = strtab && strtab.offset >= 0 && strtab.offset + strtab.size <= bytes.size
            ? bytes.read(strtab.offset, Math.min(strtab.size, MAX_TABLE))
            : Buffer.alloc(0);
        const sections = raw.map(({ nameOff, ...s }) => {
            const end = names.indexOf(0, nameOff);
            return {
                ...s,
                name: nameOff < names.length ? names.toString('latin1', nameOff, end < 0 ? names.length : end) : ''
            };
        });
        return { bytes, is64, littleEndian, machine, sections, segments };
    }
    catch {
        return undefined;
    }
}
/** A section's bytes, or undefined when it is absent, NOBITS or runs past the end of the file. */
function sectionData(elf, name) {
    const s = elf.sections.find(x => x.name === name);
    if (!s || s.type === 8 || s.offset < 0 || s.size < 0 || s.offset + s.size > elf.bytes.size)
        return undefined;
    return elf.bytes.read(s.offset, s.size);
}
/** Bytes at a virtual address, from the PT_LOAD segment holding it; at most what the file holds. */
function readAddress(elf, addr, length) {
    for (const p of elf.segments) {
        if (p.type !== PT_LOAD || addr < p.vaddr || addr >= p.vaddr + BigInt(p.filesz))
            continue;
        const start = p.offset + Number(addr - p.vaddr);
        const end = Math.min(start + length, p.offset + p.filesz, elf.bytes.size);
        if (start < 0 || start >= end)
            return undefined;
        return elf.bytes.read(start, end - start);
    }
    return undefined;
}

;// CONCATENATED MODULE: ./src/sbom/catalogers/go-buildinfo.ts
// Go build information (what `go version -m` prints), read from ELF, PE or Mach-O bytes.


const MAGIC = Buffer.from('\xff Go buildinf:', 'latin1');
const HEADER = 32;
const ALIGN = 16;
const MAX_STRING = 1 << 20;
/** Go's uvarint; undefined when it runs off the buffer or overflows. */
function uvarint(buf, at) {
    let value = 0;
    let scale = 1;
    for (let i = at; i < buf.length && i < at + 9; i++) {
        const b = buf[i];
        value += (b & 0x7f) * scale;
        if (b < 0x80)
            return [value, i + 1];
        scale *= 128;
    }
    return undefined;
}
const SEARCH_WINDOW = 1 << 20;
/** Offset of the first 16-aligned magic with a whole header after it (debug/buildinfo's search). */
function findHeader(bytes) {
    // Windows overlap by the magic's length, so a magic across a window edge is found in the first one.
    for (let start = 0; start < bytes.size; start += SEARCH_WINDOW) {
        const window = bytes.read(start, SEARCH_WINDOW + MAGIC.length - 1);
        let from = 0;
        for (;;) {
            const i = window.indexOf(MAGIC, from);
            if (i < 0 || i >= SEARCH_WINDOW)
                break;
            const at = start + i;
            if (bytes.size - at < HEADER)
                return undefined;
            if (at % ALIGN === 0)
                return at;
            from = Math.ceil(at / ALIGN) * ALIGN - start;
        }
    }
    return undefined;
}
/** Where the toolchain put the header: .go.buildinfo, else the first writable, non-executable PT_LOAD. */
function elfDataStart(elf) {
    const section = sectionData(elf, '.go.buildinfo');
    if (section)
        return section;
    const seg = elf.segments.find(p => p.type === PT_LOAD && (p.flags & (PF_X | PF_W)) === PF_W);
    return seg ? readAddress(elf, seg.vaddr, Math.min(seg.memsz, 64 * 1024)) : undefined;
}
function readPointerString(elf, header, at) {
    const ptrSize = header[14];
    const big = (header[15] & 1) !== 0;
    const readPtr = (b, o) => {
        if (o + ptrSize > b.length)
            return undefined;
        if (ptrSize === 8)
            return big ? b.readBigUInt64BE(o) : b.readBigUInt64LE(o);
        return BigInt(big ? b.readUInt32BE(o) : b.readUInt32LE(o));
    };
    const addr = readPtr(header, at);
    if (addr === undefined)
        return '';
    const hdr = readAddress(elf, addr, 2 * ptrSize);
    if (!hdr)
        return '';
    const dataAddr = readPtr(hdr, 0);
    const len = readPtr(hdr, ptrSize);
    if (dataAddr === undefined || len === undefined || len > BigInt(MAX_STRING))
        return '';
    const bytes = readAddress(elf, dataAddr, Number(len));
    return bytes && bytes.length === Number(len) ? bytes.toString('utf8') : '';
}
/** Go ≥ 1.18: the version and modinfo follow the header, each a uvarint length and its bytes. */
function inlineStrings(region, at) {
    let pos = at + HEADER;
    const next = () => {
        const v = uvarint(region.read(pos, 10), 0);
        if (!v || pos + v[1] + v[0] > region.size)
            return undefined;
        const text = region.read(pos + v[1], v[0]).toString('utf8');
        pos += v[1] + v[0];
        return text;
    };
    const goVersion = next();
    const modinfo = goVersion === undefined ? undefined : next();
    return modinfo === undefined ? undefined : [goVersion, modinfo];
}
/**
 * The Go version and raw modinfo, or undefined when this is not a Go executable. Reads headers and the
 * build info's own bytes only: a file on disk is never loaded whole.
 */
function readGoBuildInfoRaw(data) {
    const bytes = asBytes(data);
    const elf = isElf(bytes) ? parseElf(bytes) : undefined;
    // PE and Mach-O keep the header 16-aligned within their data section, which is 16-aligned in the file.
    const elfRegion = elf ? elfDataStart(elf) : undefined;
    if (elf && !elfRegion)
        return undefined;
    const region = elfRegion ? bufferBytes(elfRegion) : bytes;
    const at = findHeader(region);
    if (at === undefined)
        return undefined;
    const header = region.read(at, HEADER);
    const ptrSize = header[14];
    const flags = header[15];
    let goVersion;
    let modinfo;
    if ((flags & 2) !== 0) {
        const strings = inlineStrings(region, at);
        if (!strings)
            return undefined;
        [goVersion, modinfo] = strings;
    }
    else {
        if (!elf || (ptrSize !== 4 && ptrSize !== 8))
            return undefined;
        goVersion = readPointerString(elf, header, 16);
        modinfo = readPointerString(elf, header, 16 + ptrSize);
    }
    if (goVersion === '')
        return undefined;
    // modinfo is wrapped in 16-byte sentinels; without them it is unusable.
    modinfo = modinfo.length >= 33 && modinfo[modinfo.length - 17] === '\n' ? modinfo.slice(16, -16) : '';
    return { goVersion, modinfo };
}
/** Go's strconv.Unquote for the quoted build setting keys/values `go` writes. */
function unquote(s) {
    if (!s.startsWith('"'))
        return s;
    try {
        return JSON.parse(s.replace(/\\x([0-9a-fA-F]{2})/g, '\\u00$1').replace(/\\U([0-9a-fA-F]{8})/g, (_m, h) => {
            const cp = parseInt(h, 16);
            return cp <= 0x10ffff ? JSON.stringify(String.fromCodePoint(cp)).slice(1, -1) : '';
        }));
    }
    catch {
        return s;
    }
}
/** debug.ParseBuildInfo: tab-separated `path`, `mod`, `dep`, `=>` and `build` lines. Bad lines are skipped. */
function parseModinfo(goVersion, modinfo) {
    const info = { goVersion, path: '', deps: [], settings: [] };
    let last;
    for (const line of modinfo.split('\n')) {
        const tab = line.indexOf('\t');
        if (tab < 0)
            continue;
        const word = line.slice(0, tab);
        const rest = line.slice(tab + 1);
        const f = rest.split('\t');
        const mod = () => {
            if (f.length < 2 || f[0] === '')
                return undefined;
            const m = { path: f[0], version: f[1] };
            if (f[2])
                m.sum = f[2];
            return m;
        };
        if (word === 'path')
            info.path = rest;
        else if (word === 'mod')
            last = info.main = mod();
        else if (word === 'dep') {
            last = mod();
            if (last)
                info.deps.push(last);
        }
        else if (word === '=>') {
            const r = f.length >= 1 && f[0] !== ''
                ? { path: f[0], version: f[1] ?? '', ...(f[2] ? { sum: f[2] } : {}) }
                : undefined;
            if (last && r)
                last.replace = r;
            last = undefined;
        }
        else if (word === 'build') {
            const eq = rest.startsWith('"') ? rest.indexOf('=', rest.indexOf('"', 1)) : rest.indexOf('=');
            if (eq > 0)
                info.settings.push([unquote(rest.slice(0, eq)), unquote(rest.slice(eq + 1))]);
        }
    }
    return info;
}

;// CONCATENATED MODULE: ./src/sbom/catalogers/go-binary.ts
// Go modules compiled into executables, with the main module version derived as Syft derives it.




const GO_CATALOGER = 'go-module-binary-cataloger';
const DEVEL = '(devel)';
/** Larger executables are rare and would dominate the reader's buffering. */
const BINARY_CAP = 512 * 1024 * 1024;
function isExecutableCandidate(file, cap = BINARY_CAP) {
    return (file.mode & 0o111) !== 0 && file.size >= 64 && file.size <= cap;
}
function golangPurl(modulePath, version) {
    const slash = modulePath.lastIndexOf('/');
    const split = slash > 0 && slash < modulePath.length - 1;
    return formatPurl({
        type: 'golang',
        namespace: split ? modulePath.slice(0, slash) : '',
        name: split ? modulePath.slice(slash + 1) : modulePath,
        version
    });
}
const BUILD_FLAG_PATTERNS = [
    String.raw `\.[a-zA-Z0-9]*([rR]elease)?([gG]it)?([bB]uild)?[vV]er(sion)?=(\S+/)*(?<version>v?\d+.\d+.\d+[-\w]*)`,
    String.raw `\.[a-zA-Z0-9]*([tT]ag)=(\S+/)*(?<version>v?\d+.\d+.\d+[-\w]*)`
];
/** `-X main.version=1.2.3` or `-X <main module>/….version=…` → "v1.2.3" (Syft's from-ld-flags). */
function versionFromLdflags(ldflags, mainModule) {
    if (!ldflags)
        return undefined;
    for (const pattern of BUILD_FLAG_PATTERNS) {
        const re = new RegExp(`(main|${mainModule.replace(/\//g, '\\/')}\\/[^\\s]*)${pattern}`, 'm');
        let m;
        try {
            m = re.exec(ldflags);
        }
        catch {
            return undefined; // a module path that is not a valid pattern (Syft does not escape it either)
        }
        const v = m?.groups?.['version'];
        if (v)
            return v.startsWith('v') ? v : `v${v}`;
    }
    return undefined;
}
/** module.PseudoVersion("", "", vcs.time, vcs.revision[:12]): v0.0.0-yyyymmddhhmmss-rev. */
function pseudoVersion(revision, time) {
    const t = new Date(time);
    const stamp = Number.isNaN(t.getTime())
        ? '00010101000000'
        : t.toISOString().replace(/[-:T]/g, '').slice(0, 14);
    return `v0.0.0-${stamp}-${revision.slice(0, 12)}`;
}
function mainVersion(info, main) {
    if (main.version !== DEVEL)
        return main.version;
    const settings = new Map(info.settings);
    const fromFlags = versionFromLdflags(settings.get('-ldflags') ?? '', main.path);
    if (fromFlags)
        return fromFlags;
    const rev = settings.get('vcs.revision');
    const time = settings.get('vcs.time');
    if (rev !== undefined && time !== undefined)
        return pseudoVersion(rev, time);
    return '';
}
function modulePackage(mod, version, file, meta) {
    let name = mod.path;
    let v = version ?? mod.version;
    if (mod.replace) {
        // A replacement by a local directory keeps the original path; either way the replacement's version counts.
        if (!mod.replace.path.startsWith('.') && !mod.replace.path.startsWith('/'))
            name = mod.replace.path;
        v = mod.replace.version;
    }
    if (v === DEVEL)
        v = '';
    const pkg = {
        name,
        version: v,
        type: 'go-module',
        purl: golangPurl(name, v),
        foundBy: GO_CATALOGER,
        locations: [file.path],
        metadata: { ...meta }
    };
    // go.sum's "h1:<base64>" is a SHA-256 (over the module's file hashes); Syft writes it as the package checksum.
    const sum = (mod.replace ?? mod).sum;
    const h1 = sum?.startsWith('h1:') ? Buffer.from(sum.slice(3), 'base64') : undefined;
    if (h1?.length === 32)
        pkg.digests = [{ algorithm: 'sha256', value: h1.toString('hex') }];
    return pkg;
}
function goPackages(info, file) {
    const deps = [...info.deps];
    let main = info.main;
    if ((!main && info.path) || main?.path === 'command-line-arguments') {
        // Built from files rather than a module: the single (devel) dependency, if any, is the main module.
        const devel = deps.filter(d => d.version === DEVEL);
        if (devel.length === 1) {
            main = devel[0];
            deps.splice(deps.indexOf(devel[0]), 1);
        }
        else
            main = { path: info.path, version: DEVEL };
    }
    const settings = new Map(info.settings);
    const meta = {
        goVersion: info.goVersion.split(' ')[0],
        arch: settings.get('GOARCH') ?? '',
        mainModule: main?.path ?? ''
    };
    const packages = [];
    let mainPkg;
    if (main && main.path !== '') {
        mainPkg = modulePackage(main, mainVersion(info, main), file, meta);
        // Syft ≥ 1.5x names an underivable main module version "UNKNOWN" (the purl keeps no version).
        if (mainPkg.version === '')
            mainPkg.version = 'UNKNOWN';
        packages.push(mainPkg);
    }
    for (const dep of deps) {
        if (main && dep.path === main.path && dep.version === main.version && dep.sum === main.sum)
            continue;
        const p = modulePackage(dep, undefined, file, meta);
        if (p.name !== '')
            packages.push(p);
    }
    // Syft relates every dependency to the main module ("dependency-of").
    if (mainPkg)
        mainPkg.dependsOn = packages.filter(p => p !== mainPkg).map(p => p.name);
    const stdlibVersion = meta.goVersion;
    // Syft derives stdlib from the module packages found; a binary without modules yields nothing.
    if (packages.length > 0 && /^go\d/.test(stdlibVersion)) {
        packages.push({
            name: 'stdlib',
            version: stdlibVersion,
            type: 'go-module',
            purl: formatPurl({ type: 'golang', name: 'stdlib', version: stdlibVersion.replace(/^go/, '') }),
            foundBy: GO_CATALOGER,
            locations: [file.path],
            licenses: ['BSD-3-Clause'],
            cpes: [stdlibCpe(stdlibVersion)],
            metadata: { ...meta }
        });
        if (mainPkg)
            mainPkg.dependsOn.push('stdlib');
    }
    return packages;
}
/** cpe:2.3:a:golang:go:<1.22.1>:-:… or with the rc/beta candidate as the update field. */
function stdlibCpe(goVersion) {
    const v = goVersion.replace(/^go/, '').split('+')[0];
    const m = /^(\d+\.\d+(?:\.\d+)?)(rc\d+|beta\d+|alpha\d+)?/.exec(v);
    return `cpe:2.3:a:golang:go:${m?.[1] ?? v}:${m?.[2] ?? '-'}:*:*:*:*:*:*`;
}
const goBinaryCataloger = {
    name: GO_CATALOGER,
    wants: file => isExecutableCandidate(file),
    parse(file, ctx) {
        let raw;
        try {
            raw = readGoBuildInfoRaw(bytesOf(file));
        }
        catch (cause) {
            ctx.warn(`${file.path} (layer ${file.layer.diffId}): unreadable Go build info (${(0,errors/* errorText */.kc)(cause)})`);
            return [];
        }
        if (!raw)
            return [];
        if (raw.modinfo === '') {
            ctx.warn(`${file.path} (layer ${file.layer.diffId}): Go ${raw.goVersion} binary without module information`);
        }
        return goPackages(parseModinfo(raw.goVersion, raw.modinfo), file);
    }
};

;// CONCATENATED MODULE: ./src/sbom/catalogers/elf-package-note.ts
// systemd's ELF package notes (.note.package, owner "FDO"): JSON naming the package a binary was built for.





const ELF_NOTE_CATALOGER = 'elf-binary-package-cataloger';
const NOTE_TYPE = 0xcafe1a7e;
const elf_package_note_OS_TYPES = { rpm: 'rpm', deb: 'deb', apk: 'apk', alpm: 'alpm' };
/** The note's descriptor bytes: namesz, descsz, type, then name and descriptor each padded to 4 bytes. */
function noteDescriptor(section, little) {
    let at = 0;
    while (at + 12 <= section.length) {
        const u32 = (o) => (little ? section.readUInt32LE(o) : section.readUInt32BE(o));
        const namesz = u32(at);
        const descsz = u32(at + 4);
        const type = u32(at + 8);
        const descAt = at + 12 + Math.ceil(namesz / 4) * 4;
        if (descAt + descsz > section.length)
            return undefined;
        const name = section.toString('latin1', at + 12, at + 12 + namesz).replace(/\0+$/, '');
        if (name === 'FDO' && type === NOTE_TYPE)
            return section.subarray(descAt, descAt + descsz);
        at = descAt + Math.ceil(descsz / 4) * 4;
    }
    return undefined;
}
/** "cpe:/o:fedoraproject:fedora:40" or "cpe:2.3:o:fedoraproject:fedora:40:…" → ["fedora", "40"]. */
function osFromCpe(cpe) {
    const parts = cpe.split(':');
    return cpe.startsWith('cpe:2.3:') ? [parts[4] ?? '', parts[5] ?? ''] : [parts[3] ?? '', parts[4] ?? ''];
}
function elfNotePurl(note) {
    let os = note.os ?? '';
    let osVersion = note.osVersion ?? '';
    const cpe = note.osCpe || note.osCPE || '';
    if (!(os && osVersion) && cpe)
        [os, osVersion] = osFromCpe(cpe);
    const type = elf_package_note_OS_TYPES[note.type ?? ''] ?? 'generic';
    return formatPurl({
        type,
        namespace: type === 'generic' || os === '' ? (note.system ?? '') : os,
        name: note.name ?? '',
        version: note.version ?? '',
        qualifiers: { distro: os ? (osVersion ? `${os}-${osVersion}` : os) : undefined }
    });
}
const elfPackageNoteCataloger = {
    name: ELF_NOTE_CATALOGER,
    wants: (file) => isExecutableCandidate(file) || /\.so(\.|$)/.test(file.path),
    parse(file, ctx) {
        const bytes = bytesOf(file);
        if (!isElf(bytes))
            return [];
        const elf = parseElf(bytes);
        const section = elf ? sectionData(elf, '.note.package') : undefined;
        const desc = section && elf ? noteDescriptor(section, elf.littleEndian) : undefined;
        if (!desc)
            return [];
        let note;
        try {
            note = JSON.parse(desc.toString('utf8').replace(/\0+$/, ''));
        }
        catch (cause) {
            ctx.warn(`${file.path} (layer ${file.layer.diffId}): .note.package is not JSON (${(0,errors/* errorText */.kc)(cause)})`);
            return [];
        }
        if (typeof note.name !== 'string' || !note.name || typeof note.version !== 'string' || !note.version)
            return [];
        const pkg = {
            name: note.name,
            version: note.version,
            type: elf_package_note_OS_TYPES[note.type ?? ''] ?? 'binary',
            purl: elfNotePurl(note),
            foundBy: ELF_NOTE_CATALOGER,
            locations: [file.path],
            metadata: { noteType: note.type ?? '', architecture: note.architecture ?? '' }
        };
        if (typeof note.license === 'string' && note.license)
            pkg.licenses = [note.license];
        return [pkg];
    }
};

;// CONCATENATED MODULE: ./src/sbom/catalogers/gguf.ts
const GGUF_CATALOGER = 'gguf-cataloger';
/** What Syft copies of a model before parsing it (large tokenizer vocabularies); a longer header fails there. */
const HEADER_BYTES = 50 * 1024 * 1024;
const gguf_MAGIC = 0x46554747; // "GGUF"
const MAX_KV = 65536;
/** Bytes of the fixed-size value types, by GGUF type id (8 string and 9 array vary). */
const FIXED = { 0: 1, 1: 1, 2: 2, 3: 2, 4: 4, 5: 4, 6: 4, 7: 1, 10: 8, 11: 8, 12: 8 };
const gguf_MAX_DEPTH = 8;
class Reader {
    b;
    v1;
    pos = 0;
    constructor(b, v1) {
        this.b = b;
        this.v1 = v1;
    }
    need(n) {
        if (n < 0 || this.pos + n > this.b.length)
            throw new Error('GGUF header runs past the bytes read');
    }
    u32() {
        this.need(4);
        const v = this.b.readUInt32LE(this.pos);
        this.pos += 4;
        return v;
    }
    /** Counts and lengths: 32-bit in GGUF v1, 64-bit since. */
    len() {
        if (this.v1)
            return this.u32();
        this.need(8);
        const v = this.b.readBigUInt64LE(this.pos);
        this.pos += 8;
        if (v > BigInt(Number.MAX_SAFE_INTEGER))
            throw new Error('GGUF length out of range');
        return Number(v);
    }
    str() {
        const n = this.len();
        this.need(n);
        const s = this.b.toString('utf8', this.pos, this.pos + n);
        this.pos += n;
        return s;
    }
    skipValue(type, depth = 0) {
        if (depth > gguf_MAX_DEPTH)
            throw new Error('GGUF arrays nested too deeply');
        const fixed = FIXED[type];
        if (fixed !== undefined) {
            this.need(fixed);
            this.pos += fixed;
        }
        else if (type === 8)
            this.str();
        else if (type === 9) {
            const inner = this.u32();
            const count = this.len();
            const innerFixed = FIXED[inner];
            if (innerFixed !== undefined) {
                this.need(count * innerFixed);
                this.pos += count * innerFixed;
            }
            else
                for (let i = 0; i < count; i++)
                    this.skipValue(inner, depth + 1);
        }
        else
            throw new Error(`unknown GGUF value type ${type}`);
    }
}
/** The header's string values; throws when the bytes are not a whole GGUF header. */
function parseGgufHeader(data) {
    if (data.length < 8 || data.readUInt32LE(0) !== gguf_MAGIC)
        throw new Error('not a GGUF file');
    const version = data.readUInt32LE(4);
    const r = new Reader(data, version <= 1);
    r.pos = 8;
    const tensors = r.len();
    const kvs = r.len();
    if (kvs > MAX_KV)
        throw new Error(`${kvs} metadata entries`);
    const strings = new Map();
    for (let i = 0; i < kvs; i++) {
        const key = r.str();
        const type = r.u32();
        if (type === 8)
            strings.set(key, r.str());
        else
            r.skipValue(type);
    }
    // Tensor infos end the header: name, dimensions, type, offset.
    for (let i = 0; i < tensors; i++) {
        r.str();
        const dims = r.u32();
        for (let d = 0; d < dims; d++)
            r.len();
        r.u32();
        r.need(8);
        r.pos += 8;
    }
    return { version, strings };
}
const ggufCataloger = {
    name: GGUF_CATALOGER,
    headerBytes: HEADER_BYTES,
    wants: (file) => file.path.endsWith('.gguf'),
    parse(file, ctx) {
        let header;
        try {
            header = parseGgufHeader(file.data);
        }
        catch (err) {
            ctx.warn(err.message);
            return [];
        }
        const base = file.path.slice(file.path.lastIndexOf('/') + 1);
        const name = header.strings.get('general.name') || base.replace(/\.gguf$/, '');
        if (name === '')
            return [];
        const license = header.strings.get('general.license') ?? '';
        const pkg = {
            name,
            // Syft reports a model without general.version as UNKNOWN.
            version: header.strings.get('general.version') || 'UNKNOWN',
            type: 'model',
            // No purl type exists for model files; Syft writes none.
            purl: '',
            foundBy: GGUF_CATALOGER,
            locations: [file.path],
            metadata: {
                ggufVersion: String(header.version),
                ...(header.strings.get('general.architecture')
                    ? { architecture: header.strings.get('general.architecture') }
                    : {})
            }
        };
        if (license !== '')
            pkg.licenses = [license];
        return [pkg];
    }
};

// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(77598);
;// CONCATENATED MODULE: ./src/sbom/catalogers/java-archive.ts
// Java archive identity the way Syft's java-archive-cataloger derives it: manifest, pom.properties, file name.
/** META-INF/MANIFEST.MF: `Key: value` with one-space continuation lines; blank lines separate sections. */
function parseManifest(text) {
    const sections = [new Map()];
    let key = '';
    for (const raw of text.split('\n')) {
        const line = raw.replace(/\r$/, '');
        if (line === '') {
            if (sections[sections.length - 1].size > 0)
                sections.push(new Map());
            key = '';
            continue;
        }
        const current = sections[sections.length - 1];
        if (line.startsWith(' ') && key !== '') {
            current.set(key, current.get(key) + line.slice(1));
            continue;
        }
        const colon = line.indexOf(':');
        if (colon <= 0)
            continue;
        key = line.slice(0, colon).trim();
        current.set(key, line.slice(colon + 1).trim());
    }
    const [main, ...rest] = sections;
    return { main: main, sections: rest.filter(s => s.size > 0) };
}
/** pom.properties: `key=value` (or `key:value`), `#` comments; undefined without artifactId and version. */
function parsePomProperties(text, path) {
    const map = new Map();
    for (const line of text.split('\n')) {
        if (line.trim() === '' || line.trimStart().startsWith('#'))
            continue;
        const idx = line.search(/[=:]/);
        if (idx < 0)
            return undefined;
        map.set(line.slice(0, idx).trim(), line.slice(idx + 1).trim());
    }
    const artifactId = map.get('artifactId') ?? '';
    const version = map.get('version') ?? '';
    if (!artifactId || !version)
        return undefined;
    return { groupId: map.get('groupId') ?? '', artifactId, version, path };
}
const VERSION_AT = /^(?:\d.*|build\d.*|rc?\d+)$/i;
/** Whether s could be the name part: letter first, [\w.-], each inner '-' followed by a letter. */
function isNamePart(s) {
    if (!/^[a-z][\w.-]*$/i.test(s))
        return false;
    for (let i = 0; i < s.length - 1; i++)
        if (s[i] === '-' && !/[a-z]/i.test(s[i + 1]))
            return false;
    return true;
}
/**
 * `spring-core-6.1.5.jar` → {name: spring-core, version: 6.1.5}: the shortest name after which the rest is
 * `-<version>` (Syft's ungreedy pattern, computed without backtracking), else a version after [._-].
 */
function archiveFilename(path) {
    const base = path.slice(path.lastIndexOf('/') + 1);
    const dot = base.lastIndexOf('.');
    const extension = dot >= 0 ? base.slice(dot + 1) : '';
    const stem = dot >= 0 ? base.slice(0, dot) : base;
    let name = '';
    let version = '';
    for (let i = 1; i <= stem.length; i++) {
        const head = stem.slice(0, i);
        // Once a prefix cannot be a name, no longer prefix can be either.
        if (!isNamePart(head))
            break;
        if (i === stem.length) {
            name = head;
            break;
        }
        if (stem[i] === '-' && VERSION_AT.test(stem.slice(i + 1))) {
            name = head;
            version = stem.slice(i + 1);
            break;
        }
    }
    if (version === '' && name !== '') {
        for (let i = 0; i < name.length; i++) {
            if ('._-'.includes(name[i]) && VERSION_AT.test(name.slice(i + 1))) {
                version = name.slice(i + 1);
                name = name.slice(0, i);
                break;
            }
        }
    }
    return { name, version, extension };
}
function manifestValue(m, key) {
    if (!m)
        return '';
    if (m.main.get(key))
        return m.main.get(key);
    for (const s of m.sections)
        if (s.get(key))
            return s.get(key);
    return '';
}
function selectName(m, fileName) {
    if (m && (m.main.get('Created-By') ?? '').includes('Apache Maven Bundle Plugin')) {
        const symbolic = m.main.get('Bundle-SymbolicName') ?? '';
        if (symbolic && m.main.get('Implementation-Vendor-Id') !== symbolic)
            return symbolic.split('.').pop();
    }
    if (fileName)
        return fileName;
    for (const key of ['Name', 'Bundle-Name', 'Short-Name', 'Extension-Name', 'Implementation-Title']) {
        if (m?.main.get(key))
            return m.main.get(key);
    }
    return '';
}
function selectVersion(m, fileVersion) {
    if (fileVersion)
        return fileVersion;
    for (const key of ['Implementation-Version', 'Specification-Version', 'Plugin-Version', 'Bundle-Version']) {
        const v = manifestValue(m, key);
        if (v)
            return v;
    }
    return '';
}
function selectLicenses(m) {
    return ['Bundle-License', 'Plugin-License-Name'].map(k => manifestValue(m, k)).filter(v => v !== '');
}
const cleanGroupId = (g) => g.split(';')[0].split('#')[0].trim();
const DOMAINS = ['com', 'org', 'net', 'io', 'be'];
const PRIMARY = [
    'Group-Id',
    'Bundle-SymbolicName',
    'Extension-Name',
    'Specification-Vendor',
    'Implementation-Vendor',
    'Implementation-Vendor-Id',
    'Implementation-Title',
    'Bundle-Activator'
];
const SECONDARY = ['Automatic-Module-Name', 'Main-Class', 'Package'];
function manifestGroupIds(m, fields) {
    const ids = [];
    for (const f of fields) {
        for (const section of [m.main, ...m.sections]) {
            const v = section.get(f);
            if (v !== undefined && DOMAINS.some(d => v.startsWith(d)))
                ids.push(cleanGroupId(v));
        }
    }
    return ids.sort();
}
/** Syft's groupIDFromJavaMetadata without its built-in artifact → group table. */
function groupIdFor(props, manifest) {
    if (props?.groupId)
        return cleanGroupId(props.groupId);
    if (props?.artifactId.includes('.'))
        return cleanGroupId(props.artifactId);
    if (manifest)
        return manifestGroupIds(manifest, PRIMARY)[0] ?? manifestGroupIds(manifest, SECONDARY)[0] ?? '';
    return '';
}
/** Every group id Syft's CPE generator considers: pom.properties', else the manifest's (primary, else secondary). */
function cpeGroupIds(props, manifest) {
    const ids = [];
    const tld = (v) => DOMAINS.some(d => v.startsWith(d));
    if (props && tld(props.groupId))
        ids.push(cleanGroupId(props.groupId));
    if (props && tld(props.artifactId) && props.artifactId.includes('.'))
        ids.push(cleanGroupId(props.artifactId));
    if (manifest) {
        const primary = manifestGroupIds(manifest, PRIMARY);
        ids.push(...(primary.length ? primary : manifestGroupIds(manifest, SECONDARY)));
    }
    return ids;
}
/** Organisation names in the manifest (Specification-/Implementation-Vendor) that are not reversed domains. */
function manifestVendorNames(manifest) {
    if (!manifest)
        return [];
    const names = [];
    for (const key of ['Specification-Vendor', 'Implementation-Vendor'])
        for (const section of [manifest.main, ...manifest.sections]) {
            const v = section.get(key);
            if (v !== undefined && !DOMAINS.some(d => v.startsWith(d)))
                names.push(v);
        }
    return names;
}

// EXTERNAL MODULE: external "node:zlib"
var external_node_zlib_ = __webpack_require__(38522);
var external_node_zlib_default = /*#__PURE__*/__webpack_require__.n(external_node_zlib_);
;// CONCATENATED MODULE: ./src/sbom/catalogers/zip.ts
// A small, bounds-checked zip reader for jars: central directory listing and stored/deflated entries.


const EOCD = 0x06054b50;
const ZIP64_LOCATOR = 0x07064b50;
const ZIP64_EOCD = 0x06064b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;
const ZIP64_EXTRA = 0x0001;
/** A 16- or 32-bit field at its maximum means "see the ZIP64 record". */
const U16_MAX = 0xffff;
const U32_MAX = 0xffffffff;
class ZipError extends errors/* CodedError */.AK {
    constructor(message, options) {
        super('ZIP_MALFORMED', message, options);
        this.name = 'ZipError';
    }
}
/** Lists entries from the central directory; throws ZipError when there is none or it is out of bounds. */
function listZip(data) {
    const floor = Math.max(0, data.length - 22 - 0xffff);
    let eocd = -1;
    for (let i = data.length - 22; i >= floor; i--) {
        if (data.readUInt32LE(i) === EOCD) {
            eocd = i;
            break;
        }
    }
    if (eocd < 0)
        throw new ZipError('no end-of-central-directory record');
    let count = data.readUInt16LE(eocd + 10);
    let cdSize = data.readUInt32LE(eocd + 12);
    let cdOffset = data.readUInt32LE(eocd + 16);
    // Archives with a prefix (self-extracting, or a launcher script before the zip) shift every offset.
    let end = eocd;
    if (count === U16_MAX || cdSize === U32_MAX || cdOffset === U32_MAX) {
        const zip64 = zip64End(data, eocd);
        if (zip64)
            ({ count, cdSize, cdOffset, at: end } = zip64);
    }
    const shift = end - cdSize - cdOffset > 0 ? end - cdSize - cdOffset : 0;
    const entries = [];
    let at = cdOffset + shift;
    for (let i = 0; i < count; i++) {
        if (at + 46 > data.length || data.readUInt32LE(at) !== CENTRAL) {
            throw new ZipError(`central directory entry ${i} of ${count} is missing or out of bounds`);
        }
        const nameLen = data.readUInt16LE(at + 28);
        const extraLen = data.readUInt16LE(at + 30);
        const commentLen = data.readUInt16LE(at + 32);
        if (at + 46 + nameLen + extraLen > data.length)
            throw new ZipError(`entry ${i} name runs past the end`);
        const name = data.toString('utf8', at + 46, at + 46 + nameLen);
        const entry = {
            name,
            method: data.readUInt16LE(at + 10),
            compressedSize: data.readUInt32LE(at + 20),
            size: data.readUInt32LE(at + 24),
            localOffset: data.readUInt32LE(at + 42)
        };
        if (entry.size === U32_MAX || entry.compressedSize === U32_MAX || entry.localOffset === U32_MAX) {
            zip64Sizes(entry, data.subarray(at + 46 + nameLen, at + 46 + nameLen + extraLen));
        }
        entry.localOffset += shift;
        entries.push(entry);
        at += 46 + nameLen + extraLen + commentLen;
    }
    return entries;
}
/** The ZIP64 end record that the locator just before the classic one points at, if there is one. */
function zip64End(data, eocd) {
    const locator = eocd - 20;
    if (locator < 0 || data.readUInt32LE(locator) !== ZIP64_LOCATOR)
        return undefined;
    // The record sits right before the locator unless it carries extensible data; then trust its offset.
    let at = locator - 56;
    if (at < 0 || data.readUInt32LE(at) !== ZIP64_EOCD)
        at = big(data, locator + 8, 'ZIP64 end record offset');
    if (at < 0 || at + 56 > data.length || data.readUInt32LE(at) !== ZIP64_EOCD) {
        throw new ZipError('ZIP64 end-of-central-directory record is missing or out of bounds');
    }
    return {
        count: big(data, at + 32, 'ZIP64 entry count'),
        cdSize: big(data, at + 40, 'ZIP64 central directory size'),
        cdOffset: big(data, at + 48, 'ZIP64 central directory offset'),
        at
    };
}
/** Fills the fields a central directory entry left at 0xFFFFFFFF from its ZIP64 extra field, in the spec's order. */
function zip64Sizes(entry, extra) {
    for (let p = 0; p + 4 <= extra.length;) {
        const id = extra.readUInt16LE(p);
        const len = extra.readUInt16LE(p + 2);
        if (p + 4 + len > extra.length)
            break;
        if (id === ZIP64_EXTRA) {
            const field = extra.subarray(p + 4, p + 4 + len);
            let q = 0;
            const next = (what) => {
                if (q + 8 > field.length)
                    throw new ZipError(`${entry.name}: ZIP64 extra field has no ${what}`);
                const v = big(field, q, `${entry.name} ${what}`);
                q += 8;
                return v;
            };
            if (entry.size === U32_MAX)
                entry.size = next('size');
            if (entry.compressedSize === U32_MAX)
                entry.compressedSize = next('compressed size');
            if (entry.localOffset === U32_MAX)
                entry.localOffset = next('local header offset');
            return;
        }
        p += 4 + len;
    }
    throw new ZipError(`${entry.name}: sizes point to a ZIP64 extra field that is not there`);
}
/** A 64-bit little-endian field as a number; beyond 2^53 no archive we can hold in memory is meant. */
function big(data, at, what) {
    if (at < 0 || at + 8 > data.length)
        throw new ZipError(`${what} is out of bounds`);
    const v = data.readBigUInt64LE(at);
    if (v > BigInt(Number.MAX_SAFE_INTEGER))
        throw new ZipError(`${what} ${v} is out of range`);
    return Number(v);
}
/** An entry's bytes, inflated with a cap on the output so a zip bomb cannot exhaust memory. */
function readZipEntry(data, entry, maxBytes) {
    const at = entry.localOffset;
    if (at < 0 || at + 30 > data.length || data.readUInt32LE(at) !== LOCAL) {
        throw new ZipError(`local header of ${entry.name} is missing or out of bounds`);
    }
    const start = at + 30 + data.readUInt16LE(at + 26) + data.readUInt16LE(at + 28);
    const end = start + entry.compressedSize;
    if (end > data.length)
        throw new ZipError(`${entry.name} runs past the end of the archive`);
    if (entry.size > maxBytes)
        throw new ZipError(`${entry.name} expands to ${entry.size} bytes, over the ${maxBytes}-byte cap`);
    const raw = data.subarray(start, end);
    if (entry.method === 0)
        return raw;
    if (entry.method !== 8)
        throw new ZipError(`${entry.name} uses unsupported compression method ${entry.method}`);
    try {
        return (0,external_node_zlib_.inflateRawSync)(raw, { maxOutputLength: maxBytes });
    }
    catch (cause) {
        throw new ZipError(`${entry.name} does not inflate: ${(0,errors/* errorText */.kc)(cause)}`);
    }
}

;// CONCATENATED MODULE: ./src/sbom/catalogers/java.ts
// Java archives (jar, war, ear…) and the archives nested in them (Spring Boot BOOT-INF/lib, WEB-INF/lib).






const JAVA_CATALOGER = 'java-archive-cataloger';
const ARCHIVE = /\.(jar|war|ear|par|sar|nar|jpi|hpi|kar|far|lpkg|rar|zap)$/i;
const ARCHIVE_CAP = 512 * 1024 * 1024;
const MEMBER_CAP = 16 * 1024 * 1024;
const NESTED_CAP = 256 * 1024 * 1024;
/** Bytes all nested reads of one top-level archive may expand to: bounds time spent on zip bombs. */
const EXPANSION_BUDGET = 2 * 1024 * 1024 * 1024;
/** Nesting deeper than a fat jar inside an ear inside a war is not seen in practice; bounds zip quines. */
const java_MAX_DEPTH = 4;
function finalize(p) {
    const group = groupIdFor(p.props, p.manifest) || p.name;
    const purl = formatPurl({ type: 'maven', namespace: group, name: p.name, version: p.version });
    const type = /io\.jenkins\.plugins|org\.jenkins-ci\.plugins/.test(purl) ? 'jenkins-plugin' : p.type;
    const { props: _p, manifest: _m, ...rest } = p;
    // Syft generates CPEs before stubbing the version, from group ids only the archive's own files give.
    const artifactId = p.props?.artifactId.trim() ?? '';
    const cpes = generateCpes({ ...rest, purl, type }, {
        groupIds: cpeGroupIds(p.props, p.manifest),
        artifactId: artifactId.includes('.') ? '' : artifactId,
        vendorNames: manifestVendorNames(p.manifest)
    });
    // Syft ≥ 1.5x reports an undeterminable version as "UNKNOWN"; the purl carries none.
    return { ...rest, version: p.version || 'UNKNOWN', purl, type, ...(cpes.length ? { cpes } : {}) };
}
function parseArchive(data, realPath, virtualPath, depth, ctx, budget) {
    let entries;
    try {
        entries = listZip(data);
    }
    catch (cause) {
        ctx.warn(`${virtualPath}: not a readable zip archive (${(0,errors/* errorText */.kc)(cause)})`);
        return [];
    }
    const read = (e, cap) => {
        if (budget.left <= 0) {
            if (!budget.warned)
                ctx.warn(`${virtualPath}: expanded more than ${EXPANSION_BUDGET} bytes; rest skipped`);
            budget.warned = true;
            return undefined;
        }
        try {
            const bytes = readZipEntry(data, e, Math.min(cap, budget.left));
            budget.left -= bytes.length;
            return bytes;
        }
        catch (cause) {
            ctx.warn(`${virtualPath}: ${(0,errors/* errorText */.kc)(cause)}`);
            return undefined;
        }
    };
    const file = archiveFilename(virtualPath.slice(virtualPath.lastIndexOf(':') + 1));
    const manifests = entries.filter(e => e.name === 'META-INF/MANIFEST.MF');
    const manifestBytes = manifests.length === 1 ? read(manifests[0], MEMBER_CAP) : undefined;
    const manifest = manifestBytes ? parseManifest(manifestBytes.toString('utf8')) : undefined;
    const props = entries
        .filter(e => /(^|\/)pom\.properties$/.test(e.name))
        .sort((a, b) => (a.name < b.name ? -1 : 1))
        .map(e => {
        const bytes = read(e, MEMBER_CAP);
        return bytes ? parsePomProperties(bytes.toString('utf8'), e.name) : undefined;
    })
        .filter((p) => p !== undefined);
    const packages = [];
    let main;
    let mainOut;
    if (manifest && !manifest.main.has('Weave-Classes')) {
        // Main identity: the pom.properties whose artifactId fits the file name, else manifest and file name.
        const artifacts = new Set(props.map(p => p.artifactId));
        const fits = (id) => id !== '' &&
            file.name !== '' &&
            (artifacts.has(file.name) ? id === file.name : id.startsWith(file.name) || file.name.endsWith(id));
        const best = props.find(p => fits(p.artifactId));
        main = {
            name: best?.artifactId || selectName(manifest, file.name),
            version: best?.version || selectVersion(manifest, file.version),
            type: /^(jpi|hpi)$/i.test(file.extension) ? 'jenkins-plugin' : 'java-archive',
            purl: '',
            foundBy: JAVA_CATALOGER,
            locations: [realPath],
            metadata: { virtualPath },
            manifest
        };
        const licenses = selectLicenses(manifest);
        if (licenses.length > 0)
            main.licenses = licenses;
        const aux = [];
        for (const p of props) {
            const parentGroup = groupIdFor(main.props, main.manifest);
            // A pom.properties describing the archive itself completes the main package instead of adding one.
            const same = `${cleanGroup(p.groupId)}|${p.artifactId}|${p.version}` ===
                `${parentGroup}|${main.name}|${main.version}` || main.name === p.artifactId;
            if (same) {
                main.name = p.artifactId;
                main.version = p.version;
                main.props ??= p;
                continue;
            }
            aux.push({
                name: p.artifactId,
                version: p.version,
                type: 'java-archive',
                purl: '',
                foundBy: JAVA_CATALOGER,
                locations: [realPath],
                metadata: { virtualPath: `${virtualPath}:${p.groupId}:${p.artifactId}` },
                props: p
            });
        }
        if (main.name !== '') {
            main.dependsOn = aux.map(a => a.name);
            // Syft digests the archive that is the main package (already in memory), never pom.properties ones.
            main.digests = [{ algorithm: 'sha1', value: (0,external_node_crypto_.createHash)('sha1').update(data).digest('hex') }];
            const vendor = manifest.main.get('Specification-Vendor') || manifest.main.get('Implementation-Vendor');
            if (vendor)
                main.vendor = vendor;
            mainOut = finalize(main);
            packages.push(mainOut);
        }
        packages.push(...aux.map(finalize));
    }
    if (depth >= java_MAX_DEPTH)
        return packages;
    for (const nested of entries.filter(e => ARCHIVE.test(e.name)).sort((a, b) => (a.name < b.name ? -1 : 1))) {
        const bytes = read(nested, NESTED_CAP);
        if (!bytes)
            continue;
        const inner = parseArchive(bytes, realPath, `${virtualPath}:${nested.name}`, depth + 1, ctx, budget);
        // Syft relates a nested archive's package to the archive that holds it.
        if (mainOut && inner[0])
            mainOut.dependsOn.push(inner[0].name);
        packages.push(...inner);
    }
    return packages;
}
function cleanGroup(g) {
    return g.split(';')[0].split('#')[0].trim();
}
const javaArchiveCataloger = {
    name: JAVA_CATALOGER,
    wants: (f) => ARCHIVE.test(f.path) && f.size <= ARCHIVE_CAP,
    parse(file, ctx) {
        // Java purls do not depend on the distro: reading ctx.distro (even by spreading ctx) would make the
        // reader keep every archive for a second parse.
        return parseArchive(file.data, file.path, file.path, 0, { warn: m => ctx.warn(`${m} (layer ${file.layer.diffId})`) }, { left: EXPANSION_BUDGET, warned: false });
    }
};

;// CONCATENATED MODULE: ./src/sbom/catalogers/homebrew.ts
// Homebrew: an installed formula keeps a copy of its Ruby recipe at Cellar/<name>/<version>/.brew/<name>.rb;
// taps keep theirs at Library/Taps/<org>/<tap>/Formula/<name>.rb.

const HOMEBREW_CATALOGER = 'homebrew-cataloger';
const homebrew_CAP = 4 * 1024 * 1024;
function isFormula(path) {
    const parts = path.split('/');
    if (!path.endsWith('.rb') || parts.length < 5)
        return false;
    if (parts.at(-2) === '.brew' && parts.at(-5) === 'Cellar')
        return true;
    return parts.at(-2) === 'Formula' && parts.at(-5) === 'Taps' && parts.at(-6) === 'Library';
}
/** Between the first and the last double quote of the line, as Syft reads `desc "…"` and `license "…"`. */
function quoted(line) {
    const start = line.indexOf('"');
    const end = line.lastIndexOf('"');
    return start >= 0 && end > start ? line.slice(start + 1, end) : '';
}
/** The formula's own `name`/`version`, else Cellar/<name>/<version>/.brew (or the file name for a tap). */
function parseFormula(text, path) {
    let fields = {};
    for (const raw of text.split('\n')) {
        const line = raw.trim();
        // Only the class body describes the formula.
        if (line.includes('class ') && line.includes(' < Formula')) {
            fields = {};
            continue;
        }
        for (const key of ['license', 'name', 'version'])
            if (line.startsWith(key + ' ') || line.startsWith(key + '\t'))
                fields[key] = quoted(line);
    }
    const license = fields['license'] ?? '';
    if (fields['name'] && fields['version'])
        return { name: fields['name'], version: fields['version'], license };
    const parts = path.split('/');
    const brew = parts.lastIndexOf('.brew');
    if (brew >= 2)
        return { name: parts[brew - 2], version: parts[brew - 1], license };
    return { name: parts.at(-1).replace(/\.rb$/, ''), version: '', license };
}
const homebrewCataloger = {
    name: HOMEBREW_CATALOGER,
    wants: (file) => file.size <= homebrew_CAP && isFormula(file.path),
    parse(file, _ctx) {
        const { name, version, license } = parseFormula(file.data.toString('utf8'), file.path);
        const pkg = {
            name,
            version: version || 'UNKNOWN',
            type: 'homebrew',
            purl: formatPurl({ type: 'brew', name, version }),
            foundBy: HOMEBREW_CATALOGER,
            locations: [file.path]
        };
        if (license !== '')
            pkg.licenses = [license];
        return [pkg];
    }
};

;// CONCATENATED MODULE: ./src/sbom/catalogers/jvm.ts
// JDK/JRE installations: the `release` file every OpenJDK-derived runtime ships at its root (KEY="value" lines),
// reported the way Syft's java-jvm-cataloger does (a binary package, pkg:generic/<vendor>/<product>).

const JVM_CATALOGER = 'java-jvm-cataloger';
const jvm_CAP = 500 * 1024;
/** `KEY="value"` lines; quotes trimmed; lines without `=` skipped. */
function parseJvmRelease(text) {
    const fields = new Map();
    for (const line of text.slice(0, jvm_CAP).split('\n')) {
        const eq = line.indexOf('=');
        if (eq < 0)
            continue;
        fields.set(line.slice(0, eq), line.slice(eq + 1).replace(/^"+|"+$/g, ''));
    }
    return fields;
}
/** JAVA_RUNTIME_VERSION, else FULL_VERSION when its major agrees with JAVA_VERSION's, else JAVA_VERSION. */
function jvmVersion(f) {
    const runtime = f.get('JAVA_RUNTIME_VERSION') ?? '';
    if (runtime !== '')
        return runtime;
    const full = f.get('FULL_VERSION') ?? '';
    const java = f.get('JAVA_VERSION') ?? '';
    if (full !== '' && full.split('.')[0] === java.split('.')[0])
        return full;
    return java;
}
const isJdkImage = (f) => !(f.get('IMAGE_TYPE') ?? '').toLowerCase().includes('jre');
/** Syft's vendor/product from the implementor and the install path (`zulu`, `/ibm`, `oracle` in it). */
function jvmVendorProduct(f, path, hasJdk) {
    const implementor = (f.get('IMPLEMENTOR') ?? '').toLowerCase().replaceAll(' ', '');
    const product = hasJdk || isJdkImage(f) ? 'jdk' : 'jre';
    if (implementor.includes('azul') || path.includes('zulu'))
        return ['azul', 'zulu'];
    if (implementor.includes('sun'))
        return ['sun', product];
    if (implementor.includes('ibm') || path.includes('/ibm'))
        return ['ibm', hasJdk ? 'java_sdk' : 'java'];
    if (implementor.includes('oracle') ||
        path.includes('oracle') ||
        (f.get('BUILD_TYPE') ?? '').includes('commercial'))
        return ['oracle', product];
    return ['oracle', 'openjdk'];
}
function jvmPackage(f, path, hasJdk) {
    const version = jvmVersion(f);
    const [vendor, product] = jvmVendorProduct(f, path, hasJdk);
    const repository = f.get('SOURCE_REPO') || f.get('BUILD_SOURCE_REPO') || undefined;
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
        metadata: { vendor, ...(f.get('IMPLEMENTOR') ? { implementor: f.get('IMPLEMENTOR') } : {}) }
    };
}
const jvm_dirOf = (path) => path.slice(0, path.lastIndexOf('/'));
/** The release fields behind each reported package, for the javac pass (release files are not kept for it). */
const releaseFields = new WeakMap();
const jvmCataloger = {
    name: JVM_CATALOGER,
    // Every file named `release` (also inside unpacked JDK archives); `bin/javac` tells a JDK from a JRE.
    wants: (file) => (file.path.endsWith('/release') && file.size <= 4 * jvm_CAP) ||
        (file.path.endsWith('/bin/javac') && file.size <= 1024 * 1024),
    parse(file, _ctx) {
        if (!file.path.endsWith('/release'))
            return [];
        const fields = parseJvmRelease(file.data.toString('utf8'));
        // Only a runtime's release file names a Java version.
        if (!fields.has('JAVA_VERSION') && !fields.has('JAVA_RUNTIME_VERSION'))
            return [];
        const pkg = jvmPackage(fields, file.path, false);
        releaseFields.set(pkg, fields);
        return [pkg];
    },
    keepForEnrich: (file) => file.path.endsWith('/bin/javac'),
    enrich(packages, files) {
        const javacs = files.filter(f => f.path.endsWith('/bin/javac')).map(f => f.path);
        packages.forEach((p, i) => {
            const fields = releaseFields.get(p);
            const home = jvm_dirOf(p.locations[0]);
            if (fields && javacs.some(j => j.startsWith(home + '/')))
                packages[i] = jvmPackage(fields, p.locations[0], true);
        });
    }
};

;// CONCATENATED MODULE: ./src/sbom/catalogers/kernel.ts
// The Linux kernel (x86 boot images: vmlinuz, bzImage) and its modules (`.modinfo` of lib/modules/**/*.ko*).



const KERNEL_CATALOGER = 'linux-kernel-cataloger';
const KERNEL_NAME = 'linux-kernel';
/** Boot images are 5–30 MB; the header fields read sit in the first 64 KiB but the reader buffers whole files. */
const IMAGE_CAP = 128 * 1024 * 1024;
const MODULE_CAP = 64 * 1024 * 1024;
/** Syft's limit for a decompressed module. */
const MODULE_DECOMPRESSED_CAP = 256 * 1024 * 1024;
const IMAGE_NAMES = /^(kernel|vmlinux|vmlinuz|bzImage|zImage)(-.*)?$/;
const MODULE_SUFFIXES = ['.ko', '.ko.gz', '.ko.xz', '.ko.zst'];
function isKernelImage(path) {
    return IMAGE_NAMES.test(path.slice(path.lastIndexOf('/') + 1));
}
/** `**\/lib/modules/**\/*.ko[.gz|.xz|.zst]`. */
function isModule(path) {
    return path.includes('/lib/modules/') && MODULE_SUFFIXES.some(s => path.endsWith(s));
}
/**
 * The x86 boot protocol header: "HdrS" at 0x202, boot flag 0xAA55 at 0x1FE, protocol version (> 0x1FF) at
 * 0x206 and, at 0x20E, the offset (minus 0x200) of a NUL-terminated "6.1.0-57-cloud-amd64 (…) #1 SMP …".
 */
function kernelImageVersion(data) {
    if (data.length < 0x212 || data.toString('latin1', 0x202, 0x206) !== 'HdrS')
        return undefined;
    if (data.readUInt16LE(0x1fe) !== 0xaa55 || data.readUInt16LE(0x206) <= 0x1ff)
        return undefined;
    const pointer = data.readUInt16LE(0x20e);
    if (pointer === 0)
        return undefined;
    const start = pointer + 0x200;
    if (start >= data.length || data[start] === 0)
        return undefined;
    const end = data.indexOf(0, start);
    const text = data.toString('latin1', start, end < 0 ? data.length : end);
    return text.trim().split(/\s+/)[0] || undefined;
}
/** `.modinfo` holds NUL-separated `key=value` strings. */
function kernel_parseModinfo(section) {
    const fields = new Map();
    for (const entry of section.toString('utf8').split('\0')) {
        if (entry === '')
            continue;
        const eq = entry.indexOf('=');
        const key = eq < 0 ? entry : entry.slice(0, eq);
        // parm/parmtype repeat per parameter; the fields read here appear once (the last one wins, as in Syft).
        fields.set(key, eq < 0 ? '' : entry.slice(eq + 1));
    }
    return fields;
}
function decompressModule(file, ctx) {
    const where = `${file.path} (layer ${file.layer.diffId})`;
    try {
        if (file.path.endsWith('.ko.gz'))
            return (0,external_node_zlib_.gunzipSync)(file.data, { maxOutputLength: MODULE_DECOMPRESSED_CAP });
        if (file.path.endsWith('.ko.zst'))
            return (0,external_node_zlib_.zstdDecompressSync)(file.data, { maxOutputLength: MODULE_DECOMPRESSED_CAP });
        if (file.path.endsWith('.ko.xz')) {
            // Node has no xz decoder and the project takes no dependency for one.
            ctx.warn(`${where}: xz-compressed kernel module not read`);
            return undefined;
        }
    }
    catch (cause) {
        ctx.warn(`${where}: kernel module does not decompress (${cause.message})`);
        return undefined;
    }
    return file.data;
}
function kernelPackage(file) {
    const version = kernelImageVersion(file.data);
    if (!version)
        return [];
    return [
        {
            name: KERNEL_NAME,
            version,
            type: 'linux-kernel',
            purl: formatPurl({ type: 'generic', name: KERNEL_NAME, version }),
            foundBy: KERNEL_CATALOGER,
            locations: [file.path],
            // Syft takes this CPE from the NVD dictionary rather than generating candidates.
            cpes: [`cpe:2.3:o:linux:linux_kernel:${version}:*:*:*:*:*:*:*`],
            // Modules name the kernel they were built for; they relate to a kernel of exactly that version.
            provides: [`${KERNEL_NAME}@${version}`]
        }
    ];
}
function kernel_modulePackage(file, ctx) {
    const data = decompressModule(file, ctx);
    const elf = data ? parseElf(data) : undefined;
    const section = elf ? sectionData(elf, '.modinfo') : undefined;
    if (!section)
        return [];
    const info = kernel_parseModinfo(section);
    const kernelVersion = (info.get('vermagic') ?? '').trim().split(/\s+/)[0] ?? '';
    const name = info.get('name') ?? '';
    if (kernelVersion === '' || name === '')
        return [];
    const version = info.get('version') ?? '';
    // A namespaced name ("a/b") becomes the purl namespace, as Syft writes generic purls.
    const slash = name.indexOf('/');
    const pkg = {
        name,
        version: version || 'UNKNOWN',
        type: 'linux-kernel-module',
        purl: formatPurl({
            type: 'generic',
            namespace: slash > 0 ? name.slice(0, slash) : '',
            name: slash > 0 ? name.slice(slash + 1) : name,
            version
        }),
        foundBy: KERNEL_CATALOGER,
        locations: [file.path],
        dependsOn: [`${KERNEL_NAME}@${kernelVersion}`],
        metadata: { kernelVersion }
    };
    const license = info.get('license');
    if (license)
        pkg.licenses = [license];
    return [pkg];
}
const linuxKernelCataloger = {
    name: KERNEL_CATALOGER,
    wants: (file) => (isModule(file.path) && file.size <= MODULE_CAP) || (isKernelImage(file.path) && file.size <= IMAGE_CAP),
    parse(file, ctx) {
        return isModule(file.path) ? kernel_modulePackage(file, ctx) : kernelPackage(file);
    }
};

;// CONCATENATED MODULE: ./src/sbom/catalogers/lua-table.ts
// A reader for the Lua subset rockspecs are written in: `[local] name = value` statements whose values are
// strings, numbers, booleans, names of earlier locals, `..` concatenations of those, and tables of them.

const lua_table_MAX_DEPTH = 64;
class LuaSyntaxError extends errors/* CodedError */.AK {
    constructor(message) {
        super('LUA_SYNTAX', message);
        this.name = 'LuaSyntaxError';
    }
}
class lua_table_Reader {
    s;
    i = 0;
    constructor(s) {
        this.s = s;
    }
    fail(what) {
        throw new LuaSyntaxError(`${what} at offset ${this.i}`);
    }
    /** Skips whitespace and `--` comments (line comments and `--[[ … ]]` / `--[==[ … ]==]` block comments). */
    skip() {
        for (;;) {
            while (this.i < this.s.length && /\s/.test(this.s[this.i]))
                this.i++;
            if (!this.s.startsWith('--', this.i))
                return;
            this.i += 2;
            const level = this.longBracketLevel();
            if (level >= 0) {
                this.longString(level);
                continue;
            }
            const nl = this.s.indexOf('\n', this.i);
            this.i = nl < 0 ? this.s.length : nl + 1;
        }
    }
    peek() {
        this.skip();
        return this.s[this.i] ?? '';
    }
    eat(token) {
        this.skip();
        if (!this.s.startsWith(token, this.i))
            return false;
        this.i += token.length;
        return true;
    }
    name() {
        this.skip();
        const m = /^[A-Za-z_][A-Za-z0-9_]*/.exec(this.s.slice(this.i, this.i + 256));
        if (!m)
            return undefined;
        this.i += m[0].length;
        return m[0];
    }
    /** `[[` → 0, `[==[` → 2; -1 when no long bracket opens here. */
    longBracketLevel() {
        const m = /^\[(=*)\[/.exec(this.s.slice(this.i, this.i + 64));
        return m ? m[1].length : -1;
    }
    longString(level) {
        this.i += level + 2;
        const close = ']' + '='.repeat(level) + ']';
        const end = this.s.indexOf(close, this.i);
        if (end < 0)
            this.fail('unterminated long string');
        // Lua drops a newline right after the opening bracket.
        const text = this.s.slice(this.i, end).replace(/^\r?\n/, '');
        this.i = end + close.length;
        return text;
    }
    quoted() {
        const quote = this.s[this.i++];
        let out = '';
        while (this.i < this.s.length) {
            const c = this.s[this.i++];
            if (c === quote)
                return out;
            if (c === '\n')
                break;
            if (c !== '\\') {
                out += c;
                continue;
            }
            const e = this.s[this.i++] ?? '';
            const simple = {
                n: '\n',
                t: '\t',
                r: '\r',
                '\\': '\\',
                '"': '"',
                "'": "'",
                '\n': '\n'
            };
            if (e in simple)
                out += simple[e];
            else if (/[0-9]/.test(e)) {
                const digits = /^[0-9]{1,3}/.exec(this.s.slice(this.i - 1))[0];
                out += String.fromCharCode(Number(digits));
                this.i += digits.length - 1;
            }
            else
                out += e;
        }
        return this.fail('unterminated string');
    }
}
/** Every top-level assignment of a rockspec, locals resolved; throws LuaSyntaxError on what it cannot read. */
function parseLuaAssignments(text) {
    const r = new lua_table_Reader(text);
    const globals = new Map();
    const locals = new Map();
    while (r.peek() !== '') {
        let name = r.name() ?? r.fail('expected a name');
        const isLocal = name === 'local';
        if (isLocal)
            name = r.name() ?? r.fail('expected a local name');
        if (!r.eat('='))
            r.fail(`expected = after ${name}`);
        // Build instructions may hold any Lua and say nothing about the package's identity.
        if (name === 'build' && !isLocal && r.peek() === '{') {
            skipTable(r);
            r.eat(';');
            continue;
        }
        const value = expression(r, locals, 0);
        (isLocal ? locals : globals).set(name, value);
        r.eat(';');
    }
    return globals;
}
function expression(r, locals, depth) {
    let value = term(r, locals, depth);
    while (r.eat('..')) {
        const next = term(r, locals, depth);
        if (typeof value !== 'string' || typeof next !== 'string')
            r.fail('concatenation of a table');
        value += next;
    }
    return value;
}
function term(r, locals, depth) {
    const c = r.peek();
    if (c === '"' || c === "'")
        return r.quoted();
    if (c === '{')
        return table(r, locals, depth + 1);
    if (c === '[') {
        const level = r.longBracketLevel();
        if (level >= 0)
            return r.longString(level);
    }
    const number = /^-?(0x[0-9a-fA-F]+|[0-9]+(\.[0-9]*)?([eE][-+]?[0-9]+)?)/.exec(lua_table_text(r));
    if (number) {
        r.i += number[0].length;
        return number[0];
    }
    const name = r.name() ?? r.fail('expected a value');
    if (name === 'true' || name === 'false' || name === 'nil')
        return name;
    const value = locals.get(name);
    if (value === undefined)
        r.fail(`unknown name ${name}`);
    return value;
}
function lua_table_text(r) {
    return r.s.slice(r.i, r.i + 64);
}
/** Passes over a balanced `{ … }` without evaluating it (strings and comments may hold braces). */
function skipTable(r) {
    let open = 0;
    do {
        const c = r.peek();
        if (c === '')
            r.fail('unterminated table');
        if (c === '"' || c === "'")
            r.quoted();
        else if (c === '[' && r.longBracketLevel() >= 0)
            r.longString(r.longBracketLevel());
        else {
            if (c === '{')
                open++;
            if (c === '}')
                open--;
            r.i++;
        }
    } while (open > 0);
}
function table(r, locals, depth) {
    if (depth > lua_table_MAX_DEPTH)
        r.fail('tables nested too deep');
    r.eat('{');
    const t = { fields: new Map(), items: [] };
    while (!r.eat('}')) {
        if (r.peek() === '')
            r.fail('unterminated table');
        if (r.peek() === '[' && r.longBracketLevel() < 0) {
            // `["key"] = value`
            r.eat('[');
            const key = expression(r, locals, depth);
            if (!r.eat(']') || !r.eat('='))
                r.fail('expected ] =');
            if (typeof key !== 'string')
                r.fail('table key');
            t.fields.set(key, expression(r, locals, depth));
        }
        else {
            const start = r.i;
            const name = /^[A-Za-z_]/.test(r.peek()) ? r.name() : undefined;
            if (name !== undefined && r.eat('=')) {
                t.fields.set(name, expression(r, locals, depth));
            }
            else {
                r.i = start;
                t.items.push(expression(r, locals, depth));
            }
        }
        if (!r.eat(','))
            r.eat(';');
    }
    return t;
}

;// CONCATENATED MODULE: ./src/sbom/catalogers/lua.ts
// LuaRocks: every installed rock keeps its rockspec (lib/luarocks/rocks-<lua>/<name>/<version>/<name>-<version>.rockspec).


const LUA_CATALOGER = 'lua-rock-cataloger';
const lua_CAP = 1024 * 1024;
const str = (v) => (typeof v === 'string' ? v : '');
const luaRockCataloger = {
    name: LUA_CATALOGER,
    wants: (file) => file.size <= lua_CAP && file.path.endsWith('.rockspec'),
    parse(file, ctx) {
        let spec;
        try {
            spec = parseLuaAssignments(file.data.toString('utf8'));
        }
        catch (err) {
            if (!(err instanceof LuaSyntaxError))
                throw err;
            ctx.warn(`${file.path}: unreadable rockspec: ${err.message}`);
            return [];
        }
        const name = str(spec.get('package'));
        // A rockspec template or a fragment without a package name describes nothing installed.
        if (name === '')
            return [];
        const version = str(spec.get('version'));
        const pkg = {
            name,
            version,
            type: 'lua-rocks',
            purl: formatPurl({ type: 'luarocks', name, version }),
            foundBy: LUA_CATALOGER,
            locations: [file.path]
        };
        const description = spec.get('description');
        // Syft keeps the declared license with spaces turned into '-' ("MIT/X11 license" → "MIT/X11-license").
        const license = typeof description === 'object' ? str(description.fields.get('license')).replaceAll(' ', '-') : '';
        if (license !== '')
            pkg.licenses = [license];
        return [pkg];
    }
};

;// CONCATENATED MODULE: ./src/sbom/catalogers/nix-derivation.ts
// Nix store derivations (`.drv`): the ATerm text `Derive([outputs],[input drvs],[input srcs],platform,builder,
// [args],[env])` Nix writes for every build; only the parts that relate outputs to their inputs are kept.
const ESCAPES = { n: '\n', r: '\r', t: '\t' };
/** Reads one ATerm value: a string, a list `[…]`, a tuple `(…)` or a constructor `Name(…)` (both as lists). */
function reader(text) {
    let i = 0;
    const expect = (ch) => {
        if (text[i] !== ch)
            throw new Error(`expected "${ch}" at ${i}`);
        i++;
    };
    const value = () => {
        const ch = text[i];
        if (ch === '"') {
            i++;
            let out = '';
            for (;;) {
                const c = text[i++];
                if (c === undefined)
                    throw new Error('unterminated string');
                if (c === '"')
                    return out;
                if (c === '\\') {
                    const e = text[i++] ?? '';
                    out += ESCAPES[e] ?? e;
                }
                else
                    out += c;
            }
        }
        if (ch === '[' || ch === '(') {
            const close = ch === '[' ? ']' : ')';
            i++;
            const items = [];
            while (text[i] !== close) {
                if (items.length > 0)
                    expect(',');
                items.push(value());
            }
            i++;
            return items;
        }
        const name = /^[A-Za-z]+/.exec(text.slice(i, i + 32));
        if (!name)
            throw new Error(`unexpected "${ch ?? 'end'}" at ${i}`);
        i += name[0].length;
        return value();
    };
    return { value, rest: () => text.slice(i).trim() };
}
const nix_derivation_str = (t) => (typeof t === 'string' ? t : '');
const list = (t) => (Array.isArray(t) ? t : []);
/** Throws on text that is not a derivation. */
function parseDerivation(text) {
    if (!text.startsWith('Derive('))
        throw new Error('not a Nix derivation (no "Derive(")');
    const r = reader(text);
    const fields = list(r.value());
    if (fields.length < 7 || r.rest() !== '')
        throw new Error('malformed derivation');
    const outputs = new Map();
    for (const o of list(fields[0]))
        outputs.set(nix_derivation_str(list(o)[0]), nix_derivation_str(list(o)[1]));
    const inputDrvs = new Map();
    for (const d of list(fields[1]))
        inputDrvs.set(nix_derivation_str(list(d)[0]), list(list(d)[1]).map(nix_derivation_str));
    return { outputs, inputDrvs, inputSrcs: list(fields[2]).map(nix_derivation_str), platform: nix_derivation_str(fields[3]) };
}

;// CONCATENATED MODULE: ./src/sbom/catalogers/nix-store-path.ts
// Names and versions from Nix store path names (`<hash>-<name>-<version>[-<output>]`, nixpkgs' naming
// conventions), read the way Syft reads them so both report the same packages.
/** The first thing that looks like a version after a dash; group 7 is its last pre-release field. */
const VERSION_ISH = /-(([0-9][a-zA-Z0-9]*)(\.([0-9][a-zA-Z0-9]*))?(\.(0|[1-9][a-zA-Z0-9]*)){0,3}(?:-(\d*[.0-9a-zA-Z-]*))*(?:\+([.0-9a-zA-Z-]+(?:\.[.0-9a-zA-Z-]+)*))?)/;
const UNSTABLE = /-(unstable-\d{4}-\d{2}-\d{2})$/;
/** Whether `path` is a top-level store entry (`…/nix/store/<entry>`); asked of every tar entry, so cheap. */
function isStoreEntry(path) {
    const at = path.lastIndexOf('/nix/store/');
    return at >= 0 && path.length > at + 11 && path.indexOf('/', at + 11) === -1;
}
/** Undefined for derivations and names without anything version-like. */
function parseStorePath(path) {
    if (path.endsWith('.drv'))
        return undefined;
    const base = path.slice(path.lastIndexOf('/') + 1);
    let start;
    let versionIsh;
    let prerelease = '';
    const unstable = UNSTABLE.exec(base);
    if (unstable) {
        start = unstable.index + 1;
        versionIsh = unstable[1];
    }
    else {
        const m = VERSION_ISH.exec(base);
        if (!m)
            return undefined;
        start = m.index + 1;
        versionIsh = m[1];
        prerelease = m[7] ?? '';
    }
    const hashName = base.slice(0, start).replace(/-$/, '');
    const fields = hashName.split('-');
    if (fields.length < 2)
        return undefined;
    const last = prerelease.split('-').at(-1);
    let version = versionIsh;
    let output = '';
    // A last pre-release field without digits is an output name, not part of the version.
    if (!/\d/.test(last)) {
        if (versionIsh.endsWith('-' + last))
            version = versionIsh.slice(0, -(last.length + 1));
        output = last;
    }
    return {
        path: path.startsWith('/') ? path : '/' + path,
        hash: fields[0],
        name: fields.slice(1).join('-'),
        version,
        output
    };
}

// EXTERNAL MODULE: external "node:sqlite"
var external_node_sqlite_ = __webpack_require__(80099);
;// CONCATENATED MODULE: ./src/sbom/catalogers/sqlite.ts
// Sqlite databases (rpm ≥ 4.16, Nix) opened in memory from the buffered bytes (no temp file).

function isSqlite(data) {
    return data.length >= 100 && data.toString('latin1', 0, 16) === 'SQLite format 3\u0000';
}
/** Runs `use` on the database; throws when the bytes are not a usable sqlite database. */
function withSqlite(data, use) {
    // rpm and Nix write WAL mode (format bytes 2/2); an in-memory database only opens in rollback mode (1/1).
    // Patch the caller's buffer and restore it right after (synchronous, so nobody sees it), sparing a copy
    // of a database that can be tens of MiB; deserialize() copies the bytes into SQLite's own memory.
    const saved = [data[18], data[19]];
    const db = new external_node_sqlite_.DatabaseSync(':memory:');
    try {
        data[18] = 1;
        data[19] = 1;
        try {
            db.deserialize(data);
        }
        finally {
            data[18] = saved[0];
            data[19] = saved[1];
        }
        return use(db);
    }
    finally {
        db.close();
    }
}

;// CONCATENATED MODULE: ./src/sbom/catalogers/nix.ts
// Nix: packages are store paths. Nix's own database (/nix/var/nix/db/db.sqlite: ValidPaths, Refs,
// DerivationOutputs) is the better source and wins when it lists anything; otherwise the store's top-level
// entries (directories mostly, offered by path) are read by name, related through the .drv files beside them.




const NIX_CATALOGER = 'nix-cataloger';
const DB_SUFFIX = '/nix/var/nix/db/db.sqlite';
const SCHEMA_SUFFIX = '/nix/var/nix/db/schema';
/** The only database schema Syft reads; a database declaring another one is skipped. */
const SCHEMA = 10;
const DRV_CAP = 4 * 1024 * 1024;
const SCHEMA_CAP = 4096;
function nixPurl(sp, hash, drvPath) {
    return formatPurl({
        type: 'nix',
        name: sp.name,
        version: sp.version,
        qualifiers: { output: sp.output, outputhash: hash, drvpath: drvPath.slice(drvPath.lastIndexOf('/') + 1) }
    });
}
function storePackage(sp, source, location, drvPath = '') {
    return {
        name: sp.name,
        version: sp.version,
        type: 'nix',
        purl: nixPurl(sp, sp.hash, drvPath),
        foundBy: NIX_CATALOGER,
        locations: source === 'db' ? [location, sp.path] : [sp.path],
        // Store paths identify packages exactly (names repeat across outputs): dependencies go by path.
        provides: [sp.path],
        metadata: { source, storePath: sp.path, outputHash: sp.hash, ...(sp.output ? { output: sp.output } : {}) }
    };
}
/** Every valid path with a name and version, its output from DerivationOutputs, its references as dependsOn. */
function readDatabase(file) {
    return withSqlite(file.data, db => {
        const rows = db.prepare('SELECT id, path, hash, deriver FROM ValidPaths').all();
        const outputs = new Map();
        for (const o of db.prepare('SELECT id, path FROM DerivationOutputs').all())
            outputs.set(o.path, o.id);
        const pathById = new Map();
        for (const r of rows)
            if (r.path !== null)
                pathById.set(r.id, r.path);
        const refs = new Map();
        for (const r of db.prepare('SELECT referrer, reference FROM Refs').all()) {
            const target = pathById.get(r.reference);
            if (r.referrer === r.reference || target === undefined || !pathById.has(r.referrer))
                continue;
            const list = refs.get(r.referrer) ?? [];
            if (!list.includes(target))
                list.push(target);
            refs.set(r.referrer, list);
        }
        const packages = [];
        for (const r of rows) {
            if (r.path === null)
                continue;
            const parsed = parseStorePath(r.path);
            if (!parsed)
                continue;
            // The database's hash and output are the truth; the name only gives name and version.
            const sp = { ...parsed, path: r.path, hash: r.hash ?? '', output: outputs.get(r.path) ?? parsed.output };
            const pkg = storePackage(sp, 'db', file.path, r.deriver ?? '');
            if (r.deriver)
                pkg.metadata['deriver'] = r.deriver;
            const deps = refs.get(r.id);
            if (deps)
                pkg.dependsOn = deps;
            packages.push(pkg);
        }
        return packages;
    });
}
/** Store paths a store package was built from: the named outputs of its input derivations and its sources. */
function storeInputs(drv, drvs) {
    const deps = [];
    for (const [drvPath, names] of drv.inputDrvs) {
        const input = drvs.get(drvPath);
        for (const n of names) {
            const out = input?.outputs.get(n);
            if (out)
                deps.push(out);
        }
    }
    return [...deps, ...drv.inputSrcs.filter(s => s !== '')];
}
function finishStore(packages, drvs) {
    const drvByOutput = new Map();
    for (const [drvPath, drv] of drvs)
        for (const out of drv.outputs.values())
            if (out !== '')
                drvByOutput.set(out, drvPath);
    for (const p of packages) {
        const storePath = p.metadata['storePath'];
        const drvPath = drvByOutput.get(storePath);
        if (!drvPath)
            continue;
        p.purl = nixPurl({ name: p.name, version: p.version, output: p.metadata['output'] ?? '' }, p.metadata['outputHash'], drvPath);
        p.locations.push(drvPath);
        p.metadata['derivation'] = drvPath;
        const deps = storeInputs(drvs.get(drvPath), drvs);
        if (deps.length > 0)
            p.dependsOn = deps;
    }
    return packages;
}
const nixCataloger = {
    name: NIX_CATALOGER,
    wants: (file) => file.path.endsWith(DB_SUFFIX) ||
        (file.path.endsWith(SCHEMA_SUFFIX) && file.size <= SCHEMA_CAP) ||
        (file.path.endsWith('.drv') && file.size <= DRV_CAP && isStoreEntry(file.path)),
    wantsEntry: (path, _kind) => isStoreEntry(path) && !path.endsWith('.drv'),
    parse(file, _ctx) {
        if (file.pathOnly) {
            const sp = parseStorePath(file.path);
            return sp && sp.name !== '' && sp.version !== '' ? [storePackage(sp, 'store', sp.path)] : [];
        }
        // Derivations and the schema file only inform enrich().
        if (!file.path.endsWith(DB_SUFFIX))
            return [];
        return readDatabase(file);
    },
    keepForEnrich: (file) => !file.pathOnly && !file.path.endsWith(DB_SUFFIX),
    enrich(packages, files, ctx) {
        const drvs = new Map();
        const skippedDbs = new Set();
        for (const f of files) {
            if (f.pathOnly)
                continue;
            if (f.path.endsWith(SCHEMA_SUFFIX)) {
                const schema = Number.parseInt(f.data.toString('utf8').split('\n')[0].trim(), 10);
                if (Number.isInteger(schema) && schema !== SCHEMA) {
                    ctx.warn(`${f.path}: Nix database schema ${schema} is not read (only ${SCHEMA})`);
                    skippedDbs.add(f.path.slice(0, -'schema'.length) + 'db.sqlite');
                }
                continue;
            }
            if (!f.path.endsWith('.drv'))
                continue;
            try {
                drvs.set(f.path, parseDerivation(f.data.toString('utf8')));
            }
            catch (err) {
                ctx.warn(`${f.path}: ${err.message}`);
            }
        }
        const fromDb = packages.filter(p => p.metadata?.['source'] === 'db' && !skippedDbs.has(p.locations[0]));
        if (fromDb.length > 0) {
            for (const p of fromDb) {
                const deriver = p.metadata['deriver'];
                if (deriver && drvs.has(deriver))
                    p.locations.push(deriver);
            }
            return fromDb;
        }
        return finishStore(packages.filter(p => p.metadata?.['source'] === 'store'), drvs);
    }
};

;// CONCATENATED MODULE: ./src/sbom/catalogers/npm.ts
// npm packages from any package.json that names itself (node_modules or an application's own).


const NPM_CATALOGER = 'javascript-package-cataloger';
const npm_CAP = 4 * 1024 * 1024;
function npmPurl(name, version) {
    const slash = name.indexOf('/');
    return formatPurl({
        type: 'npm',
        namespace: slash > 0 ? name.slice(0, slash) : '',
        name: slash > 0 ? name.slice(slash + 1) : name,
        version
    });
}
function licensesOf(json) {
    const one = (v) => typeof v === 'string'
        ? v
        : v && typeof v === 'object' && typeof v.type === 'string'
            ? v.type
            : undefined;
    const single = one(json['license']);
    if (single)
        return [single];
    const many = Array.isArray(json['licenses'])
        ? json['licenses'].map(one).filter((x) => !!x)
        : [];
    return many.length > 0 ? many : undefined;
}
/** `"Name <email> (url)"` as npm's people fields are written in string form. */
const PERSON = /^\s*([^<(]*)(?:\s+<(.*)>)?(?:\s\((.*)\))?\s*$/;
/** One person (string or object) the way Syft prints it: `name <email> (url)`. */
function person(value) {
    let name = '';
    let email = '';
    let url = '';
    if (typeof value === 'string') {
        const m = PERSON.exec(value);
        if (!m)
            return '';
        [name, email, url] = [m[1] ?? '', m[2] ?? '', m[3] ?? ''];
    }
    else if (value && typeof value === 'object' && !Array.isArray(value)) {
        const o = value;
        const str = (v) => (typeof v === 'string' ? v : '');
        [name, email, url] = [str(o['name']), str(o['email']), str(o['url'])];
    }
    return name + (email ? ` <${email}>` : '') + (url ? ` (${url})` : '');
}
/** Syft's npm author: author, then authors, contributors and maintainers (each a list or one person). */
function authorOf(json) {
    const parts = [person(json['author'])];
    for (const key of ['authors', 'contributors', 'maintainers']) {
        const v = json[key];
        if (v === undefined || v === null)
            continue;
        parts.push((Array.isArray(v) ? v : [v]).map(person).join(', '));
    }
    return parts.filter(p => p !== '').join(', ');
}
function repositoryUrl(v) {
    if (typeof v === 'string')
        return v;
    if (v && typeof v === 'object' && typeof v.url === 'string')
        return v.url;
    return '';
}
const npmCataloger = {
    name: NPM_CATALOGER,
    wants: (file) => file.path.endsWith('/package.json') && file.size <= npm_CAP,
    parse(file, ctx) {
        let json;
        try {
            json = JSON.parse(file.data.toString('utf8'));
        }
        catch (cause) {
            ctx.warn(`${file.path} (layer ${file.layer.diffId}): not JSON (${(0,errors/* errorText */.kc)(cause)})`);
            return [];
        }
        if (!json || typeof json !== 'object' || Array.isArray(json))
            return [];
        const obj = json;
        const name = obj['name'];
        const version = obj['version'];
        // Build tools drop name-less package.json files ({"type":"module"}) all over dist trees: not packages.
        if (typeof name !== 'string' || name === '' || typeof version !== 'string' || version === '')
            return [];
        const pkg = {
            name,
            version,
            type: 'npm',
            purl: npmPurl(name, version),
            foundBy: NPM_CATALOGER,
            // Syft draws no relationships from package.json alone (several versions may share a name).
            locations: [file.path]
        };
        const l = licensesOf(obj);
        if (l)
            pkg.licenses = l;
        const author = authorOf(obj);
        if (author)
            pkg.author = author;
        if (typeof obj['description'] === 'string' && obj['description'])
            pkg.description = obj['description'];
        if (typeof obj['homepage'] === 'string' && obj['homepage'])
            pkg.homepage = obj['homepage'];
        const repo = repositoryUrl(obj['repository']);
        if (repo)
            pkg.downloadUrl = repo;
        return [pkg];
    }
};

;// CONCATENATED MODULE: ./src/sbom/catalogers/perl-enrich.ts
// The cross-file half of the CPAN cataloger: packlist versions (perllocal.pod, else the main module's
// $VERSION), MYMETA.json licenses and prerequisites, and one package per installed distribution.

/** perllocal.pod stanzas, in file order: `C<Module> L<Name|Name>`, `C<installed into: DIR>`, `C<VERSION: V>`. */
function parsePerllocal(text) {
    const entries = [];
    for (const line of text.split('\n')) {
        const module = /C<Module>\s+L<([^|>]+)/.exec(line);
        if (module) {
            entries.push({ module: module[1].trim(), installedInto: '', version: '' });
            continue;
        }
        const current = entries.at(-1);
        if (!current)
            continue;
        const into = /C<installed into:\s*([^>]*)>/.exec(line);
        if (into)
            current.installedInto = into[1].trim();
        const version = /C<VERSION:\s*([^>]*)>/.exec(line);
        if (version)
            current.version = version[1].trim();
    }
    return entries;
}
const VERSION_LINE = /^[ \t]*(?:our[ \t]+|my[ \t]+)?\$(?:[A-Za-z_][A-Za-z0-9_]*::)*VERSION[ \t]*=[ \t]*(?:qv\()?['"]?(v?[0-9][0-9._]*)/;
const PACKAGE_VERSION_LINE = /^[ \t]*package[ \t]+[A-Za-z_][A-Za-z0-9_:]*[ \t]+(v?[0-9][0-9._]*)[ \t]*[;{]/;
/** The first literal `$VERSION = '…'` (or `package Name v1.2.3;`) of a module; computed versions give "". */
function versionFromModule(text) {
    for (const line of text.split('\n')) {
        const m = VERSION_LINE.exec(line) ?? PACKAGE_VERSION_LINE.exec(line);
        if (m)
            return m[1].replace(/\.+$/, '');
    }
    return '';
}
/** Shallowest packlist entry ending in the main module's file (libwww-perl lists Bundle/LWP.pm before LWP.pm). */
function mainModuleFile(dist, files) {
    const suffix = '/' + dist.replaceAll('-', '/') + '.pm';
    let best = '';
    for (const f of files) {
        if (!f.endsWith(suffix))
            continue;
        if (best === '' || f.split('/').length < best.split('/').length)
            best = f;
    }
    return best;
}
const isPrimary = (path) => path.endsWith('/install.json') || path.endsWith('/.packlist');
/** Primary evidence first, then supporting evidence, each by path (Syft's location order). */
function sortLocations(p) {
    p.locations = [...new Set(p.locations)].sort((a, b) => isPrimary(a) === isPrimary(b) ? (a < b ? -1 : a > b ? 1 : 0) : isPrimary(a) ? -1 : 1);
}
const asList = (v) => typeof v === 'string' ? [v] : Array.isArray(v) ? v.filter((x) => typeof x === 'string') : [];
function applyMyMeta(p, file, ctx) {
    let meta;
    try {
        meta = JSON.parse(file.data.toString('utf8'));
    }
    catch {
        ctx.warn(`${file.path}: MYMETA.json is not JSON`);
        return;
    }
    const spdx = meta['x_spdx_expression'];
    const licenses = typeof spdx === 'string' && spdx !== '' ? [spdx] : asList(meta['license']);
    if (licenses.length > 0)
        p.licenses = licenses;
    // Runtime and build prerequisites (develop and test ones describe authoring, not the installed copy).
    const requires = new Set();
    const prereqs = (meta['prereqs'] ?? {});
    for (const phase of ['runtime', 'build'])
        for (const m of Object.keys(prereqs[phase]?.['requires'] ?? {}))
            requires.add(m);
    for (const flat of ['requires', 'build_requires'])
        for (const m of Object.keys((meta[flat] ?? {})))
            requires.add(m);
    if (requires.size > 0)
        p.dependsOn = [...requires].sort();
    p.locations.push(file.path);
}
function resolvePacklistVersion(p, pods, modules) {
    const packlist = p.locations[0];
    let best = -1;
    let version = '';
    let evidence = '';
    // The stanza for this packlist: same module, its libdir a prefix of the packlist (longest wins), last one wins.
    for (const [path, entries] of pods) {
        for (const e of entries) {
            if (e.version === '' || e.module.replaceAll('::', '-') !== p.name)
                continue;
            const libdir = e.installedInto.replace(/\/$/, '');
            if (libdir === '' || !packlist.startsWith('/' + libdir.replace(/^\/+/, '') + '/'))
                continue;
            if (libdir.length >= best)
                [best, version, evidence] = [libdir.length, e.version, path];
        }
    }
    if (version === '') {
        const main = modules.get(mainModuleFile(p.name, (p.files ?? []).map(f => f.path)));
        if (!main)
            return;
        version = versionFromModule(main.data.toString('utf8'));
        evidence = main.path;
    }
    p.version = version || 'UNKNOWN';
    p.purl = formatPurl({ type: 'cpan', name: p.name, version });
    p.locations.push(evidence);
}
function enrichCpan(packages, files, ctx) {
    const byPath = new Map(files.map(f => [f.path, f]));
    const pods = files
        .filter(f => f.path.endsWith('/perllocal.pod'))
        .map(f => [f.path, parsePerllocal(f.data.toString('utf8'))]);
    for (const p of packages) {
        if (p.metadata?.['mainModule'] === undefined) {
            const mymeta = byPath.get(p.locations[0].replace(/install\.json$/, 'MYMETA.json'));
            if (mymeta)
                applyMyMeta(p, mymeta, ctx);
        }
        else if (p.version === 'UNKNOWN') {
            resolvePacklistVersion(p, pods, byPath);
        }
    }
    const merged = mergeDistributions(packages);
    for (const p of merged)
        sortLocations(p);
    packages.splice(0, packages.length, ...merged);
}
/**
 * One package per installed distribution and tree: a packlist folds into the install.json package of its tree
 * with the same name and version, or whose `provides` lists the packlist's module (libwww-perl's auto/LWP),
 * when the packlist's version agrees or is unknown.
 */
function mergeDistributions(packages) {
    const fromRecord = (p) => p.metadata?.['mainModule'] === undefined;
    const ordered = [...packages.filter(fromRecord), ...packages.filter(p => !fromRecord(p))];
    const merged = [];
    const byKey = new Map();
    const byModule = new Map();
    for (const p of ordered) {
        const tree = p.metadata?.['tree'] ?? '';
        const key = `${tree}|${p.name}@${p.version}`;
        const module = p.metadata?.['mainModule'];
        const target = byKey.get(key) ?? (module !== undefined ? byModule.get(`${tree}|${module}`) : undefined);
        if (target && (byKey.get(key) === target || p.version === 'UNKNOWN' || p.version === target.version)) {
            target.locations.push(...p.locations);
            if (p.files?.length)
                target.files = [...(target.files ?? []), ...p.files];
            if (p.licenses && !target.licenses)
                target.licenses = p.licenses;
            continue;
        }
        byKey.set(key, p);
        for (const m of p.provides ?? [])
            if (!byModule.has(`${tree}|${m}`))
                byModule.set(`${tree}|${m}`, p);
        merged.push(p);
    }
    return merged;
}

;// CONCATENATED MODULE: ./src/sbom/catalogers/perl.ts
// CPAN distributions installed on disk: cpanm/cpm/carton's `.meta/<dist>/install.json` (with MYMETA.json), and
// the `auto/<Module>/.packlist` ExtUtils::MakeMaker and Module::Build write, versioned from perllocal.pod or,
// failing that, from the `$VERSION` of the distribution's main module.


const PERL_CATALOGER = 'perl-cpan-installed-cataloger';
const perl_CAP = 8 * 1024 * 1024;
const PM_CAP = 512 * 1024;
const base = (path) => path.slice(path.lastIndexOf('/') + 1);
const segments = (path) => path.split('/');
const isInstallRecord = (path, name) => {
    const parts = segments(path);
    return parts.length >= 3 && parts.at(-1) === name && parts.at(-3) === '.meta';
};
/** `.../auto/IO/Socket/SSL/.packlist` → `IO-Socket-SSL`; "" for perl's own packlist (no auto/<Dist>). */
function distFromPacklist(path) {
    const parts = segments(path.replace(/^\/+|\/+$/g, ''));
    const auto = parts.lastIndexOf('auto');
    if (auto < 0 || auto + 1 >= parts.length - 1)
        return '';
    return parts.slice(auto + 1, -1).join('-');
}
/**
 * Main modules of packlist installs are read only from trees outside perl's core library (site trees,
 * local::lib/carton `lib/perl5`), so an image's thousands of core modules are never buffered.
 */
function isSiteModule(path) {
    if (!path.endsWith('.pm'))
        return false;
    if (path.startsWith('/usr/local/share/perl/') || path.includes('/site_perl/'))
        return true;
    const i = path.indexOf('/lib/perl5/');
    return i >= 0 && !/^\d+\.\d+/.test(path.slice(i + '/lib/perl5/'.length));
}
/** The library tree an install record or packlist belongs to: the path before its last auto/ or .meta/. */
function installTree(path) {
    const parts = segments(path);
    for (let i = parts.length - 1; i > 0; i--)
        if (parts[i] === 'auto' || parts[i] === '.meta')
            return parts.slice(0, i).join('/');
    return '';
}
function purl(name, version, author) {
    return formatPurl({
        type: 'cpan',
        name,
        version: version === 'UNKNOWN' ? '' : version,
        qualifiers: { author }
    });
}
/** A distvname splits at its last `-<version>`; a -TRIAL suffix belongs to neither half (CPAN::DistnameInfo). */
function splitDistvname(distvname) {
    const m = /^(.+)-(v?[0-9][^-]*)(?:-TRIAL[0-9]*)?$/.exec(distvname);
    return m ? [m[1], m[2]] : undefined;
}
const scalar = (v) => (typeof v === 'string' ? v : typeof v === 'number' ? String(v) : '');
function parseInstallJson(file, ctx) {
    let doc;
    try {
        doc = JSON.parse(file.data.toString('utf8'));
    }
    catch {
        ctx.warn(`${file.path}: install.json is not JSON`);
        return [];
    }
    const pathname = scalar(doc['pathname']);
    // `name` is the main module (libwww-perl records LWP): the distribution comes from `dist` or the PAUSE path.
    let distvname = scalar(doc['dist']);
    if (distvname === '')
        distvname = base(pathname).replace(/\.(tar\.gz|tar\.bz2|tgz|zip)$/, '');
    const split = splitDistvname(distvname);
    const [name, version] = split ?? [distvname, scalar(doc['version'])];
    if (name === '' || version === '')
        return [];
    const parts = pathname.split('/');
    const author = parts.length >= 3 ? parts[2] : undefined;
    const provides = doc['provides'];
    const pkg = {
        name,
        version,
        type: 'cpan',
        purl: purl(name, version, author),
        foundBy: PERL_CATALOGER,
        locations: [file.path],
        metadata: { tree: installTree(file.path), ...(author ? { author } : {}) }
    };
    if (provides && typeof provides === 'object')
        pkg.provides = Object.keys(provides).sort();
    return [pkg];
}
function parsePacklist(file) {
    const name = distFromPacklist(file.path);
    if (name === '')
        return [];
    const files = file.data
        .toString('utf8')
        .split('\n')
        // `<path>` or `<path> type=link from=<path>`: ExtUtils::Packlist strips the trailing key=value pairs.
        .map(line => line.replace(/ \w+=.*$/, '').trim())
        .filter(line => line !== '');
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
    ];
}
const perlCpanCataloger = {
    name: PERL_CATALOGER,
    wants: (file) => {
        if (file.size > perl_CAP)
            return false;
        const name = base(file.path);
        if (name === 'install.json' || name === 'MYMETA.json')
            return isInstallRecord(file.path, name);
        if (name === '.packlist')
            return file.path.includes('/auto/');
        if (name === 'perllocal.pod')
            return true;
        return file.size <= PM_CAP && isSiteModule(file.path);
    },
    parse(file, ctx) {
        const name = base(file.path);
        if (name === 'install.json')
            return parseInstallJson(file, ctx);
        if (name === '.packlist')
            return parsePacklist(file);
        return [];
    },
    enrich: enrichCpan
};

;// CONCATENATED MODULE: ./src/sbom/catalogers/portage.ts
// Gentoo Portage: one directory per installed package, /var/db/pkg/<category>/<name>-<version>/, whose CONTENTS
// lists its files and LICENSE its license expression (in Gentoo's syntax, groups from /etc/portage/license_groups).

const PORTAGE_CATALOGER = 'portage-cataloger';
const portage_CAP = 64 * 1024 * 1024;
const GROUPS = '/etc/portage/license_groups';
/** `.../var/db/pkg/app-containers/skopeo-1.5.1-r2/CONTENTS` → ['app-containers/skopeo', '1.5.1-r2'] (PMS versions). */
const CPV = /\/([^/]*\/[\w+][\w+-]*)-((\d+)((\.\d+)*)([a-z]?)((_(pre|p|beta|alpha|rc)\d*)*)(-r\d+)?)\/CONTENTS$/;
const portage_inDb = (path, leaf) => {
    const parts = path.split('/');
    return parts.length >= 7 && parts.at(-1) === leaf && parts.slice(-6, -3).join('/') === 'var/db/pkg';
};
const portage_dirOf = (path) => path.slice(0, path.lastIndexOf('/'));
/** `@GPL-COMPATIBLE` → its licenses, nested groups expanded once each; a cycle or an unknown group leaves them be. */
function parseLicenseGroups(text) {
    const raw = new Map();
    for (const line of text.split('\n').map(l => l.trim())) {
        if (line === '' || line.startsWith('#'))
            continue;
        const [group, ...licenses] = line.split(/\s+/);
        if (licenses.length === 0)
            return undefined;
        raw.set(group, licenses);
    }
    const expanded = new Map();
    const expand = (group, visiting) => {
        const done = expanded.get(group);
        if (done)
            return done;
        if (visiting.has(group) || !raw.has(group))
            return undefined;
        visiting.add(group);
        const out = new Set();
        for (const item of raw.get(group)) {
            if (!item.startsWith('@'))
                out.add(item);
            else {
                const nested = expand(item.slice(1), visiting);
                if (!nested)
                    return undefined;
                for (const l of nested)
                    out.add(l);
            }
        }
        visiting.delete(group);
        expanded.set(group, [...out]);
        return [...out];
    };
    for (const group of raw.keys())
        if (!expand(group, new Set()))
            return undefined;
    return expanded;
}
/**
 * Gentoo's LICENSE as one SPDX-style expression, Syft's way: mandatory licenses joined by AND, those after `||`
 * by OR, USE-conditional ones (after `flag?`) dropped; `@group` expanded where /etc/portage/license_groups says.
 */
function portageLicenseExpression(text, groups) {
    const mandatory = [];
    const either = [];
    let pipe = false;
    let useflag = false;
    for (const token of text.split(/\s+/).filter(t => t !== '')) {
        if (token === '||')
            pipe = true;
        else if (token.includes('?'))
            useflag = true;
        else if (!/[()|?]/.test(token) && !useflag)
            (pipe ? either : mandatory).push(token);
    }
    const expand = (list) => groups
        ? list.flatMap(l => (l.startsWith('@') && groups.has(l.slice(1)) ? groups.get(l.slice(1)) : [l]))
        : list;
    const all = expand(mandatory).join(' AND ');
    const any = expand(either).join(' OR ');
    if (all !== '' && any !== '')
        return `${all} AND (${any})`;
    return all !== '' ? all : any;
}
const portageCataloger = {
    name: PORTAGE_CATALOGER,
    wants: (file) => file.size <= portage_CAP &&
        (portage_inDb(file.path, 'CONTENTS') ||
            portage_inDb(file.path, 'LICENSE') ||
            portage_inDb(file.path, 'SIZE') ||
            file.path === GROUPS),
    parse(file, _ctx) {
        const cpv = CPV.exec(file.path);
        if (!cpv)
            return [];
        const [, name, version] = cpv;
        const files = [];
        for (const line of file.data.toString('utf8').split('\n')) {
            const fields = line.split(' ');
            // `obj <path> <md5> <mtime>` (dir and sym lines own no content)
            if (fields.length >= 3 && fields[0] === 'obj')
                files.push({ path: fields[1], digest: { algorithm: 'md5', value: fields[2] } });
        }
        return [
            {
                name,
                version,
                type: 'portage',
                purl: formatPurl({ type: 'ebuild', name, version }),
                foundBy: PORTAGE_CATALOGER,
                locations: [file.path],
                files
            }
        ];
    },
    enrich(packages, files) {
        const byPath = new Map(files.map(f => [f.path, f]));
        const groupsFile = byPath.get(GROUPS);
        const needsGroups = (text) => /(^|\s)@/.test(text);
        let groups;
        for (const p of packages) {
            const dir = portage_dirOf(p.locations[0]);
            const license = byPath.get(`${dir}/LICENSE`);
            if (license) {
                const text = license.data.toString('utf8');
                if (needsGroups(text) && groupsFile && !groups)
                    groups = parseLicenseGroups(groupsFile.data.toString('utf8'));
                const expression = portageLicenseExpression(text, needsGroups(text) ? groups : undefined);
                if (expression !== '')
                    p.licenses = [expression];
                p.locations.push(license.path);
            }
            const size = byPath.get(`${dir}/SIZE`);
            if (size)
                p.locations.push(size.path);
        }
    }
};

;// CONCATENATED MODULE: ./src/sbom/catalogers/php-serialize.ts
class php_serialize_Reader {
    data;
    pos = 0;
    constructor(data) {
        this.data = data;
    }
    expect(ch) {
        if (this.data[this.pos] !== ch.charCodeAt(0))
            throw new Error(`expected "${ch}" at byte ${this.pos}`);
        this.pos++;
    }
    until(ch) {
        const end = this.data.indexOf(ch, this.pos);
        if (end < 0)
            throw new Error(`unterminated value at byte ${this.pos}`);
        const text = this.data.toString('latin1', this.pos, end);
        this.pos = end + 1;
        return text;
    }
    value(depth) {
        if (depth > 64)
            throw new Error('nesting too deep');
        const tag = String.fromCharCode(this.data[this.pos] ?? 0);
        this.pos++;
        if (tag === 'N') {
            this.expect(';');
            return null;
        }
        this.expect(':');
        switch (tag) {
            case 's': {
                const length = Number(this.until(':'));
                if (!Number.isSafeInteger(length) || length < 0 || this.pos + length + 2 > this.data.length)
                    throw new Error(`bad string length at byte ${this.pos}`);
                this.expect('"');
                // Lengths count bytes, and PEAR files are UTF-8.
                const text = this.data.toString('utf8', this.pos, this.pos + length);
                this.pos += length;
                this.expect('"');
                this.expect(';');
                return text;
            }
            case 'i':
            case 'd':
                return Number(this.until(';'));
            case 'b':
                return this.until(';') === '1';
            case 'a': {
                const count = Number(this.until(':'));
                if (!Number.isSafeInteger(count) || count < 0)
                    throw new Error(`bad array size at byte ${this.pos}`);
                this.expect('{');
                const map = new Map();
                for (let i = 0; i < count; i++) {
                    const key = this.value(depth + 1);
                    if (typeof key !== 'string' && typeof key !== 'number')
                        throw new Error('array key is not a scalar');
                    map.set(key, this.value(depth + 1));
                }
                this.expect('}');
                return map;
            }
            default:
                throw new Error(`unsupported type "${tag}" at byte ${this.pos - 2}`);
        }
    }
}
/** Parses one serialized value; throws on anything malformed. */
function unserialize(data) {
    return new php_serialize_Reader(data).value(0);
}
/** Follows nested array keys; undefined when a step is missing or not an array, or the end is not a string. */
function stringAt(value, ...keys) {
    let at = value;
    for (const key of keys)
        at = at instanceof Map ? at.get(key) : undefined;
    return typeof at === 'string' ? at : undefined;
}

;// CONCATENATED MODULE: ./src/sbom/catalogers/php.ts
// PHP packages: Composer's vendor/composer/installed.json and PEAR's registry (php/.registry/**/*.reg).


const COMPOSER_CATALOGER = 'php-composer-installed-cataloger';
const PEAR_CATALOGER = 'php-pear-serialized-cataloger';
const php_CAP = 16 * 1024 * 1024;
/** `vendor/name` → namespace vendor; deeper names join their remaining parts with "-" (Syft's reading). */
function composerPurl(name, version) {
    const parts = name.split('/');
    const namespace = parts.length >= 2 ? parts[0] : '';
    const rest = parts.length >= 2 ? parts.slice(1).join('-') : name;
    return formatPurl({ type: 'composer', namespace, name: rest, version });
}
const where = (file) => `${file.path} (layer ${file.layer.diffId})`;
const asString = (v) => (typeof v === 'string' ? v : '');
/** Composer 2 writes {"packages": [...]}; Composer 1 wrote the array alone. */
function composerEntries(json) {
    if (Array.isArray(json))
        return json;
    if (json && typeof json === 'object') {
        const list = json.packages;
        return Array.isArray(list) ? list : list === undefined || list === null ? [] : undefined;
    }
    return undefined;
}
const composerInstalledCataloger = {
    name: COMPOSER_CATALOGER,
    wants: (file) => file.size <= php_CAP && file.path.endsWith('/installed.json'),
    parse(file, ctx) {
        let entries;
        try {
            entries = composerEntries(JSON.parse(file.data.toString('utf8')));
        }
        catch {
            entries = undefined;
        }
        if (!entries) {
            ctx.warn(`${where(file)}: not a Composer installed.json`);
            return [];
        }
        const packages = [];
        for (const entry of entries) {
            if (!entry || typeof entry !== 'object')
                continue;
            const e = entry;
            const name = asString(e['name']);
            // Syft drops nameless entries and reports a missing version as "UNKNOWN" (the purl keeps none).
            if (name === '')
                continue;
            const version = asString(e['version']);
            const pkg = {
                name,
                version: version || 'UNKNOWN',
                type: 'php-composer',
                purl: composerPurl(name, version),
                foundBy: COMPOSER_CATALOGER,
                locations: [file.path]
            };
            const license = Array.isArray(e['license']) ? e['license'].filter(l => typeof l === 'string' && l) : [];
            if (license.length > 0)
                pkg.licenses = license;
            packages.push(pkg);
        }
        return packages;
    }
};
/** `**\/php/.registry/**\/*.reg` (PECL channels' subdirectories included). */
function isPearRegistry(path) {
    return path.endsWith('.reg') && path.includes('/php/.registry/');
}
const pearCataloger = {
    name: PEAR_CATALOGER,
    wants: (file) => file.size <= php_CAP && isPearRegistry(file.path),
    parse(file, ctx) {
        let registry;
        try {
            registry = unserialize(file.data);
        }
        catch (cause) {
            ctx.warn(`${where(file)}: unreadable PEAR registry entry (${cause.message})`);
            return [];
        }
        const name = stringAt(registry, 'name');
        if (!name) {
            ctx.warn(`${where(file)}: PEAR registry entry without a name`);
            return [];
        }
        const version = stringAt(registry, 'version', 'release') ?? '';
        const channel = stringAt(registry, 'channel') || 'pecl.php.net';
        const pkg = {
            name,
            version: version || 'UNKNOWN',
            type: 'php-pear',
            purl: formatPurl({ type: 'pear', namespace: channel, name, version }),
            foundBy: PEAR_CATALOGER,
            locations: [file.path]
        };
        const license = stringAt(registry, 'license', '_content');
        if (license)
            pkg.licenses = [license];
        return [pkg];
    }
};

;// CONCATENATED MODULE: ./src/sbom/catalogers/php-interpreter.ts
// The PHP interpreter and its extensions as binaries (Syft's php-interpreter-cataloger): php / php-fpm
// executables and Apache's libphp by the `X-Powered-By: PHP/<version>` string they embed, and extension
// libraries under a php* directory by the version string next to their module API marker.
/* eslint-disable no-control-regex -- version strings in binaries are delimited by NUL bytes */



const PHP_INTERPRETER_CATALOGER = 'php-interpreter-cataloger';
const php_interpreter_CAP = 256 * 1024 * 1024;
const POWERED_BY = /X-Powered-By: PHP\/(?<version>[0-9]+\.[0-9]+\.[0-9]+(beta[0-9]+|alpha[0-9]+|RC[0-9]+)?)/m;
const php_interpreter_escapeRe = (s) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
/** What Syft's globs make of a path: `**\/php*` (cli name `php[0-9]*`), `**\/php-fpm*`, `**\/apache*\/**\/libphp*.so`, `**\/php*\/**\/*.so`. */
function phpKinds(path) {
    const parts = path.split('/');
    const base = parts.at(-1);
    const dirs = parts.slice(1, -1);
    const kinds = [];
    if (/^php[0-9]*$/.test(base))
        kinds.push('cli');
    if (base.startsWith('php-fpm'))
        kinds.push('fpm');
    if (base.startsWith('libphp') && base.endsWith('.so') && dirs.some(d => d.startsWith('apache')))
        kinds.push('apache');
    if (base.endsWith('.so') && dirs.some(d => d.startsWith('php')))
        kinds.push('extension');
    return kinds;
}
/** The version pattern Syft uses for an extension named `name` (mysqli, opcache and zip have their own). */
function extensionPattern(name) {
    switch (name) {
        case 'mysqli':
            return /(mysqlnd|mysqli)?\s*\x00*(?<version>[0-9]+\.[0-9]+\.[0-9]+)\x00+API/;
        case 'opcache':
            return /\x00+(?<version>[0-9]+\.[0-9]+\.[0-9]+)\x00+/m;
        case 'zip':
            return /\x00+(?<version>[0-9]+\.[0-9]+\.[0-9]+)\x00+Zip/;
        default:
            return new RegExp(`(\\x00+${php_interpreter_escapeRe(name)})?\\x00+(?<version>[0-9]+\\.[0-9]+\\.[0-9]+)\\x00+API`, 'm');
    }
}
function binaryPackage(name, purlName, version, path, kind) {
    return {
        name,
        version,
        type: 'binary',
        purl: formatPurl({ type: 'generic', name: purlName, version }),
        foundBy: PHP_INTERPRETER_CATALOGER,
        locations: [path],
        metadata: { kind }
    };
}
const phpInterpreterCataloger = {
    name: PHP_INTERPRETER_CATALOGER,
    wants: (file) => file.size <= php_interpreter_CAP && phpKinds(file.path).length > 0,
    parse(file, _ctx) {
        const out = [];
        for (const kind of phpKinds(file.path)) {
            if (kind === 'extension') {
                const name = file.path.slice(file.path.lastIndexOf('/') + 1, -'.so'.length);
                const version = firstMatch(bytesOf(file), extensionPattern(name))?.groups?.['version'];
                if (version)
                    out.push(binaryPackage(name, name, version, file.path, kind));
                continue;
            }
            const version = firstMatch(bytesOf(file), POWERED_BY)?.groups?.['version'];
            if (!version)
                continue;
            const [name, purlName] = kind === 'cli' ? ['php-cli', 'php-cli'] : kind === 'fpm' ? ['php-fpm', 'php-fpm'] : ['libphp', 'php'];
            out.push(binaryPackage(name, purlName, version, file.path, kind));
        }
        return out;
    },
    // Syft makes every extension a dependency of every interpreter in the image.
    keepForEnrich: () => false,
    enrich(packages) {
        const extensions = packages.filter(p => p.metadata?.['kind'] === 'extension').map(p => p.name);
        if (extensions.length === 0)
            return;
        for (const p of packages)
            if (p.metadata?.['kind'] !== 'extension')
                p.dependsOn = [...new Set(extensions)];
    }
};

;// CONCATENATED MODULE: ./src/sbom/catalogers/python.ts
// Installed Python distributions: *.dist-info/METADATA, *.egg-info/PKG-INFO and single-file *.egg-info.

const TROVE_SPDX = {
    'MIT License': 'MIT',
    'MIT No Attribution License (MIT-0)': 'MIT-0',
    'ISC License (ISCL)': 'ISC',
    'Python Software Foundation License': 'PSF-2.0',
    'Mozilla Public License 2.0 (MPL 2.0)': 'MPL-2.0',
    'The Unlicense (Unlicense)': 'Unlicense',
    'Boost Software License 1.0 (BSL-1.0)': 'BSL-1.0',
    'Zope Public License': 'ZPL-2.1'
};
const PYTHON_CATALOGER = 'python-installed-package-cataloger';
const python_CAP = 8 * 1024 * 1024;
/** PEP 503 normalisation, as Syft names Python packages. */
function normalizePythonName(name) {
    return name.replace(/[-_.]+/g, '-').toLowerCase();
}
function isMetadataPath(path) {
    const lower = path.toLowerCase();
    return (/dist-info\/metadata$/.test(lower) || /egg-info\/pkg-info$/.test(lower) || lower.endsWith('.egg-info'));
}
/** Email-header fields up to the first blank line (the body is the long description). */
function headers(text) {
    const fields = new Map();
    let last;
    for (const line of text.split('\n')) {
        const l = line.replace(/\r$/, '');
        if (l === '')
            break;
        if ((l.startsWith(' ') || l.startsWith('\t')) && last) {
            last[last.length - 1] += '\n' + l.trim();
            continue;
        }
        const colon = l.indexOf(':');
        if (colon <= 0)
            continue;
        const key = l.slice(0, colon).trim().toLowerCase();
        const value = l.slice(colon + 1).trim();
        last = fields.get(key) ?? [];
        last.push(value);
        fields.set(key, last);
    }
    return fields;
}
function python_licenses(fields) {
    const expression = fields.get('license-expression')?.[0];
    if (expression)
        return [expression];
    const license = fields.get('license')?.[0];
    // Some projects paste the whole license text into License:; a name is one short line.
    if (license && license !== 'UNKNOWN' && !license.includes('\n') && license.length <= 100)
        return [license];
    // Trove classifiers name licenses loosely; the unambiguous ones map to SPDX ids (Syft reaches the same ids
    // by classifying the license file text, which we do not read).
    const classifiers = (fields.get('classifier') ?? [])
        .filter(c => c.startsWith('License ::'))
        .map(c => c.split(' :: ').pop())
        .map(name => TROVE_SPDX[name] ?? name);
    return classifiers.length > 0 ? classifiers : undefined;
}
/** Home-page, else the Project-URL labelled Homepage (PEP 753 normalises labels: "home-page", "homepage"). */
function homepageOf(fields) {
    const direct = fields.get('home-page')?.[0];
    if (direct && direct !== 'UNKNOWN')
        return direct;
    for (const entry of fields.get('project-url') ?? []) {
        const comma = entry.indexOf(',');
        if (comma < 0)
            continue;
        const label = entry
            .slice(0, comma)
            .replace(/[\s_.-]/g, '')
            .toLowerCase();
        if (label === 'homepage')
            return entry.slice(comma + 1).trim();
    }
    return undefined;
}
const pythonCataloger = {
    name: PYTHON_CATALOGER,
    wants: (file) => file.size <= python_CAP && isMetadataPath(file.path),
    parse(file, ctx) {
        const fields = headers(file.data.toString('utf8'));
        const rawName = fields.get('name')?.[0];
        const version = fields.get('version')?.[0] ?? '';
        if (!rawName) {
            ctx.warn(`${file.path} (layer ${file.layer.diffId}): Python metadata without a Name field`);
            return [];
        }
        const name = normalizePythonName(rawName);
        const pkg = {
            name,
            version,
            type: 'python',
            purl: formatPurl({ type: 'pypi', name, version }),
            foundBy: PYTHON_CATALOGER,
            locations: [file.path],
            // Syft relates every Requires-Dist, extras included, to what is installed beside it.
            dependsOn: (fields.get('requires-dist') ?? [])
                .map(r => normalizePythonName(r.split(/[\s;(<>=!~[]/)[0]))
                .filter(r => r !== '')
        };
        const l = python_licenses(fields);
        if (l)
            pkg.licenses = l;
        const author = fields.get('author')?.[0];
        if (author)
            pkg.author = author;
        const email = fields.get('author-email')?.[0];
        if (email)
            pkg.authorEmail = email;
        // Summary and the home page are the project's own words; Syft keeps them but writes neither.
        const summary = fields.get('summary')?.[0];
        if (summary && summary !== 'UNKNOWN')
            pkg.description = summary;
        const homepage = homepageOf(fields);
        if (homepage)
            pkg.homepage = homepage;
        return [pkg];
    }
};

;// CONCATENATED MODULE: ./src/sbom/catalogers/r.ts
// Installed R packages: the DEBIAN-style `DESCRIPTION` file R writes into every installed package directory.

const R_CATALOGER = 'r-package-cataloger';
const r_CAP = 1024 * 1024;
/** `Key: value` fields; indented lines continue the previous value (joined with newlines). */
function parseDescription(text) {
    const fields = new Map();
    let key = '';
    for (const raw of text.split('\n')) {
        const line = raw.replace(/\r$/, '');
        if (line === '')
            continue;
        if (line.startsWith(' ') || line.startsWith('\t')) {
            if (key !== '')
                fields.set(key, `${fields.get(key)}\n${line.trim()}`);
            continue;
        }
        const colon = line.indexOf(':');
        if (colon < 0) {
            key = '';
            continue;
        }
        key = line.slice(0, colon);
        fields.set(key, line.slice(colon + 1).trim());
    }
    return fields;
}
/** `GPL (>= 2)` → `GPL2+`; `MIT + file LICENSE` → `MIT`; alternatives split on `|` (Syft's reading). */
function rLicenses(field) {
    if (!field)
        return [];
    const out = [];
    for (const part of field.split('|').map(p => p.trim())) {
        if (part.includes('(') && part.includes(')')) {
            const space = part.indexOf(' ');
            if (space > 0) {
                out.push(part.slice(0, space) + constraintSuffix(part.slice(space + 1)));
                continue;
            }
        }
        if (part.includes('+') && part.includes('LICENSE')) {
            out.push(part.split(' ')[0]);
            continue;
        }
        if (part === 'file LICENSE' || part === '')
            continue;
        out.push(part);
    }
    return out;
}
/** `(>= 2)` means "version 2 or later" (`2+`); other operators keep the version; unreadable gives "". */
function constraintSuffix(constraint) {
    const bare = constraint.replaceAll('(', '').replaceAll(')', '');
    const suffix = (op, version) => op === '>' || op === '>=' ? version + '+' : version;
    if (bare.includes(',')) {
        // SPDX cannot say "between": the first constraint decides.
        for (const piece of bare.split(',')) {
            const space = piece.indexOf(' ');
            if (space >= 0)
                return suffix(piece.slice(0, space), piece.slice(space + 1));
        }
    }
    const words = bare.split(' ');
    return words.length === 2 ? suffix(words[0], words[1]) : '';
}
const rPackageCataloger = {
    name: R_CATALOGER,
    wants: (file) => file.size <= r_CAP && file.path.endsWith('/DESCRIPTION'),
    parse(file, _ctx) {
        const fields = parseDescription(file.data.toString('utf8'));
        const name = fields.get('Package');
        const version = fields.get('Version');
        // Any file called DESCRIPTION (git's .git/description is lower case) is a candidate: only R's declare both.
        if (!name || !version)
            return [];
        const pkg = {
            name,
            version,
            type: 'R-package',
            purl: formatPurl({ type: 'cran', name, version }),
            foundBy: R_CATALOGER,
            locations: [file.path]
        };
        const licenses = rLicenses(fields.get('License'));
        if (licenses.length > 0)
            pkg.licenses = licenses;
        return [pkg];
    }
};

;// CONCATENATED MODULE: ./src/sbom/catalogers/rpm-db-bdb.ts
// Berkeley DB hash files (rpm ≤ 4.15 "Packages", RHEL ≤ 8), read page by page as go-rpmdb does.
const HASH_MAGIC = 0x00061561;
const META_PAGE = 8;
const HASH_UNSORTED = 2;
const HASH_PAGE = 13;
const OVERFLOW_PAGE = 7;
const H_KEYDATA = 1;
const H_OFFPAGE = 3;
const PAGE_HEADER = 26;
const PAGE_SIZES = new Set([512, 1024, 2048, 4096, 8192, 16384, 32768, 65536]);
function isBdbHash(data) {
    if (data.length < 512)
        return false;
    return data.readUInt32LE(12) === HASH_MAGIC || data.readUInt32BE(12) === HASH_MAGIC;
}
/** Every record value (header blob) of the hash database. Throws for an unusable metadata page. */
function bdbBlobs(data, warn) {
    const swapped = data.readUInt32LE(12) !== HASH_MAGIC;
    const u16 = (b, o) => (swapped ? b.readUInt16BE(o) : b.readUInt16LE(o));
    const u32 = (b, o) => (swapped ? b.readUInt32BE(o) : b.readUInt32LE(o));
    const pageSize = u32(data, 20);
    if (!PAGE_SIZES.has(pageSize))
        throw new Error(`unexpected Berkeley DB page size ${pageSize}`);
    if (data[24] !== 0)
        throw new Error('encrypted Berkeley DB');
    if (data[25] !== META_PAGE)
        throw new Error(`first page has type ${data[25]}, not hash metadata`);
    const lastPage = Math.min(u32(data, 32), Math.floor(data.length / pageSize) - 1);
    const page = (n) => (n + 1) * pageSize <= data.length ? data.subarray(n * pageSize, (n + 1) * pageSize) : undefined;
    const blobs = [];
    for (let n = 0; n <= lastPage; n++) {
        const p = page(n);
        if (p[25] !== HASH_PAGE && p[25] !== HASH_UNSORTED)
            continue;
        const entries = u16(p, 20);
        // Index slots come in key/value pairs; the value's offset is the second of each pair.
        for (let k = 1; k < entries; k += 2) {
            const at = PAGE_HEADER + k * 2;
            if (at + 2 > p.length)
                break;
            const off = u16(p, at);
            if (off >= p.length)
                continue;
            if (p[off] === H_OFFPAGE && off + 12 <= p.length) {
                const blob = readOverflow(u32(p, off + 4), u32(p, off + 8));
                if (blob)
                    blobs.push(blob);
            }
            else if (p[off] === H_KEYDATA) {
                // go-rpmdb reads only off-page values; an on-page value ends where its key (the item before) starts.
                // rpm's record 0 holds a 4-byte counter, not a header: too short to be one.
                const end = u16(p, PAGE_HEADER + (k - 1) * 2);
                if (end >= off + 1 + 16 && end <= p.length)
                    blobs.push(p.subarray(off + 1, end));
            }
        }
    }
    return blobs;
    function readOverflow(first, length) {
        const parts = [];
        const seen = new Set();
        let total = 0;
        for (let n = first; n !== 0;) {
            const p = page(n);
            if (!p || seen.has(n) || p[25] !== OVERFLOW_PAGE) {
                warn(`overflow chain from page ${first} breaks at page ${n}`);
                return undefined;
            }
            seen.add(n);
            const next = u32(p, 16);
            const used = next === 0 ? u16(p, 22) : pageSize - PAGE_HEADER;
            parts.push(p.subarray(PAGE_HEADER, Math.min(PAGE_HEADER + used, p.length)));
            total += used;
            n = next;
        }
        const blob = Buffer.concat(parts);
        return total >= length ? blob.subarray(0, length) : blob;
    }
}

;// CONCATENATED MODULE: ./src/sbom/catalogers/rpm-db-ndb.ts
// SUSE's rpm "ndb" Packages.db: a slot table pointing at blob blocks (rpm lib/backend/ndb/rpmpkg.c).
const HEADER_MAGIC = 0x506d7052; // "RpmP" little-endian
const SLOT_MAGIC = 0x746f6c53; // "Slot"
const BLOB_MAGIC = 0x53626c42; // "BlbS"
const SLOTS_PER_PAGE = 4096 / 16;
const BLOCK = 16;
function isNdb(data) {
    return data.length >= 32 && data.readUInt32LE(0) === HEADER_MAGIC;
}
/** Header blobs of every used slot; a bad slot or blob is reported through `warn` and skipped. */
function ndbBlobs(data, warn) {
    if (data.readUInt32LE(4) !== 0)
        throw new Error(`unsupported ndb version ${data.readUInt32LE(4)}`);
    const pages = data.readUInt32LE(12);
    if (pages === 0 || pages > 2048)
        throw new Error(`implausible ndb slot page count ${pages}`);
    const blobs = [];
    // The 32-byte database header takes the place of the first two slots.
    const slotCount = pages * SLOTS_PER_PAGE - 2;
    for (let i = 0; i < slotCount; i++) {
        const o = 32 + i * 16;
        if (o + 16 > data.length)
            throw new Error(`slot table truncated at slot ${i}`);
        if (data.readUInt32LE(o) !== SLOT_MAGIC)
            throw new Error(`bad slot magic at slot ${i}`);
        const pkgIndex = data.readUInt32LE(o + 4);
        if (pkgIndex === 0)
            continue;
        const at = data.readUInt32LE(o + 8) * BLOCK;
        if (at + 16 > data.length ||
            data.readUInt32LE(at) !== BLOB_MAGIC ||
            data.readUInt32LE(at + 4) !== pkgIndex) {
            warn(`ndb slot ${i} (package ${pkgIndex}) points at no valid blob`);
            continue;
        }
        const len = data.readUInt32LE(at + 12);
        if (at + 16 + len > data.length) {
            warn(`ndb blob of package ${pkgIndex} runs past the end of the file`);
            continue;
        }
        blobs.push(data.subarray(at + 16, at + 16 + len));
    }
    return blobs;
}

;// CONCATENATED MODULE: ./src/sbom/catalogers/rpm-db-sqlite.ts
// rpm ≥ 4.16 sqlite databases: one header blob per row of Packages.


/** Header blobs of every row of Packages. Throws when the file is not a usable sqlite database. */
function sqliteBlobs(data) {
    return withSqlite(data, db => {
        const rows = db.prepare('SELECT blob FROM Packages').all();
        return rows.filter(r => r.blob instanceof Uint8Array).map(r => Buffer.from(r.blob));
    });
}

;// CONCATENATED MODULE: ./src/sbom/catalogers/rpm-header.ts
// RPM header blobs as the rpm database stores them (no lead, no magic): index entries then a data store.
const TAG = {
    NAME: 1000,
    VERSION: 1001,
    RELEASE: 1002,
    EPOCH: 1003,
    SIZE: 1009,
    SUMMARY: 1004,
    VENDOR: 1011,
    LICENSE: 1014,
    URL: 1020,
    ARCH: 1022,
    OLDFILENAMES: 1027,
    FILEDIGESTS: 1035,
    SOURCERPM: 1044,
    PROVIDENAME: 1047,
    REQUIRENAME: 1049,
    DIRINDEXES: 1116,
    BASENAMES: 1117,
    DIRNAMES: 1118,
    FILEDIGESTALGO: 5011,
    MODULARITYLABEL: 5096
};
const TYPE_INT32 = 4;
const TYPE_STRING = 6;
const TYPE_STRING_ARRAY = 8;
const TYPE_I18NSTRING = 9;
/** rpm's own sanity limits (hdrchk.c): no header has more entries or data than this. */
const rpm_header_MAX_ENTRIES = 0xffff;
const MAX_DATA = 256 * 1024 * 1024;
class RpmHeader {
    entries;
    store;
    constructor(entries, store) {
        this.entries = entries;
        this.store = store;
    }
    /** Parses the index; throws a described Error for a blob whose index or store is out of bounds. */
    static parse(blob) {
        if (blob.length < 8)
            throw new Error(`header blob of ${blob.length} bytes is shorter than its 8-byte preamble`);
        const il = blob.readUInt32BE(0);
        const dl = blob.readUInt32BE(4);
        if (il > rpm_header_MAX_ENTRIES || dl > MAX_DATA || 8 + il * 16 + dl > blob.length) {
            throw new Error(`header claims ${il} entries and ${dl} data bytes but the blob has ${blob.length} bytes`);
        }
        const store = blob.subarray(8 + il * 16, 8 + il * 16 + dl);
        const entries = new Map();
        for (let i = 0; i < il; i++) {
            const o = 8 + i * 16;
            const entry = {
                type: blob.readUInt32BE(o + 4),
                offset: blob.readInt32BE(o + 8),
                count: blob.readUInt32BE(o + 12)
            };
            if (entry.offset < 0 || entry.offset > dl)
                continue;
            const tag = blob.readUInt32BE(o);
            if (!entries.has(tag))
                entries.set(tag, entry);
        }
        return new RpmHeader(entries, store);
    }
    strings(tag) {
        const e = this.entries.get(tag);
        if (!e || (e.type !== TYPE_STRING && e.type !== TYPE_STRING_ARRAY && e.type !== TYPE_I18NSTRING))
            return undefined;
        const out = [];
        let at = e.offset;
        const count = e.type === TYPE_STRING ? 1 : e.count;
        for (let i = 0; i < count; i++) {
            const end = this.store.indexOf(0, at);
            if (end < 0)
                break;
            out.push(this.store.toString('utf8', at, end));
            at = end + 1;
        }
        return out;
    }
    string(tag) {
        const value = this.strings(tag)?.[0];
        return value === undefined || value === '(none)' ? undefined : value;
    }
    stringArray(tag) {
        return this.strings(tag) ?? [];
    }
    int32Array(tag) {
        const e = this.entries.get(tag);
        if (!e || e.type !== TYPE_INT32)
            return [];
        const out = [];
        for (let i = 0; i < e.count && e.offset + i * 4 + 4 <= this.store.length; i++)
            out.push(this.store.readInt32BE(e.offset + i * 4));
        return out;
    }
    int32(tag) {
        return this.int32Array(tag)[0];
    }
    /** Installed file paths: DIRNAMES[DIRINDEXES[i]] + BASENAMES[i], or the pre-4.x OLDFILENAMES. */
    files() {
        const base = this.stringArray(TAG.BASENAMES);
        if (base.length === 0)
            return this.stringArray(TAG.OLDFILENAMES);
        const dirs = this.stringArray(TAG.DIRNAMES);
        const idx = this.int32Array(TAG.DIRINDEXES);
        return base.map((b, i) => (dirs[idx[i] ?? -1] ?? '') + b);
    }
}

;// CONCATENATED MODULE: ./src/sbom/catalogers/rpm.ts
// rpm databases (sqlite, ndb, Berkeley DB hash) → packages with Syft's rpm purls.






const RPM_CATALOGER = 'rpm-db-cataloger';
const rpm_DB_CAP = 512 * 1024 * 1024;
const DB_PATH = /\/(var\/lib|usr\/share|usr\/lib\/sysimage)\/rpm\/(Packages|Packages\.db|rpmdb\.sqlite)$/;
function rpmPurl(p, distro) {
    let namespace = distro?.id ?? '';
    if (namespace === 'rhel' || namespace === 'hummingbird')
        namespace = 'redhat';
    if (namespace.startsWith('opensuse'))
        namespace = 'opensuse';
    return formatPurl({
        type: 'rpm',
        namespace,
        name: p.name,
        version: `${p.version}-${p.release}`,
        qualifiers: {
            arch: p.arch,
            epoch: p.epoch === undefined ? undefined : String(p.epoch),
            upstream: p.sourceRpm,
            distro: distroQualifier(distro)
        }
    });
}
function blobsOf(file, warn) {
    if (isSqlite(file.data))
        return sqliteBlobs(file.data);
    if (isNdb(file.data))
        return ndbBlobs(file.data, warn);
    if (isBdbHash(file.data))
        return bdbBlobs(file.data, warn);
    throw new Error('neither sqlite, ndb nor Berkeley DB hash');
}
function packageOf(header, file, distro) {
    const name = header.string(TAG.NAME);
    const version = header.string(TAG.VERSION);
    const release = header.string(TAG.RELEASE) ?? '';
    if (!name || !version)
        return undefined;
    const epoch = header.int32(TAG.EPOCH);
    const arch = header.string(TAG.ARCH);
    const sourceRpm = header.string(TAG.SOURCERPM);
    const license = header.string(TAG.LICENSE);
    const pkg = {
        name,
        version: epoch === undefined ? `${version}-${release}` : `${epoch}:${version}-${release}`,
        type: 'rpm',
        purl: rpmPurl({ name, version, release, epoch, arch, sourceRpm }, distro),
        foundBy: RPM_CATALOGER,
        locations: [file.path],
        // Rich dependencies "(a if b)" name no single package; Syft leaves them out too.
        provides: header.stringArray(TAG.PROVIDENAME).filter(k => k !== '' && !k.trim().startsWith('(')),
        dependsOn: header.stringArray(TAG.REQUIRENAME).filter(k => k !== '' && !k.trim().startsWith('(')),
        files: header.files().map(path => ({ path })),
        metadata: {
            arch: arch ?? '',
            release,
            sourceRpm: sourceRpm ?? '',
            ...(epoch === undefined ? {} : { epoch: String(epoch) })
        }
    };
    const modularity = header.string(TAG.MODULARITYLABEL);
    if (modularity)
        pkg.metadata['modularityLabel'] = modularity;
    if (license)
        pkg.licenses = [license];
    const vendor = header.string(TAG.VENDOR);
    if (vendor)
        pkg.publisher = vendor;
    // Summary and URL are the package's own words; Syft keeps neither.
    const summary = header.string(TAG.SUMMARY);
    if (summary)
        pkg.description = summary;
    const url = header.string(TAG.URL);
    if (url)
        pkg.homepage = url;
    return pkg;
}
/** Syft lets a package provide its own files, so "Requires: /bin/sh" resolves to the owner of /bin/sh. */
function provideRequiredPaths(packages) {
    const wanted = new Set(packages.flatMap(p => (p.dependsOn ?? []).filter(d => d.startsWith('/'))));
    for (const p of packages) {
        for (const f of p.files ?? [])
            if (wanted.has(f.path) && !p.provides.includes(f.path))
                p.provides.push(f.path);
    }
}
const rpmCataloger = {
    name: RPM_CATALOGER,
    wants: (file) => DB_PATH.test(file.path) && file.size <= rpm_DB_CAP,
    parse(file, ctx) {
        const where = `${file.path} (layer ${file.layer.diffId})`;
        let blobs;
        try {
            blobs = blobsOf(file, m => ctx.warn(`${where}: ${m}`));
        }
        catch (cause) {
            ctx.warn(`${where}: unreadable rpm database: ${(0,errors/* errorText */.kc)(cause)}`);
            return [];
        }
        const packages = [];
        for (const blob of blobs) {
            try {
                const pkg = packageOf(RpmHeader.parse(blob), file, ctx.distro);
                if (pkg)
                    packages.push(pkg);
                else
                    ctx.warn(`${where}: header without a name or version skipped`);
            }
            catch (cause) {
                ctx.warn(`${where}: bad package header skipped: ${(0,errors/* errorText */.kc)(cause)}`);
            }
        }
        provideRequiredPaths(packages);
        return packages;
    }
};

;// CONCATENATED MODULE: ./src/sbom/catalogers/ruby.ts
// Installed Ruby gems: the gemspecs RubyGems writes under `specifications/` (default gems in `specifications/default`).

const RUBY_CATALOGER = 'ruby-installed-gemspec-cataloger';
const ruby_CAP = 4 * 1024 * 1024;
/** `**\/specifications/**\/*.gemspec`: a `specifications` directory anywhere above the file. */
function isInstalledGemspec(path) {
    if (!path.endsWith('.gemspec'))
        return false;
    const dirs = path.split('/').slice(0, -1);
    return dirs.includes('specifications');
}
/** `"\u00E9"`-style escapes RubyGems writes for non-ASCII characters, as the characters. */
function unescapeUnicode(line) {
    return line.replace(/\\u([0-9A-F]{4})/g, (_, hex) => String.fromCharCode(parseInt(hex, 16)));
}
/** Gemspecs are Ruby, read line by line as text: `s.<field> = "value"` and `s.<field> = ["a", "b"]`. */
const SCALARS = { name: /\.name\s*=\s*["'](.*)["'] */, version: /\.version\s*=\s*["'](.*)["'] */ };
const LISTS = { licenses: /\.licenses\s*=\s*\[(.*)\] */ };
function listItems(raw) {
    return raw.split(',').map(item => item.replace(/^[" ]+|[" ]+$/g, ''));
}
function parseGemspec(text) {
    const fields = {};
    for (const raw of text.split('\n')) {
        const line = unescapeUnicode(raw.trim().replaceAll('.freeze', ''));
        if (line === '')
            continue;
        const name = SCALARS.name.exec(line)?.[1];
        if (name) {
            fields.name = name;
            continue;
        }
        const version = SCALARS.version.exec(line)?.[1];
        if (version) {
            fields.version = version;
            continue;
        }
        const licenses = LISTS.licenses.exec(line)?.[1];
        if (licenses)
            fields.licenses = listItems(licenses);
    }
    return fields;
}
const rubyGemspecCataloger = {
    name: RUBY_CATALOGER,
    wants: (file) => file.size <= ruby_CAP && isInstalledGemspec(file.path),
    parse(file, ctx) {
        const spec = parseGemspec(file.data.toString('utf8'));
        if (!spec.name) {
            ctx.warn(`${file.path} (layer ${file.layer.diffId}): gemspec without a literal name`);
            return [];
        }
        const pkg = {
            name: spec.name,
            // Syft reports a version it cannot read (computed in Ruby) as "UNKNOWN"; the purl carries none.
            version: spec.version || 'UNKNOWN',
            type: 'gem',
            purl: formatPurl({ type: 'gem', name: spec.name, version: spec.version }),
            foundBy: RUBY_CATALOGER,
            locations: [file.path]
        };
        const licenses = spec.licenses?.filter(l => l !== '');
        if (licenses && licenses.length > 0)
            pkg.licenses = licenses;
        return [pkg];
    }
};

;// CONCATENATED MODULE: ./src/sbom/catalogers/rust.ts
// Rust crates recorded by cargo-auditable: zlib-compressed JSON in the ELF section `.dep-v0`.






const RUST_CATALOGER = 'cargo-auditable-binary-cataloger';
/** cargo-auditable's own format limit; a larger section is not one it wrote. */
const MAX_JSON = 8 * 1024 * 1024;
const rustAuditCataloger = {
    name: RUST_CATALOGER,
    wants: file => isExecutableCandidate(file),
    parse(file, ctx) {
        const bytes = bytesOf(file);
        if (!isElf(bytes))
            return [];
        const elf = parseElf(bytes);
        const section = elf ? sectionData(elf, '.dep-v0') : undefined;
        if (!section)
            return [];
        const where = `${file.path} (layer ${file.layer.diffId})`;
        let list;
        try {
            const json = JSON.parse((0,external_node_zlib_.inflateSync)(section, { maxOutputLength: MAX_JSON }).toString('utf8'));
            if (!Array.isArray(json.packages))
                throw new Error('no "packages" array');
            list = json.packages;
        }
        catch (cause) {
            ctx.warn(`${where}: unreadable cargo-auditable .dep-v0 section (${(0,errors/* errorText */.kc)(cause)})`);
            return [];
        }
        // Build-time crates (build scripts, proc macros) are not in the binary; Syft keeps runtime ones only.
        const kept = new Map();
        list.forEach((dep, index) => {
            if (typeof dep.name !== 'string' || dep.name === '' || typeof dep.version !== 'string')
                return;
            if (dep.kind !== undefined && dep.kind !== 'runtime')
                return;
            kept.set(index, {
                name: dep.name,
                version: dep.version,
                type: 'rust-crate',
                purl: formatPurl({ type: 'cargo', name: dep.name, version: dep.version }),
                foundBy: RUST_CATALOGER,
                locations: [file.path],
                dependsOn: [],
                metadata: { source: typeof dep.source === 'string' ? dep.source : '' }
            });
        });
        for (const [index, pkg] of kept) {
            const deps = list[index].dependencies;
            if (!Array.isArray(deps))
                continue;
            for (const d of deps) {
                const target = typeof d === 'number' ? kept.get(d) : undefined;
                if (target)
                    pkg.dependsOn.push(target.name);
            }
        }
        return [...kept.values()];
    }
};

// EXTERNAL MODULE: ./node_modules/yaml/dist/index.js
var dist = __webpack_require__(38815);
;// CONCATENATED MODULE: ./src/sbom/catalogers/snap.ts
// Snaps: the Debian packages a snap was built from, as its build records list them — a base snap's
// usr/share/snappy/dpkg.yaml, a snap's snap/manifest.yaml (primed-stage-packages), a project's
// snap/snapcraft.yaml (build and stage packages, snaps it uses) — and a kernel snap's changelog.
// Syft reports them as deb packages (Ubuntu's), found by its snap cataloger.



const SNAP_CATALOGER = 'snap-cataloger';
const snap_CAP = 8 * 1024 * 1024;
const UNKNOWN = 'unknown';
function debPackage(name, version, meta, path) {
    return {
        name,
        version,
        type: 'deb',
        // Most snaps are built on Ubuntu: Syft assumes it.
        purl: formatPurl({ type: 'deb', namespace: 'ubuntu', name, version, qualifiers: { arch: meta.arch } }),
        foundBy: SNAP_CATALOGER,
        locations: [path],
        metadata: { snapType: meta.snapType, ...(meta.base ? { snapBase: meta.base } : {}) }
    };
}
function snapPackage(name, meta, path) {
    return {
        name,
        version: UNKNOWN,
        type: 'deb',
        purl: formatPurl({
            type: 'generic',
            namespace: 'snap',
            name,
            version: UNKNOWN,
            qualifiers: { arch: meta.arch, base: meta.base, type: meta.snapType }
        }),
        foundBy: SNAP_CATALOGER,
        locations: [path],
        metadata: { snapType: meta.snapType }
    };
}
/** YAML with every scalar as written (Go's decoder into strings keeps the text: `1.10` stays "1.10"). */
function yamlDoc(text) {
    const doc = (0,dist/* parse */.qg)(text, { schema: 'failsafe', maxAliasCount: 1000 });
    if (doc === null || doc === undefined)
        return {};
    if (typeof doc !== 'object' || Array.isArray(doc))
        throw new Error('not a YAML mapping');
    return doc;
}
/** A list of strings, or a decoding error as Go's decoder gives for anything else (the file reports nothing). */
function strings(value, field) {
    if (value === undefined || value === null)
        return [];
    if (!Array.isArray(value) || value.some(v => typeof v !== 'string'))
        throw new Error(`${field} is not a list of strings`);
    return value;
}
const snap_text = (value) => (typeof value === 'string' ? value : '');
/**
 * `name[:arch]=version` entries; anything else is skipped. With `carry`, an entry's architecture stays for the
 * entries after it (Syft's base-snap reading updates one shared record).
 */
function pinned(entries, meta, path, carry = false) {
    const out = [];
    let current = meta;
    for (const entry of entries) {
        const eq = entry.indexOf('=');
        if (eq < 0)
            continue;
        let name = entry.slice(0, eq).trim();
        const version = entry.slice(eq + 1).trim();
        if (name === '' || version === '')
            continue;
        let entryMeta = current;
        const colon = name.indexOf(':');
        if (colon >= 0) {
            entryMeta = { ...current, arch: name.slice(colon + 1) };
            name = name.slice(0, colon);
            if (carry)
                current = entryMeta;
        }
        out.push(debPackage(name, version, entryMeta, path));
    }
    return out;
}
function parseBaseDpkg(doc, path) {
    return pinned(strings(doc['packages'], 'packages'), { snapType: 'base' }, path, true);
}
function snap_parseManifest(doc, path) {
    const name = snap_text(doc['name']);
    const meta = {
        snapType: name.toLowerCase().includes('gadget') ? 'gadget' : 'app',
        base: snap_text(doc['base']),
        arch: strings(doc['architectures'], 'architectures')[0]
    };
    return pinned(strings(doc['primed-stage-packages'], 'primed-stage-packages'), meta, path);
}
/** `pkg>=1.2` → ["pkg", "1.2"]; an entry without an operator has an unknown version. */
function constrained(entry) {
    if (!/[=<>]/.test(entry))
        return [entry, UNKNOWN];
    for (const op of ['>=', '<=', '==', '!=', '=', '>', '<']) {
        const at = entry.indexOf(op);
        if (at >= 0)
            return [entry.slice(0, at).trim(), entry.slice(at + op.length).trim()];
    }
    return [entry, UNKNOWN];
}
function parseSnapcraft(doc, path) {
    const meta = {
        snapType: 'snapd',
        base: snap_text(doc['base']),
        arch: strings(doc['architectures'], 'architectures')[0]
    };
    const parts = doc['parts'];
    if (parts === undefined || parts === null)
        return [];
    if (typeof parts !== 'object' || Array.isArray(parts))
        throw new Error('parts is not a mapping');
    const out = [];
    for (const part of Object.values(parts)) {
        if (part === null || part === undefined)
            continue;
        if (typeof part !== 'object' || Array.isArray(part))
            throw new Error('a part is not a mapping');
        const p = part;
        for (const name of strings(p['build-packages'], 'build-packages'))
            if (name !== '')
                out.push(debPackage(name, UNKNOWN, meta, path));
        for (const entry of strings(p['stage-packages'], 'stage-packages'))
            if (entry !== '')
                out.push(debPackage(...constrained(entry), meta, path));
        const snaps = [...strings(p['build-snaps'], 'build-snaps'), ...strings(p['stage-snaps'], 'stage-snaps')];
        for (const snap of snaps)
            if (snap !== '')
                out.push(snapPackage(snap, { snapType: 'app', arch: meta.arch }, path));
    }
    return out;
}
const snap_escapeRe = (s) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
/** The kernel a kernel snap ships, from the first line of its modules' Debian changelog. */
function parseKernelChangelog(textIn, path) {
    const lines = textIn.split('\n');
    const m = /linux \(([0-9]+\.[0-9]+\.[0-9]+-[0-9]+)\.([0-9]+)\)/.exec(lines[0] ?? '');
    if (!m)
        throw new Error(`no kernel version in the changelog's first line`);
    const [, base, release] = m;
    const major = /([0-9]+\.[0-9]+)\.[0-9]+-[0-9]+/.exec(base)?.[1] ?? base;
    const meta = { snapType: 'kernel' };
    const out = [debPackage(`linux-image-${base}-generic`, `${base}.${release}`, meta, path)];
    const marker = `${release.replaceAll(';', '/')}/linux:`;
    const line = lines.slice(1).find(l => l.includes(marker));
    if (line !== undefined) {
        const short = new RegExp(`(${snap_escapeRe(major)}-[0-9]+)\\.?[0-9]*`).exec(line)?.[1];
        if (short !== undefined) {
            const full = new RegExp(`(${snap_escapeRe(major)}-[0-9]+\\.[0-9]+)`).exec(line)?.[1] ?? short;
            out.push(debPackage(`linux-image-${short}-generic`, full, meta, path));
        }
    }
    return out;
}
function kindOf(path) {
    if (path.endsWith('/usr/share/snappy/dpkg.yaml'))
        return 'dpkg';
    if (path.endsWith('/snap/manifest.yaml'))
        return 'manifest';
    if (path.endsWith('/snap/snapcraft.yaml'))
        return 'snapcraft';
    const parts = path.split('/');
    if (parts.at(-1) === 'changelog.Debian.gz' &&
        parts.at(-2)?.startsWith('linux-modules-') &&
        parts.at(-3) === 'doc')
        return 'changelog';
    return undefined;
}
const snapCataloger = {
    name: SNAP_CATALOGER,
    wants: (file) => file.size <= snap_CAP && kindOf(file.path) !== undefined,
    parse(file, ctx) {
        try {
            switch (kindOf(file.path)) {
                case 'dpkg':
                    return parseBaseDpkg(yamlDoc(file.data.toString('utf8')), file.path);
                case 'manifest':
                    return snap_parseManifest(yamlDoc(file.data.toString('utf8')), file.path);
                case 'snapcraft':
                    return parseSnapcraft(yamlDoc(file.data.toString('utf8')), file.path);
                case 'changelog':
                    return parseKernelChangelog((0,external_node_zlib_.gunzipSync)(file.data).toString('utf8'), file.path);
                default:
                    return [];
            }
        }
        catch (err) {
            ctx.warn(err.message);
            return [];
        }
    }
};

;// CONCATENATED MODULE: ./src/sbom/catalogers/wordpress.ts
const WORDPRESS_CATALOGER = 'wordpress-plugins-cataloger';
const wordpress_HEADER_BYTES = 4096;
const wordpress_CAP = 64 * 1024 * 1024;
// RE2's \s is [\t\n\f\r ]; `.` stops at a newline in both dialects.
const FIELD = {
    name: /plugin name:[\t\n\f\r ]*(.+)/i,
    version: /version:[\t\n\f\r ]*([\d.]+)/i,
    license: /license:[\t\n\f\r ]*(\w+)/i,
    author: /author:[\t\n\f\r ]*(.+)/i,
    authorUri: /author uri:[\t\n\f\r ]*(.+)/i
};
/** `/…/wp-content/plugins/<plugin>/<file>.php` only (not the plugins directory itself, not deeper). */
function isPluginFile(path) {
    const parts = path.split('/');
    return (parts.length >= 5 && path.endsWith('.php') && parts.at(-3) === 'plugins' && parts.at(-4) === 'wp-content');
}
function pluginHeader(text) {
    const out = {};
    for (const [key, pattern] of Object.entries(FIELD)) {
        const value = pattern.exec(text)?.[1]?.trim();
        if (value)
            out[key] = value;
    }
    return out;
}
const wordpressPluginCataloger = {
    name: WORDPRESS_CATALOGER,
    wants: (file) => file.size <= wordpress_CAP && isPluginFile(file.path),
    parse(file, _ctx) {
        const header = pluginHeader(file.data.subarray(0, wordpress_HEADER_BYTES).toString('utf8'));
        // A plugin's main file names it and its version; its other PHP files do not.
        if (!header.name || !header.version)
            return [];
        const pkg = {
            name: header.name,
            version: header.version,
            type: 'wordpress-plugin',
            // Syft gives WordPress plugins no purl (there is no purl type for them).
            purl: '',
            foundBy: WORDPRESS_CATALOGER,
            locations: [file.path],
            metadata: {
                pluginInstallDirectory: file.path.split('/').at(-2),
                ...(header.author ? { author: header.author } : {}),
                ...(header.authorUri ? { authorUri: header.authorUri } : {})
            }
        };
        if (header.license)
            pkg.licenses = [header.license];
        return [pkg];
    }
};

;// CONCATENATED MODULE: ./src/sbom/catalogers/index.ts
// Every ecosystem cataloger, in the order their packages are reported.


































function allCatalogers() {
    return [
        dpkgCataloger,
        rpmCataloger,
        apkCataloger,
        goBinaryCataloger,
        rustAuditCataloger,
        pythonCataloger,
        npmCataloger,
        javaArchiveCataloger,
        binaryClassifierCataloger,
        elfPackageNoteCataloger,
        peCataloger,
        rubyGemspecCataloger,
        rPackageCataloger,
        composerInstalledCataloger,
        pearCataloger,
        linuxKernelCataloger,
        dotnetDepsCataloger,
        bitnamiCataloger,
        luaRockCataloger,
        perlCpanCataloger,
        alpmCataloger,
        portageCataloger,
        jvmCataloger,
        conanInfoCataloger,
        wordpressPluginCataloger,
        homebrewCataloger,
        phpInterpreterCataloger,
        nixCataloger,
        dotnetPackagesLockCataloger,
        snapCataloger,
        appleBundleCataloger,
        ggufCataloger
    ];
}

;// CONCATENATED MODULE: ./src/sbom/layers/limits.ts
// Caps that keep memory and work bounded whatever the image holds (decompression bombs included).
const MiB = 1024 * 1024;
const GiB = 1024 * MiB;
const DEFAULT_LIMITS = {
    maxBufferedFileBytes: 8 * MiB,
    maxFileBytes: 1 * GiB,
    maxLayerBytes: 64 * GiB,
    maxLayerEntries: 10_000_000,
    maxSymlinksPerLayer: 250_000,
    concurrency: 3
};
function resolveLimits(partial) {
    return { ...DEFAULT_LIMITS, ...(partial ?? {}) };
}

// EXTERNAL MODULE: external "node:timers/promises"
var promises_ = __webpack_require__(58500);
// EXTERNAL MODULE: ./src/http/index.ts + 14 modules
var http = __webpack_require__(12685);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(76760);
;// CONCATENATED MODULE: ./src/sbom/layers/merge.ts
// Bottom-up merge of layers as a container runtime would apply them: an entry in an upper layer
// replaces the same path below, a non-directory replaces a lower directory's subtree, whiteouts
// delete, opaque directories hide lower children. Only the wanted files are tracked.

/** Proper ancestors of an absolute path, nearest first ("/a/b/c" → "/a/b", "/a"). */
function ancestors(path) {
    const out = [];
    let dir = external_node_path_.posix.dirname(path);
    while (dir !== '/') {
        out.push(dir);
        dir = external_node_path_.posix.dirname(dir);
    }
    return out;
}
class LayerMerge {
    layers;
    whiteouts;
    opaque;
    /** Symlinks of the merged filesystem, upper layers overriding lower ones. */
    links = new Map();
    constructor(layers) {
        this.layers = layers;
        this.whiteouts = layers.map(l => new Set(l.whiteouts));
        this.opaque = layers.map(l => new Set(l.opaqueDirs));
        for (const layer of layers)
            for (const [path, target] of layer.symlinks)
                this.links.set(path, target);
    }
    /** True when a layer above `layerIndex` deletes or replaces `path` or one of its parents. */
    hidden(path, layerIndex) {
        const parents = ancestors(path);
        for (let j = layerIndex + 1; j < this.layers.length; j++) {
            const upper = this.layers[j];
            if (upper.entries.has(path) || this.whiteouts[j].has(path))
                return true;
            for (const dir of parents) {
                if (this.whiteouts[j].has(dir) || this.opaque[j].has(dir) || upper.nonDirectories.has(dir))
                    return true;
            }
        }
        return false;
    }
    /**
     * The path with symlinked parent directories resolved inside the image root
     * (a file under /var/lib/rpm when /var/lib/rpm → ../../usr/lib/sysimage/rpm).
     */
    resolveParents(path) {
        let hops = 0;
        let parts = path.split('/').filter(Boolean);
        let i = 0;
        while (i < parts.length - 1) {
            const prefix = '/' + parts.slice(0, i + 1).join('/');
            const target = this.links.get(prefix);
            if (target === undefined || ++hops > 40) {
                i++;
                continue;
            }
            const base = target.startsWith('/') ? target : external_node_path_.posix.join(external_node_path_.posix.dirname(prefix), target);
            const resolved = external_node_path_.posix
                .normalize('/' + base)
                .split('/')
                .filter(Boolean);
            parts = [...resolved, ...parts.slice(i + 1)];
            i = 0;
        }
        return '/' + parts.join('/');
    }
}

// EXTERNAL MODULE: external "node:fs/promises"
var external_node_fs_promises_ = __webpack_require__(51455);
;// CONCATENATED MODULE: ./src/sbom/layers/release-memory.ts
// Frees buffer memory when we are done with it rather than when V8 next collects it: the layer data
// passing through (GiBs per image) otherwise piles up as garbage in glibc's heaps, which keep it.
/**
 * Releases the memory behind `buf` now, if `buf` spans all of it (a pooled or shared one is left
 * alone). Views of it that remain become empty, so a holder that should have copied reads nothing.
 */
function releaseBuffer(buf) {
    if (buf.byteOffset === 0 && buf.length === buf.buffer.byteLength)
        releaseMemory(buf.buffer);
}
/** Releases `backing` now; the caller knows nothing else uses it. Shared memory is never ours to free. */
function releaseMemory(backing) {
    if (backing instanceof ArrayBuffer)
        backing.transfer(0);
}

;// CONCATENATED MODULE: ./src/sbom/layers/parse-layer.ts
// Runs catalogers over each wanted file the moment the reader has it, so its buffer is freed at once.
// The distro is not known yet (it comes from the merged filesystem): a cataloger that reads ctx.distro
// keeps its file for a second parse once the distro is known.




function packageKey(p) {
    return `${p.type}\0${p.name}\0${p.version}`;
}
/**
 * A spilled file as catalogers see it: `bytes` reads parts of it from disk; `data` (for catalogers
 * that parse whole files) loads it whole on first use, and that copy is released on close.
 */
async function openSpilled(path, size) {
    const handle = await (0,external_node_fs_promises_.open)(path, 'r');
    const bytes = descriptorBytes(handle.fd, size);
    let whole;
    return {
        file: base => ({
            ...base,
            bytes,
            get data() {
                return (whole ??= bytes.read(0, size));
            }
        }),
        async close() {
            if (whole)
                releaseBuffer(whole);
            whole = undefined;
            await handle.close();
        }
    };
}
/** Files that enrich packages (md5sums, copyright) are small; a big one is not kept for enrich(). */
const ENRICH_CAP = 4 * 1024 * 1024;
/** Spilled (large) files are parsed one at a time so only one of them is in memory at once. */
let bigParse = Promise.resolve();
class LayerParser {
    catalogers;
    where;
    warn;
    byPath = new Map();
    identity = new Map();
    constructor(catalogers, where, warn) {
        this.catalogers = catalogers;
        this.where = where;
        this.warn = warn;
    }
    async file(file) {
        const run = async () => {
            const spilled = file.spillPath ? await openSpilled(file.spillPath, file.size) : undefined;
            const cataloged = spilled
                ? spilled.file({ path: file.path, size: file.size, mode: file.mode, layer: file.layer })
                : {
                    path: file.path,
                    size: file.size,
                    mode: file.mode,
                    layer: file.layer,
                    data: file.data,
                    ...(file.pathOnly ? { pathOnly: file.pathOnly } : {})
                };
            // The bytes are released once this returns (ours too, for a spilled file): what is kept is a copy.
            let kept;
            const keep = () => (kept ??= {
                path: cataloged.path,
                size: cataloged.size,
                mode: cataloged.mode,
                layer: cataloged.layer,
                data: Buffer.from(cataloged.data),
                ...(cataloged.pathOnly ? { pathOnly: cataloged.pathOnly } : {})
            });
            const results = [];
            try {
                for (const index of file.wantedBy) {
                    if (index === 0)
                        this.identity.set(file.path, keep());
                    else
                        results.push(await this.parseOne(index - 1, cataloged, file.sha256, keep));
                }
            }
            finally {
                await spilled?.close();
            }
            // A regular file can come twice: by path only (wantsEntry) and with its content (wants).
            if (results.length)
                this.byPath.set(file.path, [...(this.byPath.get(file.path) ?? []), ...results]);
        };
        if (!file.spillPath)
            return run();
        const turn = bigParse.then(run);
        bigParse = turn.catch(() => undefined);
        await turn;
    }
    hardlink(path, target, wantedBy) {
        const id = this.identity.get(target);
        if (id && wantedBy.includes(0))
            this.identity.set(path, { ...id, path });
        const results = this.byPath.get(target);
        if (!results)
            return;
        const relocate = (loc) => (loc === target ? path : loc);
        const linked = results
            .filter(r => wantedBy.includes(r.cataloger + 1))
            .map(r => ({
            ...r,
            path,
            packages: r.packages.map(p => ({ ...p, locations: p.locations.map(relocate) })),
            ...(r.retained ? { retained: { ...r.retained, path } } : {})
        }));
        if (linked.length)
            this.byPath.set(path, linked);
    }
    replaced(path) {
        this.byPath.delete(path);
        this.identity.delete(path);
    }
    finish(contents) {
        const parsed = [...this.byPath.values()].flat();
        const listed = new Set();
        for (const p of parsed)
            for (const pkg of p.packages)
                listed.add(packageKey(pkg));
        return { ...contents, parsed, identityFiles: [...this.identity.values()], listed };
    }
    async parseOne(index, file, sha256, keep) {
        const cataloger = this.catalogers[index];
        let needsDistro = false;
        const warnings = [];
        const ctx = {
            get distro() {
                needsDistro = true;
                return undefined;
            },
            warn: message => warnings.push(message)
        };
        const parsed = {
            path: file.path,
            size: file.size,
            mode: file.mode,
            sha256,
            cataloger: index,
            packages: [],
            needsDistro: false
        };
        try {
            parsed.packages = await cataloger.parse(file, ctx);
        }
        catch (err) {
            this.warn(`${cataloger.name}: ${this.where} ${file.path}: ${(0,errors/* errorText */.kc)(err)}`);
        }
        parsed.needsDistro = needsDistro;
        // Distro-dependent files are parsed again later; their warnings would come twice.
        if (!needsDistro)
            for (const w of warnings)
                this.warn(`${cataloger.name}: ${this.where} ${file.path}: ${w}`);
        const forEnrich = parsed.packages.length === 0 &&
            cataloger.enrich !== undefined &&
            file.size <= ENRICH_CAP &&
            (cataloger.keepForEnrich?.(file) ?? true);
        if (needsDistro || forEnrich) {
            parsed.retained = keep();
        }
        return parsed;
    }
}
/** Second parse with the final distro, for files whose first parse asked for it. */
async function reparse(cataloger, file, ctx, warn) {
    try {
        return await cataloger.parse(file, ctx);
    }
    catch (err) {
        warn(`${cataloger.name}: layer ${file.layer.index} (${file.layer.diffId}) ${file.path}: ${(0,errors/* errorText */.kc)(err)}`);
        return [];
    }
}

// EXTERNAL MODULE: external "node:os"
var external_node_os_ = __webpack_require__(48161);
;// CONCATENATED MODULE: ./src/sbom/errors.ts
// One error type for the SBOM generator: a string-literal code tests and the CLI can branch on.

class SbomError extends errors/* CodedError */.AK {
    constructor(code, message, options) {
        super(code, message, options);
        this.name = 'SbomError';
    }
}

;// CONCATENATED MODULE: ./src/sbom/layers/decompress.ts


function sniffCompression(head) {
    if (head.length >= 2 && head[0] === 0x1f && head[1] === 0x8b)
        return 'gzip';
    if (head.length >= 4 && head.readUInt32LE(0) === 0xfd2fb528)
        return 'zstd';
    return 'none';
}
/**
 * Output buffer size: each fill is a hand-off to a libuv thread and back, which costs more than the
 * bytes on a small VM; 1 MiB took 5-10% less wall time than 256 KiB on compressible layers (bench/sbom).
 */
const OUTPUT_CHUNK_BYTES = 1024 * 1024;
function decompressor(kind) {
    if (kind === 'gzip')
        return external_node_zlib_default().createGunzip({ chunkSize: OUTPUT_CHUNK_BYTES });
    return external_node_zlib_default().createZstdDecompress({ chunkSize: OUTPUT_CHUNK_BYTES });
}
/**
 * Yields the decompressed bytes of `source`. Errors of the source (digest mismatch, network) and of
 * the decompressor (truncated or corrupt data) surface as a rejection of the iteration. Source chunks
 * may be lent (valid until the next is asked for): each is used up before the next is requested.
 * The chunks yielded are lent the same way: their memory may be released when the next is asked for.
 */
async function* decompressed(source, hooks = {}) {
    const raw = source[Symbol.asyncIterator]();
    const next = async () => {
        const r = await raw.next();
        if (!r.done)
            hooks.onCompressedBytes?.(r.value.length);
        return r;
    };
    let head = Buffer.alloc(0);
    const decoders = [];
    let feeding = Promise.resolve();
    try {
        while (head.length < 4) {
            const r = await next();
            if (r.done)
                break;
            // A lent first chunk is used as is; shorter ones are copied together.
            head = head.length === 0 && r.value.length >= 4 ? r.value : Buffer.concat([head, r.value]);
        }
        const kind = sniffCompression(head);
        hooks.onCompression?.(kind);
        if (kind === 'none') {
            if (head.length > 0)
                yield head;
            for (let r = await next(); !r.done; r = await next())
                yield r.value;
            return;
        }
        // One decoder per zstd frame: Node's stops after a frame, and layers may hold many (zstd:chunked
        // writes one per file, plus skippable frames for its table of contents). gzip's decoder reads all
        // members itself. The reader takes the decoders in order, one ahead at most.
        const open = () => {
            const z = decompressor(kind);
            // Errors after a decoder ended would have no reader left to throw to; before, the reader throws them.
            z.on('error', () => undefined);
            const d = { z, fed: 0, ended: false, read: deferred(), outputs: new WeakSet() };
            noteOutput(d);
            z.once('end', () => (d.ended = true));
            decoders.push(z);
            return d;
        };
        let current = open();
        const handOffs = [deferred()];
        /** No more input for the current decoder: its frame (or stream) is complete, or the source is. */
        const finishCurrent = () => {
            if (current.ended)
                return;
            current.ended = true;
            current.z.end();
        };
        let feedError;
        const feed = async () => {
            const write = async (input) => {
                let chunk = input;
                while (chunk.length > 0) {
                    if (current.ended) {
                        // Bytes after gzip's end are Node's to judge (it reads further members); the digest covers them.
                        if (kind !== 'zstd')
                            return;
                        await current.read.promise;
                        current = open();
                        handOffs.at(-1).resolve(current);
                        handOffs.push(deferred());
                    }
                    current.fed += chunk.length;
                    try {
                        await written(current.z, chunk);
                    }
                    catch (err) {
                        if (!current.ended)
                            throw err;
                    }
                    // A decoder that leaves input unread has reached the end of its frame (or gzip stream).
                    const unused = current.fed - current.z.bytesWritten;
                    if (unused <= 0 && !current.ended)
                        return;
                    finishCurrent();
                    // The rest of the chunk begins the next frame.
                    chunk = unused > 0 ? chunk.subarray(chunk.length - unused) : Buffer.alloc(0);
                }
            };
            try {
                if (head.length > 0)
                    await write(head);
                for (let r = await next(); !r.done; r = await next())
                    await write(r.value);
                finishCurrent();
            }
            catch (err) {
                feedError = err;
                current.z.destroy(err);
            }
            finally {
                handOffs.at(-1).resolve(undefined);
            }
        };
        feeding = feed();
        let d = current;
        for (let i = 0; d; i++) {
            for await (const chunk of d.z) {
                yield chunk;
                releaseSpent(d, chunk);
            }
            d.read.resolve(undefined);
            d = await handOffs[i].promise;
        }
        await feeding;
        if (feedError !== undefined)
            throw feedError;
    }
    finally {
        for (const z of decoders)
            if (!z.destroyed)
                z.destroy();
        // Stops the source at once; its pending read (if any) then settles and the feed can finish.
        hooks.cancel?.();
        void raw.return?.().catch(() => undefined);
        await feeding;
    }
}
/** The buffer the decoder writes into now; `_outBuffer` is Node's, and if it is ever missing nothing is released. */
function outputBuffer(d) {
    const current = d.z._outBuffer;
    return current instanceof Uint8Array ? current.buffer : undefined;
}
function noteOutput(d) {
    const current = outputBuffer(d);
    if (current)
        d.outputs.add(current);
}
/**
 * The decoder hands out slices of an output buffer until it is full, then allocates another. Once the
 * reader is done with the slice that ends a buffer the decoder has already replaced, nobody holds that
 * memory: it is released now instead of at V8's next full GC (~60 MiB of such garbage held in glibc's
 * heaps at a time otherwise). A chunk the stream assembled from several slices is a copy (small ones
 * come from Node's shared pool): it was never the decoder's, so it is left to the GC.
 */
function releaseSpent(d, chunk) {
    const current = outputBuffer(d);
    if (!current)
        return;
    d.outputs.add(current);
    const backing = chunk.buffer;
    if (backing === current || !d.outputs.has(backing))
        return;
    if (chunk.byteOffset + chunk.length === backing.byteLength)
        releaseMemory(backing);
}
function deferred() {
    let resolve;
    const promise = new Promise(r => (resolve = r));
    return { promise, resolve };
}
/**
 * Resolves once the decompressor has consumed `chunk` (so a lent chunk may be reused), or has ended and
 * will take no more; rejects if it closes or fails first.
 */
function written(z, chunk) {
    return new Promise((resolve, reject) => {
        const settle = (err) => {
            z.off('close', onClose);
            z.off('end', onEnd);
            if (err)
                reject(err);
            else
                resolve();
        };
        const onClose = () => settle(new Error('the decompressor closed'));
        const onEnd = () => settle();
        z.once('close', onClose);
        z.once('end', onEnd);
        z.write(chunk, err => settle(err));
    });
}

;// CONCATENATED MODULE: ./src/sbom/layers/path-set.ts
// A compact set of paths (8 bytes each, as 52-bit hashes): enough to tell whether an upper layer
// replaced a lower file without keeping a per-file tree of the image.
/** Two FNV-1a variants folded into one 52-bit number (exact in a double). */
function pathHash(path) {
    let a = 0x811c9dc5;
    let b = 0x01000193 ^ 0x5bd1e995;
    for (let i = 0; i < path.length; i++) {
        const c = path.charCodeAt(i);
        a = Math.imul(a ^ c, 0x01000193);
        b = Math.imul(b ^ c, 0x5bd1e995) ^ (b >>> 13);
    }
    return (a >>> 0) * 0x100000 + ((b >>> 0) & 0xfffff);
}
class PathHashSet {
    values = new Float64Array(1024);
    length = 0;
    sorted = true;
    add(path) {
        this.addHash(pathHash(path));
    }
    /** Adds a hash computed once for several sets. */
    addHash(hash) {
        if (this.length === this.values.length) {
            const grown = new Float64Array(this.values.length * 2);
            grown.set(this.values);
            this.values = grown;
        }
        this.values[this.length++] = hash;
        this.sorted = false;
    }
    get size() {
        return this.length;
    }
    /** Sorts once and drops the spare capacity; call when the layer is done. */
    seal() {
        this.values = this.values.slice(0, this.length);
        this.values.sort();
        this.sorted = true;
    }
    has(path) {
        if (!this.sorted)
            this.seal();
        const h = pathHash(path);
        let lo = 0;
        let hi = this.length - 1;
        while (lo <= hi) {
            const mid = (lo + hi) >>> 1;
            const v = this.values[mid];
            if (v === h)
                return true;
            if (v < h)
                lo = mid + 1;
            else
                hi = mid - 1;
        }
        return false;
    }
}

;// CONCATENATED MODULE: ./src/sbom/layers/tar-header.ts
// Decoding of one 512-byte tar header block (ustar, GNU and the PAX records that override it).

const tar_header_BLOCK = 512;
class TarFormatError extends errors/* CodedError */.AK {
    constructor(message, options) {
        super('TAR_CORRUPT', message, options);
        this.name = 'TarFormatError';
    }
}
/** End of a NUL-terminated field (its length when unterminated). */
function fieldEnd(block, start, length) {
    const stop = start + length;
    for (let i = start; i < stop; i++)
        if (block[i] === 0)
            return i;
    return stop;
}
function cString(block, start, length) {
    return block.toString('utf8', start, fieldEnd(block, start, length));
}
/** Octal field (spaces and NULs around the digits), or GNU base-256 when the high bit is set. */
function numeric(block, start, length) {
    if (block[start] & 0x80) {
        let value = block[start] & 0x7f;
        for (let i = start + 1; i < start + length; i++)
            value = value * 256 + block[i];
        return value;
    }
    let value = 0;
    let digits = false;
    for (let i = start; i < start + length; i++) {
        const c = block[i];
        if (c === 0 || (c === 0x20 && digits))
            break;
        if (c === 0x20)
            continue;
        if (c < 0x30 || c > 0x37) {
            throw new TarFormatError(`bad octal field "${block.toString('latin1', start, start + length)}"`);
        }
        value = value * 8 + (c - 0x30);
        digits = true;
    }
    return value;
}
const USTAR = Buffer.from('ustar\0', 'latin1');
function isZeroBlock(block) {
    for (let i = 0; i < tar_header_BLOCK; i++)
        if (block[i] !== 0)
            return false;
    return true;
}
/** Parses a header block; throws TarFormatError when the checksum or a numeric field is wrong. */
function parseHeader(block) {
    const expected = numeric(block, 148, 8);
    // The checksum field counts as eight spaces.
    let sum = 8 * 32;
    for (let i = 0; i < 148; i++)
        sum += block[i];
    for (let i = 156; i < tar_header_BLOCK; i++)
        sum += block[i];
    if (sum !== expected)
        throw new TarFormatError(`header checksum mismatch (${sum} != ${expected})`);
    const typeflag = String.fromCharCode(block[156]);
    let name = cString(block, 0, 100);
    // Only POSIX ustar uses the prefix field; GNU stores times there.
    if (block.compare(USTAR, 0, 6, 257, 263) === 0) {
        const prefix = cString(block, 345, 155);
        if (prefix)
            name = `${prefix}/${name}`;
    }
    return {
        name,
        mode: numeric(block, 100, 8),
        size: numeric(block, 124, 12),
        typeflag,
        // Only links use the field; other entries' bytes there are not decoded.
        linkname: typeflag === '1' || typeflag === '2' ? cString(block, 157, 100) : ''
    };
}
function entryType(typeflag) {
    switch (typeflag) {
        case '0':
        case '\0':
        case '7':
            return 'file';
        case '1':
            return 'hardlink';
        case '2':
            return 'symlink';
        case '5':
            return 'directory';
        default:
            return 'other';
    }
}
/** PAX extended header records: "<len> key=value\n". */
function parsePax(data) {
    const out = {};
    let pos = 0;
    while (pos < data.length) {
        const space = data.indexOf(0x20, pos);
        if (space === -1)
            break;
        const len = parseInt(data.toString('latin1', pos, space), 10);
        if (!Number.isFinite(len) || len <= 0 || pos + len > data.length) {
            throw new TarFormatError('malformed PAX record');
        }
        const record = data.toString('utf8', space + 1, pos + len - 1);
        const eq = record.indexOf('=');
        if (eq > 0)
            out[record.slice(0, eq)] = record.slice(eq + 1);
        pos += len;
    }
    return out;
}
/**
 * Turns a tar entry name into an absolute image path ("/usr/bin/x"), or undefined when it escapes
 * the root through "..": the caller warns and skips such entries.
 */
function normalizeTarPath(name) {
    let plain = name;
    while (plain.startsWith('./'))
        plain = plain.slice(2);
    // Fast path for the usual "usr/bin/x" or "usr/bin/": nothing to resolve.
    if (plain !== '.' &&
        plain !== '..' &&
        !plain.startsWith('/') &&
        !plain.startsWith('../') &&
        !plain.includes('//') &&
        !plain.includes('/./') &&
        !plain.includes('/../') &&
        !plain.endsWith('/.') &&
        !plain.endsWith('/..')) {
        const trimmed = plain.endsWith('/') ? plain.slice(0, -1) : plain;
        return '/' + trimmed;
    }
    const parts = [];
    for (const part of name.split('/')) {
        if (part === '' || part === '.')
            continue;
        if (part === '..') {
            if (parts.length === 0)
                return undefined;
            parts.pop();
            continue;
        }
        parts.push(part);
    }
    return '/' + parts.join('/');
}

;// CONCATENATED MODULE: ./src/sbom/layers/tar-stream.ts
// A streaming tar parser: chunks in, entries out; bodies go to a sink or are skipped without copying.

/** Metadata entries (long names, PAX) are small; a larger one means a corrupt or hostile tar. */
const MAX_META_BYTES = 1024 * 1024;
/** Link, symlink, char and block devices, directory, FIFO. */
const HEADER_ONLY = new Set(['1', '2', '3', '4', '5', '6']);
class TarStreamParser {
    handler;
    state = 'header';
    header = Buffer.alloc(tar_header_BLOCK);
    headerFill = 0;
    remaining = 0;
    padding = 0;
    sink;
    meta = [];
    metaKind = '';
    longName;
    longLink;
    pax = {};
    globalPax = {};
    zeroBlocks = 0;
    entries = 0;
    constructor(handler) {
        this.handler = handler;
    }
    get finished() {
        return this.state === 'done';
    }
    /** After the end-of-archive marker, input is ignored (it is still read, for the digest). */
    async write(chunk) {
        let pos = 0;
        while (pos < chunk.length) {
            switch (this.state) {
                case 'done':
                    return;
                case 'header': {
                    const take = Math.min(tar_header_BLOCK - this.headerFill, chunk.length - pos);
                    chunk.copy(this.header, this.headerFill, pos, pos + take);
                    this.headerFill += take;
                    pos += take;
                    if (this.headerFill === tar_header_BLOCK) {
                        this.headerFill = 0;
                        await this.onHeader();
                    }
                    break;
                }
                case 'body':
                case 'meta': {
                    const take = Math.min(this.remaining, chunk.length - pos);
                    // Skipped bodies (almost all bytes) cost no slice and no await.
                    if (this.state === 'meta')
                        this.meta.push(Buffer.from(chunk.subarray(pos, pos + take)));
                    else if (this.sink)
                        await this.sink.data(chunk.subarray(pos, pos + take));
                    pos += take;
                    this.remaining -= take;
                    if (this.remaining === 0)
                        await this.endBody();
                    break;
                }
                case 'padding': {
                    const take = Math.min(this.padding, chunk.length - pos);
                    pos += take;
                    this.padding -= take;
                    if (this.padding === 0)
                        this.state = 'header';
                    break;
                }
            }
        }
    }
    /** Called at end of input; a tar cut short in a body or header is an error (missing padding is not). */
    end() {
        if (this.state === 'done' || this.state === 'padding')
            return;
        if (this.state === 'header' && this.headerFill === 0)
            return;
        throw new TarFormatError(`tar ends inside an entry (${this.state}, ${this.remaining} bytes missing)`);
    }
    async onHeader() {
        if (isZeroBlock(this.header)) {
            if (++this.zeroBlocks >= 2)
                this.state = 'done';
            return;
        }
        this.zeroBlocks = 0;
        const raw = parseHeader(this.header);
        const flag = raw.typeflag;
        if (flag === 'L' || flag === 'K' || flag === 'x' || flag === 'g') {
            if (raw.size > MAX_META_BYTES)
                throw new TarFormatError(`metadata entry of ${raw.size} bytes`);
            this.metaKind = flag;
            this.meta = [];
            await this.startBody(raw.size, 'meta');
            return;
        }
        const paxSize = this.pax['size'] ?? this.globalPax['size'];
        const size = paxSize !== undefined ? Number(paxSize) : raw.size;
        if (!Number.isSafeInteger(size) || size < 0)
            throw new TarFormatError(`bad entry size ${paxSize}`);
        const name = this.pax['path'] ?? this.longName ?? raw.name;
        const link = this.pax['linkpath'] ?? this.longLink ?? raw.linkname;
        this.pax = {};
        this.longName = undefined;
        this.longLink = undefined;
        this.entries++;
        const type = entryType(flag);
        // Header-only types carry no body whatever the size field says (as Go's archive/tar reads them).
        const bodySize = HEADER_ONLY.has(flag) ? 0 : size;
        const path = name.startsWith('/') ? undefined : normalizeTarPath(name);
        if (path === undefined) {
            this.handler.rejected(name, name.startsWith('/') ? 'absolute path' : 'path escapes the root');
            await this.startBody(bodySize, 'body');
            return;
        }
        let linkname = link;
        if (type === 'hardlink') {
            const target = link.startsWith('/') ? undefined : normalizeTarPath(link);
            if (target === undefined) {
                this.handler.rejected(name, `hardlink target "${link}" escapes the root`);
                await this.startBody(bodySize, 'body');
                return;
            }
            linkname = target;
        }
        this.sink = await this.handler.entry({ path, type, size: bodySize, mode: raw.mode & 0o7777, linkname });
        await this.startBody(bodySize, 'body');
    }
    /** Enters a body; an empty one completes at once so its sink still sees end(). */
    async startBody(size, state) {
        this.remaining = size;
        this.padding = (tar_header_BLOCK - (size % tar_header_BLOCK)) % tar_header_BLOCK;
        this.state = state;
        if (size === 0)
            await this.endBody();
    }
    async endBody() {
        if (this.state === 'meta') {
            const data = Buffer.concat(this.meta);
            this.meta = [];
            if (this.metaKind === 'L')
                this.longName = data.toString('utf8').replace(/\0+$/, '');
            else if (this.metaKind === 'K')
                this.longLink = data.toString('utf8').replace(/\0+$/, '');
            else if (this.metaKind === 'x')
                this.pax = parsePax(data);
            else
                this.globalPax = { ...this.globalPax, ...parsePax(data) };
        }
        else if (this.sink) {
            const sink = this.sink;
            this.sink = undefined;
            await sink.end();
        }
        this.state = this.padding > 0 ? 'padding' : 'header';
    }
}

;// CONCATENATED MODULE: ./src/sbom/layers/read-layer.ts
// Streams one layer blob: decompress, walk the tar, buffer the files catalogers want, note the rest
// only as far as the merge needs (whiteouts, replaced paths, symlinks).










const EMPTY = Buffer.alloc(0);
const ENTRY_KINDS = {
    directory: 'directory',
    file: 'file',
    // The second name of a regular file in the same layer.
    hardlink: 'file',
    symlink: 'symlink'
};
const WHITEOUT = '.wh.';
const OPAQUE = '.wh..wh..opq';
async function readLayer(opts) {
    const { layer, limits, wanters, warn, consumer } = opts;
    /** Size and mode of this layer's wanted files, for hardlinks to them. */
    const wanted = new Map();
    let spills = 0;
    let symlinksCapped = false;
    const where = `layer ${layer.index} (${layer.digest})`;
    const contents = {
        layer,
        compression: 'none',
        whiteouts: [],
        opaqueDirs: [],
        entries: new PathHashSet(),
        nonDirectories: new PathHashSet(),
        symlinks: new Map(),
        expandedBytes: 0,
        entryCount: 0
    };
    const spillFile = async (path) => {
        contents.spillDir ??= await (0,external_node_fs_promises_.mkdtemp)((0,external_node_path_.join)((0,external_node_os_.tmpdir)(), 'oci-attest-sbom-'));
        return (0,external_node_path_.join)(contents.spillDir, `${spills++}-${external_node_path_.posix.basename(path)}`);
    };
    // Few catalogers take entries by path (Nix); the rest cost nothing per tar entry.
    const entryWanters = wanters.flatMap((w, i) => (w.wantsEntry ? [i] : []));
    const wantedBy = (candidate) => {
        const by = [];
        for (let i = 0; i < wanters.length; i++)
            if (wanters[i].wants(candidate))
                by.push(i);
        return by;
    };
    const onEntry = async (entry) => {
        if (++contents.entryCount > limits.maxLayerEntries) {
            throw new SbomError('SBOM_LAYER_TOO_LARGE', `${where} has more than ${limits.maxLayerEntries} entries`);
        }
        const slash = entry.path.lastIndexOf('/');
        if (entry.path.startsWith(WHITEOUT, slash + 1)) {
            const base = entry.path.slice(slash + 1);
            const dir = slash === 0 ? '/' : entry.path.slice(0, slash);
            if (base === OPAQUE)
                contents.opaqueDirs.push(dir);
            else
                contents.whiteouts.push(external_node_path_.posix.join(dir, base.slice(WHITEOUT.length)));
            return undefined;
        }
        const kind = entryWanters.length > 0 ? ENTRY_KINDS[entry.type] : undefined;
        if (kind) {
            const by = entryWanters.filter(i => wanters[i].wantsEntry(entry.path, kind));
            if (by.length > 0) {
                await consumer.file({
                    path: entry.path,
                    size: 0,
                    mode: entry.mode,
                    layer: { index: layer.index, diffId: layer.diffId },
                    wantedBy: by,
                    data: EMPTY,
                    sha256: '',
                    pathOnly: kind
                });
            }
        }
        const hash = pathHash(entry.path);
        contents.entries.addHash(hash);
        if (entry.type !== 'directory')
            contents.nonDirectories.addHash(hash);
        // A later entry at the same path replaces an earlier one within the layer too.
        if (wanted.delete(entry.path))
            consumer.replaced(entry.path);
        if (entry.type === 'symlink') {
            if (contents.symlinks.size < limits.maxSymlinksPerLayer)
                contents.symlinks.set(entry.path, entry.linkname);
            else if (contents.symlinks.size === limits.maxSymlinksPerLayer && !symlinksCapped) {
                symlinksCapped = true;
                warn(`${where}: more than ${limits.maxSymlinksPerLayer} symlinks; paths through later ones are not resolved`);
            }
            return undefined;
        }
        if (entry.type === 'hardlink') {
            const target = wanted.get(entry.linkname);
            if (!target)
                return undefined;
            const linkWantedBy = wantedBy({ path: entry.path, ...target });
            if (linkWantedBy.length === 0)
                return undefined;
            wanted.set(entry.path, target);
            consumer.hardlink(entry.path, entry.linkname, linkWantedBy);
            return undefined;
        }
        if (entry.type !== 'file')
            return undefined;
        const candidate = { path: entry.path, size: entry.size, mode: entry.mode };
        const by = wantedBy(candidate);
        if (by.length === 0)
            return undefined;
        // Wanted for a header only, by every taker: keep that prefix, skip the rest of the file.
        const header = Math.max(...by.map(i => wanters[i].headerBytes ?? Infinity));
        if (header < entry.size) {
            wanted.set(entry.path, { size: entry.size, mode: entry.mode });
            return prefixSink({ ...candidate, layer: { index: layer.index, diffId: layer.diffId }, wantedBy: by, sha256: '' }, consumer, header);
        }
        if (entry.size > limits.maxFileBytes) {
            warn(`${where}: skipped ${entry.path}: ${entry.size} bytes is above the per-file cap of ${limits.maxFileBytes}`);
            return undefined;
        }
        const file = {
            ...candidate,
            layer: { index: layer.index, diffId: layer.diffId },
            wantedBy: by,
            sha256: ''
        };
        wanted.set(entry.path, { size: entry.size, mode: entry.mode });
        return entry.size <= limits.maxBufferedFileBytes
            ? memorySink(file, consumer, opts.hashFiles ?? false)
            : await spillSink(file, consumer, await spillFile(entry.path), opts.hashFiles ?? false);
    };
    const parser = new TarStreamParser({
        entry: onEntry,
        rejected: (name, reason) => warn(`${where}: skipped tar entry "${name}": ${reason}`)
    });
    let stream;
    // Stops a registry read at once when the layer is abandoned midway (the connection is not drained).
    const cancel = new AbortController();
    try {
        stream = await opts.open(cancel.signal);
    }
    catch (err) {
        throw new SbomError('SBOM_BLOB_MISSING', `${where}: cannot open the blob: ${(0,errors/* errorText */.kc)(err)}`, {
            cause: err
        });
    }
    let compressedBytes = 0;
    try {
        const chunks = decompressed(stream, {
            onCompression: kind => (contents.compression = kind),
            onCompressedBytes: n => (compressedBytes += n),
            cancel: () => cancel.abort()
        });
        for await (const chunk of chunks) {
            contents.expandedBytes += chunk.length;
            if (contents.expandedBytes > limits.maxLayerBytes) {
                throw new SbomError('SBOM_LAYER_TOO_LARGE', `${where} expands beyond ${limits.maxLayerBytes} bytes (decompression bomb?); raise the layer cap to read it`);
            }
            opts.onBytes?.(compressedBytes, chunk.length);
            compressedBytes = 0;
            await parser.write(chunk);
        }
        parser.end();
    }
    catch (err) {
        await releaseLayer(contents);
        throw layerError(err, where);
    }
    await releaseLayer(contents);
    contents.entries.seal();
    contents.nonDirectories.seal();
    return contents;
}
function layerError(err, where) {
    if (err instanceof SbomError)
        return err;
    const code = err.code;
    if (code === 'DIGEST_MISMATCH' || code === 'SBOM_DIGEST_MISMATCH') {
        return new SbomError('SBOM_DIGEST_MISMATCH', `${where}: ${(0,errors/* errorText */.kc)(err)}`, { cause: err });
    }
    return new SbomError('SBOM_CORRUPT_LAYER', `${where} is corrupt or truncated: ${(0,errors/* errorText */.kc)(err)}`, {
        cause: err
    });
}
function memorySink(file, consumer, hashing) {
    // The size is known from the header: one allocation, no chunk list and no concatenation copy; not
    // from the shared pool, so it can be released on its own (executables of tens of MiB, hundreds per image).
    const data = Buffer.allocUnsafeSlow(file.size);
    let filled = 0;
    const hash = hashing ? (0,external_node_crypto_.createHash)('sha256') : undefined;
    return {
        data(chunk) {
            chunk.copy(data, filled);
            filled += chunk.length;
            hash?.update(chunk);
        },
        async end() {
            file.data = data;
            file.sha256 = hash?.digest('hex') ?? '';
            try {
                await consumer.file(file);
            }
            finally {
                file.data = undefined;
                releaseBuffer(data);
            }
        }
    };
}
/** Keeps the first `keep` bytes of a file (no hash: file components need whole files). */
function prefixSink(file, consumer, keep) {
    const data = Buffer.allocUnsafeSlow(keep);
    let filled = 0;
    return {
        data(chunk) {
            if (filled < keep)
                filled += chunk.copy(data, filled, 0, Math.min(chunk.length, keep - filled));
        },
        async end() {
            file.data = data.subarray(0, filled);
            try {
                await consumer.file(file);
            }
            finally {
                file.data = undefined;
                releaseBuffer(data);
            }
        }
    };
}
async function spillSink(file, consumer, spillPath, hashing) {
    const handle = await (0,external_node_fs_promises_.open)(spillPath, 'w', 0o600);
    const hash = hashing ? (0,external_node_crypto_.createHash)('sha256') : undefined;
    return {
        async data(chunk) {
            hash?.update(chunk);
            await handle.write(chunk);
        },
        async end() {
            await handle.close();
            file.spillPath = spillPath;
            file.sha256 = hash?.digest('hex') ?? '';
            try {
                await consumer.file(file);
            }
            finally {
                await (0,external_node_fs_promises_.rm)(spillPath, { force: true });
            }
        }
    };
}
/** Removes the spill directory; safe to call twice. */
async function releaseLayer(contents) {
    if (contents.spillDir) {
        const dir = contents.spillDir;
        contents.spillDir = undefined;
        await (0,external_node_fs_promises_.rm)(dir, { recursive: true, force: true });
    }
}

;// CONCATENATED MODULE: ./src/sbom/layers/scan.ts
// Reads all layers (a few at a time), merges them, and turns the final filesystem's databases into
// packages credited to the layer that introduced them.








async function scanLayers(opts) {
    const parsed = await readAll(opts);
    const merge = new LayerMerge(parsed);
    const visible = (path, layer) => {
        if (merge.hidden(path, layer))
            return false;
        const real = merge.resolveParents(path);
        return real === path || !merge.hidden(real, layer);
    };
    const identity = parsed.flatMap(l => l.identityFiles.filter(f => visible(f.path, l.layer.index)));
    const distro = osReleaseCataloger.parseDistro(identity);
    // One entry per cataloger that read a file: visibility is decided once per layer and path.
    const finals = [];
    const seenPaths = new Map();
    const files = [];
    for (const layer of parsed) {
        for (const file of layer.parsed) {
            const key = `${layer.layer.index}\0${file.path}`;
            let shown = seenPaths.get(key);
            if (shown === undefined) {
                shown = visible(file.path, layer.layer.index);
                seenPaths.set(key, shown);
                if (shown) {
                    files.push({
                        path: file.path,
                        sha256: file.sha256,
                        size: file.size,
                        layer: { index: layer.layer.index, diffId: layer.layer.diffId }
                    });
                }
            }
            if (shown)
                finals.push({ file, layer });
        }
    }
    const byCataloger = new Map();
    const enrichFiles = new Map();
    for (const { file } of finals) {
        const cataloger = opts.catalogers[file.cataloger];
        const ctx = { distro, warn: (m) => opts.warn(`${cataloger.name}: ${file.path}: ${m}`) };
        const packages = file.needsDistro && file.retained
            ? await reparse(cataloger, file.retained, ctx, opts.warn)
            : file.packages;
        const list = byCataloger.get(file.cataloger) ?? [];
        list.push(...packages);
        byCataloger.set(file.cataloger, list);
        if (packages.length === 0 && file.retained && (cataloger.keepForEnrich?.(file.retained) ?? true)) {
            const kept = enrichFiles.get(file.cataloger) ?? [];
            kept.push(file.retained);
            enrichFiles.set(file.cataloger, kept);
        }
    }
    // Every cataloger with an enrich() gets its pass, also when it kept no files (it may only relate its packages).
    for (const [index, cataloger] of opts.catalogers.entries()) {
        if (!cataloger.enrich || !byCataloger.has(index))
            continue;
        const files = enrichFiles.get(index) ?? [];
        try {
            const replaced = cataloger.enrich(byCataloger.get(index) ?? [], files, {
                distro,
                warn: m => opts.warn(`${cataloger.name}: ${m}`)
            });
            if (replaced)
                byCataloger.set(index, replaced);
        }
        catch (err) {
            opts.warn(`${cataloger.name}: enrich failed: ${(0,errors/* errorText */.kc)(err)}`);
        }
    }
    const packages = dropOwnedBinaries([...byCataloger.values()].flat(), merge);
    credit(packages, parsed);
    return { packages: dedupe(packages), ...(distro ? { distro } : {}), files };
}
/**
 * Syft's rule: a classified binary whose file an OS package owns is that package, not another.
 * Ownership is judged on real paths: dpkg lists /bin/bash, merged-/usr images hold /usr/bin/bash.
 */
function dropOwnedBinaries(packages, merge) {
    const views = packages.map(p => {
        if (!p.files?.length)
            return p;
        const resolved = p.files.map(f => ({ ...f, path: merge.resolveParents(f.path) }));
        return { ...p, files: [...p.files, ...resolved.filter((f, i) => f.path !== p.files[i].path)] };
    });
    const kept = new Set(dropBinariesOwnedByOsPackages(views));
    return packages.filter((_, i) => kept.has(views[i]));
}
/** Trivy's rule: the first layer whose databases listed the same package introduced it. */
function credit(packages, layers) {
    for (const pkg of packages) {
        const key = packageKey(pkg);
        const first = layers.find(l => l.listed.has(key));
        if (first)
            pkg.layer = { index: first.layer.index, diffId: first.layer.diffId };
    }
}
/**
 * Only exact repeats collapse (a hardlink to a file already read): like Syft, the same module in two
 * binaries stays two packages, so each binary keeps its own dependency graph.
 */
function dedupe(packages) {
    const seen = new Map();
    for (const pkg of packages) {
        const key = `${pkg.purl}\0${pkg.foundBy}\0${pkg.name}\0${pkg.version}\0${JSON.stringify(pkg.metadata ?? {})}\0${pkg.locations.join('\0')}`;
        const prior = seen.get(key);
        if (!prior) {
            seen.set(key, { ...pkg, locations: [...pkg.locations] });
            continue;
        }
        for (const loc of pkg.locations)
            if (!prior.locations.includes(loc))
                prior.locations.push(loc);
        if (pkg.layer && (!prior.layer || pkg.layer.index < prior.layer.index))
            prior.layer = pkg.layer;
    }
    return [...seen.values()];
}
const PROGRESS_STEP = 64 * 1024 * 1024;
const LAYER_RETRIES = 2;
/** Network failures (anywhere in the cause chain) are worth another read; bad bytes are not. */
function isTransient(err) {
    for (let e = err, depth = 0; e && depth < 8; e = e.cause, depth++) {
        const code = e.code;
        if (code === 'HTTP_NETWORK' || code === 'HTTP_TIMEOUT' || code === 'ECONNRESET')
            return true;
    }
    return false;
}
async function readAll(opts) {
    const { layers, limits } = opts;
    const results = new Array(layers.length);
    const progress = {
        layersDone: 0,
        layersTotal: layers.length,
        bytesRead: 0,
        bytesTotal: layers.reduce((n, l) => n + l.size, 0),
        expandedBytes: 0
    };
    const wanters = [osReleaseCataloger, ...opts.catalogers];
    let next = 0;
    let nextReport = PROGRESS_STEP;
    let failed;
    const readOnce = async (source) => {
        const parser = new LayerParser(opts.catalogers, `layer ${source.index} (${source.digest})`, opts.warn);
        let counted = 0;
        let expandedHere = 0;
        try {
            const contents = await readLayer({
                consumer: parser,
                layer: { index: source.index, diffId: source.diffId, digest: source.digest },
                open: source.open,
                wanters,
                limits,
                warn: opts.warn,
                hashFiles: opts.hashFiles ?? false,
                onBytes: (compressed, expanded) => {
                    counted += compressed;
                    expandedHere += expanded;
                    progress.bytesRead += compressed;
                    progress.expandedBytes += expanded;
                    // Long layers report every 64 MiB read as well as when they finish.
                    if (progress.bytesRead >= nextReport) {
                        nextReport = progress.bytesRead + PROGRESS_STEP;
                        opts.onProgress?.({ ...progress });
                    }
                }
            });
            return parser.finish(contents);
        }
        catch (err) {
            progress.bytesRead -= counted;
            progress.expandedBytes -= expandedHere;
            throw err;
        }
    };
    const worker = async () => {
        while (failed === undefined && next < layers.length) {
            const source = layers[next++];
            try {
                for (let attempt = 1;; attempt++) {
                    try {
                        results[source.index] = await readOnce(source);
                        break;
                    }
                    catch (err) {
                        // A connection that breaks mid-blob cannot be resumed by the HTTP client: read the layer again.
                        if (attempt > LAYER_RETRIES || !isTransient(err))
                            throw err;
                        opts.warn(`layer ${source.index} (${source.digest}): ${(0,errors/* errorText */.kc)(err)}; reading it again (attempt ${attempt + 1})`);
                        // The HTTP client's backoff, so a registry that just dropped us is not hit again at once.
                        await (0,promises_.setTimeout)((0,http/* backoffDelay */.EY)(attempt, http/* DEFAULT_RETRY_POLICY */.cO));
                    }
                }
                progress.layersDone++;
                opts.onProgress?.({ ...progress });
            }
            catch (err) {
                failed ??= err;
            }
        }
    };
    await Promise.all(Array.from({ length: Math.max(1, Math.min(limits.concurrency, layers.length)) }, worker));
    if (failed !== undefined)
        throw failed;
    return results;
}

// EXTERNAL MODULE: external "node:v8"
var external_node_v8_ = __webpack_require__(78877);
;// CONCATENATED MODULE: ./src/sbom/layers/young-generation.ts
// Merging, CPE generation and the document of thousands of components keep most of what they allocate
// alive to the end, so V8 grows its young generation to the maximum (~100 MiB more RSS on 8,000
// components) for objects that survive anyway; held at its size, they are promoted instead.

/** V8's default (flag-definitions.h); read when the young generation grows, so it can be set at run time. */
const DEFAULT_GROWTH = 2;
let holders = 0;
/** Keeps V8's young generation from growing until the returned function is called (once per hold). */
function holdYoungGeneration() {
    if (holders++ === 0)
        (0,external_node_v8_.setFlagsFromString)('--semi-space-growth-factor=1');
    let released = false;
    return () => {
        if (released)
            return;
        released = true;
        if (--holders === 0)
            (0,external_node_v8_.setFlagsFromString)(`--semi-space-growth-factor=${DEFAULT_GROWTH}`);
    };
}

;// CONCATENATED MODULE: ./src/sbom/output/bom-refs.ts
// Stable, unique identifiers for packages: the same image gives the same refs run after run.

function packageId(p) {
    return (0,external_node_crypto_.createHash)('sha256')
        .update([p.type, p.name, p.version, p.purl, p.foundBy, ...p.locations].join('\0'))
        .digest('hex')
        .slice(0, 16);
}
/** Syft-style bom-ref: the purl with a package-id qualifier (unique even for the same purl twice). */
function bomRefs(packages) {
    return packages.map(p => {
        const id = packageId(p);
        if (!p.purl)
            return `pkg-${id}`;
        return `${p.purl}${p.purl.includes('?') ? '&' : '?'}package-id=${id}`;
    });
}
function spdxIds(packages) {
    return packages.map(p => {
        const safe = `${p.type}-${p.name}`.replace(/[^A-Za-z0-9.-]+/g, '-').slice(0, 80);
        return `SPDXRef-Package-${safe}-${packageId(p)}`;
    });
}
/** Deterministic order: purl, then name, version, first location. */
function sortPackages(packages) {
    const key = (p) => [p.purl, p.name, p.version, p.type, p.locations[0] ?? ''].join('\0');
    return [...packages].sort((a, b) => {
        const ka = key(a);
        const kb = key(b);
        return ka < kb ? -1 : ka > kb ? 1 : 0;
    });
}

// EXTERNAL MODULE: ./node_modules/@cyclonedx/cyclonedx-library/dist.node/index.node.js
var index_node = __webpack_require__(54567);
;// CONCATENATED MODULE: ./src/sbom/catalogers/dependency-scope.ts
// Which packages a package's dependsOn names may resolve to, the way Syft relates them.
/**
 * Packages sharing a scope key may satisfy each other's dependsOn (by name or provides):
 * - OS packages: the same database directory (`status`, `status.d/`, `rpm/`, `apk/db/`);
 * - Go modules, Rust crates, Java archives: the same file (a binary's modules say nothing about another's);
 * - Python: the enclosing site-packages (or dist-packages) directory, vendored distributions included;
 * - the Linux kernel and its modules: the whole image (a module names the kernel version it was built for);
 * - Arch packages: the pacman database (`/var/lib/pacman/local`, one directory per package);
 * - CPAN distributions: the whole image (Syft resolves MYMETA prerequisites over every distribution it found);
 * - Nix store paths: the whole image (they depend on each other by store path, which `provides` carries);
 * - anything else: the same file.
 */
function dependencyScope(p) {
    // PHP extensions relate to every interpreter in the image.
    if (p.foundBy === 'php-interpreter-cataloger')
        return 'php-interpreter\0';
    const location = p.locations[0] ?? '';
    switch (p.type) {
        case 'deb':
        case 'rpm':
        case 'apk':
            return `${p.type}\0${location.slice(0, location.lastIndexOf('/'))}`;
        case 'python': {
            const parts = location.split('/');
            for (let i = parts.length - 2; i >= 0; i--) {
                if (parts[i] === 'site-packages' || parts[i] === 'dist-packages')
                    return `python\0${parts.slice(0, i + 1).join('/')}`;
            }
            return 'python\0';
        }
        case 'alpm':
            return `alpm\0${location.slice(0, location.lastIndexOf('/', location.lastIndexOf('/') - 1))}`;
        case 'cpan':
            return 'cpan\0';
        case 'nix':
            return 'nix\0';
        case 'linux-kernel':
        case 'linux-kernel-module':
            return 'linux-kernel\0';
        default:
            return `${p.type}\0${location}`;
    }
}

;// CONCATENATED MODULE: ./src/sbom/output/dependencies.ts
// Resolves the names packages depend on (dpkg Depends, rpm Requires, apk D:, Go) to the packages
// that are or provide them, within the same dependency scope (database, binary, site-packages).

/** "libc6 (>= 2.34)" → "libc6"; "so:libc.musl-x86_64.so.1" stays whole; ":any" suffixes dropped. */
function bareName(dep) {
    return dep
        .trim()
        .split(/[\s(<>=]/)[0]
        .replace(/:any$/, '');
}
/** For each package index, the indices of the packages it depends on (sorted, no self-loops). */
function resolveDependencies(packages) {
    return dependencyGraph(packages).edges;
}
function dependencyGraph(packages) {
    const byName = new Map();
    const add = (key, i) => {
        const list = byName.get(key);
        if (!list)
            byName.set(key, [i]);
        else if (!list.includes(i))
            list.push(i);
    };
    const scopes = packages.map(p => dependencyScope(p));
    packages.forEach((p, i) => {
        add(`${scopes[i]}\0${p.name}`, i);
        for (const provided of p.provides ?? [])
            add(`${scopes[i]}\0${bareName(provided)}`, i);
    });
    const out = new Map();
    const resolvedAll = new Set();
    packages.forEach((p, i) => {
        if (!p.dependsOn?.length)
            return;
        const targets = new Set();
        let unresolved = 0;
        for (const dep of p.dependsOn) {
            // "a | b": the first alternative that is installed.
            let found = false;
            for (const alt of dep.split('|')) {
                const hits = byName.get(`${scopes[i]}\0${bareName(alt)}`);
                if (hits) {
                    for (const t of hits)
                        if (t !== i)
                            targets.add(t);
                    found = true;
                    break;
                }
            }
            if (!found)
                unresolved++;
        }
        if (unresolved === 0)
            resolvedAll.add(i);
        if (targets.size > 0)
            out.set(i, [...targets].sort((a, b) => a - b));
    });
    return { edges: out, resolvedAll };
}

;// CONCATENATED MODULE: ./src/sbom/output/external-refs.ts

/** Syft keeps a link only when it parses as a URL with a host (so `git@github.com:x/y` is left out). */
function hasHost(url) {
    try {
        return new URL(url).host !== '';
    }
    catch {
        return false;
    }
}
function external_refs_parsePurl(purl) {
    const [path, query = ''] = purl.replace(/^pkg:/, '').split('?');
    const segments = path.split('/');
    const qualifiers = new Map();
    for (const kv of query.split('&').filter(Boolean)) {
        const eq = kv.indexOf('=');
        qualifiers.set(kv.slice(0, eq), decodeURIComponent(kv.slice(eq + 1)));
    }
    return {
        type: segments[0],
        namespace: segments.slice(1, -1).map(decodeURIComponent).join('/'),
        qualifiers
    };
}
/** The source package a deb or rpm was built from, as a purl, when it differs from the binary package. */
function sourcePackagePurl(p) {
    if (!p.purl || (p.type !== 'deb' && p.type !== 'rpm'))
        return undefined;
    const m = p.metadata ?? {};
    let src;
    let binVersion;
    if (p.type === 'deb') {
        src = { name: m['source'] ?? '', version: m['sourceVersion'] || p.version, arch: 'source' };
        binVersion = p.version;
    }
    else {
        // "bash-5.1.8-9.el9.src.rpm" → name bash, version 5.1.8-9.el9 (the version carries the release).
        const nvr = /^(.*)-([^-]+)-([^-]+)\.(src|nosrc)\.rpm$/.exec(m['sourceRpm'] ?? '');
        if (!nvr)
            return undefined;
        src = { name: nvr[1], version: `${nvr[2]}-${nvr[3]}`, arch: nvr[4] };
        binVersion = p.version.replace(/^\d+:/, '');
    }
    if (src.name === '' || src.version === '')
        return undefined;
    if (src.name === p.name && src.version === binVersion)
        return undefined;
    const bin = external_refs_parsePurl(p.purl);
    const keep = p.type === 'rpm' ? ['distro', 'epoch', 'rpmmod'] : ['distro'];
    const qualifiers = { arch: src.arch };
    for (const k of keep)
        qualifiers[k] = bin.qualifiers.get(k);
    return formatPurl({
        type: bin.type,
        namespace: bin.namespace,
        name: src.name,
        version: src.version,
        qualifiers
    });
}
/** In Syft's order: metadata links (distribution, website, build-meta digests, VCS), then the source package. */
function externalRefs(p) {
    const refs = [];
    if (p.downloadUrl && hasHost(p.downloadUrl))
        refs.push({ type: 'distribution', url: p.downloadUrl });
    if (p.homepage && hasHost(p.homepage))
        refs.push({ type: 'website', url: p.homepage });
    if (p.type === 'java-archive' || p.type === 'jenkins-plugin')
        for (const d of p.digests ?? [])
            refs.push({ type: 'build-meta', url: '', hashes: [{ algorithm: d.algorithm, value: d.value }] });
    if (p.vcs)
        refs.push({
            type: 'vcs',
            url: p.vcs.url,
            ...(p.vcs.commit ? { comment: `commit: ${p.vcs.commit}` } : {})
        });
    const source = sourcePackagePurl(p);
    if (source)
        refs.push({ type: 'source-distribution', url: source });
    return refs;
}

;// CONCATENATED MODULE: ./src/sbom/output/index-sbom.ts
// The SBOM of a multi-arch index, composed from its platform images' SBOMs of the same run (no layer is read twice).
// Scanners that look up SBOMs by the tag's digest (Trivy `--sbom-sources oci`) find the index, not its images: the
// document lists every platform image as a component and every package once, flat, as scanners read packages,
// with the image → package relation in `dependencies` (CycloneDX) or CONTAINS relationships (SPDX).


/** `pkg:oci/<name>@<digest>?repository_url=<registry/repo>`, as Syft and vexctl write image purls. */
function ociPurl(repository, digest, qualifiers = {}) {
    const name = repository.split('/').pop().toLowerCase();
    return formatPurl({
        type: 'oci',
        name,
        version: digest,
        qualifiers: { repository_url: repository, ...qualifiers }
    });
}
function composeIndexSbom(input) {
    if (input.platforms.length === 0)
        throw new Error(`no platform SBOMs to compose for ${input.repository}`);
    return input.format === 'spdx-json' ? composeSpdx(input) : composeCycloneDx(input);
}
function composeCycloneDx(input) {
    const indexRef = `index:${input.repository}@${input.digest}`;
    const first = input.platforms[0].document;
    const images = [];
    const packages = new Map();
    const dependsOn = new Map([[indexRef, new Set()]]);
    for (const p of input.platforms) {
        const metadata = p.document.metadata;
        const image = { ...metadata.component };
        const imageRef = String(image['bom-ref']);
        images.push(image);
        dependsOn.get(indexRef).add(imageRef);
        const contains = new Set();
        for (const c of p.document.components ?? []) {
            // bom-refs hash a package's content (purl, locations…): equal refs are equal packages, listed once.
            const ref = String(c['bom-ref']);
            if (!packages.has(ref))
                packages.set(ref, c);
            contains.add(ref);
        }
        dependsOn.set(imageRef, contains);
        for (const d of p.document.dependencies ?? []) {
            if (d.ref === imageRef)
                continue;
            const set = dependsOn.get(d.ref) ?? new Set();
            for (const t of d.dependsOn ?? [])
                set.add(t);
            dependsOn.set(d.ref, set);
        }
    }
    const document = {
        $schema: first.$schema,
        bomFormat: 'CycloneDX',
        specVersion: first.specVersion,
        version: 1,
        serialNumber: `urn:uuid:${(0,external_node_crypto_.randomUUID)()}`,
        metadata: {
            timestamp: (input.timestamp ?? new Date()).toISOString(),
            // Lifecycle, tools and data license as the platform documents state them.
            ...pick(first.metadata, ['lifecycles', 'tools', 'licenses']),
            component: {
                type: 'container',
                name: input.repository,
                version: input.digest,
                'bom-ref': indexRef,
                purl: ociPurl(input.repository, input.digest),
                ...(input.digest.startsWith('sha256:')
                    ? { hashes: [{ alg: 'SHA-256', content: input.digest.slice('sha256:'.length) }] }
                    : {}),
                properties: [
                    { name: 'oci-attest:image:manifestDigest', value: input.digest },
                    ...input.platforms.map(p => ({ name: 'oci-attest:index:platform', value: p.platform }))
                ]
            }
        },
        components: [...images, ...packages.values()],
        dependencies: [...dependsOn].map(([ref, targets]) => targets.size ? { ref, dependsOn: [...targets].sort() } : { ref })
    };
    return { document, packageCount: packages.size };
}
function pick(from, keys) {
    return Object.fromEntries(keys.filter(k => from[k] !== undefined).map(k => [k, from[k]]));
}
const ROOT_IDS = ['SPDXRef-DocumentRoot-Image', 'SPDXRef-OperatingSystem'];
function composeSpdx(input) {
    const indexId = 'SPDXRef-DocumentRoot-Index';
    const first = input.platforms[0].document;
    const packages = new Map();
    const relationships = [
        { spdxElementId: 'SPDXRef-DOCUMENT', relationshipType: 'DESCRIBES', relatedSpdxElement: indexId }
    ];
    const seen = new Set();
    let packageCount = 0;
    input.platforms.forEach((p, i) => {
        // Each platform document names its image and OS with the same fixed IDs: make them unique per platform.
        const rename = (id) => (ROOT_IDS.includes(id) ? `${id}-${i + 1}` : id);
        for (const pkg of p.document.packages ?? []) {
            const id = rename(String(pkg.SPDXID));
            if (packages.has(id))
                continue;
            packages.set(id, { ...pkg, SPDXID: id });
            if (!ROOT_IDS.includes(String(pkg.SPDXID)))
                packageCount++;
        }
        relationships.push({
            spdxElementId: indexId,
            relationshipType: 'CONTAINS',
            relatedSpdxElement: rename(ROOT_IDS[0])
        });
        for (const r of p.document.relationships ?? []) {
            if (r.spdxElementId === 'SPDXRef-DOCUMENT')
                continue;
            const rel = {
                ...r,
                spdxElementId: rename(String(r.spdxElementId)),
                relatedSpdxElement: rename(String(r.relatedSpdxElement))
            };
            const key = JSON.stringify(rel);
            if (seen.has(key))
                continue;
            seen.add(key);
            relationships.push(rel);
        }
    });
    const index = {
        name: input.repository,
        SPDXID: indexId,
        versionInfo: input.digest,
        supplier: 'NOASSERTION',
        downloadLocation: 'NOASSERTION',
        filesAnalyzed: false,
        licenseConcluded: 'NOASSERTION',
        licenseDeclared: 'NOASSERTION',
        copyrightText: 'NOASSERTION',
        primaryPackagePurpose: 'CONTAINER',
        checksums: [{ algorithm: 'SHA256', checksumValue: input.digest.replace(/^sha256:/, '') }],
        externalRefs: [
            {
                referenceCategory: 'PACKAGE-MANAGER',
                referenceType: 'purl',
                referenceLocator: ociPurl(input.repository, input.digest)
            }
        ]
    };
    const safeName = input.repository.replace(/[^A-Za-z0-9.\-/]+/g, '-');
    const document = {
        spdxVersion: first.spdxVersion,
        dataLicense: 'CC0-1.0',
        SPDXID: 'SPDXRef-DOCUMENT',
        name: `${input.repository}@${input.digest}`,
        documentNamespace: `https://oci-attest.invalid/spdx/${safeName}-${(0,external_node_crypto_.randomUUID)()}`,
        creationInfo: {
            ...first.creationInfo,
            created: (input.timestamp ?? new Date()).toISOString().replace(/\.\d{3}Z$/, 'Z')
        },
        documentDescribes: [indexId],
        packages: [index, ...packages.values()],
        relationships
    };
    return { document, packageCount };
}

;// CONCATENATED MODULE: ./src/sbom/output/people.ts
/** `Name <user@host> (url)`; the e-mail and URL parts optional. */
const NAME_EMAIL_URL = /^([^<>()]*?)\s*(?:<([^<>\s@]+@[^<>\s@]+\.[^<>\s@]+)>)?\s*(?:\((.*)\))?$/;
const LOOKS_LIKE_EMAIL = /^[^\s@]+@[^\s@]*\.[^\s@]+$/;
/**
 * Splits one person field into name and e-mail as Syft does (a bare e-mail in the name or URL place is the
 * e-mail). Where several people are listed ("A <a@x.org>, B <b@y.org>") the first is taken; a field that does
 * not read as a person at all is kept whole as the name rather than dropped (Syft drops it, e.g. any
 * e-mail with a dotted host such as lists.debian.org).
 */
function parsePerson(text) {
    const trimmed = text.trim();
    if (trimmed === '')
        return undefined;
    const m = NAME_EMAIL_URL.exec(trimmed) ?? NAME_EMAIL_URL.exec(trimmed.split(/,\s+/)[0].trim());
    if (!m)
        return { name: trimmed };
    let name = (m[1] ?? '').trim();
    let email = (m[2] ?? '').trim();
    const url = (m[3] ?? '').trim();
    if (email === '') {
        if (LOOKS_LIKE_EMAIL.test(url))
            email = url;
        else if (LOOKS_LIKE_EMAIL.test(name))
            [email, name] = [name, ''];
    }
    if (name === '' && email === '')
        return undefined;
    return { name: name || email, ...(email && name ? { email } : {}) };
}
/**
 * Syft's SPDX originator (and, for these ecosystems, supplier): rpm Vendor and the organisation names of jar
 * manifests and PE resources are organisations; maintainers and authors are people.
 */
/** Syft's CycloneDX author: npm's people as written; Python's "Author <Author-email>" or either alone. */
function people_authorOf(p) {
    if (!p.authorEmail)
        return p.author;
    return p.author ? `${p.author} <${p.authorEmail}>` : p.authorEmail;
}
function originatorOf(p) {
    const [type, raw] = p.vendor
        ? ['Organization', p.vendor]
        : p.type === 'rpm'
            ? ['Organization', p.publisher]
            : ['Person', p.publisher ?? people_authorOf(p)];
    const who = raw ? parsePerson(raw) : undefined;
    return who ? { type, ...who } : undefined;
}
/** SPDX 2.3 actor text: `Person: name (email)` / `Organization: name`. */
function spdxActor(party) {
    if (!party)
        return 'NOASSERTION';
    return `${party.type}: ${party.name}${party.email ? ` (${party.email})` : ''}`;
}

;// CONCATENATED MODULE: ./src/sbom/output/cyclonedx.ts
// CycloneDX 1.6 JSON through @cyclonedx/cyclonedx-library, shaped like Syft's image SBOMs.







const compositionsOf = new WeakMap();
const purlOf = (purl) => ({ toString: () => purl });
function prop(name, value) {
    return new index_node.Models.Property(name, value);
}
/** SPDX id when valid, else an expression when it reads as one, else a named license. */
function toLicenses(licenses) {
    const repo = new index_node.Models.LicenseRepository();
    const unique = [...new Set((licenses ?? []).map(l => l.trim()).filter(Boolean))];
    for (const text of unique) {
        const id = index_node.SPDX.fixupSpdxId(text);
        if (id && index_node.SPDX.isSupportedSpdxId(id))
            repo.add(new index_node.Models.SpdxLicense(id));
        else if (unique.length === 1 && /\s(AND|OR|WITH)\s/.test(text))
            repo.add(new index_node.Models.LicenseExpression(text));
        else
            repo.add(new index_node.Models.NamedLicense(text));
    }
    return repo;
}
const HASH_ALGORITHM = {
    md5: index_node.Enums.HashAlgorithm.MD5,
    sha1: index_node.Enums.HashAlgorithm['SHA-1'],
    sha256: index_node.Enums.HashAlgorithm['SHA-256'],
    sha512: index_node.Enums.HashAlgorithm['SHA-512']
};
function hashes(digests) {
    const dict = new index_node.Models.HashDictionary();
    for (const d of digests ?? []) {
        const algorithm = HASH_ALGORITHM[d.algorithm];
        if (algorithm)
            dict.set(algorithm, d.value);
    }
    return dict;
}
function references(p) {
    return new index_node.Models.ExternalReferenceRepository(externalRefs(p).map(r => new index_node.Models.ExternalReference(r.url, r.type, {
        ...(r.comment ? { comment: r.comment } : {}),
        ...(r.hashes ? { hashes: hashes(r.hashes) } : {})
    })));
}
/** The organisation or person the metadata names as the package's maker or publisher (NTIA "supplier"). */
function supplier(p) {
    const who = originatorOf(p);
    if (!who)
        return undefined;
    const contact = who.type === 'Person' || who.email
        ? new index_node.Models.OrganizationalContactRepository([
            new index_node.Models.OrganizationalContact({
                ...(who.type === 'Person' ? { name: who.name } : {}),
                ...(who.email ? { email: who.email } : {})
            })
        ])
        : undefined;
    return new index_node.Models.OrganizationalEntity({ name: who.name, ...(contact ? { contact } : {}) });
}
function packageComponent(p, bomRef) {
    const properties = new index_node.Models.PropertyRepository([
        prop('syft:package:foundBy', p.foundBy),
        prop('syft:package:type', p.type),
        ...p.locations.flatMap((path, i) => [
            ...(p.layer ? [prop(`syft:location:${i}:layerID`, p.layer.diffId)] : []),
            prop(`syft:location:${i}:path`, path)
        ]),
        ...Object.entries(p.metadata ?? {}).map(([k, v]) => prop(`oci-attest:metadata:${k}`, v)),
        ...(p.cpes ?? []).slice(1).map(cpe => prop('syft:cpe23', cpe))
    ]);
    return new index_node.Models.Component(index_node.Enums.ComponentType.Library, p.name, {
        bomRef,
        version: p.version,
        ...(p.purl ? { purl: purlOf(p.purl) } : {}),
        ...(p.cpes?.[0] ? { cpe: p.cpes[0] } : {}),
        licenses: toLicenses(p.licenses),
        // Syft's author (npm, Python) and publisher (apk/dpkg maintainer, rpm vendor), as the metadata writes them.
        ...(people_authorOf(p) ? { author: people_authorOf(p) } : {}),
        ...(p.publisher ? { publisher: p.publisher } : {}),
        ...(supplier(p) ? { supplier: supplier(p) } : {}),
        ...(p.description ? { description: p.description } : {}),
        externalReferences: references(p),
        // A jar's SHA-1 is the hash of the component's own file; a Go h1 digests a module tree, not a file (SPDX only).
        hashes: hashes(p.type === 'go-module' ? [] : p.digests),
        properties
    });
}
/**
 * Package databases (dpkg, rpm, apk) list every direct dependency, and Go build info every module linked into
 * the binary: when each entry resolved to a package here, that package's dependency list is complete.
 */
const COMPLETE_LISTS = new Set(['deb', 'rpm', 'apk', 'go-module']);
/**
 * What the image depends on directly: packages nothing else depends on, then one package from each cycle not
 * reached from those (dpkg has cycles such as libc6 ↔ libgcc-s1), so every package hangs off the image.
 */
function topLevel(count, edges) {
    const dependedOn = new Set([...edges.values()].flat());
    const top = [];
    const seen = new Set();
    const visit = (start) => {
        const stack = [start];
        while (stack.length > 0) {
            const i = stack.pop();
            if (seen.has(i))
                continue;
            seen.add(i);
            for (const t of edges.get(i) ?? [])
                if (!seen.has(t))
                    stack.push(t);
        }
    };
    for (let i = 0; i < count; i++) {
        if (dependedOn.has(i))
            continue;
        top.push(i);
        visit(i);
    }
    for (let i = 0; i < count; i++) {
        if (seen.has(i))
            continue;
        top.push(i);
        visit(i);
    }
    return top;
}
/** The image as purl-spec's oci type names it: digest as version, repository and architecture as qualifiers. */
function imagePurl(subject) {
    const arch = subject.platform.split('/')[1];
    return ociPurl(subject.name, subject.manifestDigest, arch ? { arch } : {});
}
function buildCycloneDx(model, opts = {}) {
    const { subject, distro, packages } = model;
    const bom = new index_node.Models.Bom({ serialNumber: `urn:uuid:${opts.serialNumber ?? (0,external_node_crypto_.randomUUID)()}` });
    bom.metadata.timestamp = opts.timestamp ?? new Date();
    // Read from a built image's layers: CycloneDX's "post-build" phase.
    bom.metadata.lifecycles.add(index_node.Enums.LifecyclePhase.PostBuild);
    // The document's own data license: CC0-1.0, the one SPDX prescribes for the same data in our SPDX output.
    bom.metadata.licenses.add(new index_node.Models.SpdxLicense('CC0-1.0'));
    bom.metadata.tools.components.add(new index_node.Models.Component(index_node.Enums.ComponentType.Application, model.tool.name, { version: model.tool.version }));
    const imageProps = [
        prop('oci-attest:image:platform', subject.platform),
        ...(subject.manifestDigest ? [prop('oci-attest:image:manifestDigest', subject.manifestDigest)] : []),
        ...subject.otherPlatforms.map(p => prop('oci-attest:image:otherPlatform', p)),
        ...Object.entries(subject.labels).map(([k, v]) => prop(`syft:image:labels:${k}`, v))
    ];
    const vendor = subject.labels['org.opencontainers.image.vendor']?.trim();
    const root = new index_node.Models.Component(index_node.Enums.ComponentType.Container, subject.name, {
        bomRef: `container:${subject.name}@${subject.manifestDigest ?? subject.version}`,
        version: subject.version,
        ...(subject.manifestDigest ? { purl: purlOf(imagePurl(subject)) } : {}),
        // The manifest digest is the image's own SHA-256 (as SPDX's checksum on the image package says).
        ...(subject.manifestDigest?.startsWith('sha256:')
            ? {
                hashes: new index_node.Models.HashDictionary([
                    [index_node.Enums.HashAlgorithm['SHA-256'], subject.manifestDigest.slice('sha256:'.length)]
                ])
            }
            : {}),
        // The image's own label is the only supplier an image states; nothing else is assumed.
        ...(vendor ? { supplier: new index_node.Models.OrganizationalEntity({ name: vendor }) } : {}),
        properties: new index_node.Models.PropertyRepository(imageProps)
    });
    bom.metadata.component = root;
    if (vendor)
        bom.metadata.supplier = new index_node.Models.OrganizationalEntity({ name: vendor });
    if (distro) {
        const fields = distro.fields;
        const os = new index_node.Models.Component(index_node.Enums.ComponentType.OperatingSystem, distro.id, {
            bomRef: `os:${distro.id}@${distro.versionId ?? ''}`,
            ...(distro.versionId ? { version: distro.versionId } : {}),
            ...(fields['PRETTY_NAME'] ? { description: fields['PRETTY_NAME'] } : {}),
            ...(fields['CPE_NAME'] ? { cpe: fields['CPE_NAME'] } : {}),
            properties: new index_node.Models.PropertyRepository(Object.entries(fields).map(([k, v]) => prop(`syft:distro:${k.toLowerCase()}`, v)))
        });
        bom.components.add(os);
        root.dependencies.add(os.bomRef);
    }
    const refs = bomRefs(packages);
    const components = packages.map((p, i) => packageComponent(p, refs[i]));
    for (const c of components)
        bom.components.add(c);
    // Dependencies must point at the components' own BomRef objects (an equal new one is dropped).
    const graph = dependencyGraph(packages);
    for (const [from, targets] of graph.edges) {
        for (const t of targets)
            components[from].dependencies.add(components[t].bomRef);
    }
    for (const i of topLevel(packages.length, graph.edges))
        root.dependencies.add(components[i].bomRef);
    const complete = [...graph.resolvedAll]
        .filter(i => COMPLETE_LISTS.has(packages[i].type))
        .map(i => refs[i]);
    if (complete.length > 0)
        compositionsOf.set(bom, [{ aggregate: 'complete', dependencies: complete.sort() }]);
    for (const file of model.files ?? []) {
        const hashes = new index_node.Models.HashDictionary([[index_node.Enums.HashAlgorithm['SHA-256'], file.sha256]]);
        bom.components.add(new index_node.Models.Component(index_node.Enums.ComponentType.File, file.path, {
            bomRef: `file:${file.layer.diffId}:${file.path}`,
            hashes,
            properties: new index_node.Models.PropertyRepository([prop('syft:location:0:layerID', file.layer.diffId)])
        }));
    }
    return bom;
}
function serializeCycloneDx(bom) {
    const serializer = new index_node.Serialize.JsonSerializer(new index_node.Serialize.JSON.Normalize.Factory(index_node.Spec.Spec1dot6));
    const json = serializer.serialize(bom, { sortLists: true, space: 2 });
    const compositions = compositionsOf.get(bom);
    if (!compositions)
        return json;
    // Spliced before the closing brace: no second parse and copy of a document that may be tens of MB.
    let end = json.lastIndexOf('}');
    while (end > 0 && /\s/.test(json[end - 1]))
        end--;
    const body = JSON.stringify(compositions, null, 2).replace(/\n/g, '\n  ');
    return `${json.slice(0, end)},\n  "compositions": ${body}\n}`;
}

;// CONCATENATED MODULE: ./src/sbom/output/spdx-license.ts
// Declared licenses as one SPDX expression, as Syft writes them: known ids and valid expressions as they are,
// anything else as a LicenseRef- that the document then defines (hasExtractedLicensingInfos).

const OPERATOR = /^(AND|OR|WITH)$/;
function knownId(text) {
    const id = index_node.SPDX.fixupSpdxId(text.trim());
    return id && index_node.SPDX.isSupportedSpdxId(id) ? id : undefined;
}
/** "MIT OR (Apache-2.0 WITH LLVM-exception)" with every license a known id (exceptions are not checked). */
function validExpression(text) {
    const tokens = text.replace(/[()]/g, ' ').split(/\s+/).filter(Boolean);
    if (tokens.length < 3)
        return false;
    return tokens.every((t, i) => OPERATOR.test(t) || tokens[i - 1] === 'WITH' || !!knownId(t) || t.startsWith('LicenseRef-'));
}
/** SPDX element-id characters only: letters, digits, "." and "-". */
function licenseRef(name) {
    const id = name.startsWith('LicenseRef-') ? name : `LicenseRef-${name}`;
    return id.replace(/[^A-Za-z0-9.-]/g, '-');
}
/** The declared-license expression, and the LicenseRef- definitions it needs; NOASSERTION when none. */
function declaredLicense(licenses) {
    const parts = [];
    const extracted = [];
    for (const raw of new Set((licenses ?? []).map(l => l.trim()).filter(Boolean))) {
        const id = knownId(raw);
        if (id)
            parts.push(id);
        else if (validExpression(raw))
            parts.push(raw.startsWith('(') && raw.endsWith(')') ? raw : `(${raw})`);
        else {
            const ref = licenseRef(raw);
            parts.push(ref);
            extracted.push({ licenseId: ref, extractedText: 'NOASSERTION', name: raw });
        }
    }
    const unique = [...new Set(parts)];
    return { expression: unique.length ? unique.join(' AND ') : 'NOASSERTION', extracted };
}

;// CONCATENATED MODULE: ./src/sbom/output/spdx.ts
// SPDX 2.3 JSON: the image as the described package, CONTAINS each package, DEPENDS_ON between them.







function downloadLocation(url) {
    if (!url)
        return 'NOASSERTION';
    if (url.toLowerCase() === 'none')
        return 'NONE';
    if (url.startsWith('github:'))
        return `https://github.com/${url.slice('github:'.length)}`;
    try {
        new URL(url);
        return /\s/.test(url) ? 'NOASSERTION' : url;
    }
    catch {
        return 'NOASSERTION';
    }
}
function spdxPackage(p, id, extracted) {
    const license = declaredLicense(p.licenses);
    for (const e of license.extracted)
        extracted.set(e.licenseId, e);
    const refs = [
        ...(p.cpes ?? []).map(cpe => ({
            referenceCategory: 'SECURITY',
            referenceType: 'cpe23Type',
            referenceLocator: cpe
        })),
        ...(p.purl
            ? [{ referenceCategory: 'PACKAGE-MANAGER', referenceType: 'purl', referenceLocator: p.purl }]
            : [])
    ];
    const who = originatorOf(p);
    const checksums = (p.digests ?? []).map(d => ({
        algorithm: d.algorithm.toUpperCase(),
        checksumValue: d.value
    }));
    return {
        name: p.name,
        SPDXID: id,
        ...(p.version ? { versionInfo: p.version } : {}),
        // Syft's supplier is the originator for every ecosystem read here.
        supplier: spdxActor(who),
        ...(who ? { originator: spdxActor(who) } : {}),
        downloadLocation: downloadLocation(p.downloadUrl),
        filesAnalyzed: false,
        ...(checksums.length ? { checksums } : {}),
        ...(p.homepage && hasHost(p.homepage) ? { homepage: p.homepage } : {}),
        ...(p.description ? { description: p.description } : {}),
        sourceInfo: `acquired package info from ${p.foundBy}: ${p.locations.join(', ')}`,
        licenseConcluded: 'NOASSERTION',
        licenseDeclared: license.expression,
        copyrightText: 'NOASSERTION',
        primaryPackagePurpose: 'LIBRARY',
        ...(refs.length ? { externalRefs: refs } : {})
    };
}
function buildSpdx(model, opts = {}) {
    const { subject, packages, distro } = model;
    const uuid = opts.serialNumber ?? (0,external_node_crypto_.randomUUID)();
    const rootId = 'SPDXRef-DocumentRoot-Image';
    const vendor = subject.labels['org.opencontainers.image.vendor']?.trim();
    const root = {
        name: subject.name,
        SPDXID: rootId,
        versionInfo: subject.version,
        supplier: vendor ? `Organization: ${vendor}` : 'NOASSERTION',
        downloadLocation: 'NOASSERTION',
        filesAnalyzed: false,
        licenseConcluded: 'NOASSERTION',
        licenseDeclared: 'NOASSERTION',
        copyrightText: 'NOASSERTION',
        primaryPackagePurpose: 'CONTAINER',
        ...(subject.manifestDigest
            ? {
                externalRefs: [
                    {
                        referenceCategory: 'PACKAGE-MANAGER',
                        referenceType: 'purl',
                        referenceLocator: imagePurl(subject)
                    }
                ]
            }
            : {}),
        ...(subject.manifestDigest
            ? {
                checksums: [{ algorithm: 'SHA256', checksumValue: subject.manifestDigest.replace(/^sha256:/, '') }]
            }
            : {})
    };
    const ids = spdxIds(packages);
    const extracted = new Map();
    const pkgs = packages.map((p, i) => spdxPackage(p, ids[i], extracted));
    const relationships = [
        { spdxElementId: 'SPDXRef-DOCUMENT', relationshipType: 'DESCRIBES', relatedSpdxElement: rootId },
        ...ids.map(id => ({ spdxElementId: rootId, relationshipType: 'CONTAINS', relatedSpdxElement: id }))
    ];
    for (const [from, targets] of resolveDependencies(packages)) {
        for (const t of targets) {
            relationships.push({
                spdxElementId: ids[from],
                relationshipType: 'DEPENDS_ON',
                relatedSpdxElement: ids[t]
            });
        }
    }
    const osPackage = distro
        ? [
            {
                name: distro.id,
                SPDXID: 'SPDXRef-OperatingSystem',
                ...(distro.versionId ? { versionInfo: distro.versionId } : {}),
                supplier: 'NOASSERTION',
                downloadLocation: 'NOASSERTION',
                filesAnalyzed: false,
                licenseConcluded: 'NOASSERTION',
                licenseDeclared: 'NOASSERTION',
                copyrightText: 'NOASSERTION',
                // The SPDX 2.3 JSON schema spells it with an underscore (tag-value files use a hyphen).
                primaryPackagePurpose: 'OPERATING_SYSTEM'
            }
        ]
        : [];
    if (distro) {
        relationships.push({
            spdxElementId: rootId,
            relationshipType: 'CONTAINS',
            relatedSpdxElement: 'SPDXRef-OperatingSystem'
        });
    }
    const safeName = subject.name.replace(/[^A-Za-z0-9.\-/]+/g, '-');
    return {
        spdxVersion: 'SPDX-2.3',
        dataLicense: 'CC0-1.0',
        SPDXID: 'SPDXRef-DOCUMENT',
        name: `${subject.name}:${subject.version}`,
        documentNamespace: `https://oci-attest.invalid/spdx/${safeName}-${uuid}`,
        creationInfo: {
            created: (opts.timestamp ?? new Date()).toISOString().replace(/\.\d{3}Z$/, 'Z'),
            creators: ['Organization: oci-attest', `Tool: ${model.tool.name}-${model.tool.version}`]
        },
        documentDescribes: [rootId],
        packages: [root, ...osPackage, ...pkgs],
        relationships,
        ...(extracted.size
            ? {
                hasExtractedLicensingInfos: [...extracted.values()].sort((a, b) => a.licenseId < b.licenseId ? -1 : 1)
            }
            : {})
    };
}

// EXTERNAL MODULE: ./src/oci/index.ts + 13 modules
var oci = __webpack_require__(66287);
;// CONCATENATED MODULE: ./src/sbom/source/local-blobs.ts


function blobPath(digest) {
    // The registry client's digest rules: a sha384 or upper-case digest is refused here, not mis-hashed later.
    const problem = (0,oci/* digestProblem */.WQ)(digest);
    if (problem)
        throw new SbomError('SBOM_BAD_MANIFEST', `"${digest}" is not a digest (${problem})`);
    return `blobs/${digest.replace(':', '/')}`;
}
async function readVerified(files, path, digest) {
    const bytes = await files.read(path);
    const actual = (0,oci/* computeDigest */.MK)(bytes, (0,oci/* digestAlgorithm */.g4)(digest));
    if (actual !== digest) {
        throw new SbomError('SBOM_DIGEST_MISMATCH', `${files.where}: ${path} hashes to ${actual}, expected ${digest}`);
    }
    return bytes;
}
async function openVerified(files, path, digest, size) {
    const stream = await files.open(path);
    const verifier = new oci/* DigestVerifier */.Do(`${files.where}: ${path}`, digest, size);
    stream.on('error', err => verifier.destroy(err));
    return stream.pipe(verifier);
}
/** Blobs under blobs/<alg>/<hex> (OCI image layout). */
function layoutStore(files) {
    return {
        async manifest(desc) {
            const bytes = await readVerified(files, blobPath(desc.digest), desc.digest);
            return { json: parseJson(bytes, `${files.where}: manifest ${desc.digest}`), digest: desc.digest };
        },
        read: desc => readVerified(files, blobPath(desc.digest), desc.digest),
        open: desc => openVerified(files, blobPath(desc.digest), desc.digest, desc.size)
    };
}
function parseJson(bytes, what) {
    try {
        return JSON.parse(bytes.toString('utf8'));
    }
    catch (err) {
        throw new SbomError('SBOM_BAD_MANIFEST', `${what} is not valid JSON`, { cause: err });
    }
}

;// CONCATENATED MODULE: ./src/sbom/source/platform.ts
// Choosing one image out of an index by platform, as `docker pull --platform` would.



/** Parses "os/arch[/variant]"; throws naming the flag when malformed. */
function parsePlatform(text) {
    const parts = text.split('/');
    if (parts.length < 2 || parts.length > 3 || parts.some(p => p === '')) {
        throw new SbomError('SBOM_PLATFORM_NOT_FOUND', `--platform "${text}" is not os/arch[/variant] (e.g. linux/arm64)`);
    }
    return { os: parts[0], architecture: parts[1], ...(parts[2] ? { variant: parts[2] } : {}) };
}
/** Attestation manifests (BuildKit's unknown/unknown) are not images. */
function isImage(d) {
    return !(d.platform?.os === 'unknown' || d.annotations?.['vnd.docker.reference.type']);
}
/** Picks the wanted platform (default linux/amd64, or the only image) and lists the rest. */
function choosePlatform(manifests, wanted, where) {
    const images = manifests.filter(isImage);
    const names = images.map(d => (d.platform ? (0,oci/* platformString */.Fd)(d.platform) : 'unknown'));
    let chosen;
    if (wanted) {
        const w = parsePlatform(wanted);
        chosen =
            images.find(d => d.platform && (0,oci/* platformString */.Fd)(d.platform) === (0,oci/* platformString */.Fd)(w)) ??
                (w.variant
                    ? undefined
                    : images.find(d => d.platform?.os === w.os && d.platform.architecture === w.architecture));
    }
    else if (images.length === 1) {
        chosen = images[0];
    }
    else {
        chosen = images.find(d => d.platform?.os === 'linux' && d.platform.architecture === 'amd64');
    }
    if (!chosen) {
        throw new SbomError('SBOM_PLATFORM_NOT_FOUND', `${where} has no ${wanted ?? 'linux/amd64'} image; it offers ${names.join(', ') || 'none'}: pass --platform with one of them`);
    }
    const others = images
        .filter(d => d !== chosen)
        .map(d => (d.platform ? (0,oci/* platformString */.Fd)(d.platform) : d.digest));
    return { chosen, others };
}

;// CONCATENATED MODULE: ./src/sbom/source/resolve.ts


async function resolveImage(root, store, wantedPlatform, where) {
    let current = root;
    let others = [];
    for (let depth = 0; depth < 4; depth++) {
        const m = current.json;
        if (!Array.isArray(m.manifests))
            break;
        const choice = choosePlatform(m.manifests, wantedPlatform, where);
        others = choice.others;
        current = await store.manifest(choice.chosen);
    }
    const manifest = current.json;
    if (!manifest.config || !Array.isArray(manifest.layers)) {
        throw new SbomError('SBOM_BAD_MANIFEST', `${where}: manifest ${current.digest} is not an image manifest`);
    }
    let config;
    try {
        config = JSON.parse((await store.read(manifest.config)).toString('utf8'));
    }
    catch (err) {
        if (err instanceof SbomError)
            throw err;
        throw new SbomError('SBOM_BAD_MANIFEST', `${where}: config ${manifest.config.digest} is unreadable`, {
            cause: err
        });
    }
    const diffIds = config.rootfs?.diff_ids ?? [];
    if (diffIds.length !== manifest.layers.length) {
        throw new SbomError('SBOM_BAD_MANIFEST', `${where}: manifest ${current.digest} has ${manifest.layers.length} layers but its config lists ${diffIds.length} diff_ids`);
    }
    const layers = manifest.layers.map((desc, index) => ({
        index,
        digest: desc.digest,
        diffId: diffIds[index],
        mediaType: desc.mediaType,
        size: desc.size,
        open: signal => store.open(desc, signal)
    }));
    return {
        manifestDigest: current.digest,
        config,
        platform: (0,oci/* platformString */.Fd)(config),
        otherPlatforms: others,
        layers
    };
}

;// CONCATENATED MODULE: ./src/sbom/source/oci-layout.ts
// An OCI image layout directory (index.json, blobs/), as `crane pull --format=oci` or skopeo write.






function directoryAccess(dir) {
    const at = (path) => (0,external_node_path_.join)(dir, path);
    return {
        where: dir,
        read: path => (0,external_node_fs_promises_.readFile)(at(path)),
        open: async (path) => {
            await (0,external_node_fs_promises_.access)(at(path));
            return (0,external_node_fs_.createReadStream)(at(path), { highWaterMark: 1024 * 1024 });
        },
        size: async (path) => (await (0,external_node_fs_promises_.stat)(at(path))).size,
        exists: path => (0,external_node_fs_promises_.access)(at(path)).then(() => true, () => false)
    };
}
/** Reads the image of an OCI layout given as "DIR" or "DIR@sha256:…" (one manifest of index.json). */
async function openOciLayout(spec, platform) {
    const at = spec.lastIndexOf('@sha256:');
    const dir = (0,external_node_path_.resolve)(at === -1 ? spec : spec.slice(0, at));
    const pick = at === -1 ? undefined : spec.slice(at + 1);
    const files = directoryAccess(dir);
    if (!(await files.exists('index.json'))) {
        throw new SbomError('SBOM_BAD_SOURCE', `${dir} is not an OCI image layout (no index.json)`);
    }
    return openLayout(files, pick, platform, 'oci-layout', dir);
}
async function openLayout(files, pick, platform, kind, name) {
    const index = parseJson(await files.read('index.json'), `${files.where}: index.json`);
    let entries = index.manifests ?? [];
    if (pick)
        entries = entries.filter(m => m.digest === pick);
    if (entries.length === 0) {
        throw new SbomError('SBOM_BAD_SOURCE', `${files.where}: index.json lists no ${pick ?? 'manifest'}`);
    }
    const store = layoutStore(files);
    // One entry (often an index itself) is the image; several are either platforms or separate images.
    const root = entries.length === 1
        ? await store.manifest(entries[0])
        : { json: { manifests: entries }, digest: 'index.json' };
    const image = await resolveImage(root, store, platform, files.where);
    const tag = entries.length === 1 ? entries[0].annotations?.['org.opencontainers.image.ref.name'] : undefined;
    return { kind, name, version: tag ?? image.manifestDigest, ...image };
}

;// CONCATENATED MODULE: ./src/sbom/source/tar-index.ts
// Random access into an uncompressed tar (a `docker save` archive): one pass over the headers,
// seeking past bodies, then entries are streamed straight from their offsets.






async function indexTar(file) {
    const entries = new Map();
    const handle = await (0,external_node_fs_promises_.open)(file, 'r');
    try {
        const header = Buffer.alloc(tar_header_BLOCK);
        let pos = 0;
        let longName;
        let pax = {};
        for (;;) {
            const { bytesRead } = await handle.read(header, 0, tar_header_BLOCK, pos);
            if (bytesRead < tar_header_BLOCK || isZeroBlock(header))
                break;
            const raw = parseHeader(header);
            const body = pos + tar_header_BLOCK;
            pos = body + Math.ceil(raw.size / tar_header_BLOCK) * tar_header_BLOCK;
            if (raw.typeflag === 'L' || raw.typeflag === 'x') {
                const data = Buffer.alloc(Math.min(raw.size, 1 << 20));
                await handle.read(data, 0, data.length, body);
                if (raw.typeflag === 'L')
                    longName = data.toString('utf8').replace(/\0+$/, '');
                else
                    pax = parsePax(data);
                continue;
            }
            const name = normalizeTarPath(pax['path'] ?? longName ?? raw.name);
            longName = undefined;
            const size = pax['size'] ? Number(pax['size']) : raw.size;
            pax = {};
            if (name)
                entries.set(name.slice(1), { offset: body, size, type: raw.typeflag, linkname: raw.linkname });
        }
    }
    finally {
        await handle.close();
    }
    return entries;
}
/** FileAccess over the members of a tar file; symlinked members (legacy docker save) are followed. */
async function tarAccess(file) {
    let entries;
    try {
        entries = await indexTar(file);
    }
    catch (err) {
        throw new SbomError('SBOM_BAD_ARCHIVE', `${file} is not a readable (uncompressed) tar archive: ${(0,errors/* errorText */.kc)(err)}; pass the output of "docker save" as is`, { cause: err });
    }
    const find = (path) => {
        let name = external_node_path_.posix.normalize(path);
        for (let hops = 0; hops < 8; hops++) {
            const entry = entries.get(name);
            if (!entry)
                break;
            if (entry.type !== '2' && entry.type !== '1')
                return entry;
            name =
                entry.type === '1' ? external_node_path_.posix.normalize(entry.linkname) : external_node_path_.posix.join(external_node_path_.posix.dirname(name), entry.linkname);
        }
        throw new SbomError('SBOM_BLOB_MISSING', `${file} has no member ${path}`);
    };
    return {
        where: file,
        async read(path) {
            const entry = find(path);
            const handle = await (0,external_node_fs_promises_.open)(file, 'r');
            try {
                const data = Buffer.alloc(entry.size);
                await handle.read(data, 0, entry.size, entry.offset);
                return data;
            }
            finally {
                await handle.close();
            }
        },
        async open(path) {
            const entry = find(path);
            if (entry.size === 0)
                return (0,external_node_fs_.createReadStream)(file, { start: 1, end: 0 });
            return (0,external_node_fs_.createReadStream)(file, {
                start: entry.offset,
                end: entry.offset + entry.size - 1,
                highWaterMark: 1024 * 1024
            });
        },
        size: async (path) => find(path).size,
        async exists(path) {
            try {
                find(path);
                return true;
            }
            catch {
                return false;
            }
        }
    };
}

;// CONCATENATED MODULE: ./src/sbom/source/docker-archive.ts
// A `docker save` archive: manifest.json with legacy <id>/layer.tar members or (Docker ≥ 25) OCI blobs.







const BLOB_NAME = /^(?:blobs\/sha256\/|sha256:)?([a-f0-9]{64})(?:\.tar(?:\.gz|\.zst)?)?$/;
async function openDockerArchive(spec, platform, warn) {
    const file = (0,external_node_path_.resolve)(spec);
    const files = await tarAccess(file);
    if (!(await files.exists('manifest.json'))) {
        if (await files.exists('index.json'))
            return openLayout(files, undefined, platform, 'docker-archive', file);
        throw new SbomError('SBOM_BAD_ARCHIVE', `${file} has neither manifest.json nor index.json: not a docker save archive`);
    }
    const list = parseJson(await files.read('manifest.json'), `${file}: manifest.json`);
    if (!Array.isArray(list) || list.length === 0 || !list[0]?.Config || !Array.isArray(list[0].Layers)) {
        throw new SbomError('SBOM_BAD_ARCHIVE', `${file}: manifest.json lists no image`);
    }
    if (list.length > 1)
        warn(`${file} holds ${list.length} images; reading the first (${list[0].RepoTags?.[0] ?? list[0].Config})`);
    const image = list[0];
    const configBytes = await files.read(image.Config);
    const configDigest = (0,oci/* computeDigest */.MK)(configBytes);
    const named = BLOB_NAME.exec(image.Config)?.[1] ?? /^([a-f0-9]{64})\.json$/.exec(image.Config)?.[1];
    if (named && `sha256:${named}` !== configDigest) {
        throw new SbomError('SBOM_DIGEST_MISMATCH', `${file}: ${image.Config} hashes to ${configDigest}`);
    }
    const config = parseJson(configBytes, `${file}: ${image.Config}`);
    if (platform && !(0,oci/* platformString */.Fd)(config).startsWith((0,oci/* platformString */.Fd)(parsePlatform(platform)))) {
        throw new SbomError('SBOM_PLATFORM_NOT_FOUND', `${file} holds a ${(0,oci/* platformString */.Fd)(config)} image, not ${platform}: drop --platform or save the ${platform} image`);
    }
    const diffIds = config.rootfs?.diff_ids ?? [];
    if (diffIds.length !== image.Layers.length) {
        throw new SbomError('SBOM_BAD_ARCHIVE', `${file}: ${image.Layers.length} layers but the config lists ${diffIds.length} diff_ids`);
    }
    const layers = await Promise.all(image.Layers.map(async (path, index) => {
        // Members named by a digest (blobs/sha256/<hex>, go-containerregistry's sha256:<hex>.tar.gz) hold
        // that blob; legacy <id>/layer.tar members are the uncompressed diff itself.
        const blobHex = BLOB_NAME.exec(path)?.[1];
        const digest = blobHex ? `sha256:${blobHex}` : diffIds[index];
        const size = await files.size(path);
        return {
            index,
            digest,
            diffId: diffIds[index],
            mediaType: 'application/vnd.oci.image.layer.v1.tar',
            size,
            open: () => openVerified(files, path, digest)
        };
    }));
    const tag = image.RepoTags?.[0];
    const colon = tag ? tag.lastIndexOf(':') : -1;
    return {
        kind: 'docker-archive',
        name: tag && colon > 0 ? tag.slice(0, colon) : file,
        version: tag && colon > 0 ? tag.slice(colon + 1) : configDigest,
        platform: (0,oci/* platformString */.Fd)(config),
        otherPlatforms: [],
        config,
        layers
    };
}

;// CONCATENATED MODULE: ./src/sbom/source/registry.ts
// An image in a registry, by tag or digest, read through the project's registry client.




async function openRegistrySource(input, platform, client = new oci/* RegistryClient */.bP()) {
    const ref = typeof input === 'string' ? (0,oci/* parseReference */.F2)(input) : input.repository;
    const where = typeof input === 'string' ? input : `${ref.repoString()}@${input.manifest.digest}`;
    const store = {
        async manifest(desc) {
            const m = await client.getManifest(ref.withDigest(desc.digest));
            return { json: m.json, digest: m.digest };
        },
        read: desc => client.readBlob(ref, desc.digest, desc.size),
        open: (desc, signal) => client.blobChunks(ref, desc.digest, desc.size, signal)
    };
    let root;
    if (typeof input !== 'string')
        root = input.manifest;
    else {
        try {
            root = await client.getManifest(ref);
        }
        catch (err) {
            throw new SbomError('SBOM_BAD_SOURCE', `cannot read ${input}: ${(0,errors/* errorText */.kc)(err)}`, { cause: err });
        }
    }
    const image = await resolveImage(root, store, platform, where);
    return {
        kind: 'registry',
        name: ref.repoString(),
        version: (typeof input === 'string' && (ref.tag ?? ref.digest)) || image.manifestDigest,
        ...image
    };
}

;// CONCATENATED MODULE: ./src/sbom/source/index.ts




/** "oci-layout:DIR[@digest]", "docker-archive:FILE", an image reference, or a registry image already read. */
function openSource(source, opts) {
    if (typeof source !== 'string')
        return openRegistrySource(source, opts.platform, opts.registry);
    if (source.startsWith('oci-layout:'))
        return openOciLayout(source.slice('oci-layout:'.length), opts.platform);
    if (source.startsWith('docker-archive:')) {
        return openDockerArchive(source.slice('docker-archive:'.length), opts.platform, opts.warn);
    }
    return openRegistrySource(source.replace(/^(registry|docker):(\/\/)?/, ''), opts.platform, opts.registry);
}

;// CONCATENATED MODULE: ./src/sbom/chart/archive.ts
// A Helm chart archive (gzipped tar, small) read whole into memory: its text files by path under the chart root.



/** Charts are kilobytes; a larger archive is not a chart (or a decompression bomb). */
const MAX_CHART_BYTES = 64 * 1024 * 1024;
function readChartArchive(gz, where) {
    let tar;
    try {
        tar = (0,external_node_zlib_.gunzipSync)(gz, { maxOutputLength: MAX_CHART_BYTES });
    }
    catch (cause) {
        throw new SbomError('SBOM_BAD_SOURCE', `${where}: the chart layer is not a gzip archive under 64 MiB`, {
            cause
        });
    }
    const files = new Map();
    let pos = 0;
    let longName;
    while (pos + tar_header_BLOCK <= tar.length) {
        const block = tar.subarray(pos, pos + tar_header_BLOCK);
        if (isZeroBlock(block))
            break;
        const header = parseHeader(block);
        const body = tar.subarray(pos + tar_header_BLOCK, pos + tar_header_BLOCK + header.size);
        pos += tar_header_BLOCK + Math.ceil(header.size / tar_header_BLOCK) * tar_header_BLOCK;
        // PAX and GNU long names name the next entry.
        if (header.typeflag === 'x') {
            longName = parsePax(body)['path'] ?? longName;
            continue;
        }
        if (header.typeflag === 'L') {
            longName = body.toString('utf8').replace(/\0+$/, '');
            continue;
        }
        if (header.typeflag === 'g')
            continue;
        const name = longName ?? header.name;
        longName = undefined;
        if (entryType(header.typeflag) !== 'file')
            continue;
        const path = normalizeTarPath(name);
        if (path)
            files.set(path.replace(/^\/+/, ''), Buffer.from(body));
    }
    return files;
}

;// CONCATENATED MODULE: ./src/sbom/chart/image-ref.ts
// One image a chart can deploy, as the chart writes it: parsed with the registry client's own reference rules.

const DIGEST = /^sha256:[0-9a-f]{64}$/;
const image_ref_TAG = /^[\w][\w.-]{0,127}$/;
/** Text that reads as an image reference (no template braces, spaces or URL scheme), parsed; else undefined. */
function imageRef(text) {
    const t = text.trim();
    if (!t || /[\s{}"'<>|]/.test(t) || t.includes('://') || t.startsWith('/') || t.endsWith('/'))
        return undefined;
    try {
        return (0,oci/* parseReference */.F2)(t);
    }
    catch {
        return undefined;
    }
}
/** Whether the text names a tag or digest itself (parseReference reads none as `latest`). */
function pinsVersion(text) {
    const name = text.trim().split('/').pop() ?? '';
    return name.includes(':') || name.includes('@');
}
/**
 * `[registry/]repository` plus a tag or digest written apart (values' `tag`, `digest`, gpu-operator's `version`
 * which may hold a digest); a tag or digest already in the repository string is kept.
 */
function composeRef(repository, tag, digest) {
    const base = imageRef(repository);
    if (!base)
        return undefined;
    const own = pinsVersion(repository);
    let t = own ? base.tag : undefined;
    let d = base.digest;
    const givenTag = tag?.trim().replace(/^:/, '');
    if (givenTag && DIGEST.test(givenTag))
        d ??= givenTag;
    else if (givenTag && !t)
        t = givenTag;
    if (digest && DIGEST.test(digest.trim()))
        d = digest.trim();
    if (t && !image_ref_TAG.test(t))
        return undefined;
    // Neither tag nor digest: Kubernetes pulls `latest`.
    return new oci/* ImageReference */.ZN(base.registry, base.repository, t ?? (d ? undefined : 'latest'), d);
}
/** The key images are merged under: registry/repository, tag and digest as written. */
const imageKey = (ref) => ref.toString();

;// CONCATENATED MODULE: ./src/sbom/chart/chart-yaml.ts
// Chart.yaml: identity, declared dependencies, and the images its `artifacthub.io/images` annotation lists.


const chart_yaml_str = (v) => typeof v === 'string' && v.trim() ? v.trim() : typeof v === 'number' ? String(v) : undefined;
/** YAML as plain data; a document that does not parse is reported by the caller. */
function parseYaml(text) {
    return (0,dist/* parse */.qg)(text, { maxAliasCount: 1000, prettyErrors: false });
}
function parseChartYaml(text, where) {
    const doc = parseYaml(text);
    if (!doc || typeof doc !== 'object')
        throw new Error(`${where}: Chart.yaml is not a mapping`);
    const name = chart_yaml_str(doc.name);
    const version = chart_yaml_str(doc.version);
    if (!name || !version)
        throw new Error(`${where}: Chart.yaml has no name or version`);
    const dependencies = [];
    for (const d of Array.isArray(doc.dependencies) ? doc.dependencies : []) {
        if (!d || typeof d !== 'object')
            continue;
        const r = d;
        const depName = chart_yaml_str(r.name);
        if (!depName)
            continue;
        const version = chart_yaml_str(r.version);
        const repository = chart_yaml_str(r.repository);
        const alias = chart_yaml_str(r.alias);
        const condition = chart_yaml_str(r.condition);
        dependencies.push({
            name: depName,
            ...(version ? { version } : {}),
            ...(repository ? { repository } : {}),
            ...(alias ? { alias } : {}),
            ...(condition ? { condition } : {})
        });
    }
    const annotations = (doc.annotations ?? {});
    const { images, problems } = annotationImages(annotations['artifacthub.io/images'], where);
    const appVersion = chart_yaml_str(doc.appVersion);
    return {
        name,
        version,
        ...(appVersion ? { appVersion } : {}),
        dependencies,
        annotationImages: images,
        problems
    };
}
/** `artifacthub.io/images`: a YAML string holding a list of `{name, image, whitelisted?, platforms?}`. */
function annotationImages(value, where) {
    const images = [];
    const problems = [];
    if (typeof value !== 'string')
        return { images, problems };
    let list;
    try {
        list = parseYaml(value);
    }
    catch (err) {
        return { images, problems: [`${where}: artifacthub.io/images is not YAML (${err.message})`] };
    }
    for (const entry of Array.isArray(list) ? list : []) {
        const e = (entry ?? {});
        const text = chart_yaml_str(e.image);
        const ref = text ? imageRef(text) : undefined;
        if (!ref) {
            problems.push(`${where}: artifacthub.io/images entry ${JSON.stringify(entry)} is not an image reference`);
            continue;
        }
        const name = chart_yaml_str(e.name);
        images.push({ ...(name ? { name } : {}), ref });
    }
    return { images, problems };
}

;// CONCATENATED MODULE: ./src/sbom/chart/chart-tree.ts
// The chart and its vendored subcharts (`charts/<dir>/` or `charts/<name>-<version>.tgz`, recursively), each
// with its metadata, values and templates, and whether the parent's default values enable it.


const chart_tree_MAX_DEPTH = 8;
/** Values at a dotted path, as Helm reads a dependency's `condition`. */
function lookup(values, path) {
    let node = values;
    for (const part of path.split('.')) {
        if (typeof node !== 'object' || node === null)
            return undefined;
        node = node[part];
    }
    return node;
}
/** Helm's rule: the first condition path that holds a boolean decides; none set means enabled. */
function conditionEnabled(values, condition) {
    for (const path of (condition ?? '')
        .split(',')
        .map(p => p.trim())
        .filter(Boolean)) {
        const v = lookup(values, path);
        if (typeof v === 'boolean')
            return v;
    }
    return true;
}
function chartTree(files, where, warn) {
    const roots = new Set([...files.keys()].map(p => p.split('/')[0]).filter(r => files.has(`${r}/Chart.yaml`)));
    if (roots.size !== 1)
        throw new Error(`${where}: the chart layer holds ${roots.size} Chart.yaml files at its top, expected one`);
    return node(files, [...roots][0], where, warn, 0, true, undefined);
}
function node(files, path, where, warn, depth, byDefault, declaredAs) {
    const meta = parseChartYaml(files.get(`${path}/Chart.yaml`).toString('utf8'), `${where} ${path}`);
    for (const p of meta.problems)
        warn(p);
    let values = {};
    const valuesFile = files.get(`${path}/values.yaml`) ?? files.get(`${path}/values.yml`);
    if (valuesFile) {
        try {
            values = parseYaml(valuesFile.toString('utf8')) ?? {};
        }
        catch (err) {
            warn(`${where} ${path}/values.yaml does not parse (${err.message}); its values are not read`);
        }
    }
    const templates = new Map();
    for (const [p, bytes] of files)
        if (p.startsWith(`${path}/templates/`))
            templates.set(p.slice(path.length + 1), bytes.toString('utf8'));
    const subcharts = [];
    if (depth < chart_tree_MAX_DEPTH) {
        const prefix = `${path}/charts/`;
        const dirs = new Set();
        for (const p of [...files.keys()]) {
            if (!p.startsWith(prefix))
                continue;
            const rest = p.slice(prefix.length);
            const dir = rest.split('/')[0];
            if (rest === `${dir}/Chart.yaml`)
                dirs.add(dir);
            else if (!rest.includes('/') && rest.endsWith('.tgz')) {
                const inner = readChartArchive(files.get(p), `${where} ${p}`);
                for (const [q, b] of inner)
                    files.set(`${prefix}${q}`, b);
                const top = [...inner.keys()].find(q => q.endsWith('/Chart.yaml') && q.split('/').length === 2);
                if (top)
                    dirs.add(top.split('/')[0]);
            }
        }
        for (const dir of [...dirs].sort()) {
            const sub = parseChartYaml(files.get(`${prefix}${dir}/Chart.yaml`).toString('utf8'), `${where} ${dir}`);
            const dep = meta.dependencies.find(d => d.name === sub.name);
            const enabled = byDefault && conditionEnabled(values, dep?.condition);
            subcharts.push(node(files, `${prefix}${dir}`, where, warn, depth + 1, enabled, dep));
        }
    }
    return { path, meta, values, templates, subcharts, ...(declaredAs ? { declaredAs } : {}), byDefault };
}

;// CONCATENATED MODULE: ./src/sbom/chart/template-images.ts

const ACTION = /\{\{-?([\s\S]*?)-?\}\}/g;
const IMAGE_LINE = /^\s*-?\s*image:\s*["']?([^\s"'#]+)["']?\s*(?:#.*)?$/;
// A host with a dot or a port, a path, and a tag or digest: how images look outside an `image:` key.
const HOSTED = /(?<![\w./:@-])((?:[a-z0-9](?:[a-z0-9-]*[a-z0-9])?\.)+[a-z0-9-]+(?::\d{1,5})?\/[a-z0-9._/-]*[a-z0-9](?::[\w][\w.-]{0,127}|@sha256:[0-9a-f]{64}))(?![\w/])/g;
// `if .Values.a.b` or `if not .Values.a.b`: the only conditions read; anything else cannot be told.
const SIMPLE_IF = /^\s*if\s+(not\s+)?\.Values\.([\w.]+)\s*$/;
function valueAt(values, path) {
    let node = values;
    for (const part of path.split('.')) {
        if (typeof node !== 'object' || node === null)
            return undefined;
        node = node[part];
    }
    return node;
}
/** Go template truth: false, 0, nil, empty string/list/map are false. */
function truthy(v) {
    if (v === undefined || v === null || v === false || v === 0 || v === '')
        return false;
    if (Array.isArray(v))
        return v.length > 0;
    if (typeof v === 'object')
        return Object.keys(v).length > 0;
    return true;
}
function condition(action, values) {
    const m = SIMPLE_IF.exec(action);
    if (!m)
        return undefined;
    const v = truthy(valueAt(values, m[2]));
    return m[1] ? !v : v;
}
function templateImages(source, values = {}) {
    const found = [];
    let last = 0;
    let plain = '';
    const blanks = [];
    // Each action becomes spaces (offsets and lines kept); the block state is noted where each action ends.
    const stack = [];
    const stateAt = [{ at: 0, state: true }];
    const current = () => (stack.includes(false) ? false : stack.includes(undefined) ? undefined : true);
    for (const m of source.matchAll(ACTION)) {
        plain += source.slice(last, m.index) + m[0].replace(/[^\n]/g, ' ');
        last = m.index + m[0].length;
        blanks.push([m.index, last]);
        const body = m[1] ?? '';
        const word = /^\s*(\w+)/.exec(body)?.[1];
        if (word === 'if')
            stack.push(condition(body, values));
        else if (word === 'with' || word === 'range' || word === 'define' || word === 'block')
            stack.push(undefined);
        else if (word === 'else' && stack.length) {
            const top = stack.pop();
            stack.push(/^\s*else\s+if\b/.test(body) || top === undefined ? undefined : !top);
        }
        else if (word === 'end')
            stack.pop();
        stateAt.push({ at: last, state: current() });
    }
    plain += source.slice(last);
    const stateOf = (at) => {
        let s = true;
        for (const x of stateAt) {
            if (x.at > at)
                break;
            s = x.state;
        }
        return s;
    };
    const seen = new Set();
    const push = (text, at) => {
        const ref = imageRef(text);
        if (!ref)
            return;
        const key = `${ref.toString()} ${at}`;
        if (seen.has(key))
            return;
        seen.add(key);
        found.push({ ref, byDefault: stateOf(at) });
    };
    let offset = 0;
    for (const line of plain.split('\n')) {
        const m = IMAGE_LINE.exec(line);
        // An `image:` line with any template logic in it is computed: not read.
        if (m?.[1] && source.slice(offset, offset + line.length) === line)
            push(m[1], offset);
        else
            for (const h of line.matchAll(HOSTED)) {
                const at = offset + h.index;
                if (!blanks.some(([a, b]) => at >= a && at < b))
                    push(h[1], at);
            }
        offset += line.length + 1;
    }
    return found;
}

;// CONCATENATED MODULE: ./src/sbom/chart/values-images.ts

const isMap = (v) => typeof v === 'object' && v !== null && !Array.isArray(v);
const values_images_text = (v) => typeof v === 'string' ? v.trim() : typeof v === 'number' ? String(v) : undefined;
const off = (v) => v === false || v === 'false';
function valuesImages(values, appVersion) {
    const out = { images: [], skipped: [] };
    const add = (ref, path, byDefault, fromApp) => {
        if (!ref) {
            out.skipped.push(path);
            return;
        }
        out.images.push({ ref, path, byDefault, ...(fromApp ? { tagFromAppVersion: true } : {}) });
    };
    const withDefaultTag = (tag) => tag ? { tag, fromApp: false } : { tag: appVersion, fromApp: appVersion !== undefined };
    const walk = (node, path, enabled, key) => {
        if (Array.isArray(node)) {
            node.forEach((item, i) => walk(item, `${path}[${i}]`, enabled, key));
            return;
        }
        if (!isMap(node))
            return;
        const on = enabled && !off(node.enabled);
        const repository = values_images_text(node.repository);
        const image = values_images_text(node.image);
        if (repository !== undefined && image !== undefined && !image.includes('/') && !image.includes(':')) {
            // gpu-operator's operand shape: repository is a registry path, image a name, version a tag or digest.
            if (!repository || !image)
                out.skipped.push(path);
            else {
                const { tag, fromApp } = withDefaultTag(values_images_text(node.version) || values_images_text(node.tag));
                add(composeRef(`${repository}/${image}`, tag, values_images_text(node.digest)), path, on, fromApp);
            }
        }
        else if (repository !== undefined && (key === 'image' || 'tag' in node || 'digest' in node)) {
            const registry = values_images_text(node.registry);
            if (!repository)
                out.skipped.push(path);
            else {
                const full = registry ? `${registry}/${repository}` : repository;
                const given = values_images_text(node.tag);
                const { tag, fromApp } = pinsVersion(full) || values_images_text(node.digest) ? { tag: given, fromApp: false } : withDefaultTag(given);
                add(composeRef(full, tag, values_images_text(node.digest)), path, on, fromApp);
            }
        }
        else if (image !== undefined && image !== '' && repository === undefined) {
            // `image: repo[:tag]`, with a sibling tag or version when the string carries none.
            const sibling = values_images_text(node.tag) || values_images_text(node.version);
            const ref = pinsVersion(image) ? imageRef(image) : composeRef(image, sibling, undefined);
            add(ref, `${path ? `${path}.` : ''}image`, on, false);
        }
        for (const [k, v] of Object.entries(node)) {
            if (typeof v === 'object' && v !== null)
                walk(v, path ? `${path}.${k}` : k, on, k);
        }
    };
    walk(values, '', true, '');
    return out;
}

;// CONCATENATED MODULE: ./src/sbom/chart/collect.ts



function collectImages(root, warn) {
    const byKey = new Map();
    const add = (ref, sighting) => {
        const key = imageKey(ref);
        const found = byKey.get(key) ?? { ref, sightings: [] };
        found.sightings.push(sighting);
        byKey.set(key, found);
    };
    const visit = (chart) => {
        const scan = valuesImages(chart.values, chart.meta.appVersion);
        for (const i of scan.images)
            add(i.ref, {
                chart: chart.path,
                from: 'values',
                where: i.path + (i.tagFromAppVersion ? ' (tag: appVersion)' : ''),
                byDefault: chart.byDefault && i.byDefault
            });
        for (const path of scan.skipped)
            warn(`${chart.path}/values.yaml ${path}: an image entry without a usable repository (set at install time)`);
        for (const a of chart.meta.annotationImages)
            add(a.ref, {
                chart: chart.path,
                from: 'annotation',
                where: a.name ?? 'artifacthub.io/images',
                byDefault: undefined
            });
        for (const [file, text] of [...chart.templates].sort(([a], [b]) => (a < b ? -1 : 1)))
            for (const t of templateImages(text, chart.values))
                add(t.ref, {
                    chart: chart.path,
                    from: 'template',
                    where: file,
                    byDefault: chart.byDefault ? t.byDefault : false
                });
        for (const sub of chart.subcharts)
            visit(sub);
    };
    visit(root);
    return [...byKey.values()].sort((a, b) => (imageKey(a.ref) < imageKey(b.ref) ? -1 : 1));
}
/** true when a default sighting deploys it; false when every sighting is off by default; else undefined. */
function deployedByDefault(image) {
    if (image.sightings.some(s => s.byDefault === true))
        return true;
    if (image.sightings.every(s => s.byDefault === false))
        return false;
    return undefined;
}

;// CONCATENATED MODULE: ./src/sbom/chart/document.ts
// A chart's SBOM document: the chart as the described component, its subcharts and declared dependencies, and
// every image it can deploy as a `container` component; CycloneDX 1.6, or SPDX 2.3 on request.




/** `pkg:helm/<name>@<version>?repository_url=<where Helm pulls it>`. */
function helmPurl(name, version, repositoryUrl) {
    return formatPurl({ type: 'helm', name, version, qualifiers: { repository_url: repositoryUrl } });
}
/** An image's purl: the digest as version when known; the tag as a qualifier either way. */
function document_imagePurl(image) {
    const repo = image.ref.repoString();
    const tag = image.ref.tag ? { tag: image.ref.tag } : {};
    if (image.digest)
        return ociPurl(repo, image.digest, tag);
    return formatPurl({
        type: 'oci',
        name: repo.split('/').pop(),
        qualifiers: { repository_url: repo, ...tag }
    });
}
const imageBomRef = (i) => `image:${i.ref.toString()}`;
const chartBomRef = (c) => `chart:${c.path}@${c.meta.version}`;
const tri = (v) => (v === undefined ? 'unknown' : String(v));
function parts(model) {
    const images = model.images.map((i) => ({
        ref: imageBomRef(i),
        type: 'container',
        name: i.ref.repoString(),
        version: i.ref.tag ?? i.digest ?? 'latest',
        purl: document_imagePurl(i),
        properties: [
            ['oci-attest:chart:image:deployedByDefault', tri(deployedByDefault(i))],
            ...(i.ref.tag ? [['oci-attest:chart:image:tag', i.ref.tag]] : []),
            ...(i.digest
                ? [
                    ['oci-attest:image:manifestDigest', i.digest],
                    ['oci-attest:chart:image:digestFrom', i.digestFrom ?? 'registry']
                ]
                : []),
            ...(i.unresolved ? [['oci-attest:chart:image:unresolved', i.unresolved]] : []),
            ...i.sightings.map((s) => [
                'oci-attest:chart:image:foundIn',
                `${s.from} ${s.chart}: ${s.where}`
            ])
        ],
        dependsOn: [],
        ...(i.digest ? { digest: i.digest } : {})
    }));
    const imagesOf = (chart) => model.images.filter(i => i.sightings.some(s => s.chart === chart.path)).map(imageBomRef);
    const components = [];
    const chartPart = (c, purlRepo, extra) => {
        const vendoredNames = new Set(c.subcharts.map(s => s.meta.name));
        const missing = c.meta.dependencies.filter(d => !vendoredNames.has(d.name));
        for (const d of missing)
            components.push({
                ref: `chart-dependency:${c.path}/${d.name}@${d.version ?? ''}`,
                type: 'application',
                name: d.name,
                version: d.version ?? '',
                purl: helmPurl(d.name, d.version ?? '', d.repository),
                properties: [
                    ['oci-attest:chart:vendored', 'false'],
                    ...(d.condition ? [['oci-attest:chart:condition', d.condition]] : [])
                ],
                dependsOn: []
            });
        const subs = c.subcharts.map(s => {
            const declared = s.declaredAs;
            const p = chartPart(s, declared?.repository, [
                ['oci-attest:chart:path', s.path],
                ['oci-attest:chart:vendored', 'true'],
                ['oci-attest:chart:deployedByDefault', String(s.byDefault)],
                ...(declared?.version && declared.version !== s.meta.version
                    ? [['oci-attest:chart:declaredVersion', declared.version]]
                    : []),
                ...(declared?.condition
                    ? [['oci-attest:chart:condition', declared.condition]]
                    : [])
            ]);
            components.push(p);
            return p.ref;
        });
        return {
            ref: chartBomRef(c),
            type: 'application',
            name: c.meta.name,
            version: c.meta.version,
            purl: helmPurl(c.meta.name, c.meta.version, purlRepo),
            properties: [
                ...(c.meta.appVersion
                    ? [['oci-attest:chart:appVersion', c.meta.appVersion]]
                    : []),
                ...extra
            ],
            dependsOn: [
                ...subs,
                ...missing.map(d => `chart-dependency:${c.path}/${d.name}@${d.version ?? ''}`),
                ...imagesOf(c)
            ]
        };
    };
    const name = model.root.meta.name;
    const base = model.repository.endsWith(`/${name}`)
        ? model.repository.slice(0, -name.length - 1)
        : model.repository;
    const root = chartPart(model.root, `oci://${base}`, [
        ['oci-attest:chart:manifestDigest', model.manifestDigest],
        ['oci-attest:chart:repository', model.repository]
    ]);
    return { root, components: [...components, ...images] };
}
function chartSbomDocument(model, format) {
    return format === 'spdx-json' ? spdx(model) : cyclonedx(model);
}
function cdxComponent(p) {
    return {
        type: p.type,
        'bom-ref': p.ref,
        name: p.name,
        ...(p.version ? { version: p.version } : {}),
        purl: p.purl,
        properties: p.properties.map(([name, value]) => ({ name, value }))
    };
}
function cyclonedx(model) {
    const { root, components } = parts(model);
    return {
        $schema: 'http://cyclonedx.org/schema/bom-1.6.schema.json',
        bomFormat: 'CycloneDX',
        specVersion: '1.6',
        serialNumber: `urn:uuid:${(0,external_node_crypto_.randomUUID)()}`,
        version: 1,
        metadata: {
            timestamp: (model.timestamp ?? new Date()).toISOString(),
            // Read from the published chart, before anything is installed.
            lifecycles: [{ phase: 'post-build' }],
            tools: { components: [{ type: 'application', name: model.tool.name, version: model.tool.version }] },
            component: cdxComponent(root)
        },
        components: components.map(cdxComponent),
        dependencies: [root, ...components].map(p => p.dependsOn.length ? { ref: p.ref, dependsOn: [...new Set(p.dependsOn)].sort() } : { ref: p.ref })
    };
}
function spdx(model) {
    const { root, components } = parts(model);
    const ids = new Map();
    [root, ...components].forEach((p, i) => ids.set(p.ref, i === 0 ? 'SPDXRef-DocumentRoot-Chart' : `SPDXRef-${p.type === 'container' ? 'Image' : 'Chart'}-${i}`));
    const pkg = (p) => ({
        name: p.name,
        SPDXID: ids.get(p.ref),
        ...(p.version ? { versionInfo: p.version } : {}),
        supplier: 'NOASSERTION',
        downloadLocation: 'NOASSERTION',
        filesAnalyzed: false,
        licenseConcluded: 'NOASSERTION',
        licenseDeclared: 'NOASSERTION',
        copyrightText: 'NOASSERTION',
        primaryPackagePurpose: p.type === 'container' ? 'CONTAINER' : 'APPLICATION',
        ...(p.digest
            ? { checksums: [{ algorithm: 'SHA256', checksumValue: p.digest.replace(/^sha256:/, '') }] }
            : {}),
        // SPDX has no properties: the same facts as `name: value` lines.
        ...(p.properties.length ? { comment: p.properties.map(([k, v]) => `${k}: ${v}`).join('\n') } : {}),
        externalRefs: [{ referenceCategory: 'PACKAGE-MANAGER', referenceType: 'purl', referenceLocator: p.purl }]
    });
    const relationships = [
        {
            spdxElementId: 'SPDXRef-DOCUMENT',
            relationshipType: 'DESCRIBES',
            relatedSpdxElement: ids.get(root.ref)
        }
    ];
    for (const p of [root, ...components])
        for (const d of new Set(p.dependsOn))
            relationships.push({
                spdxElementId: ids.get(p.ref),
                relationshipType: 'DEPENDS_ON',
                relatedSpdxElement: ids.get(d)
            });
    const title = `${model.repository}@${model.manifestDigest}`;
    return {
        spdxVersion: 'SPDX-2.3',
        dataLicense: 'CC0-1.0',
        SPDXID: 'SPDXRef-DOCUMENT',
        name: title,
        documentNamespace: `https://oci-attest.invalid/spdx/${model.repository.replace(/[^A-Za-z0-9.\-/]+/g, '-')}-${(0,external_node_crypto_.randomUUID)()}`,
        creationInfo: {
            created: (model.timestamp ?? new Date()).toISOString().replace(/\.\d{3}Z$/, 'Z'),
            creators: ['Organization: oci-attest', `Tool: ${model.tool.name}-${model.tool.version}`]
        },
        documentDescribes: [ids.get(root.ref)],
        packages: [root, ...components].map(pkg),
        relationships
    };
}

;// CONCATENATED MODULE: ./src/sbom/chart/resolve.ts
// Digests of a chart's images, asked of their registries with the run's client (its credentials, as subjects
// are resolved); an image whose registry cannot answer keeps its tag and the reason.

/** Registries answer a few lookups at a time; charts list tens of images. */
const CONCURRENCY = 4;
/** A registry that never answers (a dropped connection, a firewall) must not hold the run for its retries. */
const DEFAULT_LOOKUP_MS = 30_000;
function withDeadline(work, ms) {
    let timer;
    const late = new Promise((_, reject) => {
        timer = setTimeout(() => reject(new Error(`no answer within ${ms / 1000} s`)), ms);
    });
    work.catch(() => undefined); // a lookup given up on may still fail later: nobody is waiting for it
    return Promise.race([work, late]).finally(() => clearTimeout(timer));
}
async function resolveDigests(images, registry, lookupMs = DEFAULT_LOOKUP_MS) {
    const out = images.map(i => i.ref.digest ? { ...i, digest: i.ref.digest, digestFrom: 'chart' } : { ...i });
    const pending = out.filter(i => !i.digest);
    // One lookup per registry/repository:tag, however many sightings share it.
    let next = 0;
    const worker = async () => {
        while (next < pending.length) {
            const image = pending[next++];
            if (!registry) {
                image.unresolved = 'no registry client was given';
                continue;
            }
            try {
                image.digest = await withDeadline(registry.resolveDigest(image.ref), lookupMs);
                image.digestFrom = 'registry';
            }
            catch (err) {
                image.unresolved = (0,errors/* errorText */.kc)(err);
            }
        }
    };
    await Promise.all(Array.from({ length: Math.min(CONCURRENCY, pending.length) }, worker));
    return out;
}

;// CONCATENATED MODULE: ./src/sbom/chart/index.ts
// A Helm chart's SBOM: the chart layer read through the registry client, its charts and the images it deploys.







const HELM_CHART_LAYER = 'application/vnd.cncf.helm.chart.content.v1.tar+gzip';



async function generateChartSbom(opts) {
    const where = `${opts.repository.repoString()}@${opts.manifest.digest}`;
    const warnings = [];
    const warn = (m) => {
        warnings.push(m);
        opts.onWarning?.(m);
    };
    const layers = (opts.manifest.json.layers ?? []).filter(l => l.mediaType === HELM_CHART_LAYER);
    if (layers.length !== 1)
        throw new SbomError('SBOM_BAD_MANIFEST', `${where}: a Helm chart manifest has one ${HELM_CHART_LAYER} layer; this one has ${layers.length}`);
    const layer = layers[0];
    const archive = await opts.registry.readBlob(opts.repository, layer.digest, layer.size);
    let root;
    try {
        root = chartTree(readChartArchive(archive, where), where, warn);
    }
    catch (cause) {
        if (cause instanceof SbomError)
            throw cause;
        throw new SbomError('SBOM_BAD_SOURCE', `${where}: ${cause.message}`, { cause });
    }
    const found = collectImages(root, warn);
    const images = await resolveDigests(found, opts.resolve === false ? undefined : opts.registry, opts.lookupMs);
    const document = chartSbomDocument({
        root,
        repository: opts.repository.repoString(),
        manifestDigest: opts.manifest.digest,
        images,
        tool: { name: 'oci-attest', version: version/* VERSION */.x },
        ...(opts.timestamp ? { timestamp: opts.timestamp } : {})
    }, opts.format);
    return {
        document,
        serialized: JSON.stringify(document, null, 2),
        images,
        defaultImages: images.filter(i => deployedByDefault(i) === true).length,
        warnings
    };
}

;// CONCATENATED MODULE: ./src/sbom/index.ts













const SBOM_FORMATS = ['cyclonedx-json', 'spdx-json'];
async function generateSbom(opts) {
    const release = holdYoungGeneration();
    try {
        return await generate(opts);
    }
    finally {
        release();
    }
}
async function generate(opts) {
    const warnings = [];
    const warn = (message) => {
        warnings.push(message);
        opts.onWarning?.(message);
    };
    const image = await openSource(opts.source, {
        ...(opts.platform ? { platform: opts.platform } : {}),
        ...(opts.registry ? { registry: opts.registry } : {}),
        warn
    });
    const catalogers = opts.catalogers ?? allCatalogers();
    const scan = await scanLayers({
        layers: image.layers,
        catalogers,
        limits: resolveLimits(opts.limits),
        warn,
        hashFiles: opts.includeFiles ?? false,
        ...(opts.onProgress ? { onProgress: opts.onProgress } : {})
    });
    const packages = sortPackages(scan.packages);
    addGeneratedCpes(packages);
    const model = {
        subject: {
            name: image.name,
            version: image.version,
            ...(image.manifestDigest ? { manifestDigest: image.manifestDigest } : {}),
            platform: image.platform,
            otherPlatforms: image.otherPlatforms,
            labels: image.config.config?.Labels ?? {}
        },
        ...(scan.distro ? { distro: scan.distro } : {}),
        packages,
        ...(opts.includeFiles
            ? { files: [...scan.files].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0)) }
            : {}),
        tool: { name: 'oci-attest', version: version/* VERSION */.x }
    };
    let serialized;
    if (opts.format === 'spdx-json')
        serialized = JSON.stringify(buildSpdx(model, opts.write), null, 2);
    else
        serialized = serializeCycloneDx(buildCycloneDx(model, opts.write));
    // Parsed when asked for: the CLI writes `serialized` only, and the parse is a second copy of the document.
    let document;
    return {
        get document() {
            return (document ??= JSON.parse(serialized));
        },
        serialized,
        packages,
        ...(scan.distro ? { distro: scan.distro } : {}),
        warnings,
        platform: image.platform,
        otherPlatforms: image.otherPlatforms,
        ...(image.manifestDigest ? { manifestDigest: image.manifestDigest } : {})
    };
}


/***/ })

};
