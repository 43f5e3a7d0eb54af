export const id = 533;
export const ids = [533];
export const modules = {

/***/ 3533:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  ATTEST_USAGE: () => (/* binding */ ATTEST_USAGE),
  flagLabel: () => (/* binding */ flagLabel),
  runAttestCommand: () => (/* binding */ runAttestCommand)
});

// EXTERNAL MODULE: ./src/errors/index.ts + 2 modules
var errors = __webpack_require__(28936);
// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __webpack_require__(51455);
// EXTERNAL MODULE: ./src/oci/index.ts + 13 modules
var oci = __webpack_require__(66287);
// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(73024);
;// CONCATENATED MODULE: ./src/attest/sbom-predicate.ts
// An SBOM file as an attestation predicate: format detected from its content, size checked before signing.


const CYCLONEDX_PREDICATE = 'https://cyclonedx.org/bom';
const SPDX_PREDICATE = 'https://spdx.dev/Document';
/** Predicates beyond this make Rekor entries and registry layers that some stores refuse. */
const DEFAULT_SBOM_LIMIT = 16 * 1024 * 1024;
class SbomPredicateError extends errors/* CodedError */.AK {
    constructor(code, message, options) {
        super(code, message, options);
        this.name = 'SbomPredicateError';
    }
}
/** Detects CycloneDX (`bomFormat`) or SPDX (`spdxVersion`) JSON. */
function sbomPredicate(document, where = 'the SBOM') {
    const doc = document;
    if (typeof doc !== 'object' || doc === null || Array.isArray(doc)) {
        throw new SbomPredicateError('SBOM_UNKNOWN_FORMAT', `${where} is not a JSON object; give CycloneDX or SPDX JSON`);
    }
    if (doc.bomFormat === 'CycloneDX')
        return { kind: 'cyclonedx', predicateType: CYCLONEDX_PREDICATE, predicate: doc };
    if (typeof doc.spdxVersion === 'string' && doc.spdxVersion.startsWith('SPDX-')) {
        return { kind: 'spdx', predicateType: SPDX_PREDICATE, predicate: doc };
    }
    throw new SbomPredicateError('SBOM_UNKNOWN_FORMAT', `${where} is neither CycloneDX JSON ("bomFormat": "CycloneDX") nor SPDX JSON ("spdxVersion": "SPDX-2.x")`);
}
async function sbomPredicateFromFile(path, limit = DEFAULT_SBOM_LIMIT) {
    let size;
    try {
        size = (await (0,promises_.stat)(path)).size;
    }
    catch (cause) {
        throw new SbomPredicateError('SBOM_UNREADABLE', `SBOM file ${path} cannot be read; check the path`, {
            cause
        });
    }
    assertSbomSize(size, limit, `SBOM file ${path}`);
    let doc;
    try {
        doc = JSON.parse(await (0,promises_.readFile)(path, 'utf8'));
    }
    catch (cause) {
        throw new SbomPredicateError('SBOM_UNREADABLE', `SBOM file ${path} is not valid JSON`, { cause });
    }
    return { ...sbomPredicate(doc, `SBOM file ${path}`), path };
}
function assertSbomSize(size, limit, what) {
    if (size <= limit)
        return;
    const mib = (n) => `${(n / 1024 / 1024).toFixed(1)} MiB`;
    throw new SbomPredicateError('SBOM_TOO_LARGE', `${what} is ${mib(size)}, over the ${mib(limit)} limit for a signed SBOM predicate; ` +
        'trim it (e.g. drop file-level entries) or raise the limit knowingly');
}

;// CONCATENATED MODULE: ./src/attest/custom-predicate.ts
// A caller's own predicate (actions/attest's predicate-type + predicate-path/predicate), checked before signing.



/** The same ceiling as SBOM statements: past it Rekor entries and registry layers get refused. */
const DEFAULT_PREDICATE_LIMIT = DEFAULT_SBOM_LIMIT;
/** Types this tool writes itself, each with the input that produces it instead. */
const RESERVED_PREDICATE_TYPES = {
    'https://slsa.dev/provenance/v1': 'the provenance input (built from the verified OIDC token)',
    'https://slsa.dev/provenance/v0.2': 'the provenance input (built from the verified OIDC token)',
    [CYCLONEDX_PREDICATE]: 'the sbom input (sbom: FILE attests a CycloneDX or SPDX file you made)',
    [SPDX_PREDICATE]: 'the sbom input (sbom: FILE attests a CycloneDX or SPDX file you made)',
    // cosign's bundle-format signature statement (src/publish/bundle-referrer.ts; attest cannot import publish).
    'https://sigstore.dev/cosign/sign/v1': 'the formats input (the signature is written for every subject)'
};
class CustomPredicateError extends errors/* CodedError */.AK {
    input;
    problem;
    constructor(input, problem, options) {
        super('INVALID_PREDICATE', `input "${input}": ${problem}`, options);
        this.input = input;
        this.problem = problem;
        this.name = 'CustomPredicateError';
    }
}
const fail = (input, problem, cause) => {
    throw new CustomPredicateError(input, problem, cause === undefined ? undefined : { cause });
};
const mib = (n) => `${(n / 1024 / 1024).toFixed(1)} MiB`;
/** cosign's --type takes a URI only if Go's url.ParseRequestURI does: scheme://authority, no opaque URNs. */
function checkPredicateType(type) {
    const example = 'write an absolute URI such as https://example.com/attestations/my-predicate/v1';
    if (!/^[A-Za-z][A-Za-z0-9+.-]*:\/\/[^/\s?#]+[^\s]*$/.test(type))
        fail('predicate-type', `"${type}" is not an absolute URI (scheme://host/path); ${example}`);
    try {
        new URL(type);
    }
    catch (cause) {
        fail('predicate-type', `"${type}" does not parse as a URI; ${example}`, cause);
    }
    const instead = RESERVED_PREDICATE_TYPES[type];
    if (instead)
        fail('predicate-type', `"${type}" is written by oci-attest itself; use ${instead}, or give your own type URI`);
    return type;
}
/**
 * The three inputs as given (undefined = not set) → the predicate, or undefined when none is asked for.
 * Every problem is an error naming the input and the fix, raised before anything is signed.
 */
function readCustomPredicate(given, limit = DEFAULT_PREDICATE_LIMIT) {
    const { type, path, inline } = given;
    if (type === undefined) {
        if (path !== undefined)
            fail('predicate-path', "is given without predicate-type; set predicate-type to the predicate's type URI");
        if (inline !== undefined)
            fail('predicate', "is given without predicate-type; set predicate-type to the predicate's type URI");
        return undefined;
    }
    const predicateType = checkPredicateType(type);
    if (path !== undefined && inline !== undefined)
        fail('predicate', 'and predicate-path are both given; give the predicate either inline or as a file, not both');
    if (path === undefined && inline === undefined)
        fail('predicate-type', 'is given without a predicate; set predicate-path to a JSON file (or predicate to inline JSON)');
    const input = path !== undefined ? 'predicate-path' : 'predicate';
    const what = path !== undefined ? `file ${path}` : 'the inline predicate';
    let text;
    if (path !== undefined) {
        let size = 0;
        try {
            const st = (0,external_node_fs_.statSync)(path);
            if (!st.isFile())
                fail(input, `${path} is not a file; give the path of a JSON file`);
            size = st.size;
        }
        catch (cause) {
            if (cause instanceof CustomPredicateError)
                throw cause;
            fail(input, `file ${path} cannot be read (${(0,errors/* errorText */.kc)(cause)}); check the path`, cause);
        }
        // Checked before reading, so a huge file is refused without loading it.
        if (size > limit)
            fail(input, tooLarge(what, size, limit));
        text = (0,external_node_fs_.readFileSync)(path, 'utf8');
    }
    else {
        text = inline;
        const size = Buffer.byteLength(text);
        if (size > limit)
            fail(input, tooLarge(what, size, limit));
    }
    let value;
    try {
        value = JSON.parse(text);
    }
    catch (cause) {
        fail(input, `${what} is not valid JSON (${(0,errors/* errorText */.kc)(cause)}); give a JSON object`, cause);
    }
    if (typeof value !== 'object' || value === null || Array.isArray(value))
        fail(input, `${what} is JSON but not an object (in-toto predicates are objects); wrap it, e.g. {"data": …}`);
    return { predicateType, predicate: value, source: path ?? 'inline' };
}
function tooLarge(what, size, limit) {
    return `${what} is ${mib(size)}, over the ${mib(limit)} limit for a signed predicate; make it smaller (or attach the data elsewhere and attest its digest)`;
}

;// CONCATENATED MODULE: ./src/attest/openvex-schema.ts
// OpenVEX v0.2.0 documents checked field by field against the spec's JSON schema, each problem at its JSON path.
/** The `@context` a v0.2.0 document carries (its version is in the context, the predicate type has none). */
const OPENVEX_CONTEXT = 'https://openvex.dev/ns/v0.2.0';
const OPENVEX_STATUSES = ['not_affected', 'affected', 'fixed', 'under_investigation'];
const OPENVEX_JUSTIFICATIONS = [
    'component_not_present',
    'vulnerable_code_not_present',
    'vulnerable_code_not_in_execute_path',
    'vulnerable_code_cannot_be_controlled_by_adversary',
    'inline_mitigations_already_exist'
];
const HASH_ALGORITHMS = [
    'md5',
    'sha1',
    'sha-256',
    'sha-384',
    'sha-512',
    'sha3-224',
    'sha3-256',
    'sha3-384',
    'sha3-512',
    'blake2s-256',
    'blake2b-256',
    'blake2b-512'
];
// The schema spells CPE keys with "@"; the spec's prose and go-vex without: both are read.
const IDENTIFIER_KEYS = ['purl', '@cpe22', '@cpe23', 'cpe22', 'cpe23'];
/** `$.a.b[0]["@id"]`: dotted where the key is an identifier, bracketed where it is not. */
const jsonPath = (base, key) => typeof key === 'number'
    ? `${base}[${key}]`
    : /^[A-Za-z_][A-Za-z0-9_]*$/.test(key)
        ? `${base}.${key}`
        : `${base}[${JSON.stringify(key)}]`;
const isObject = (v) => typeof v === 'object' && v !== null && !Array.isArray(v);
const kindOf = (v) => (v === null ? 'null' : Array.isArray(v) ? 'an array' : `a ${typeof v}`);
// RFC 3339 date-time, the schema's `format: date-time` (a zone is required, fractions of any length).
const DATE_TIME = /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])[Tt]([01]\d|2[0-3]):[0-5]\d:([0-5]\d|60)(\.\d+)?([Zz]|[+-]([01]\d|2[0-3]):[0-5]\d)$/;
// The schema's `format: uri`: an absolute IRI with a scheme (a purl is one: `pkg:oci/…`).
const IRI = /^[A-Za-z][A-Za-z0-9+.-]*:[^\s]+$/;
class Checker {
    problems = [];
    add(path, problem) {
        this.problems.push({ path, problem });
    }
    object(v, path, allowed, required = []) {
        if (!isObject(v)) {
            this.add(path, `must be an object, found ${kindOf(v)}`);
            return false;
        }
        for (const key of required)
            if (!(key in v))
                this.add(jsonPath(path, key), 'is required');
        for (const key of Object.keys(v))
            if (!allowed.includes(key))
                this.add(jsonPath(path, key), `is not an OpenVEX v0.2.0 field here (allowed: ${allowed.join(', ')})`);
        return true;
    }
    string(o, key, path, format) {
        if (!(key in o))
            return;
        const v = o[key];
        const at = jsonPath(path, key);
        if (typeof v !== 'string')
            return this.add(at, `must be a string, found ${kindOf(v)}`);
        if (format === 'iri' && !IRI.test(v))
            this.add(at, `"${v}" is not an IRI (an absolute URI such as https://… or a purl pkg:…)`);
        if (format === 'date-time' && !DATE_TIME.test(v))
            this.add(at, `"${v}" is not an RFC 3339 date-time with a zone (e.g. 2026-01-31T12:00:00Z)`);
        if (format === 'non-empty' && v.trim() === '')
            this.add(at, 'must not be empty');
    }
    oneOf(o, key, path, values) {
        if (!(key in o))
            return;
        const v = o[key];
        if (typeof v !== 'string' || !values.includes(v))
            this.add(jsonPath(path, key), `${JSON.stringify(v)} is not one of ${values.join(', ')}`);
    }
    integer(o, key, path) {
        if (!(key in o))
            return;
        const v = o[key];
        if (typeof v !== 'number' || !Number.isInteger(v) || v < 1)
            this.add(jsonPath(path, key), `must be an integer of at least 1, found ${JSON.stringify(v)}`);
    }
    /** An array, unique items (the schema's uniqueItems), each checked by `item`. */
    array(o, key, path, item, minItems = 0) {
        if (!(key in o))
            return;
        const v = o[key];
        const at = jsonPath(path, key);
        if (!Array.isArray(v))
            return this.add(at, `must be an array, found ${kindOf(v)}`);
        if (v.length < minItems)
            this.add(at, `must hold at least ${minItems} item(s)`);
        const seen = new Map();
        v.forEach((entry, i) => {
            const text = JSON.stringify(entry);
            const first = seen.get(text);
            if (first !== undefined)
                this.add(jsonPath(at, i), `repeats ${jsonPath(at, first)} (items must be unique)`);
            else
                seen.set(text, i);
            item(entry, jsonPath(at, i));
        });
    }
    stringMap(o, key, path, keys) {
        if (!(key in o))
            return;
        const at = jsonPath(path, key);
        if (!this.object(o[key], at, keys))
            return;
        for (const k of Object.keys(o[key]))
            this.string(o[key], k, at);
    }
    component(v, path, withSubcomponents) {
        const fields = ['@id', 'identifiers', 'hashes', ...(withSubcomponents ? ['subcomponents'] : [])];
        if (!this.object(v, path, fields))
            return;
        this.string(v, '@id', path, 'iri');
        this.stringMap(v, 'identifiers', path, IDENTIFIER_KEYS);
        this.stringMap(v, 'hashes', path, HASH_ALGORITHMS);
        if (withSubcomponents)
            this.array(v, 'subcomponents', path, (s, at) => this.component(s, at, false));
    }
    vulnerability(v, path) {
        if (!this.object(v, path, ['@id', 'name', 'description', 'aliases'], ['name']))
            return;
        this.string(v, '@id', path, 'iri');
        this.string(v, 'name', path, 'non-empty');
        this.string(v, 'description', path);
        this.array(v, 'aliases', path, (a, at) => {
            if (typeof a !== 'string')
                this.add(at, `must be a string, found ${kindOf(a)}`);
        });
    }
    statement(v, path) {
        const fields = [
            '@id',
            'version',
            'vulnerability',
            'timestamp',
            'last_updated',
            'products',
            'status',
            'supplier',
            'status_notes',
            'justification',
            'impact_statement',
            'action_statement',
            'action_statement_timestamp'
        ];
        if (!this.object(v, path, fields, ['vulnerability', 'status']))
            return;
        this.string(v, '@id', path, 'iri');
        this.integer(v, 'version', path);
        if ('vulnerability' in v)
            this.vulnerability(v.vulnerability, jsonPath(path, 'vulnerability'));
        for (const key of ['timestamp', 'last_updated', 'action_statement_timestamp'])
            this.string(v, key, path, 'date-time');
        this.array(v, 'products', path, (p, at) => this.component(p, at, true));
        this.oneOf(v, 'status', path, OPENVEX_STATUSES);
        this.oneOf(v, 'justification', path, OPENVEX_JUSTIFICATIONS);
        for (const key of ['supplier', 'status_notes', 'impact_statement', 'action_statement'])
            this.string(v, key, path);
        // The spec's MUSTs per status (it recommends a justification, optionally with an impact statement).
        if (v.status === 'not_affected' && !('justification' in v) && !('impact_statement' in v))
            this.add(path, 'has status not_affected but neither justification nor impact_statement (one is required)');
        if (v.status === 'affected' && !('action_statement' in v))
            this.add(path, 'has status affected but no action_statement (required for affected)');
    }
}
/** Every way `doc` departs from the OpenVEX v0.2.0 schema; empty when it conforms. */
function checkOpenVexSchema(doc) {
    const c = new Checker();
    const fields = [
        '@context',
        '@id',
        'author',
        'role',
        'timestamp',
        'last_updated',
        'version',
        'tooling',
        'statements'
    ];
    const required = ['@context', '@id', 'author', 'timestamp', 'version', 'statements'];
    if (!c.object(doc, '$', fields, required))
        return c.problems;
    if ('@context' in doc && doc['@context'] !== OPENVEX_CONTEXT)
        c.add('$["@context"]', `is ${JSON.stringify(doc['@context'])}; an OpenVEX v0.2.0 document has "${OPENVEX_CONTEXT}"`);
    c.string(doc, '@id', '$', 'iri');
    c.string(doc, 'author', '$', 'non-empty');
    c.string(doc, 'role', '$');
    c.string(doc, 'tooling', '$');
    c.string(doc, 'timestamp', '$', 'date-time');
    c.string(doc, 'last_updated', '$', 'date-time');
    c.integer(doc, 'version', '$');
    c.array(doc, 'statements', '$', (s, at) => c.statement(s, at), 1);
    return c.problems;
}

;// CONCATENATED MODULE: ./src/attest/openvex.ts
// OpenVEX documents given as input: read, size-checked and schema-checked before anything is signed.




/** The in-toto predicate type of an OpenVEX document: what cosign's `--type openvex` selects (no version). */
const OPENVEX_PREDICATE = 'https://openvex.dev/ns';
/** A problem with one document: the file, the JSON path in it ("$" for the whole), and what is wrong. */
class OpenVexError extends errors/* CodedError */.AK {
    file;
    path;
    problem;
    constructor(code, file, path, problem, options) {
        super(code, `${file}: ${path}: ${problem}`, options);
        this.file = file;
        this.path = path;
        this.problem = problem;
        this.name = 'OpenVexError';
    }
}
/** Most problems shown for one document: past these the author has a different document to fix. */
const SHOWN = 8;
/** The input's value (paths one per line or comma-separated) → its paths, blank entries dropped. */
function vexPaths(value) {
    return value
        .split(/[\n,]/)
        .map(p => p.trim())
        .filter(Boolean);
}
function readOpenVexDocuments(paths, limit = DEFAULT_PREDICATE_LIMIT) {
    const seen = new Set();
    return paths.map(file => {
        if (seen.has(file))
            throw new OpenVexError('INVALID_VEX', file, '$', 'is given twice; list each document once');
        seen.add(file);
        return readOpenVexDocument(file, limit);
    });
}
function readOpenVexDocument(file, limit = DEFAULT_PREDICATE_LIMIT) {
    const fail = (problem, cause) => {
        throw new OpenVexError('INVALID_VEX', file, '$', problem, cause === undefined ? undefined : { cause });
    };
    let size = 0;
    try {
        const st = (0,external_node_fs_.statSync)(file);
        if (!st.isFile())
            fail('is not a file; give the path of an OpenVEX JSON document');
        size = st.size;
    }
    catch (cause) {
        if (cause instanceof OpenVexError)
            throw cause;
        fail(`cannot be read (${(0,errors/* errorText */.kc)(cause)}); check the path`, cause);
    }
    // Checked before reading, so a huge file is refused without loading it.
    if (size > limit)
        fail(`is ${(size / 1024 / 1024).toFixed(1)} MiB, over the ${(limit / 1024 / 1024).toFixed(1)} MiB limit for a signed predicate; split it into several documents`);
    let value;
    try {
        value = JSON.parse((0,external_node_fs_.readFileSync)(file, 'utf8'));
    }
    catch (cause) {
        fail(`is not valid JSON (${(0,errors/* errorText */.kc)(cause)}); an OpenVEX document is a JSON object`, cause);
    }
    const problems = checkOpenVexSchema(value);
    if (problems.length > 0) {
        const [first, ...rest] = problems;
        const more = rest
            .slice(0, SHOWN - 1)
            .map(p => `; ${p.path}: ${p.problem}`)
            .join('');
        const hidden = rest.length > SHOWN - 1 ? `; and ${rest.length - SHOWN + 1} more` : '';
        throw new OpenVexError('INVALID_VEX', file, first.path, `${first.problem}${more}${hidden} (not a valid OpenVEX v0.2.0 document)`);
    }
    return { file, document: value };
}

// EXTERNAL MODULE: ./src/sigstore/error.ts
var error = __webpack_require__(58396);
;// CONCATENATED MODULE: ./src/sigstore/signing-config/document.ts
// A Sigstore SigningConfig v0.2 document (protobuf-specs trustroot.v1.SigningConfig in its JSON form), checked
// once with errors that name the document and the JSON path at fault.

const SIGNING_CONFIG_MEDIA_TYPE = 'application/vnd.dev.sigstore.signingconfig.v0.2+json';
const SELECTORS = {
    ALL: 'ALL',
    ANY: 'ANY',
    EXACT: 'EXACT',
    1: 'ALL',
    2: 'ANY',
    3: 'EXACT'
};
// protojson's Timestamp: RFC 3339 with Z or an offset, up to nanosecond fractions.
const RFC3339 = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,9})?(Z|[+-]\d{2}:\d{2})$/;
const document_isObject = (v) => typeof v === 'object' && v !== null && !Array.isArray(v);
/** Parses the JSON text of a signing config; `source` names it in every error. */
function parseSigningConfigText(text, source) {
    let json;
    try {
        json = JSON.parse(text);
    }
    catch (cause) {
        throw invalid(source, '$', `is not JSON (${cause.message})`);
    }
    return parseSigningConfig(json, source);
}
function parseSigningConfig(document, source) {
    const json = camelCaseKeys(document);
    if (!document_isObject(json))
        throw invalid(source, '$', 'must be a JSON object (a Sigstore SigningConfig)');
    if (json.mediaType !== SIGNING_CONFIG_MEDIA_TYPE)
        throw invalid(source, '$.mediaType', `is ${JSON.stringify(json.mediaType ?? null)}; only ${SIGNING_CONFIG_MEDIA_TYPE} is read (the version whose services carry API versions and selectors)`);
    const list = (name) => services(source, json, name);
    const config = {
        source,
        caUrls: list('caUrls'),
        oidcUrls: list('oidcUrls'),
        rekorTlogUrls: list('rekorTlogUrls'),
        tsaUrls: list('tsaUrls')
    };
    const rekorTlogConfig = configuration(source, json, 'rekorTlogConfig', config.rekorTlogUrls.length);
    const tsaConfig = configuration(source, json, 'tsaConfig', config.tsaUrls.length);
    return { ...config, ...(rekorTlogConfig ? { rekorTlogConfig } : {}), ...(tsaConfig ? { tsaConfig } : {}) };
}
function services(source, doc, name) {
    const value = doc[name];
    if (value === undefined || value === null)
        return [];
    if (!Array.isArray(value))
        throw invalid(source, `$.${name}`, 'must be a list of services');
    return value.map((item, i) => service(source, item, `$.${name}[${i}]`));
}
function service(source, item, path) {
    if (!document_isObject(item))
        throw invalid(source, path, 'must be an object with url, majorApiVersion, validFor, operator');
    if (typeof item.url !== 'string' || item.url === '')
        throw invalid(source, `${path}.url`, 'is required');
    let url;
    try {
        url = new URL(item.url);
    }
    catch {
        throw invalid(source, `${path}.url`, `"${item.url}" is not a URL with scheme and host`);
    }
    if (url.protocol !== 'https:' && url.protocol !== 'http:')
        throw invalid(source, `${path}.url`, `"${item.url}" must be an http(s) URL`);
    const majorApiVersion = uint32(source, item.majorApiVersion, `${path}.majorApiVersion`) ?? 0;
    if (item.operator !== undefined && typeof item.operator !== 'string')
        throw invalid(source, `${path}.operator`, 'must be a string such as "sigstore.dev"');
    return {
        url: item.url.replace(/\/+$/, ''),
        majorApiVersion,
        validFor: timeRange(source, item.validFor, `${path}.validFor`),
        operator: item.operator ?? '',
        path
    };
}
function timeRange(source, value, path) {
    if (value === undefined || value === null)
        return {};
    if (!document_isObject(value))
        throw invalid(source, path, 'must be an object with start and/or end');
    const at = (key) => {
        const v = value[key];
        if (v === undefined || v === null)
            return undefined;
        const date = typeof v === 'string' && RFC3339.test(v) && realDay(v) ? new Date(v) : undefined;
        if (!date || Number.isNaN(date.getTime()))
            throw invalid(source, `${path}.${key}`, `${JSON.stringify(v)} is not an RFC 3339 time such as 2025-01-01T00:00:00Z`);
        return date;
    };
    const start = at('start');
    const end = at('end');
    if (start && end && end < start)
        throw invalid(source, `${path}.end`, 'is before its start');
    return { ...(start ? { start } : {}), ...(end ? { end } : {}) };
}
/** Date rolls 2024-02-30 over into March; protojson refuses it. */
function realDay(rfc3339) {
    const [y, m, d] = rfc3339.slice(0, 10).split('-').map(Number);
    return new Date(Date.UTC(y, m - 1, d)).getUTCDate() === d;
}
function configuration(source, doc, name, listed) {
    const value = doc[name];
    const list = name === 'rekorTlogConfig' ? 'rekorTlogUrls' : 'tsaUrls';
    if (value === undefined || value === null) {
        // Selection needs a selector whenever the list has services (sigstore-go fails the same way, later).
        if (listed > 0)
            throw invalid(source, `$.${name}`, `is required when ${list} lists services: give {"selector": "ANY"}`);
        return undefined;
    }
    if (!document_isObject(value))
        throw invalid(source, `$.${name}`, 'must be an object with a selector');
    const selector = SELECTORS[String(value.selector)];
    if (!selector)
        throw invalid(source, `$.${name}.selector`, `is ${JSON.stringify(value.selector ?? null)}; give ANY, ALL or EXACT (with count)`);
    if (selector !== 'EXACT')
        return { selector };
    const count = uint32(source, value.count, `$.${name}.count`);
    if (!count)
        throw invalid(source, `$.${name}.count`, 'must be greater than 0 with selector EXACT');
    if (count > listed)
        throw invalid(source, `$.${name}.count`, `is ${count}, but ${list} lists ${listed} service(s)`);
    return { selector, count };
}
/** protojson also reads the proto field names (ca_urls, major_api_version…); paths then use the JSON names. */
function camelCaseKeys(value) {
    if (Array.isArray(value))
        return value.map(camelCaseKeys);
    if (!document_isObject(value))
        return value;
    const out = {};
    for (const [key, v] of Object.entries(value)) {
        const camel = key.replace(/_([a-z])/g, (_m, c) => c.toUpperCase());
        if (!(camel in out) || camel === key)
            out[camel] = camelCaseKeys(v);
    }
    return out;
}
/** protojson writes uint32 as a number and reads a decimal string too. */
function uint32(source, value, path) {
    if (value === undefined || value === null)
        return undefined;
    const n = typeof value === 'string' && /^\d+$/.test(value) ? Number(value) : value;
    if (typeof n !== 'number' || !Number.isInteger(n) || n < 0 || n > 0xffffffff)
        throw invalid(source, path, `${JSON.stringify(value)} is not a non-negative integer`);
    return n;
}
function invalid(source, path, problem) {
    return new error/* SigstoreError */.F('SIGNING_CONFIG_INVALID', `signing config ${source}: ${path} ${problem}`);
}

// EXTERNAL MODULE: ./src/sigstore/tuf.ts
var tuf = __webpack_require__(41193);
;// CONCATENATED MODULE: ./src/sigstore/signing-config/load.ts
// Where a signing config comes from: public good's TUF repository (the same client and cache as its trusted
// root) or a file of a private instance.




const PUBLIC_GOOD_TARGETS = {
    'public-good': 'signing_config.v0.2.json',
    'public-good-rekor-v2': 'signing_config_rekor_v2.v0.2.json'
};
/** Reads and checks a file now, so a bad document fails with the inputs, before any request. */
function readSigningConfigFile(path) {
    let text;
    try {
        text = (0,external_node_fs_.readFileSync)(path, 'utf8');
    }
    catch (cause) {
        throw new error/* SigstoreError */.F('SIGNING_CONFIG_INVALID', `signing config ${path} cannot be read (${cause.code ?? 'error'}): give the signing_config.json of your Sigstore instance, public-good or public-good-rekor-v2`, { cause });
    }
    return parseSigningConfigText(text, path);
}
async function loadSigningConfig(choice, target = tuf/* publicGoodTarget */.m) {
    if (choice.kind === 'file')
        return choice.config;
    const name = PUBLIC_GOOD_TARGETS[choice.kind];
    return parseSigningConfigText(await target(name), `${choice.kind} (TUF target ${name})`);
}
function choiceLabel(choice) {
    return choice.kind === 'file' ? choice.path : choice.kind;
}

;// CONCATENATED MODULE: ./src/sigstore/signing-config/select.ts
// Service selection as the SigningConfig spec and sigstore-go/cosign v3 do it: services valid now (inclusive
// window), the highest API version the client supports that has any, newest start first, one per operator.

function validAt(s, now) {
    return !(s.validFor.start && now < s.validFor.start) && !(s.validFor.end && now > s.validFor.end);
}
/** Services of the highest supported version with any valid now, newest start first (document order on ties). */
function candidates(services, versions, now) {
    // No start sorts as the oldest (sigstore-go's zero time); sort is stable, so ties keep document order.
    const start = (s) => s.validFor.start?.getTime() ?? Number.MIN_SAFE_INTEGER;
    const newestFirst = [...services].sort((a, b) => start(b) - start(a));
    for (const version of [...new Set(versions)].sort((a, b) => b - a)) {
        const valid = newestFirst.filter(s => s.majorApiVersion === version && validAt(s, now));
        if (valid.length)
            return valid;
    }
    return [];
}
/** One service (caUrls, oidcUrls): the newest valid one of the highest supported version. */
function selectService(config, list, versions, now) {
    const found = candidates(config[list], versions, now)[0];
    if (!found)
        throw noService(config, list, versions, now);
    return selected(found);
}
/** Several services (rekorTlogUrls, tsaUrls) as their configuration's selector says. */
function selectServices(config, list, versions, now) {
    const how = list === 'rekorTlogUrls' ? config.rekorTlogConfig : config.tsaConfig;
    const perOperator = new Map();
    for (const s of candidates(config[list], versions, now))
        if (!perOperator.has(s.operator))
            perOperator.set(s.operator, s);
    const found = [...perOperator.values()];
    if (!found.length || !how)
        throw noService(config, list, versions, now);
    // ANY and EXACT take the first (newest) ones, not a random draw: the spec leaves it to the client, and a
    // deterministic choice makes runs reproducible and says in advance which service a run will use.
    if (how.selector === 'ALL')
        return found.map(selected);
    const count = how.selector === 'ANY' ? 1 : how.count;
    if (found.length < count)
        throw new error/* SigstoreError */.F('SIGNING_CONFIG_NO_SERVICE', `signing config ${config.source}: ${configName(list)} asks for EXACT ${count} services from distinct operators, ` +
            `but only ${found.length} ${list} ${found.length === 1 ? 'is' : 'are'} usable at ${now.toISOString()} (` +
            `${found.map(s => `${s.url} by ${s.operator || 'no operator'}`).join(', ')})`);
    return found.slice(0, count).map(selected);
}
/** Fulcio and OIDC: one each; Rekor and TSA: per their selectors. Empty lists select nothing. */
function selectSigningServices(config, versions, now) {
    return {
        ...(config.caUrls.length ? { fulcio: selectService(config, 'caUrls', versions.fulcio, now) } : {}),
        ...(config.oidcUrls.length ? { oidc: selectService(config, 'oidcUrls', versions.oidc, now) } : {}),
        rekor: config.rekorTlogUrls.length ? selectServices(config, 'rekorTlogUrls', versions.rekor, now) : [],
        tsa: config.tsaUrls.length ? selectServices(config, 'tsaUrls', versions.tsa, now) : []
    };
}
const selected = (s) => ({
    url: s.url,
    majorApiVersion: s.majorApiVersion,
    operator: s.operator
});
const configName = (list) => list === 'rekorTlogUrls' ? 'rekorTlogConfig' : 'tsaConfig';
function noService(config, list, versions, now) {
    const day = (d) => (d ? d.toISOString() : 'open');
    const listed = config[list]
        .map(s => `${s.url} (majorApiVersion ${s.majorApiVersion}, valid ${day(s.validFor.start)} to ${day(s.validFor.end)})`)
        .join('; ');
    const wanted = [...versions].sort((a, b) => b - a).join(' or ');
    return new error/* SigstoreError */.F('SIGNING_CONFIG_NO_SERVICE', `signing config ${config.source}: no service in ${list} is valid at ${now.toISOString()} with majorApiVersion ` +
        `${wanted}${listed ? `; it lists ${listed}` : '; it lists none'}`);
}

;// CONCATENATED MODULE: ./src/sigstore/signing-config/resolve.ts
// The services a run signs with: explicit URLs first, the rest chosen by a signing config (public good's by
// default), checked against what this client can write before any request is made.



/** What selection may pick, as sigstore-go's signer: Rekor 1 and 2 (rekor-tiles, hashedrekord v0.0.2). */
const SUPPORTED_API_VERSIONS = { fulcio: [1], oidc: [1], rekor: [1, 2], tsa: [1] };
async function resolveServices(o) {
    const { explicit } = o;
    const now = o.now ?? new Date();
    // Explicit URLs for both Fulcio and Rekor need no document: no TUF request unless one was asked for.
    const needed = o.choice !== undefined || !explicit.fulcioUrl || !explicit.rekorUrl;
    const choice = o.choice ?? { kind: 'public-good' };
    const config = needed ? await (o.load ?? loadSigningConfig)(choice) : undefined;
    const input = (url) => ({ url, majorApiVersion: 1, operator: '', from: 'input' });
    const chosen = (s) => ({ ...s, from: 'signing-config' });
    const fulcio = explicit.fulcioUrl
        ? input(explicit.fulcioUrl)
        : chosen(selectService(nonEmpty(config, 'caUrls', 'fulcio-url'), 'caUrls', SUPPORTED_API_VERSIONS.fulcio, now));
    const rekor = explicit.rekorUrl
        ? [input(explicit.rekorUrl)]
        : selectServices(nonEmpty(config, 'rekorTlogUrls', 'rekor-url'), 'rekorTlogUrls', SUPPORTED_API_VERSIONS.rekor, now).map(chosen);
    if (rekor.length > 1)
        throw new error/* SigstoreError */.F('SIGNING_CONFIG_UNSUPPORTED', `signing config ${config.source} selects ${rekor.length} Rekor logs (${rekor.map(r => r.url).join(', ')}); ` +
            'oci-attest writes each signature to one log: set rekor-url to the one to use');
    // Rekor v2 gives no signed entry time, so a TSA timestamp becomes required; with v1 only an explicit
    // tsa-url adds one (as before signing configs: the public-good default does not send one).
    const needsTimestamp = rekor.some(r => r.majorApiVersion >= 2);
    const tsa = explicit.tsaUrl
        ? [input(explicit.tsaUrl)]
        : needsTimestamp
            ? selectServices(nonEmpty(config, 'tsaUrls', 'tsa-url'), 'tsaUrls', SUPPORTED_API_VERSIONS.tsa, now).map(chosen)
            : [];
    const fromConfig = [fulcio, ...rekor, ...tsa].some(s => s.from === 'signing-config');
    return { ...(fromConfig ? { signingConfig: choiceLabel(choice) } : {}), fulcio, rekor, tsa };
}
function nonEmpty(config, list, input) {
    if (config[list].length)
        return config;
    throw new error/* SigstoreError */.F('SIGNING_CONFIG_NO_SERVICE', `signing config ${config.source}: $.${list} lists no service; add one, or set ${input}`);
}

;// CONCATENATED MODULE: ./src/sigstore/signing-config/index.ts
// Sigstore signing configs: the v0.2 document, service selection, and the services a run uses.





;// CONCATENATED MODULE: ./src/pipeline/run/inputs.ts
// The action's inputs (and the CLI flags that mirror them) validated up front into one typed object.
// Only the edges know where values come from: src/action passes core.getInput, src/cli its parsed flags.






class InputError extends errors/* CodedError */.AK {
    input;
    problem;
    constructor(input, problem) {
        super('INVALID_INPUT', `input "${input}": ${problem}`);
        this.input = input;
        this.problem = problem;
        this.name = 'InputError';
    }
}
const TRUE = ['true', 'True', 'TRUE'];
const FALSE = ['false', 'False', 'FALSE'];
function getInputs(get) {
    const text = (name) => get(name).trim() || undefined;
    const bool = (name, fallback) => {
        const value = text(name);
        if (value === undefined)
            return fallback;
        if (TRUE.includes(value))
            return true;
        if (FALSE.includes(value))
            return false;
        // Same rule as core.getBooleanInput, which only accepts the YAML 1.2 core-schema spellings.
        throw new InputError(name, `"${value}" is not a boolean: use true or false`);
    };
    const oneOf = (name, allowed, fallback) => {
        const value = text(name) ?? fallback;
        if (!allowed.includes(value))
            throw new InputError(name, `"${value}" is not one of ${allowed.join(', ')}`);
        return value;
    };
    const list = (name, allowed, fallback, none) => {
        const value = text(name);
        if (value === undefined)
            return fallback;
        const items = value
            .split(/[\s,]+/)
            .map(s => s.trim())
            .filter(Boolean);
        if (none !== undefined && items.length === 1 && items[0] === none)
            return [];
        for (const item of items)
            if (!allowed.includes(item))
                throw new InputError(name, `"${item}" is not one of ${allowed.join(', ')}${none ? ` (or ${none} alone)` : ''}`);
        if (items.length === 0)
            throw new InputError(name, `list is empty: give ${allowed.join(', ')}`);
        return [...new Set(items)];
    };
    const url = (name, fallback) => {
        const value = text(name) ?? fallback;
        if (value === undefined)
            return undefined;
        let parsed;
        try {
            parsed = new URL(value);
        }
        catch {
            throw new InputError(name, `"${value}" is not a URL`);
        }
        if (parsed.protocol !== 'https:' && parsed.protocol !== 'http:')
            throw new InputError(name, `"${value}" must be an http(s) URL`);
        return value.replace(/\/+$/, '');
    };
    const subjectPaths = splitPaths(get('subject-path'));
    const subjectChecksums = text('subject-checksums');
    const hasFiles = subjectPaths.length > 0 || subjectChecksums !== undefined;
    const subjects = readSubjects(text('subject-name'), text('subject-digest'), get('subjects'), hasFiles);
    const sbomValue = text('sbom') ?? 'generate';
    const sbom = sbomValue === 'generate'
        ? { kind: 'generate' }
        : sbomValue === 'none'
            ? { kind: 'none' }
            : { kind: 'file', path: sbomValue };
    const registryUsername = text('registry-username');
    const registryPassword = text('registry-password');
    if ((registryUsername === undefined) !== (registryPassword === undefined))
        throw new InputError(registryUsername === undefined ? 'registry-username' : 'registry-password', 'registry-username and registry-password must be given together');
    const customPredicate = readPredicateInputs(text);
    const vex = readVexInput(text('vex'));
    const formats = list('formats', ['legacy', 'referrers'], ['legacy', 'referrers']);
    return {
        subjects,
        subjectPaths,
        ...(subjectChecksums !== undefined ? { subjectChecksums } : {}),
        platforms: oneOf('platforms', ['both', 'index', 'platforms'], 'both'),
        sbom,
        sbomFormat: oneOf('sbom-format', ['cyclonedx-json', 'spdx-json'], 'cyclonedx-json'),
        sbomFormatGiven: text('sbom-format') !== undefined,
        sbomReferrer: bool('sbom-referrer', false),
        provenance: list('provenance', ['v1', 'v0.2'], ['v1', 'v0.2'], 'none'),
        formats,
        formatsGiven: text('formats') !== undefined,
        pushToRegistry: bool('push-to-registry', true),
        githubAttestations: oneOf('github-attestations', ['auto', 'true', 'false'], 'auto'),
        verify: bool('verify', true),
        showSummary: bool('show-summary', true),
        dryRun: oneOf('dry-run', ['auto', 'true', 'false'], 'auto'),
        registryUsername,
        registryPassword,
        githubToken: text('github-token'),
        fulcioUrl: url('fulcio-url'),
        rekorUrl: url('rekor-url'),
        tsaUrl: url('tsa-url'),
        signingConfig: readSigningConfigInput(text('signing-config')),
        trustedRoot: text('trusted-root'),
        allowPublicRekorForPrivateRepos: bool('allow-public-rekor-for-private-repos', false),
        timeoutMs: duration('timeout', text('timeout') ?? '30m'),
        insecureIgnoreSct: bool('insecure-ignore-sct', false),
        ...(customPredicate ? { customPredicate } : {}),
        vex
    };
}
function readSigningConfigInput(value) {
    if (value === undefined)
        return undefined;
    if (value === 'public-good' || value === 'public-good-rekor-v2')
        return { kind: value };
    try {
        return { kind: 'file', path: value, config: readSigningConfigFile(value) };
    }
    catch (err) {
        if (err instanceof error/* SigstoreError */.F)
            throw new InputError('signing-config', err.message);
        throw err;
    }
}
function readVexInput(value) {
    try {
        return readOpenVexDocuments(vexPaths(value ?? ''));
    }
    catch (err) {
        if (err instanceof OpenVexError)
            throw new InputError('vex', err.message);
        throw err;
    }
}
function readPredicateInputs(text) {
    try {
        const type = text('predicate-type');
        const path = text('predicate-path');
        const inline = text('predicate');
        return readCustomPredicate({
            ...(type !== undefined ? { type } : {}),
            ...(path !== undefined ? { path } : {}),
            ...(inline !== undefined ? { inline } : {})
        });
    }
    catch (err) {
        // The edges report InputError by input name (the CLI turns it into a flag), so translate here.
        if (err instanceof CustomPredicateError)
            throw new InputError(err.input, err.problem);
        throw err;
    }
}
const UNIT_MS = { ms: 1, s: 1000, m: 60_000, h: 3_600_000 };
/** "30m", "90s", "1h", "1500ms", or bare minutes ("45"): the forms workflow authors write. */
function duration(input, value) {
    const m = /^(\d+(?:\.\d+)?)\s*(ms|s|m|h)?$/.exec(value.trim());
    const ms = m ? Number(m[1]) * UNIT_MS[m[2] ?? 'm'] : NaN;
    if (!Number.isFinite(ms) || ms <= 0)
        throw new InputError(input, `"${value}" is not a duration: write e.g. 30m, 90s or 1h`);
    return Math.round(ms);
}
/** As actions/attest: one path or glob per line, or several on a line separated by commas. */
function splitPaths(value) {
    const items = value
        .split(/[\r\n,]+/)
        .map(s => s.trim())
        .filter(Boolean);
    return [...new Set(items)];
}
function readSubjects(name, digest, multi, hasFiles) {
    const lines = multi
        .split(/\r?\n/)
        .map(l => l.replace(/#.*$/, '').trim())
        .filter(Boolean);
    if (name !== undefined || digest !== undefined) {
        if (name === undefined)
            throw new InputError('subject-name', 'is required when subject-digest is given');
        if (digest === undefined)
            throw new InputError('subject-digest', 'is required when subject-name is given');
        // The same parsers as the plan's; statements accept sha256 subjects only.
        if ((0,oci/* digestProblem */.WQ)(digest) || !digest.startsWith('sha256:'))
            throw new InputError('subject-digest', `"${digest}" is not sha256:<64 lower-case hex>`);
        try {
            oci/* Repository */.LN.parse(name);
        }
        catch (cause) {
            const tagged = /without a tag or digest/.test(cause.message);
            throw new InputError('subject-name', tagged
                ? `"${name}" must not carry a tag or digest; put the digest in subject-digest`
                : cause.message);
        }
        lines.unshift(`${name}@${digest}`);
    }
    if (lines.length === 0 && !hasFiles)
        throw new InputError('subjects', 'no subject given: set subjects, subject-path or subject-checksums, or subject-name with subject-digest');
    return [...new Set(lines)];
}

// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(76760);
// EXTERNAL MODULE: ./src/http/index.ts + 14 modules
var src_http = __webpack_require__(12685);
// EXTERNAL MODULE: external "node:os"
var external_node_os_ = __webpack_require__(48161);
;// CONCATENATED MODULE: ./src/publish/bundle-file.ts
// Every bundle is also left on disk (`<subject>-<kind>.sigstore.json`) for later steps and other verifiers.



/** The runner's temp directory when the caller has one (run() passes RUNNER_TEMP), else the system's. */
function bundleDirectory(runnerTemp) {
    return runnerTemp || (0,external_node_os_.tmpdir)();
}
/** `127.0.0.1:5000/team/app@sha256:ab…` + `provenance-v1` → a file name without path separators. */
function bundleFileName(repository, digest, kind) {
    const safe = `${repository}@${digest}`.replace(/[^A-Za-z0-9._@-]+/g, '_').replace(/:/g, '-');
    return `${safe}-${kind}.sigstore.json`;
}
async function writeBundleFile(dir, repository, digest, kind, bundleJson) {
    await (0,promises_.mkdir)(dir, { recursive: true });
    const path = (0,external_node_path_.join)(dir, bundleFileName(repository, digest, kind));
    await (0,promises_.writeFile)(path, bundleJson);
    return path;
}

// EXTERNAL MODULE: ./src/oci/tag-writer.ts
var tag_writer = __webpack_require__(48841);
;// CONCATENATED MODULE: ./src/sigstore/witness/tlog-entry.ts
function toTransparencyLogEntry(entry) {
    const body = JSON.parse(Buffer.from(entry.body, 'base64').toString('utf8'));
    const proof = entry.verification?.inclusionProof;
    const set = entry.verification?.signedEntryTimestamp;
    return {
        logIndex: String(entry.logIndex),
        logId: { keyId: Buffer.from(entry.logID, 'hex') },
        kindVersion: { kind: body.kind, version: body.apiVersion },
        integratedTime: String(entry.integratedTime),
        inclusionPromise: set ? { signedEntryTimestamp: Buffer.from(set, 'base64') } : undefined,
        inclusionProof: proof
            ? {
                logIndex: String(proof.logIndex),
                rootHash: Buffer.from(proof.rootHash, 'hex'),
                treeSize: String(proof.treeSize),
                hashes: proof.hashes.map(h => Buffer.from(h, 'hex')),
                checkpoint: { envelope: proof.checkpoint }
            }
            : undefined,
        canonicalizedBody: Buffer.from(entry.body, 'base64')
    };
}
/** cosign's `dev.sigstore.cosign/bundle` value: capitalised outer keys, numbers as numbers, logID hex. */
function toCosignRekorBundle(entry) {
    if (!entry.inclusionPromise)
        throw new Error(`Rekor entry ${entry.logIndex} has no SET; the tag layout needs one`);
    return JSON.stringify({
        SignedEntryTimestamp: entry.inclusionPromise.signedEntryTimestamp.toString('base64'),
        Payload: {
            body: entry.canonicalizedBody.toString('base64'),
            integratedTime: Number(entry.integratedTime),
            logIndex: Number(entry.logIndex),
            logID: entry.logId?.keyId.toString('hex') ?? ''
        }
    });
}

// EXTERNAL MODULE: ./src/publish/cosign-layout.ts
var cosign_layout = __webpack_require__(97095);
;// CONCATENATED MODULE: ./src/publish/cosign-payloads.ts


/** cosign's simple-signing payload; these exact bytes are signed, logged and stored. */
function simpleSigningPayload(dockerReference, digest) {
    return Buffer.from(JSON.stringify({
        critical: {
            identity: { 'docker-reference': dockerReference },
            image: { 'docker-manifest-digest': digest },
            type: 'cosign container image signature'
        },
        optional: null
    }));
}
function materialAnnotations(m) {
    const annotations = {
        [cosign_layout/* ANNOTATION */.YX.certificate]: m.certificatePem,
        [cosign_layout/* ANNOTATION */.YX.chain]: m.chainPem.join(''),
        [cosign_layout/* ANNOTATION */.YX.bundle]: toCosignRekorBundle(m.tlogEntry)
    };
    if (m.chainPem.length === 0)
        delete annotations[cosign_layout/* ANNOTATION */.YX.chain];
    if (m.rfc3161Timestamp) {
        annotations[cosign_layout/* ANNOTATION */.YX.timestamp] = JSON.stringify({
            SignedRFC3161Timestamp: m.rfc3161Timestamp.toString('base64')
        });
    }
    return annotations;
}
function signatureLayer(payload, signature, m) {
    return {
        mediaType: cosign_layout/* SIMPLE_SIGNING_MEDIA_TYPE */.$r,
        bytes: payload,
        annotations: { [cosign_layout/* ANNOTATION */.YX.signature]: signature.toString('base64'), ...materialAnnotations(m) }
    };
}
/** `envelope` must be the byte-identical DSSE JSON that Rekor logged. */
function attestationLayer(envelope, predicateType, m) {
    return {
        mediaType: cosign_layout/* DSSE_MEDIA_TYPE */.OO,
        bytes: envelope,
        fresh: true, // the envelope carries this run's signature
        // cosign rejects an .att layer without the signature key, even though the signature lives in the envelope.
        annotations: {
            [cosign_layout/* ANNOTATION */.YX.signature]: '',
            ...materialAnnotations(m),
            [cosign_layout/* ANNOTATION */.YX.predicateType]: predicateType
        }
    };
}

// EXTERNAL MODULE: ./src/oci/digest.ts
var oci_digest = __webpack_require__(68825);
// EXTERNAL MODULE: ./src/verify/index.ts + 4 modules
var verify = __webpack_require__(52517);
;// CONCATENATED MODULE: ./src/pipeline/confirm-published.ts

/** `c`: the registry written to, and the session's verifier (this run's identity and trust). */
async function confirmPublished(c, s) {
    const { repo, digest, items, layerAnnotations } = s;
    const report = await c.session.published.verifySubject(c.registry, { repo, digest }, { items, verifiedBefore: layerAnnotations, ...(s.reread ? { reread: s.reread } : {}) });
    (0,verify/* assertVerified */.vO)(report);
}

// EXTERNAL MODULE: ./src/publish/bundle-referrer.ts + 1 modules
var bundle_referrer = __webpack_require__(20179);
// EXTERNAL MODULE: ./src/oci/media-types.ts
var media_types = __webpack_require__(29217);
;// CONCATENATED MODULE: ./src/publish/sbom-referrer.ts



const SBOM_ARTIFACT_TYPES = {
    cyclonedx: 'application/vnd.cyclonedx+json',
    spdx: 'application/spdx+json'
};
const FILE_NAMES = { cyclonedx: 'sbom.cdx.json', spdx: 'sbom.spdx.json' };
function sbomReferrerManifest(document, kind, subject, created) {
    const artifactType = SBOM_ARTIFACT_TYPES[kind];
    return {
        schemaVersion: 2,
        mediaType: media_types/* OCI_MANIFEST */.EG,
        artifactType,
        config: { ...media_types/* EMPTY_JSON_DESCRIPTOR */.F1 },
        layers: [
            {
                mediaType: artifactType,
                digest: (0,oci_digest/* computeDigest */.MK)(document),
                size: document.length,
                annotations: { [bundle_referrer/* TITLE_ANNOTATION */.H]: FILE_NAMES[kind] }
            }
        ],
        subject: { mediaType: subject.mediaType, digest: subject.digest, size: subject.size },
        annotations: { 'org.opencontainers.image.created': created.toISOString().replace(/\.\d{3}Z$/, 'Z') }
    };
}
function pushSbomReferrer(registry, repo, subject, sbom, opts = {}) {
    // The same document the SBOM attestation carries as its predicate.
    const document = Buffer.from(JSON.stringify(sbom.predicate));
    const manifest = sbomReferrerManifest(document, sbom.kind, subject, opts.created ?? new Date());
    return (0,bundle_referrer/* pushArtifactReferrer */.Ar)(registry, repo, manifest, document, opts);
}

;// CONCATENATED MODULE: ./src/pipeline/publish-subject.ts




async function publishSigned(s, sig, opts, c) {
    const placed = new Map(s.entries.map(e => [e, {}]));
    const reread = new Map();
    const warnings = [];
    // The two tags, the referrers and the side files are independent writes, so they all go out together.
    const [sigItem] = await Promise.all([
        tagLayout(s, sig, c, placed, reread),
        referrers(s, opts, c, placed),
        sideFiles(s, opts, c, placed, warnings)
    ]);
    const items = s.entries.map((e) => ({
        kind: e.statement.kind,
        predicateType: e.statement.predicateType,
        rekorLogIndex: e.signed.tlogEntry.logIndex,
        ...placed.get(e)
    }));
    return { items: [...(sigItem ? [sigItem] : []), ...items], warnings, reread };
}
/** `.sig` (the simple-signing signature) and `.att` (the entries that carry an attestation layer). */
async function tagLayout(s, sig, c, placed, reread) {
    const { repository: repo, digest } = s.subject;
    const converge = c.log ? { log: c.log } : {};
    const remember = (result) => (reread.set(result.tag, result.manifest), result);
    const inAtt = s.entries.filter(e => e.attLayer);
    const [sigResult, attResult] = await Promise.all([
        sig && s.signedPayload
            ? (0,cosign_layout/* appendToCosignTag */.Fy)(c.registry, c.locks, repo, digest, 'sig', [sig], converge).then(remember)
            : undefined,
        inAtt.length
            ? (0,cosign_layout/* appendToCosignTag */.Fy)(c.registry, c.locks, repo, digest, 'att', inAtt.map(e => e.attLayer), converge).then(remember)
            : undefined
    ]);
    inAtt.forEach((e, i) => {
        placed.get(e).legacy = { tag: attResult.tag, layerDigest: attResult.layerDigests[i] };
    });
    if (!sigResult || !s.signedPayload)
        return undefined;
    return {
        kind: 'signature-legacy',
        rekorLogIndex: s.signedPayload.tlogEntry.logIndex,
        legacy: {
            tag: sigResult.tag,
            layerDigest: sigResult.layerDigests[0],
            signature: s.signedPayload.signature.toString('base64')
        }
    };
}
/** Every bundle as a referrer, and the plain SBOM next to its attestation when asked for. */
async function referrers(s, opts, c, placed) {
    const { repository: repo, descriptor } = s.subject;
    const bundles = opts.formats.includes('referrers');
    const plainSbom = opts.sbomReferrer && opts.sbom ? opts.sbom : undefined;
    if (!bundles && !plainSbom)
        return;
    // Every referrer joins the same fallback-index write, so they are all pushed in one go; their layers go
    // up while the shared empty config does.
    const emptyConfig = (0,bundle_referrer/* uploadEmptyConfig */.hH)(c.registry, repo);
    await Promise.all([
        ...(bundles ? s.entries : []).map(async (e) => {
            const pushed = await (0,bundle_referrer/* pushBundleReferrer */.ME)(c.registry, repo, descriptor, e.signed.bundleJson, e.statement.predicateType, 
            // A plain file name per kind, so `oras pull` of any referrer writes e.g. sbom-cyclonedx.sigstore.json.
            { emptyConfig, title: `${e.statement.kind}.sigstore.json` });
            placed.get(e).referrer = pushed.manifestDigest;
        }),
        plainSbom &&
            pushSbomReferrer(c.registry, repo, descriptor, plainSbom, { emptyConfig }).then(pushed => {
                const entry = s.entries.find(e => e.statement.kind === `sbom-${plainSbom.kind}`);
                if (entry)
                    placed.get(entry).sbomReferrer = pushed.manifestDigest;
            })
    ]);
}
/** Bundle files (bundle-paths) and GitHub's attestation store; a refused store is a warning, not a failure. */
async function sideFiles(s, opts, c, placed, warnings) {
    const { repository: repo, digest } = s.subject;
    await Promise.all(s.entries.map(async (e) => {
        const [bundlePath, stored] = await Promise.all([
            writeBundleFile(opts.bundleDir, repo.toString(), digest, e.statement.kind, e.signed.bundleJson),
            c.githubStore?.store(e.signed.bundleJson)
        ]);
        const item = placed.get(e);
        item.bundlePath = bundlePath;
        if (stored?.stored)
            item.githubAttestationUrl = stored.url;
        else if (stored && !warnings.includes(stored.warning))
            warnings.push(stored.warning);
    }));
}

// EXTERNAL MODULE: ./src/sigstore/verify/layer-bundle.ts
var layer_bundle = __webpack_require__(84592);
;// CONCATENATED MODULE: ./src/pipeline/verify-before-push.ts

/** `sig`: the `.sig` layer of the tag layout, when there is one; `.att` layers travel on their entries. */
function verifyBeforePush(s, sig, verifier) {
    const subject = { repo: s.subject.repository, digest: s.subject.digest };
    const base = s.subject.ref;
    for (const { statement, signed } of s.entries) {
        const what = `${base} ${statement.kind} (before pushing)`;
        verifier.verifyItem(what, { bundle: signed.bundle }, subject, statement.predicateType);
    }
    if (s.signedPayload)
        verifier.verifyItem(`${base} signature (before pushing)`, { bundle: s.signedPayload.bundle, artifact: s.payload }, subject);
    // The tag layout's annotations rebuilt as a consumer reads them: the cache proves they carry the material
    // that just verified (same certificate, entry, SET and signature) without a second cryptographic pass.
    const tagged = [
        ...(sig ? [[sig, 'sig', 'signature-legacy']] : []),
        ...s.entries.flatMap(({ statement, attLayer }) => attLayer ? [[attLayer, 'att', statement.kind, statement.predicateType]] : [])
    ];
    for (const [layer, kind, name, predicateType] of tagged) {
        const bundle = (0,layer_bundle/* bundleFromLayer */.A)(layer.bytes, layer.annotations, kind);
        verifier.verifyItem(`${base} ${name} (.${kind} layer, before pushing)`, kind === 'sig' ? { bundle, artifact: layer.bytes } : { bundle }, subject, predicateType);
    }
}

// EXTERNAL MODULE: ./src/pipeline/errors.ts
var pipeline_errors = __webpack_require__(61539);
;// CONCATENATED MODULE: ./src/pipeline/fail-fast.ts
// Concurrency that fails cleanly: after the first failure no new work starts, and what is already running is
// waited for before that failure is rethrown, so nothing a failed run started goes on (or logs) after it.
/** Waits for all tasks; the first to reject triggers `cancel` (to stop the others) and is rethrown once
 * every task has settled. */
async function allOrCancel(tasks, cancel) {
    const first = { failed: false };
    const watched = tasks.map(task => task.catch((cause) => {
        if (first.failed)
            return;
        first.failed = true;
        first.cause = cause;
        cancel(cause);
    }));
    await Promise.all(watched);
    if (first.failed)
        throw first.cause;
}
function limiter(n) {
    let free = Math.max(1, n);
    const waiting = [];
    return {
        async acquire() {
            if (free > 0)
                free--;
            else
                await new Promise(resolve => waiting.push(resolve));
            let released = false;
            return () => {
                if (released)
                    return;
                released = true;
                const next = waiting.shift();
                // The permit passes straight to the next waiter, so no newcomer can overtake it.
                if (next)
                    next();
                else
                    free++;
            };
        }
    };
}
/**
 * `first` then `second` on each item, in order, with at most `limits.first` items in the first stage and
 * `limits.second` in the second, so one item's second stage overlaps the next items' first stage.
 * At most `first + second` items are between start and end (a slow second stage holds the first back).
 * After a failure no item starts its first stage; items already past it still finish their second stage,
 * so what they produced is not left half-done. The first failure is rethrown once everything has settled.
 */
async function mapInTwoStages(items, limits, first, second) {
    const out = new Array(items.length);
    const failure = { failed: false };
    const fail = (cause) => {
        if (failure.failed)
            return;
        failure.failed = true;
        failure.cause = cause;
    };
    const inFlight = limiter(limits.first + limits.second);
    const stageOne = limiter(limits.first);
    const stageTwo = limiter(limits.second);
    const running = [];
    for (let i = 0; i < items.length && !failure.failed; i++) {
        const releaseSlot = await inFlight.acquire();
        const releaseOne = await stageOne.acquire();
        if (failure.failed) {
            releaseOne();
            releaseSlot();
            break;
        }
        const item = items[i];
        running.push((async () => {
            try {
                let mid;
                try {
                    mid = await first(item);
                }
                finally {
                    releaseOne();
                }
                const releaseTwo = await stageTwo.acquire();
                try {
                    out[i] = await second(mid, item);
                }
                finally {
                    releaseTwo();
                }
            }
            catch (cause) {
                fail(cause);
            }
            finally {
                releaseSlot();
            }
        })());
    }
    await Promise.all(running);
    if (failure.failed)
        throw failure.cause;
    return out;
}

;// CONCATENATED MODULE: ./src/attest/statement.ts
// in-toto Statement v1 with exactly the four fields cosign v3.1 accepts (it parses strictly).

const STATEMENT_TYPE = 'https://in-toto.io/Statement/v1';
class StatementError extends errors/* CodedError */.AK {
    constructor(message, options) {
        super('INVALID_SUBJECT', message, options);
        this.name = 'StatementError';
    }
}
/** A repository (its type carries no tag or digest) and its checked digest → the statement subject. */
function subjectFor(repository, digest) {
    // cosign and every verifier match subjects by sha256; other algorithms would never be found.
    if (!digest.startsWith('sha256:'))
        throw new StatementError(`subject digest ${JSON.stringify(digest)} is not sha256:<64 hex>`);
    return { name: repository.toString(), digest: { sha256: digest.slice('sha256:'.length) } };
}
function buildStatement(subjects, predicateType, predicate) {
    return { _type: STATEMENT_TYPE, subject: subjects, predicateType, predicate };
}
function serializeStatement(statement) {
    // Key order fixed here; extra fields on the object are dropped so the payload stays strictly parseable.
    const { _type, subject, predicateType, predicate } = statement;
    return Buffer.from(JSON.stringify({
        _type,
        subject: subject.map(({ name, digest }) => ({ name, digest })),
        predicateType,
        predicate
    }));
}

;// CONCATENATED MODULE: ./src/github/claims.ts
const GITHUB_ACTIONS_ISSUER = 'https://token.actions.githubusercontent.com';
/** The issuer follows the server as @actions/attest has it: github.com and GHE.com cloud vs GHES `_services/token`. */
/** GITHUB_SERVER_URL as every reader takes it: trailing slashes dropped, github.com when unset or empty. */
/** The GitHub server URL without trailing slashes; github.com when none is given. */
function githubServerUrl(url) {
    return (url || 'https://github.com').replace(/\/+$/, '');
}
function issuerForServer(serverUrl = 'https://github.com') {
    const url = new URL(serverUrl);
    if (url.hostname === 'github.com')
        return GITHUB_ACTIONS_ISSUER;
    if (url.hostname.endsWith('.ghe.com')) {
        const tenant = url.hostname.slice(0, -'.ghe.com'.length);
        return `https://token.actions.${tenant}.ghe.com`;
    }
    return `${url.origin}/_services/token`;
}
/** The one URI SAN Fulcio puts in a GitHub workflow certificate. */
function certificateIdentity(claims, serverUrl = 'https://github.com') {
    return `${serverUrl.replace(/\/$/, '')}/${claims.job_workflow_ref}`;
}
/** `.github/workflows/release.yml` out of `owner/repo/.github/workflows/release.yml@refs/heads/main`. */
function workflowPath(claims) {
    const withoutRepo = claims.workflow_ref.startsWith(`${claims.repository}/`)
        ? claims.workflow_ref.slice(claims.repository.length + 1)
        : claims.workflow_ref;
    const at = withoutRepo.indexOf('@');
    return at === -1 ? withoutRepo : withoutRepo.slice(0, at);
}
const REQUIRED = [
    'iss',
    'sub',
    'repository',
    'repository_id',
    'repository_owner_id',
    'ref',
    'sha',
    'workflow_ref',
    'job_workflow_ref',
    'event_name',
    'run_id',
    'run_attempt'
];
/** Names of GitHub claims the token lacks (provenance cannot be built without them). */
function missingClaims(payload) {
    return REQUIRED.filter(k => typeof payload[k] !== 'string' || payload[k] === '');
}

;// CONCATENATED MODULE: ./src/attest/provenance.ts

const SLSA_V1 = 'https://slsa.dev/provenance/v1';
const SLSA_V02 = 'https://slsa.dev/provenance/v0.2';
const GITHUB_WORKFLOW_BUILD_TYPE = 'https://actions.github.io/buildtypes/workflow/v1';
const trim = (url) => url.replace(/\/$/, '');
function facts(claims, serverUrl) {
    const server = trim(serverUrl);
    return {
        server,
        repositoryUrl: `${server}/${claims.repository}`,
        sourceUri: `git+${server}/${claims.repository}@${claims.ref}`,
        builderId: `${server}/${claims.job_workflow_ref}`,
        invocationId: `${server}/${claims.repository}/actions/runs/${claims.run_id}/attempts/${claims.run_attempt}`,
        path: workflowPath(claims)
    };
}
function provenanceV1(claims, serverUrl = 'https://github.com') {
    const f = facts(claims, serverUrl);
    return {
        buildDefinition: {
            buildType: GITHUB_WORKFLOW_BUILD_TYPE,
            externalParameters: { workflow: { ref: claims.ref, repository: f.repositoryUrl, path: f.path } },
            internalParameters: {
                github: {
                    event_name: claims.event_name,
                    repository_id: claims.repository_id,
                    repository_owner_id: claims.repository_owner_id,
                    runner_environment: claims.runner_environment
                }
            },
            resolvedDependencies: [{ uri: f.sourceUri, digest: { gitCommit: claims.sha } }]
        },
        runDetails: { builder: { id: f.builderId }, metadata: { invocationId: f.invocationId } }
    };
}
/** Field names as in-toto-golang's v0.2 struct, which cosign decodes for `--type slsaprovenance`. */
function provenanceV02(claims, serverUrl = 'https://github.com') {
    const f = facts(claims, serverUrl);
    return {
        builder: { id: f.builderId },
        buildType: GITHUB_WORKFLOW_BUILD_TYPE,
        invocation: {
            configSource: { uri: f.sourceUri, digest: { sha1: claims.sha }, entryPoint: f.path },
            parameters: {},
            environment: {
                github_event_name: claims.event_name,
                github_repository_id: claims.repository_id,
                github_repository_owner_id: claims.repository_owner_id,
                github_run_attempt: claims.run_attempt,
                github_run_id: claims.run_id,
                github_runner_environment: claims.runner_environment,
                github_sha1: claims.sha
            }
        },
        metadata: {
            buildInvocationID: f.invocationId,
            completeness: { parameters: true, environment: false, materials: false },
            reproducible: false
        },
        materials: [{ uri: f.sourceUri, digest: { sha1: claims.sha } }]
    };
}
function provenancePredicate(version, claims, serverUrl) {
    return version === 'v1'
        ? { predicateType: SLSA_V1, predicate: provenanceV1(claims, serverUrl) }
        : { predicateType: SLSA_V02, predicate: provenanceV02(claims, serverUrl) };
}

;// CONCATENATED MODULE: ./src/pipeline/statements.ts
// Which statements a subject gets: the bundle-format signature, provenance versions, the SBOM, a custom predicate,
// OpenVEX documents.






/** The kind name of the caller's own predicate in outputs, bundle file names and reports. */
const CUSTOM_KIND = 'custom';
/** The kind name of OpenVEX documents; the second and later of several are `openvex-2`, `openvex-3`… */
const OPENVEX_KIND = 'openvex';
const isOpenVexKind = (kind) => /^openvex(-\d+)?$/.test(kind);
function planStatements(opts) {
    const subject = [subjectFor(opts.subject.repository, opts.subject.digest)];
    const make = (kind, predicateType, predicate, inAttTag = true) => ({
        kind,
        predicateType,
        bytes: serializeStatement(buildStatement(subject, predicateType, predicate)),
        inAttTag
    });
    const out = [];
    if (opts.bundleSignature)
        out.push(make('signature', bundle_referrer/* COSIGN_SIGN_PREDICATE */.u, {}, false));
    for (const version of opts.provenance) {
        const { predicateType, predicate } = provenancePredicate(version, opts.claims, opts.serverUrl);
        out.push(make(`provenance-${version}`, predicateType, predicate));
    }
    if (opts.sbom) {
        const statement = make(`sbom-${opts.sbom.kind}`, opts.sbom.predicateType, opts.sbom.predicate);
        const what = `the SBOM statement for ${opts.subject.ref}${opts.sbom.path ? ` (${opts.sbom.path})` : ''}`;
        assertSbomSize(statement.bytes.length, opts.sbomLimitBytes ?? DEFAULT_SBOM_LIMIT, what);
        out.push(statement);
    }
    if (opts.custom) {
        const statement = make(CUSTOM_KIND, opts.custom.predicateType, opts.custom.predicate);
        // The predicate was size-checked as input; the statement around it must fit too.
        if (statement.bytes.length > DEFAULT_PREDICATE_LIMIT)
            throw new CustomPredicateError(opts.custom.source === 'inline' ? 'predicate' : 'predicate-path', `the statement for ${opts.subject.ref} is ${statement.bytes.length} bytes, over the ${DEFAULT_PREDICATE_LIMIT}-byte limit; make the predicate smaller`);
        out.push(statement);
    }
    for (const [i, bound] of (opts.vex ?? []).entries()) {
        const statement = make(i === 0 ? OPENVEX_KIND : `${OPENVEX_KIND}-${i + 1}`, OPENVEX_PREDICATE, bound.predicate);
        if (statement.bytes.length > DEFAULT_PREDICATE_LIMIT)
            throw new OpenVexError('INVALID_VEX', bound.file, '$', `its statement for ${opts.subject.ref} is ${statement.bytes.length} bytes, over the ${DEFAULT_PREDICATE_LIMIT}-byte limit; split the document`);
        out.push(statement);
    }
    return out;
}

;// CONCATENATED MODULE: ./src/pipeline/attest-subject.ts
// One subject end to end: statements → sign (Rekor) → publish (tags, referrers, GitHub, files) → verify,
// as two stages so the pipeline can publish one subject while it signs the next.









// Failures name the subject and the step, so the edge can say what to fix.
const failIn = (subject, step) => (cause) => {
    throw new pipeline_errors/* PipelineError */.z('SUBJECT_FAILED', subject.ref, 'attest', (0,errors/* errorText */.kc)(cause), { cause, step });
};
/** A registry or network failure somewhere in the cause chain (the bytes were never compared). */
function isReadFailure(err) {
    return (0,errors/* errorChain */.eB)(err).some(e => {
        const code = e.code;
        return typeof code === 'string' && /^(HTTP_|REGISTRY_ERROR$)/.test(code);
    });
}
/** Statements → signatures, each logged in Rekor. */
async function signSubject(subject, opts, c) {
    const statements = planStatements({
        subject,
        claims: c.session.claims,
        serverUrl: c.session.serverUrl,
        provenance: opts.provenance,
        ...(opts.sbom ? { sbom: opts.sbom } : {}),
        ...(opts.sbomLimitBytes ? { sbomLimitBytes: opts.sbomLimitBytes } : {}),
        ...(opts.custom ? { custom: opts.custom } : {}),
        ...(opts.vex ? { vex: opts.vex } : {}),
        bundleSignature: opts.formats.includes('referrers')
    });
    const payload = simpleSigningPayload(subject.repository.toString(), subject.digest);
    const logged = (what, task) => task.then(r => (c.ledger?.record(subject.ref, what, r.tlogEntry.logIndex), r));
    const payloadTask = opts.formats.includes('legacy')
        ? logged('signature (tag layout)', c.session.signer.signPayload(payload))
        : Promise.resolve(undefined);
    const statementTasks = statements.map(s => logged(s.kind, c.session.signer.signStatement(s.bytes)));
    // One failed signature fails the run: the others are cancelled, not left retrying into Rekor.
    await allOrCancel([payloadTask, ...statementTasks], cause => c.session.cancel(cause)).catch(failIn(subject, 'sign'));
    const signedPayload = await payloadTask;
    const legacy = opts.formats.includes('legacy');
    const signed = await Promise.all(statementTasks);
    const entries = statements.map((statement, i) => {
        const entry = { statement, signed: signed[i] };
        return legacy && statement.inAttTag
            ? { ...entry, attLayer: attestationLayer(entry.signed.envelope, statement.predicateType, entry.signed) }
            : entry;
    });
    return { subject, entries, payload, ...(signedPayload ? { signedPayload } : {}) };
}
/** Verified before the push, published, then confirmed where consumers look. */
async function publishSubject(s, opts, c) {
    const { subject, payload, signedPayload } = s;
    const sig = signedPayload && signatureLayer(payload, signedPayload.signature, signedPayload);
    if (opts.verifyBeforePush !== false) {
        try {
            verifyBeforePush(s, sig, c.session.published);
        }
        catch (cause) {
            failIn(subject, 'verify')(cause);
        }
    }
    const { items, warnings, reread } = await publishSigned(s, sig, opts, c).catch(failIn(subject, 'publish'));
    if (opts.verify) {
        const layerAnnotations = new Map();
        for (const l of [...(sig ? [sig] : []), ...s.entries.flatMap(e => (e.attLayer ? [e.attLayer] : []))])
            layerAnnotations.set((0,oci_digest/* computeDigest */.MK)(l.bytes), l.annotations);
        const { repository: repo, digest } = subject;
        await confirmPublished(c, { repo, digest, items, layerAnnotations, reread }).catch((cause) => {
            // A read that failed (not a check) leaves a complete publication: a re-run would only sign it twice.
            if (isReadFailure(cause))
                throw new pipeline_errors/* PipelineError */.z('SUBJECT_FAILED', subject.ref, 'attest', `everything was published (${items.length} items, Rekor entries ${items.map(i => i.rekorLogIndex).join(', ')}), ` +
                    `but re-reading it to confirm failed: ${(0,errors/* errorText */.kc)(cause)}. Do not re-run the job to sign again; ` +
                    `check it with \`oci-attest verify ${subject.ref}\` or cosign verify once the registry recovers`, { cause, step: 'verify' });
            return failIn(subject, 'verify')(cause);
        });
    }
    return { subject, items, warnings };
}

// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(77598);
// EXTERNAL MODULE: external "node:stream"
var external_node_stream_ = __webpack_require__(57075);
// EXTERNAL MODULE: ./node_modules/@sigstore/protobuf-specs/dist/index.js
var dist = __webpack_require__(19654);
;// CONCATENATED MODULE: ./src/pipeline/dry-run-cert.ts
// Certificates for dry runs: a throwaway in-process CA, named so no one can mistake them for Fulcio's.

const DRY_RUN_MARK = 'oci-attest DRY RUN - self-signed, not trusted, nothing was logged';
const OID = {
    ecdsaWithSha256: '1.2.840.10045.4.3.2',
    commonName: '2.5.4.3',
    organization: '2.5.4.10',
    basicConstraints: '2.5.29.19',
    extKeyUsage: '2.5.29.37',
    subjectAltName: '2.5.29.17',
    codeSigning: '1.3.6.1.5.5.7.3.3',
    fulcioIssuerV2: '1.3.6.1.4.1.57264.1.8'
};
function dry_run_cert_length(n) {
    if (n < 0x80)
        return Buffer.from([n]);
    if (n < 0x100)
        return Buffer.from([0x81, n]);
    return Buffer.from([0x82, n >> 8, n & 0xff]);
}
const tlv = (tag, content) => Buffer.concat([Buffer.from([tag]), dry_run_cert_length(content.length), content]);
const seq = (...parts) => tlv(0x30, Buffer.concat(parts));
const set = (...parts) => tlv(0x31, Buffer.concat(parts));
const utf8 = (s) => tlv(0x0c, Buffer.from(s, 'utf8'));
const octets = (b) => tlv(0x04, b);
const bits = (b) => tlv(0x03, Buffer.concat([Buffer.from([0]), b]));
const bool = (v) => tlv(0x01, Buffer.from([v ? 0xff : 0]));
const explicit = (n, content) => tlv(0xa0 | n, content);
function oid(dotted) {
    const [a = 0, b = 0, ...rest] = dotted.split('.').map(Number);
    const out = [40 * a + b];
    for (const arc of rest) {
        const chunk = [arc & 0x7f];
        for (let v = Math.floor(arc / 128); v > 0; v = Math.floor(v / 128))
            chunk.unshift((v & 0x7f) | 0x80);
        out.push(...chunk);
    }
    return tlv(0x06, Buffer.from(out));
}
/** DER INTEGER of unsigned big-endian bytes: minimal (no leading zeros), with a 0x00 pad when the top bit is set. */
function positiveInt(b) {
    let i = 0;
    while (i < b.length - 1 && b[i] === 0)
        i++;
    const bytes = b.subarray(i);
    return tlv(0x02, bytes[0] & 0x80 ? Buffer.concat([Buffer.from([0]), bytes]) : bytes);
}
function utcTime(d) {
    const iso = d.toISOString();
    const text = iso.slice(2, 4) +
        iso.slice(5, 7) +
        iso.slice(8, 10) +
        iso.slice(11, 13) +
        iso.slice(14, 16) +
        iso.slice(17, 19) +
        'Z';
    return tlv(0x17, Buffer.from(text, 'ascii'));
}
const dry_run_cert_name = (cn) => seq(set(seq(oid(OID.organization), utf8('oci-attest DRY RUN'))), set(seq(oid(OID.commonName), utf8(cn))));
const extension = (id, critical, value) => seq(oid(id), ...(critical ? [bool(true)] : []), octets(value));
function certificate(spec) {
    const extensions = [extension(OID.basicConstraints, true, spec.ca ? seq(bool(true)) : seq())];
    if (!spec.ca)
        extensions.push(extension(OID.extKeyUsage, false, seq(oid(OID.codeSigning))));
    if (spec.san)
        extensions.push(extension(OID.subjectAltName, true, seq(tlv(0x86, Buffer.from(spec.san)))));
    if (spec.oidcIssuer)
        extensions.push(extension(OID.fulcioIssuerV2, false, utf8(spec.oidcIssuer)));
    const algorithm = seq(oid(OID.ecdsaWithSha256));
    const tbs = seq(explicit(0, positiveInt(Buffer.from([2]))), positiveInt((0,external_node_crypto_.randomBytes)(16)), algorithm, dry_run_cert_name(spec.issuer), seq(utcTime(spec.notBefore), utcTime(spec.notAfter)), dry_run_cert_name(spec.subject), spec.publicKey.export({ format: 'der', type: 'spki' }), explicit(3, seq(...extensions)));
    const der = seq(tbs, algorithm, bits((0,external_node_crypto_.sign)('sha256', tbs, spec.signingKey)));
    return new external_node_crypto_.X509Certificate(der).toString();
}
/** Issues leaf certificates for any public key, as Fulcio would, but from a CA that lives only in memory. */
class DryRunCertificateAuthority {
    #key;
    rootPem;
    #identity;
    constructor(identity, now = new Date()) {
        const { privateKey, publicKey } = (0,external_node_crypto_.generateKeyPairSync)('ec', { namedCurve: 'P-256' });
        this.#key = privateKey;
        this.#identity = identity;
        this.rootPem = certificate({
            subject: `${DRY_RUN_MARK} (CA)`,
            issuer: `${DRY_RUN_MARK} (CA)`,
            publicKey,
            signingKey: privateKey,
            notBefore: new Date(now.getTime() - 60_000),
            notAfter: new Date(now.getTime() + 3_600_000),
            ca: true
        });
    }
    /** Leaf first, then the dry-run root, like Fulcio's chain. */
    issue(publicKeyPem, now = new Date()) {
        const leaf = certificate({
            subject: DRY_RUN_MARK,
            issuer: `${DRY_RUN_MARK} (CA)`,
            publicKey: (0,external_node_crypto_.createPublicKey)(publicKeyPem),
            signingKey: this.#key,
            notBefore: new Date(now.getTime() - 60_000),
            notAfter: new Date(now.getTime() + 20 * 60_000),
            ca: false,
            san: this.#identity.san,
            oidcIssuer: this.#identity.issuer
        });
        return [leaf, this.rootPem];
    }
}

;// CONCATENATED MODULE: ./src/pipeline/dry-run-sigstore.ts
// An in-process stand-in for Fulcio and Rekor in dry runs: the real signer and witness code run, no request leaves.




/** Base URLs the dry-run clients are built with; they are never resolved or contacted. */
const DRY_RUN_FULCIO_URL = 'https://fulcio.dry-run.invalid';
const DRY_RUN_REKOR_URL = 'https://rekor.dry-run.invalid';
function answer(url, status, value) {
    const text = JSON.stringify(value);
    return {
        status,
        headers: new Headers({ 'content-type': 'application/json' }),
        url,
        body: () => external_node_stream_.Readable.from([Buffer.from(text)]),
        chunks: () => external_node_stream_.Readable.from([Buffer.from(text)]),
        buffer: async () => Buffer.from(text),
        json: async () => JSON.parse(text),
        text: async () => text,
        discard: () => { }
    };
}
function bodyText(init) {
    const body = init?.body;
    if (typeof body === 'string')
        return body;
    if (Buffer.isBuffer(body))
        return body.toString('utf8');
    throw new Error('dry-run Sigstore stand-in only takes string or Buffer bodies');
}
/** Sorted-key JSON, as Rekor signs its entry timestamps over. */
function canonical(value) {
    if (Array.isArray(value))
        return `[${value.map(canonical).join(',')}]`;
    if (value && typeof value === 'object')
        return `{${Object.keys(value)
            .sort()
            .map(k => `${JSON.stringify(k)}:${canonical(value[k])}`)
            .join(',')}}`;
    return JSON.stringify(value);
}
const sha256 = (data) => (0,external_node_crypto_.createHash)('sha256').update(data).digest('hex');
/** The body Rekor stores for a proposed entry: a DSSE proposal becomes hashes and signatures, as Rekor's does. */
function storedEntry(proposed) {
    const content = proposed.spec?.proposedContent;
    if (proposed.kind !== 'dsse' || typeof content?.envelope !== 'string')
        return proposed;
    const { envelope, verifiers = [] } = content;
    const env = JSON.parse(envelope);
    return {
        apiVersion: '0.0.1',
        kind: 'dsse',
        spec: {
            envelopeHash: { algorithm: 'sha256', value: sha256(envelope) },
            payloadHash: { algorithm: 'sha256', value: sha256(Buffer.from(env.payload, 'base64')) },
            signatures: env.signatures.map(s => ({ signature: s.sig, verifier: verifiers[0] }))
        }
    };
}
class DryRunSigstore {
    ca;
    #logKey;
    #logPublicKey;
    #logId;
    #created = new Date();
    /** What would have been sent to the real services, counted for the report. */
    entries = 0;
    constructor(identity) {
        this.ca = new DryRunCertificateAuthority(identity, this.#created);
        const { privateKey, publicKey } = (0,external_node_crypto_.generateKeyPairSync)('ec', { namedCurve: 'P-256' });
        this.#logKey = privateKey;
        this.#logPublicKey = publicKey.export({ format: 'der', type: 'spki' });
        this.#logId = (0,external_node_crypto_.createHash)('sha256').update(this.#logPublicKey).digest('hex');
    }
    /** Trust in this process's CA and log alone: what the dry run verifies its bundles against. */
    trustedRoot() {
        const root = new external_node_crypto_.X509Certificate(this.ca.rootPem);
        const start = new Date(root.validFrom).toISOString();
        return dist.TrustedRoot.fromJSON({
            mediaType: 'application/vnd.dev.sigstore.trustedroot+json;version=0.1',
            tlogs: [
                {
                    baseUrl: DRY_RUN_REKOR_URL,
                    hashAlgorithm: 'SHA2_256',
                    publicKey: {
                        rawBytes: this.#logPublicKey.toString('base64'),
                        keyDetails: 'PKIX_ECDSA_P256_SHA_256',
                        validFor: { start }
                    },
                    logId: { keyId: Buffer.from(this.#logId, 'hex').toString('base64') }
                }
            ],
            certificateAuthorities: [
                {
                    subject: { organization: 'oci-attest DRY RUN', commonName: `${DRY_RUN_MARK} (CA)` },
                    uri: DRY_RUN_FULCIO_URL,
                    certChain: { certificates: [{ rawBytes: root.raw.toString('base64') }] },
                    validFor: { start, end: new Date(root.validTo).toISOString() }
                }
            ],
            ctlogs: [],
            timestampAuthorities: []
        });
    }
    async request(url, init) {
        const href = String(url);
        if (href === `${DRY_RUN_FULCIO_URL}/api/v2/signingCert`) {
            const req = JSON.parse(bodyText(init));
            const certificates = this.ca.issue(req.publicKeyRequest.publicKey.content);
            return answer(href, 201, { signedCertificateEmbeddedSct: { chain: { certificates } } });
        }
        if (href === `${DRY_RUN_REKOR_URL}/api/v1/log/entries` && init?.method === 'POST') {
            const body = Buffer.from(canonical(storedEntry(JSON.parse(bodyText(init))))).toString('base64');
            // Negative indexes: no real log has them, so a dry-run entry can never pass for a logged one.
            const logIndex = -1 - this.entries++;
            const integratedTime = Math.floor(Date.now() / 1000);
            const set = (0,external_node_crypto_.sign)('sha256', Buffer.from(canonical({ body, integratedTime, logID: this.#logId, logIndex })), this.#logKey).toString('base64');
            // A one-leaf tree per entry: the proof is real for that tree, and the tree is this process's alone.
            const rootHash = (0,external_node_crypto_.createHash)('sha256')
                .update(Buffer.concat([Buffer.from([0]), Buffer.from(body, 'base64')]))
                .digest();
            const note = `dry-run.invalid - 0\n1\n${rootHash.toString('base64')}\n`;
            const noteSig = Buffer.concat([
                Buffer.from(this.#logId.slice(0, 8), 'hex'),
                (0,external_node_crypto_.sign)('sha256', Buffer.from(note), this.#logKey)
            ]).toString('base64');
            const inclusionProof = {
                checkpoint: `${note}\n\u2014 dry-run.invalid ${noteSig}\n`,
                hashes: [],
                logIndex: 0,
                rootHash: rootHash.toString('hex'),
                treeSize: 1
            };
            const uuid = (0,external_node_crypto_.createHash)('sha256').update(body).digest('hex');
            return answer(href, 201, {
                [uuid]: {
                    body,
                    integratedTime,
                    logID: this.#logId,
                    logIndex,
                    verification: { signedEntryTimestamp: set, inclusionProof }
                }
            });
        }
        throw new Error(`dry run: ${init?.method ?? 'GET'} ${href} has no stand-in (nothing leaves the process)`);
    }
}

;// CONCATENATED MODULE: ./src/pipeline/rekor-ledger.ts
class RekorLedger {
    rekorUrl;
    #entries = [];
    #published = new Set();
    constructor(rekorUrl) {
        this.rekorUrl = rekorUrl;
    }
    record(subject, what, logIndex) {
        this.#entries.push({ subject, what, logIndex });
    }
    /** Everything of the subject is pushed (and confirmed, where asked): its entries are accounted for. */
    published(subject) {
        this.#published.add(subject);
    }
    /** Entries of subjects not (completely) published. */
    unpublished() {
        return this.#entries.filter(e => !this.#published.has(e.subject));
    }
    entryUrl(logIndex) {
        return `${this.rekorUrl.replace(/\/+$/, '')}/api/v1/log/entries?logIndex=${logIndex}`;
    }
    /** Lines for the failure message, or '' when nothing unpublished was logged. */
    describeUnpublished() {
        const entries = this.unpublished();
        if (!entries.length)
            return '';
        const lines = entries.map(e => `  ${e.subject} ${e.what}: log index ${e.logIndex}, ${this.entryUrl(e.logIndex)}`);
        return (`\nRekor entries this run created for what was not (completely) published — they are public and ` +
            `cannot be removed; a re-run logs new ones:\n${lines.join('\n')}`);
    }
}

;// CONCATENATED MODULE: ./src/pipeline/attest-subjects.ts
// The pipeline's entry: every subject checked up front, then attested concurrently with one signer.








async function attestSubjects(options, c) {
    const locks = c.locks ?? tag_writer/* processTagWriters */.IQ;
    const subjectOptions = (sbom, vex) => ({
        provenance: options.provenance ?? ['v1', 'v0.2'],
        formats: options.formats ?? ['legacy', 'referrers'],
        ...(sbom ? { sbom } : {}),
        ...(options.sbomLimitBytes ? { sbomLimitBytes: options.sbomLimitBytes } : {}),
        ...(options.sbomReferrer ? { sbomReferrer: true } : {}),
        ...(options.custom ? { custom: options.custom } : {}),
        ...(vex?.length ? { vex } : {}),
        verify: options.verify ?? true,
        verifyBeforePush: options.verifyBeforePush ?? true,
        bundleDir: options.bundleDir ?? bundleDirectory()
    });
    const ledger = new RekorLedger(c.session.rekorUrl);
    const collaborators = {
        ledger,
        registry: c.registry,
        session: c.session,
        locks,
        ...(c.log ? { log: c.log } : {}),
        ...(c.githubStore ? { githubStore: c.githubStore } : {})
    };
    const named = (subject) => (cause) => {
        if (cause instanceof pipeline_errors/* PipelineError */.z)
            throw cause;
        throw new pipeline_errors/* PipelineError */.z('SUBJECT_FAILED', subject.ref, 'attest', (0,errors/* errorText */.kc)(cause), { cause });
    };
    // Signing (Rekor-bound) and publishing (registry-bound) overlap across subjects, each with its own
    // limit, so the last subjects' signatures are not waiting for the first subjects' uploads. A publishing
    // subject spends most of its time in tag settle waits (no requests), so twice as many may publish.
    const limit = options.concurrency ?? 8;
    const reports = await mapInTwoStages(options.subjects, { first: limit, second: 2 * limit }, async (subject) => {
        const sbom = await options.sbomFor?.(subject);
        const subjectOpts = subjectOptions(sbom, options.vexFor?.(subject));
        const signed = await signSubject(subject, subjectOpts, collaborators).catch(named(subject));
        return { signed, subjectOpts };
    }, ({ signed, subjectOpts }, subject) => publishSubject(signed, subjectOpts, collaborators).then(report => (ledger.published(subject.ref), report), named(subject))).catch((err) => {
        // Everything has settled by now, so the ledger holds every entry the run created.
        if (err instanceof Error && c.session.rekorUrl !== DRY_RUN_REKOR_URL)
            err.message += ledger.describeUnpublished();
        throw err;
    });
    return {
        subjects: reports,
        fulcioRequests: c.session.ephemeral.fulcioRequests,
        rekorEntries: c.session.rekor.entries,
        identity: c.session.identity.subjectAlternativeName,
        issuer: c.session.identity.issuer
    };
}

// EXTERNAL MODULE: ./src/oci/errors.ts
var oci_errors = __webpack_require__(28630);
// EXTERNAL MODULE: ./src/oci/name.ts
var oci_name = __webpack_require__(51882);
// EXTERNAL MODULE: ./src/oci/reference.ts
var reference = __webpack_require__(62148);
;// CONCATENATED MODULE: ./src/pipeline/dry-run-registry.ts




const toRef = (ref) => typeof ref === 'string' ? (0,reference/* parseReference */.F2)(ref) : ref;
class RecordingRegistry {
    #inner;
    manifests = [];
    blobs = new Map();
    fallbackUpdates = [];
    constructor(inner) {
        this.#inner = inner;
    }
    #find(ref) {
        const repository = ref.repoString();
        return this.manifests.find(m => m.repository === repository && (ref.digest ? m.digest === ref.digest : m.tag === ref.tag));
    }
    async getManifest(ref, opts) {
        const found = this.#find(toRef(ref));
        if (found)
            return {
                digest: found.digest,
                mediaType: found.mediaType,
                bytes: found.bytes,
                json: found.json,
                size: found.size
            };
        return this.#inner.getManifest(ref, opts);
    }
    async headManifest(ref) {
        const found = this.#find(toRef(ref));
        if (found)
            return { digest: found.digest, mediaType: found.mediaType, size: found.size };
        return this.#inner.headManifest(ref);
    }
    async putManifest(ref, bytes, mediaType) {
        const r = toRef(ref);
        const digest = (0,oci_digest/* computeDigest */.MK)(bytes);
        const repository = r.repoString();
        const entry = {
            repository,
            ...(r.tag ? { tag: r.tag } : {}),
            digest,
            mediaType,
            size: bytes.length,
            json: JSON.parse(bytes.toString('utf8')),
            bytes
        };
        // A tag written twice in one run (appends) is one write of its last content.
        const previous = r.tag
            ? this.manifests.findIndex(m => m.repository === repository && m.tag === r.tag)
            : -1;
        if (previous >= 0)
            this.manifests[previous] = entry;
        else
            this.manifests.push(entry);
        return { digest };
    }
    async readBlob(repo, digest, size) {
        const found = this.blobs.get(`${repo.repoString()}@${digest}`);
        if (found?.bytes)
            return found.bytes;
        return this.#inner.readBlob(repo, digest, size);
    }
    async uploadBlob(repo, data, digest, size) {
        const repository = repo.repoString();
        this.blobs.set(`${repository}@${digest}`, {
            repository,
            digest,
            size,
            ...(Buffer.isBuffer(data) ? { bytes: data } : {})
        });
        return { digest, size, uploaded: false };
    }
    supportsReferrersApi(repo) {
        return this.#inner.supportsReferrersApi(repo);
    }
    async listReferrers(repo, digest, artifactType) {
        const recorded = await this.recordedOnly().listReferrers(repo, digest, artifactType);
        return [...(await this.#inner.listReferrers(repo, digest, artifactType)), ...recorded];
    }
    async addReferrerToFallbackIndex(repo, subjectDigest, descriptor) {
        this.fallbackUpdates.push({
            repository: repo.repoString(),
            tag: (0,oci_name/* digestTag */.t9)(subjectDigest),
            descriptor
        });
        return undefined;
    }
    /** The manifests and referrers recorded and nothing else, read as a registry: what the dry run would push. */
    recordedOnly() {
        const absent = (what) => {
            throw new oci_errors/* RegistryError */.gl('REGISTRY_NOT_FOUND', `dry run: ${what} was not recorded`);
        };
        const refusal = () => {
            throw new Error('dry run: the recorded view is read-only');
        };
        return {
            getManifest: async (ref) => (this.#find(toRef(ref)) ? this.getManifest(ref) : absent(String(ref))),
            headManifest: async (ref) => (this.#find(toRef(ref)) ? this.headManifest(ref) : undefined),
            // Blobs are content-addressed: one the registry already had (so not uploaded again) reads through.
            readBlob: (repo, digest, size) => this.readBlob(repo, digest, size),
            listReferrers: async (repo, digest, artifactType) => this.manifests
                .filter(m => m.repository === repo.repoString() && !m.tag && m.json.subject?.digest === digest)
                .filter(m => !artifactType || m.json.artifactType === artifactType)
                .map(m => ({
                mediaType: m.mediaType,
                digest: m.digest,
                size: m.size,
                ...(m.json.artifactType ? { artifactType: m.json.artifactType } : {})
            })),
            supportsReferrersApi: async () => true,
            putManifest: refusal,
            uploadBlob: refusal,
            addReferrerToFallbackIndex: refusal
        };
    }
}

// EXTERNAL MODULE: ./node_modules/@sigstore/verify/dist/index.js
var verify_dist = __webpack_require__(54187);
;// CONCATENATED MODULE: ./src/sigstore/http.ts
// Sigstore's services answer JSON; a non-2xx or non-JSON answer becomes an error carrying the status and body.
/** Reads a JSON answer, turning any non-2xx into a thrown error carrying the status and body excerpt. */
async function expectJson(res, what) {
    const text = await res.text();
    if (res.status < 200 || res.status > 299) {
        throw new Error(`${what} answered HTTP ${res.status}: ${text.slice(0, 300)}`);
    }
    try {
        return JSON.parse(text);
    }
    catch (cause) {
        throw new Error(`${what} answered non-JSON: ${text.slice(0, 120)}`, { cause });
    }
}

;// CONCATENATED MODULE: ./src/sigstore/identity/provider.ts
// Where the OIDC token comes from: the Actions token endpoint (audience sigstore) or a token handed in.




const PERMISSIONS_YAML = 'permissions:\n  id-token: write\n  contents: read\n  packages: write';
/** Fetches the workflow's OIDC token from the runner's token service. */
class ActionsIdentityProvider {
    #request;
    #http;
    #audience;
    #mask;
    constructor(opts = {}) {
        this.#request = opts.request ?? {};
        this.#http = opts.http;
        this.#audience = opts.audience ?? 'sigstore';
        this.#mask = opts.maskSecret ?? (() => { });
    }
    async getToken() {
        const { url, bearer } = this.#request;
        if (!url || !bearer) {
            throw new error/* SigstoreError */.F('MISSING_ID_TOKEN_PERMISSION', 'ACTIONS_ID_TOKEN_REQUEST_URL/ACTIONS_ID_TOKEN_REQUEST_TOKEN are not set, so this job cannot get an OIDC ' +
                `token for keyless signing. Grant it in the workflow or job:\n${PERMISSIONS_YAML}\n` +
                '(fork pull requests never get a token: run those as a dry run)');
        }
        this.#mask(bearer);
        const requestUrl = `${url}&audience=${encodeURIComponent(this.#audience)}`;
        let value;
        try {
            const res = await (this.#http ?? (0,src_http/* defaultHttp */.kS)()).request(requestUrl, {
                headers: { authorization: `Bearer ${bearer}`, accept: 'application/json' }
            });
            value = (await expectJson(res, 'the Actions OIDC token endpoint')).value;
        }
        catch (cause) {
            throw new error/* SigstoreError */.F('ID_TOKEN_REQUEST_FAILED', `could not get an OIDC token from ACTIONS_ID_TOKEN_REQUEST_URL: ${(0,errors/* errorText */.kc)(cause)}`, { cause });
        }
        if (!value) {
            throw new error/* SigstoreError */.F('ID_TOKEN_REQUEST_FAILED', 'the Actions OIDC token endpoint answered without "value"');
        }
        this.#mask(value);
        return value;
    }
}
/** A token given by the caller (SIGSTORE_ID_TOKEN, a file read by the CLI). */
class StaticIdentityProvider {
    #token;
    constructor(token, maskSecret = () => { }) {
        if (!token.trim())
            throw new error/* SigstoreError */.F('ID_TOKEN_INVALID', 'the given OIDC token is empty');
        this.#token = token.trim();
        maskSecret(this.#token);
    }
    async getToken() {
        return this.#token;
    }
}

;// CONCATENATED MODULE: ./src/sigstore/identity/verify-token.ts
// Checks the OIDC token the way @actions/attest does before trusting its claims for provenance:
// signature against the issuer's JWKS, issuer, audience and expiry.






const ALGORITHMS = {
    RS256: { hash: 'sha256' },
    ES256: { hash: 'sha256', dsaEncoding: 'ieee-p1363' },
    ES384: { hash: 'sha384', dsaEncoding: 'ieee-p1363' }
};
function verify_token_invalid(message, cause) {
    return new error/* SigstoreError */.F('ID_TOKEN_INVALID', `OIDC token rejected: ${message}`, { cause });
}
function decodePart(part, name) {
    try {
        return JSON.parse(Buffer.from(part ?? '', 'base64url').toString('utf8'));
    }
    catch (cause) {
        throw verify_token_invalid(`its ${name} is not base64url JSON`, cause);
    }
}
/** Decodes without checking: only for reading `iss`/`sub` where verification happens elsewhere. */
function decodeClaims(token) {
    return decodePart(token.split('.')[1], 'payload');
}
async function verifyIdToken(token, opts = {}) {
    const issuer = opts.issuer ?? issuerForServer(githubServerUrl(opts.serverUrl));
    const audience = opts.audience ?? 'sigstore';
    const http = opts.http ?? (0,src_http/* defaultHttp */.kS)();
    const parts = token.split('.');
    if (parts.length !== 3)
        throw verify_token_invalid('it is not a JWT (three dot-separated parts)');
    const header = decodePart(parts[0], 'header');
    const payload = decodePart(parts[1], 'payload');
    const alg = ALGORITHMS[header.alg ?? ''];
    if (!alg)
        throw verify_token_invalid(`algorithm ${JSON.stringify(header.alg)} is not one of ${Object.keys(ALGORITHMS)}`);
    if (payload.iss !== issuer)
        throw verify_token_invalid(`issuer ${JSON.stringify(payload.iss)} is not the expected ${issuer}`);
    const base = (opts.discoveryBaseUrl ?? issuer).replace(/\/$/, '');
    let keys;
    try {
        const config = await expectJson(await http.request(`${base}/.well-known/openid-configuration`, {}), `OIDC discovery at ${base}`);
        if (!config.jwks_uri)
            throw new Error(`${base}/.well-known/openid-configuration has no jwks_uri`);
        // A private issuer may advertise its public name; fetch the JWKS from the discovery host instead.
        const jwksUrl = opts.discoveryBaseUrl
            ? new URL(new URL(config.jwks_uri).pathname, base + '/')
            : config.jwks_uri;
        keys =
            (await expectJson(await http.request(jwksUrl, {}), 'the issuer JWKS')).keys ??
                [];
    }
    catch (cause) {
        throw verify_token_invalid(`could not read the issuer's keys from ${base}: ${(0,errors/* errorText */.kc)(cause)}`, cause);
    }
    const jwk = keys.find(k => header.kid === undefined || k.kid === header.kid);
    if (!jwk)
        throw verify_token_invalid(`no key with kid ${JSON.stringify(header.kid)} in the issuer JWKS`);
    const ok = (0,external_node_crypto_.verify)(alg.hash, Buffer.from(`${parts[0]}.${parts[1]}`), {
        key: (0,external_node_crypto_.createPublicKey)({ key: jwk, format: 'jwk' }),
        ...(alg.dsaEncoding ? { dsaEncoding: alg.dsaEncoding } : {})
    }, Buffer.from(parts[2] ?? '', 'base64url'));
    if (!ok)
        throw verify_token_invalid('its signature does not verify against the issuer JWKS');
    const aud = Array.isArray(payload.aud) ? payload.aud : [payload.aud];
    if (!aud.includes(audience))
        throw verify_token_invalid(`audience ${JSON.stringify(payload.aud)} does not include ${audience}`);
    const now = Math.floor((opts.now ?? Date.now)() / 1000);
    if (typeof payload.exp !== 'number' || payload.exp <= now)
        throw verify_token_invalid('it has expired; request a fresh one');
    if (typeof payload.nbf === 'number' && payload.nbf > now + 60)
        throw verify_token_invalid('it is not valid yet (nbf)');
    const missing = missingClaims(payload);
    if (missing.length > 0)
        throw verify_token_invalid(`GitHub claims missing: ${missing.join(', ')}`);
    return payload;
}

// EXTERNAL MODULE: ./node_modules/@sigstore/sign/dist/index.js
var sign_dist = __webpack_require__(15179);
// EXTERNAL MODULE: ./node_modules/@sigstore/bundle/dist/index.js
var bundle_dist = __webpack_require__(61040);
;// CONCATENATED MODULE: ./src/sigstore/witness/ordered-witness.ts
class OrderedWitness {
    #witnesses;
    constructor(witnesses) {
        this.#witnesses = witnesses;
    }
    async testify(content, publicKey) {
        const tlogEntries = [];
        const rfc3161Timestamps = [];
        for (const witness of this.#witnesses) {
            const material = await witness.testify(content, publicKey);
            tlogEntries.push(...(material.tlogEntries ?? []));
            rfc3161Timestamps.push(...(material.rfc3161Timestamps ?? []));
        }
        return { tlogEntries, rfc3161Timestamps };
    }
}

;// CONCATENATED MODULE: ./src/sigstore/witness/rekor-client.ts
// Rekor v1 REST: create an entry, or fetch the one that already exists (409 + Location).




const DEFAULT_REKOR_URL = 'https://rekor.sigstore.dev';
class RekorClient {
    baseUrl;
    #http;
    #signal;
    /** `signal` cancels sends and retry waits, so a failed run logs nothing more. */
    constructor(opts = {}) {
        this.baseUrl = (opts.baseUrl ?? DEFAULT_REKOR_URL).replace(/\/$/, '');
        this.#http = opts.http;
        this.#signal = opts.signal;
    }
    async createEntry(entry) {
        const url = `${this.baseUrl}/api/v1/log/entries`;
        try {
            const res = await (this.#http ?? (0,src_http/* defaultHttp */.kS)()).request(url, {
                method: 'POST',
                headers: { 'content-type': 'application/json', accept: 'application/json' },
                body: JSON.stringify(entry),
                ...(this.#signal ? { signal: this.#signal } : {})
            });
            const text = await res.text();
            if (res.status === 409) {
                const location = res.headers.get('location');
                if (!location)
                    throw new Error('409 "entry exists" without a Location header');
                return await this.getEntry(location.split('/').pop() ?? '');
            }
            if (res.status !== 201 && res.status !== 200)
                throw new RekorStatusError(res.status, text);
            return firstEntry(JSON.parse(text));
        }
        catch (cause) {
            if (cause instanceof error/* SigstoreError */.F)
                throw cause;
            const [why, fix] = causeAndFix(cause);
            throw new error/* SigstoreError */.F('REKOR_REQUEST_FAILED', `Rekor (${url}) did not log the ${entry.kind} entry: ${why}: ${(0,errors/* errorText */.kc)(cause)}. ${fix}`, { cause });
        }
    }
    async getEntry(uuid) {
        const url = `${this.baseUrl}/api/v1/log/entries/${encodeURIComponent(uuid)}`;
        try {
            const res = await (this.#http ?? (0,src_http/* defaultHttp */.kS)()).request(url, {
                headers: { accept: 'application/json' },
                ...(this.#signal ? { signal: this.#signal } : {})
            });
            const text = await res.text();
            if (res.status !== 200)
                throw new RekorStatusError(res.status, text);
            return firstEntry(JSON.parse(text));
        }
        catch (cause) {
            const [why, fix] = causeAndFix(cause);
            throw new error/* SigstoreError */.F('REKOR_REQUEST_FAILED', `Rekor (${url}) holds entry ${uuid}, but reading it back failed: ${why}: ${(0,errors/* errorText */.kc)(cause)}. ${fix}`, { cause });
        }
    }
}
/** Rekor's own refusal (not a proxy's), with the status as a field for causeAndFix. */
class RekorStatusError extends errors/* CodedError */.AK {
    constructor(status, text) {
        super('REKOR_STATUS', `HTTP ${status}: ${text.slice(0, 300)}`, { status });
        this.name = 'RekorStatusError';
    }
}
/** The cause in a word, and the fix that fits it: waiting helps a rate limit, not a wrong URL. */
function causeAndFix(cause, api = 'v1') {
    if (cause instanceof RekorStatusError) {
        if (cause.status === 429)
            return [
                'rate limited after every retry (Retry-After honoured)',
                'Re-run the job later, or sign fewer subjects per job; a private Rekor avoids the public rate limit'
            ];
        if (cause.status >= 500)
            return [
                `${(0,src_http/* statusCause */.Sj)(cause.status)} after every retry`,
                'Rekor is failing: check its status (status.sigstore.dev for the public instance) and re-run the job'
            ];
        return [
            'refused',
            api === 'v1'
                ? 'Check that the rekor URL points at a Rekor v1 API and the trusted root matches that instance'
                : 'Check that the rekor URL points at a Rekor v2 (rekor-tiles) log and the trusted root holds its key'
        ];
    }
    if (cause instanceof src_http/* HttpError */.j$ && (cause.code === 'HTTP_NETWORK' || cause.code === 'HTTP_TIMEOUT'))
        return [
            cause.code === 'HTTP_TIMEOUT' ? 'timed out' : 'network failure',
            'Check the rekor URL and that the runner can reach it (proxy settings, firewall)'
        ];
    return ['unreadable answer', 'Check the rekor URL'];
}
function firstEntry(answer) {
    const [uuid, entry] = Object.entries(answer)[0] ?? [];
    if (!uuid || !entry)
        throw new Error('Rekor answered without an entry');
    return { uuid, ...entry };
}

;// CONCATENATED MODULE: ./src/sigstore/witness/rekor-witness.ts
// Logs signatures in Rekor v1 (sigstore-js Witness shape): hashedrekord for message signatures, dsse for envelopes.



/** The exact envelope bytes logged in Rekor; the `.att` layer must store these same bytes. */
function envelopeBytes(envelope) {
    return Buffer.from(JSON.stringify((0,bundle_dist.envelopeToJSON)(envelope)), 'utf8');
}
const b64 = (s) => Buffer.from(s).toString('base64');
function proposedEntry(content, publicKeyPem) {
    if (content.$case === 'dsseEnvelope') {
        return {
            apiVersion: '0.0.1',
            kind: 'dsse',
            spec: {
                proposedContent: {
                    envelope: envelopeBytes(content.dsseEnvelope).toString('utf8'),
                    verifiers: [b64(publicKeyPem)]
                }
            }
        };
    }
    const { messageDigest, signature } = content.messageSignature;
    return {
        apiVersion: '0.0.1',
        kind: 'hashedrekord',
        spec: {
            data: {
                hash: { algorithm: 'sha256', value: Buffer.from(messageDigest?.digest ?? []).toString('hex') }
            },
            signature: { content: signature.toString('base64'), publicKey: { content: b64(publicKeyPem) } }
        }
    };
}
class RekorWitness {
    client;
    apiVersion = 1;
    /** Entries this witness created, for reports and benchmarks. */
    entries = 0;
    constructor(opts = {}) {
        this.client = opts.client ?? new RekorClient({ baseUrl: opts.baseUrl });
    }
    async testify(content, publicKey) {
        const entry = await this.client.createEntry(proposedEntry(content, publicKey));
        this.entries++;
        return { tlogEntries: [toTransparencyLogEntry(entry)] };
    }
}

;// CONCATENATED MODULE: ./src/sigstore/sign-artifacts.ts
// Signs what the pipeline publishes: DSSE statements (v0.3 bundles, `dsse` entries) and cosign's
// simple-signing payload (`hashedrekord`), every signature logged in Rekor before it is returned.





const INTOTO_PAYLOAD_TYPE = 'application/vnd.in-toto+json';
const pemOf = (der) => new external_node_crypto_.X509Certificate(der).toString();
class ArtifactSigner {
    signer;
    #witness;
    /** Witnesses run in the order given (sigstore-js would run them at once): put Rekor last, so a signature
     * another witness refused is never made public. */
    constructor(opts) {
        this.signer = opts.signer;
        this.#witness = new OrderedWitness(opts.witnesses);
    }
    async signStatement(statement) {
        const builder = new sign_dist/* DSSEBundleBuilder */.VV({ signer: this.signer, witnesses: [this.#witness] });
        const bundle = await builder.create({ data: statement, type: INTOTO_PAYLOAD_TYPE });
        if (bundle.content.$case !== 'dsseEnvelope')
            throw new Error('DSSE bundle builder produced no envelope');
        const vm = bundle.verificationMaterial.content;
        const leafDer = vm?.$case === 'certificate' ? vm.certificate.rawBytes : undefined;
        if (!leafDer)
            throw new Error('DSSE bundle carries no certificate');
        const certificatePem = pemOf(leafDer);
        return {
            bundle,
            bundleJson: Buffer.from(JSON.stringify((0,bundle_dist.bundleToJSON)(bundle))),
            envelope: envelopeBytes(bundle.content.dsseEnvelope),
            ...material(bundle, certificatePem, this.signer.chainFor(certificatePem))
        };
    }
    async signPayload(payload) {
        const { signature, key } = await this.signer.sign(payload);
        if (key.$case !== 'x509Certificate')
            throw new Error('signer returned no certificate');
        const bundle = (0,bundle_dist.toMessageSignatureBundle)({
            digest: (0,external_node_crypto_.createHash)('sha256').update(payload).digest(),
            signature,
            certificate: new external_node_crypto_.X509Certificate(key.certificate).raw,
            certificateChain: false
        });
        const witnessed = await this.#witness.testify(bundle.content, key.certificate);
        bundle.verificationMaterial.tlogEntries = witnessed.tlogEntries ?? [];
        bundle.verificationMaterial.timestampVerificationData = {
            rfc3161Timestamps: witnessed.rfc3161Timestamps ?? []
        };
        return { signature, bundle, ...material(bundle, key.certificate, this.signer.chainFor(key.certificate)) };
    }
}
function material(bundle, certificatePem, chainPem) {
    const tlogEntry = bundle.verificationMaterial.tlogEntries[0];
    if (!tlogEntry)
        throw new Error('no transparency log entry: configure a Rekor witness');
    const ts = bundle.verificationMaterial.timestampVerificationData?.rfc3161Timestamps[0]?.signedTimestamp;
    return { certificatePem, chainPem, tlogEntry, ...(ts ? { rfc3161Timestamp: ts } : {}) };
}

;// CONCATENATED MODULE: ./src/sigstore/signer/fulcio-client.ts
// Fulcio v2 signingCert: trades the OIDC token and a proof of key possession for a certificate chain.




const DEFAULT_FULCIO_URL = 'https://fulcio.sigstore.dev';
class FulcioClient {
    baseUrl;
    #http;
    #signal;
    /** `signal` cancels the request and its retry waits when the run has failed. */
    constructor(opts = {}) {
        this.baseUrl = (opts.baseUrl ?? DEFAULT_FULCIO_URL).replace(/\/$/, '');
        this.#http = opts.http;
        this.#signal = opts.signal;
    }
    /** Leaf first, then intermediates and root, as PEM strings. */
    async createSigningCertificate(req) {
        const url = `${this.baseUrl}/api/v2/signingCert`;
        let answer;
        try {
            const res = await (this.#http ?? (0,src_http/* defaultHttp */.kS)()).request(url, {
                method: 'POST',
                headers: { 'content-type': 'application/json', accept: 'application/json' },
                body: JSON.stringify({
                    credentials: { oidcIdentityToken: req.token },
                    publicKeyRequest: {
                        publicKey: { algorithm: 'ECDSA', content: req.publicKeyPem },
                        proofOfPossession: req.proofOfPossession
                    }
                }),
                ...(this.#signal ? { signal: this.#signal } : {})
            });
            answer = await expectJson(res, `Fulcio at ${this.baseUrl}`);
        }
        catch (cause) {
            throw new error/* SigstoreError */.F('FULCIO_REQUEST_FAILED', `Fulcio (${url}) issued no certificate: ${(0,errors/* errorText */.kc)(cause)}. Check the fulcio URL and that the OIDC token's ` +
                'issuer is one this Fulcio trusts', { cause });
        }
        const chain = answer.signedCertificateEmbeddedSct?.chain?.certificates ??
            answer.signedCertificateDetachedSct?.chain?.certificates;
        if (!chain || chain.length === 0) {
            throw new error/* SigstoreError */.F('FULCIO_REQUEST_FAILED', `Fulcio (${url}) answered without a certificate chain`);
        }
        return chain.map(pem => (pem.endsWith('\n') ? pem : pem + '\n'));
    }
}

;// CONCATENATED MODULE: ./src/sigstore/signer/ephemeral-signer.ts
// One in-memory P-256 key and one Fulcio certificate shared by every signature of a run.



/** Below this much remaining validity a certificate is replaced before signing. */
const RENEW_BEFORE_MS = 5 * 60 * 1000;
class EphemeralSigner {
    #privateKey;
    publicKeyPem;
    #identity;
    #fulcio;
    #now;
    #pending;
    #fulcioRequests = 0;
    #chains = new Map();
    constructor(opts) {
        const { privateKey, publicKey } = (0,external_node_crypto_.generateKeyPairSync)('ec', { namedCurve: 'P-256' });
        this.#privateKey = privateKey;
        this.publicKeyPem = publicKey.export({ format: 'pem', type: 'spki' }).toString();
        this.#identity = opts.identity;
        this.#fulcio = opts.fulcio ?? new FulcioClient();
        this.#now = opts.now ?? Date.now;
    }
    /** How many certificates this signer asked Fulcio for (1 for a run that fits in one certificate). */
    get fulcioRequests() {
        return this.#fulcioRequests;
    }
    /** The certificate all current signatures use; concurrent callers share one request. */
    async certificate() {
        const pending = (this.#pending ??= this.#request());
        const cert = await pending;
        if (cert.notAfter.getTime() - this.#now() >= RENEW_BEFORE_MS)
            return cert;
        // Only the first caller to notice expiry replaces the promise; the others await the same replacement.
        if (this.#pending === pending)
            this.#pending = this.#request();
        return this.#pending;
    }
    /** Intermediates and root that came with a leaf this signer used. */
    chainFor(leafPem) {
        return this.#chains.get(leafPem) ?? [];
    }
    async sign(data) {
        const cert = await this.certificate();
        return {
            signature: (0,external_node_crypto_.sign)('sha256', data, this.#privateKey),
            key: { $case: 'x509Certificate', certificate: cert.certificate }
        };
    }
    #request() {
        this.#fulcioRequests++;
        const attempt = this.#fetch();
        // A failed request must not poison the run: the next caller tries again.
        attempt.catch(() => {
            if (this.#pending === attempt)
                this.#pending = undefined;
        });
        return attempt;
    }
    async #fetch() {
        const token = await this.#identity.getToken();
        const sub = decodeClaims(token).sub;
        const challenge = typeof sub === 'string' ? sub : '';
        const proofOfPossession = (0,external_node_crypto_.sign)('sha256', Buffer.from(challenge), this.#privateKey).toString('base64');
        const [leaf, ...chain] = await this.#fulcio.createSigningCertificate({
            token,
            publicKeyPem: this.publicKeyPem,
            proofOfPossession
        });
        const x509 = new external_node_crypto_.X509Certificate(leaf ?? '');
        this.#chains.set(leaf ?? '', chain);
        return {
            certificate: leaf ?? '',
            chain,
            notAfter: new Date(x509.validTo),
            notBefore: new Date(x509.validFrom)
        };
    }
}

// EXTERNAL MODULE: ./src/sigstore/verify/bundle-verifier.ts + 1 modules
var bundle_verifier = __webpack_require__(21471);
// EXTERNAL MODULE: ./src/sigstore/verify/trust.ts
var trust = __webpack_require__(62412);
;// CONCATENATED MODULE: ./src/sigstore/witness/privacy-guard.ts
// Public Rekor publishes repository and workflow names forever; a private repository must opt in knowingly.

const PUBLIC_GOOD_REKOR_HOST = 'rekor.sigstore.dev';
/** Rekor v1 and Rekor v2's yearly shards (log2025-1.rekor.sigstore.dev…) are all public. */
function isPublicGoodRekor(rekorUrl) {
    const host = new URL(rekorUrl).hostname;
    return host === PUBLIC_GOOD_REKOR_HOST || host.endsWith(`.${PUBLIC_GOOD_REKOR_HOST}`);
}
function assertRekorAllowed(claims, rekorUrl, allowPublicRekorForPrivateRepos) {
    if (!isPublicGoodRekor(rekorUrl) || allowPublicRekorForPrivateRepos)
        return;
    if (claims.repository_visibility === 'public')
        return;
    throw new error/* SigstoreError */.F('PUBLIC_REKOR_PRIVATE_REPOSITORY', `repository ${claims.repository} is ${claims.repository_visibility ?? 'of unknown visibility'}, and logging to ` +
        `the public Rekor (${rekorUrl}) would publish its name, workflow and commit in a permanent public log. ` +
        'Either set allow-public-rekor-for-private-repos: true to accept that, or point fulcio-url, rekor-url and ' +
        'trusted-root at your own Sigstore instance');
}

// EXTERNAL MODULE: ./node_modules/@sigstore/protobuf-specs/dist/rekor/v2/index.js
var v2 = __webpack_require__(13835);
;// CONCATENATED MODULE: ./src/sigstore/witness/rekor-v2-client.ts
// Rekor v2 (rekor-tiles): one POST creates an entry and answers with it, inclusion proof and checkpoint included.






// rekor-tiles answers once the entry is in a published checkpoint; its client guide asks for at least 20 s.
const CREATE_TIMEOUT_MS = 30_000;
class RekorV2Client {
    baseUrl;
    #http;
    #signal;
    /** `signal` cancels sends and retry waits, so a failed run logs nothing more. */
    constructor(opts) {
        this.baseUrl = opts.baseUrl.replace(/\/$/, '');
        this.#http = opts.http;
        this.#signal = opts.signal;
    }
    async createEntry(request) {
        const url = `${this.baseUrl}/api/v2/log/entries`;
        try {
            const res = await (this.#http ?? (0,src_http/* defaultHttp */.kS)()).request(url, {
                method: 'POST',
                headers: { 'content-type': 'application/json', accept: 'application/json' },
                body: JSON.stringify(v2.CreateEntryRequest.toJSON(request)),
                timeoutMs: CREATE_TIMEOUT_MS,
                ...(this.#signal ? { signal: this.#signal } : {})
            });
            const text = await res.text();
            if (res.status !== 201 && res.status !== 200)
                throw new RekorStatusError(res.status, text);
            const entry = dist.TransparencyLogEntry.fromJSON(JSON.parse(text));
            if (!entry.inclusionProof?.checkpoint)
                throw new Error('the answer holds no inclusion proof with a checkpoint (is this a Rekor v2 log?)');
            return entry;
        }
        catch (cause) {
            if (cause instanceof error/* SigstoreError */.F)
                throw cause;
            const [why, fix] = causeAndFix(cause, 'v2');
            throw new error/* SigstoreError */.F('REKOR_REQUEST_FAILED', `Rekor v2 (${url}) did not log the hashedrekord entry: ${why}: ${(0,errors/* errorText */.kc)(cause)}. ${fix}`, { cause });
        }
    }
}

// EXTERNAL MODULE: ./node_modules/@sigstore/core/dist/index.js
var core_dist = __webpack_require__(83917);
;// CONCATENATED MODULE: ./src/sigstore/witness/rekor-v2-witness.ts
// Logs signatures in Rekor v2, which knows one kind: hashedrekord v0.0.2. A DSSE envelope is logged as the
// digest of its pre-authentication encoding (what its signature signs), as rekor-tiles' client guide says.




/** The hashedrekord v0.0.2 request for one signature, verified by the signing certificate. */
function hashedRekordV002(content, certificate) {
    const [digest, signature] = content.$case === 'dsseEnvelope'
        ? [
            (0,external_node_crypto_.createHash)('sha256')
                .update(core_dist.dsse.preAuthEncoding(content.dsseEnvelope.payloadType, content.dsseEnvelope.payload))
                .digest(),
            content.dsseEnvelope.signatures[0]?.sig
        ]
        : [content.messageSignature.messageDigest?.digest, content.messageSignature.signature];
    if (!digest || !signature)
        throw new error/* SigstoreError */.F('REKOR_REQUEST_FAILED', 'nothing to log in Rekor v2: the bundle has no signature');
    return {
        spec: {
            $case: 'hashedRekordRequestV002',
            hashedRekordRequestV002: {
                digest: Buffer.from(digest),
                signature: {
                    content: Buffer.from(signature),
                    verifier: typeof certificate === 'string' ? certificateVerifier(certificate) : certificate
                }
            }
        }
    };
}
/** The certificate as Rekor v2 takes it: DER and the key's algorithm (the run's P-256 key; others named). */
function certificateVerifier(pem) {
    let cert;
    try {
        cert = new external_node_crypto_.X509Certificate(pem);
    }
    catch (cause) {
        throw new error/* SigstoreError */.F('REKOR_REQUEST_FAILED', 'Rekor v2 logs a signature with its certificate, and the signer gave no readable certificate', { cause });
    }
    const key = cert.publicKey;
    const curve = key.asymmetricKeyDetails?.namedCurve;
    const keyDetails = key.asymmetricKeyType === 'ec' && curve === 'prime256v1'
        ? dist.PublicKeyDetails.PKIX_ECDSA_P256_SHA_256
        : key.asymmetricKeyType === 'ec' && curve === 'secp384r1'
            ? dist.PublicKeyDetails.PKIX_ECDSA_P384_SHA_384
            : undefined;
    if (keyDetails === undefined)
        throw new error/* SigstoreError */.F('REKOR_REQUEST_FAILED', `Rekor v2: no key details for a ${key.asymmetricKeyType} ${curve ?? ''} signing key`);
    return { verifier: { $case: 'x509Certificate', x509Certificate: { rawBytes: cert.raw } }, keyDetails };
}
class RekorV2Witness {
    client;
    apiVersion = 2;
    /** Entries this witness created, for reports and benchmarks. */
    entries = 0;
    /** One certificate signs a whole run: it is parsed once, not per signature. */
    #verifier;
    constructor(opts) {
        this.client = opts.client;
    }
    async testify(content, certificatePem) {
        if (this.#verifier?.pem !== certificatePem)
            this.#verifier = { pem: certificatePem, verifier: certificateVerifier(certificatePem) };
        const entry = await this.client.createEntry(hashedRekordV002(content, this.#verifier.verifier));
        this.entries++;
        const { logId, kindVersion } = entry;
        // The client checked the answer's proof; a bundle entry needs its log and kind as well.
        if (!logId || !kindVersion)
            throw new error/* SigstoreError */.F('REKOR_REQUEST_FAILED', `Rekor v2 entry ${entry.logIndex} came without its log ID or kind`);
        return { tlogEntries: [{ ...entry, logId, kindVersion }] };
    }
}

;// CONCATENATED MODULE: ./src/sigstore/witness/timestamp-request.ts
// RFC 3161 TimeStampReq in DER, small enough to write by hand: version 1, SHA-256 imprint, nonce, certReq.

function timestamp_request_tlv(tag, content) {
    const n = content.length;
    const length = n < 0x80 ? Buffer.from([n]) : n < 0x100 ? Buffer.from([0x81, n]) : Buffer.from([0x82, n >> 8, n & 0xff]);
    return Buffer.concat([Buffer.from([tag]), length, content]);
}
const SEQUENCE = 0x30;
const SHA256_ALGORITHM = timestamp_request_tlv(SEQUENCE, Buffer.concat([timestamp_request_tlv(0x06, Buffer.from('608648016503040201', 'hex')), Buffer.from([0x05, 0x00])]));
/** A positive INTEGER nonce (leading bit clear, leading byte non-zero). */
function nonce() {
    const bytes = (0,external_node_crypto_.randomBytes)(8);
    bytes[0] = ((bytes[0] ?? 1) & 0x7f) | 0x01;
    return bytes;
}
function timeStampRequest(sha256Digest) {
    const imprint = timestamp_request_tlv(SEQUENCE, Buffer.concat([SHA256_ALGORITHM, timestamp_request_tlv(0x04, sha256Digest)]));
    return timestamp_request_tlv(SEQUENCE, Buffer.concat([timestamp_request_tlv(0x02, Buffer.from([1])), imprint, timestamp_request_tlv(0x02, nonce()), timestamp_request_tlv(0x01, Buffer.from([0xff]))]));
}

;// CONCATENATED MODULE: ./src/sigstore/witness/tsa-witness.ts
// Optional RFC 3161 timestamp over each signature's bytes, as Sigstore bundles carry it.





class TsaWitness {
    url;
    #http;
    #signal;
    /** `signal` cancels the request and its retry waits when the run has failed. */
    constructor(opts) {
        this.url = opts.url;
        this.#http = opts.http;
        this.#signal = opts.signal;
    }
    async testify(content) {
        const signature = content.$case === 'dsseEnvelope'
            ? content.dsseEnvelope.signatures[0]?.sig
            : content.messageSignature.signature;
        if (!signature)
            throw new error/* SigstoreError */.F('TSA_REQUEST_FAILED', 'nothing to timestamp: the bundle has no signature');
        try {
            const res = await (this.#http ?? (0,src_http/* defaultHttp */.kS)()).request(this.url, {
                method: 'POST',
                // DER is what every RFC 3161 TSA takes (sigstore's timestamp-authority takes JSON as well).
                headers: { 'content-type': 'application/timestamp-query', accept: 'application/timestamp-reply' },
                body: timeStampRequest((0,external_node_crypto_.createHash)('sha256').update(signature).digest()),
                ...(this.#signal ? { signal: this.#signal } : {})
            });
            const body = await res.buffer();
            if (res.status !== 200 && res.status !== 201)
                throw new Error(`HTTP ${res.status}: ${body.toString().slice(0, 200)}`);
            return { rfc3161Timestamps: [{ signedTimestamp: body }] };
        }
        catch (cause) {
            throw new error/* SigstoreError */.F('TSA_REQUEST_FAILED', `TSA ${this.url} gave no timestamp: ${(0,errors/* errorText */.kc)(cause)}`, {
                cause
            });
        }
    }
}

;// CONCATENATED MODULE: ./src/pipeline/cached-identity.ts

const REFRESH_BEFORE_S = 60;
class CachedIdentityProvider {
    #inner;
    #now;
    #token;
    constructor(inner, now = Date.now) {
        this.#inner = inner;
        this.#now = now;
    }
    async getToken() {
        const pending = (this.#token ??= this.#inner.getToken());
        pending.catch(() => {
            if (this.#token === pending)
                this.#token = undefined;
        });
        const token = await pending;
        const exp = decodeClaims(token).exp;
        if (typeof exp === 'number' && exp - this.#now() / 1000 < REFRESH_BEFORE_S) {
            if (this.#token === pending)
                this.#token = this.#inner.getToken();
            return this.#token;
        }
        return token;
    }
}

;// CONCATENATED MODULE: ./src/pipeline/session.ts
















async function openSigningSession(config, collaborators) {
    const http = collaborators.http;
    const serverUrl = githubServerUrl(config.serverUrl);
    const rekorUrl = config.rekorUrl ?? DEFAULT_REKOR_URL;
    assertTimestampedIfRekorV2(config.rekorApiVersion ?? 1, config.tsaUrls ?? [], rekorUrl);
    const identityProvider = new CachedIdentityProvider(collaborators.identity);
    const claims = await verifyIdToken(await identityProvider.getToken(), {
        ...(config.issuer ? { issuer: config.issuer } : {}),
        ...(config.oidcDiscoveryUrl ? { discoveryBaseUrl: config.oidcDiscoveryUrl } : {}),
        ...(http ? { http } : {}),
        serverUrl
    });
    // Refuse before anything is logged: the guard is about what becomes public.
    assertRekorAllowed(claims, rekorUrl, config.allowPublicRekorForPrivateRepos ?? false);
    return wireSigningSession({
        claims,
        identity: identityProvider,
        trust: await (0,trust/* loadTrustMaterial */.a)(config.trustedRootPath),
        serverUrl,
        rekorUrl,
        rekorApiVersion: config.rekorApiVersion ?? 1,
        ...(config.fulcioUrl ? { fulcioUrl: config.fulcioUrl } : {}),
        tsaUrls: config.tsaUrls ?? [],
        ...(http ? { http } : {}),
        ignoreSct: config.insecureIgnoreSct ?? false
    });
}
/** One signer, its witnesses and the verifiers, the same for real and dry runs. */
function wireSigningSession(w) {
    const { claims, http, trust, rekorUrl } = w;
    const cancelled = new AbortController();
    const { signal } = cancelled;
    const ephemeral = new EphemeralSigner({
        identity: w.identity,
        fulcio: new FulcioClient({
            ...(w.fulcioUrl ? { baseUrl: w.fulcioUrl } : {}),
            ...(http ? { http } : {}),
            signal
        })
    });
    const transport = { baseUrl: rekorUrl, ...(http ? { http } : {}), signal };
    const rekor = w.rekorApiVersion === 2
        ? new RekorV2Witness({ client: new RekorV2Client(transport) })
        : new RekorWitness({ client: new RekorClient(transport) });
    // Rekor last: a signature the TSA refused must not already be in the public log.
    const witnesses = [
        ...(w.tsaUrls ?? []).map(url => new TsaWitness({ url, ...(http ? { http } : {}), signal })),
        rekor
    ];
    // Fulcio derives the SAN from github.com regardless of GHES naming in provenance.
    const identity = { subjectAlternativeName: certificateIdentity(claims), issuer: claims.iss };
    const verifier = new bundle_verifier/* BundleVerifier */.b(trust, { ignoreSct: w.ignoreSct });
    return {
        claims,
        identity,
        serverUrl: w.serverUrl,
        rekorUrl,
        signer: new ArtifactSigner({ signer: ephemeral, witnesses }),
        ephemeral,
        rekor,
        verifier,
        published: new verify/* PublishedVerifier */.JZ(verifier, { identity, subjectName: true, strictStatements: true }),
        trust,
        cancel: reason => cancelled.abort(reason)
    };
}
/** Rekor v2 entries carry no time of their own: without a TSA timestamp no verifier can accept them. */
function assertTimestampedIfRekorV2(apiVersion, tsaUrls, rekorUrl) {
    if (apiVersion === 2 && tsaUrls.length === 0)
        throw new error/* SigstoreError */.F('REKOR_V2_NEEDS_TSA', `Rekor v2 (${rekorUrl}) logs entries without a signed time, so every signature needs an RFC 3161 ` +
            'timestamp, and no TSA is configured: set tsa-url (or use a signing config that names a TSA), or sign ' +
            'to a Rekor v1 log');
}

;// CONCATENATED MODULE: ./src/pipeline/dry-run-session.ts
// A signing session for dry runs: claims from the runner's environment (no token exists), the real signer and
// witness code wired to the in-process stand-ins, and trust in those stand-ins alone (nothing else trusts them).





/** What the OIDC token would have said, from the variables every runner sets (placeholders outside one). */
function claimsFromContext(context) {
    const { serverUrl, workflowRun: run } = context;
    const repository = context.repository || 'local/unknown';
    const ref = run.ref || 'refs/heads/unknown';
    const workflowRef = run.workflowRef || `${repository}/.github/workflows/unknown.yml@${ref}`;
    const now = Math.floor(Date.now() / 1000);
    return {
        iss: issuerForServer(serverUrl),
        sub: `repo:${repository}:ref:${ref}`,
        aud: 'sigstore',
        exp: now + 600,
        iat: now,
        repository,
        repository_id: run.repositoryId || '0',
        repository_owner: run.repositoryOwner || repository.split('/')[0] || 'local',
        repository_owner_id: run.repositoryOwnerId || '0',
        ref,
        sha: run.sha || '0'.repeat(40),
        ...(run.workflow ? { workflow: run.workflow } : {}),
        workflow_ref: workflowRef,
        ...(run.workflowSha ? { workflow_sha: run.workflowSha } : {}),
        // A reusable workflow's own ref is only in the token; the caller's workflow stands in for it here.
        job_workflow_ref: workflowRef,
        event_name: context.eventName || 'unknown',
        run_id: run.runId || '0',
        run_attempt: run.runAttempt || '1',
        ...(run.runnerEnvironment ? { runner_environment: run.runnerEnvironment } : {})
    };
}
/** An unsigned JWT carrying `sub`, which the signer uses for its proof of possession. */
function placeholderToken(claims) {
    const part = (o) => Buffer.from(JSON.stringify(o)).toString('base64url');
    return `${part({ alg: 'none', typ: 'JWT' })}.${part({ sub: claims.sub, exp: claims.exp })}.`;
}
function openDryRunSession(context) {
    const claims = claimsFromContext(context);
    const standIn = new DryRunSigstore({ san: certificateIdentity(claims), issuer: claims.iss });
    // The same wiring as a real run; only the HTTP, the identity and the trust are the stand-in's.
    return wireSigningSession({
        claims,
        identity: new StaticIdentityProvider(placeholderToken(claims)),
        trust: (0,verify_dist/* toTrustMaterial */.jO)(standIn.trustedRoot()),
        serverUrl: context.serverUrl,
        fulcioUrl: DRY_RUN_FULCIO_URL,
        rekorUrl: DRY_RUN_REKOR_URL,
        http: standIn,
        // The throwaway CA embeds no SCT; there is no CT log to have one from.
        ignoreSct: true
    });
}

// EXTERNAL MODULE: ./src/pipeline/plan.ts
var pipeline_plan = __webpack_require__(75455);
;// CONCATENATED MODULE: ./src/pipeline/plan-files.ts
// Plan for files: subject-path patterns and subject-checksums lines → FileSubject[], every problem found
// before anything is signed. Names are base names, as actions/attest writes file subjects.






/** actions/attest's cap on subjects per attestation; one statement lists every file, so it is ours too. */
const MAX_FILE_SUBJECTS = 1024;
/** A checksums file longer than this cannot hold MAX_FILE_SUBJECTS sane lines (actions/attest: 512 B a line). */
const MAX_CHECKSUMS_BYTES = 512 * MAX_FILE_SUBJECTS;
const GLOB_CHARS = /[*?[\]{}]/;
const missing = (cause) => cause.code === 'ENOENT';
const bad = (input, message, cause) => new pipeline_errors/* PipelineError */.z('SUBJECT_INVALID', input, 'plan', message, cause === undefined ? undefined : { cause });
async function sha256File(path) {
    const hash = (0,external_node_crypto_.createHash)('sha256');
    for await (const chunk of (0,external_node_fs_.createReadStream)(path))
        hash.update(chunk);
    return `sha256:${hash.digest('hex')}`;
}
/** The files one subject-path entry names: a literal path must be a file; a glob must match one. */
async function filesOf(pattern, cwd) {
    if (!GLOB_CHARS.test(pattern)) {
        const path = (0,external_node_path_.resolve)(cwd, pattern);
        const info = await (0,promises_.stat)(path).catch((cause) => {
            throw new pipeline_errors/* PipelineError */.z('SUBJECT_NOT_FOUND', pattern, 'plan', `subject-path: ${missing(cause) ? 'no such file' : `cannot read it (${(0,errors/* errorText */.kc)(cause)})`}; build it before this step, or fix the path`, { cause });
        });
        if (!info.isFile())
            throw bad(pattern, `subject-path: is ${info.isDirectory() ? 'a directory' : 'not a regular file'}; name its files, e.g. ${pattern.replace(/\/+$/, '')}/*`);
        return [path];
    }
    const found = [];
    for await (const match of (0,promises_.glob)(pattern, { cwd })) {
        const path = (0,external_node_path_.isAbsolute)(match) ? match : (0,external_node_path_.resolve)(cwd, match);
        // As actions/attest: a glob's directories are not subjects, only its files.
        if ((await (0,promises_.stat)(path)).isFile())
            found.push(path);
    }
    if (found.length === 0)
        throw new pipeline_errors/* PipelineError */.z('SUBJECT_NOT_FOUND', pattern, 'plan', 
        // An absolute pattern is not looked up under the workspace: naming it there would mislead.
        `subject-path: the pattern matches no file${(0,external_node_path_.isAbsolute)(pattern) ? '' : ` under ${cwd}`} (nothing was signed)`);
    return found.sort();
}
/** One `sha256sum` line: `<64 hex>  name` (text mode) or `<64 hex> *name` (binary mode). */
function parseChecksumLine(line) {
    // sha256sum writes a leading backslash when the name holds a backslash or newline, escaped.
    const escaped = line.startsWith('\\');
    const m = /^([0-9a-fA-F]+) [ *](.+)$/.exec(escaped ? line.slice(1) : line);
    if (!m)
        return 'is not "<sha256 hex>  <file name>" (sha256sum output)';
    const hex = m[1];
    if (hex.length !== 64)
        return hex.length === 128
            ? 'is a sha512 digest; statements and cosign match sha256 only: use sha256sum'
            : `has a ${hex.length}-character digest, not sha256's 64`;
    const name = escaped ? m[2].replace(/\\(\\|n)/g, (_, c) => (c === 'n' ? '\n' : '\\')) : m[2];
    return { name, digest: `sha256:${hex.toLowerCase()}` };
}
/** subject-checksums: read from the file it names when there is one, else taken as the content itself. */
async function checksumSubjects(value, cwd) {
    const firstLine = value.split(/\r?\n/, 1)[0].trim();
    // Content starts the way sha256sum's lines do (hex, a space); anything else on one line is a path.
    const looksLikePath = !/\r?\n/.test(value.trim()) && !/^\\?[0-9a-fA-F]+ [ *]/.test(firstLine);
    let text = value;
    let where = 'subject-checksums';
    if (looksLikePath) {
        const path = (0,external_node_path_.resolve)(cwd, value.trim());
        const info = await (0,promises_.stat)(path).catch((cause) => {
            throw bad(value.trim(), `subject-checksums: neither a file nor sha256sum lines (${missing(cause) ? 'no such file' : (0,errors/* errorText */.kc)(cause)}); ` +
                'give the path of a SHA256SUMS file or its content', cause);
        });
        if (!info.isFile())
            throw bad(value.trim(), 'subject-checksums: is a directory, not a checksums file');
        if (info.size > MAX_CHECKSUMS_BYTES)
            throw bad(value.trim(), `subject-checksums: the file is ${info.size} bytes, over the ${MAX_CHECKSUMS_BYTES}-byte limit (${MAX_FILE_SUBJECTS} subjects)`);
        text = await (0,promises_.readFile)(path, 'utf8');
        where = (0,external_node_path_.relative)(cwd, path) || path;
    }
    else if (Buffer.byteLength(value) > MAX_CHECKSUMS_BYTES)
        throw bad('subject-checksums', `the content is over the ${MAX_CHECKSUMS_BYTES}-byte limit`);
    const out = [];
    text.split(/\r?\n/).forEach((raw, i) => {
        const line = raw.trimEnd();
        if (line.trim() === '')
            return;
        const parsed = parseChecksumLine(line.trimStart());
        if (typeof parsed === 'string')
            throw bad(where, `subject-checksums: line ${i + 1} ${parsed}: ${JSON.stringify(line.slice(0, 120))}`);
        out.push({ source: 'file', input: where, name: parsed.name, digest: parsed.digest, ref: parsed.name });
    });
    if (out.length === 0)
        throw bad(where, 'subject-checksums: holds no checksum line');
    return out;
}
async function planFiles(inputs) {
    const subjects = [];
    for (const pattern of inputs.paths) {
        const files = await filesOf(pattern, inputs.cwd);
        if (subjects.length + files.length > MAX_FILE_SUBJECTS)
            throw tooMany(subjects.length + files.length);
        for (const path of files) {
            const ref = (0,external_node_path_.relative)(inputs.cwd, path).startsWith('..') ? path : (0,external_node_path_.relative)(inputs.cwd, path);
            const digest = await sha256File(path).catch((cause) => {
                throw bad(ref, `subject-path: cannot read it: ${(0,errors/* errorText */.kc)(cause)}`, cause);
            });
            subjects.push({ source: 'file', input: pattern, name: (0,external_node_path_.basename)(path), digest, ref, path });
        }
    }
    if (inputs.checksums !== undefined)
        subjects.push(...(await checksumSubjects(inputs.checksums, inputs.cwd)));
    return distinctNames(subjects);
}
const tooMany = (n) => bad('subject-path and subject-checksums', `${n} files: over the limit of ${MAX_FILE_SUBJECTS} file subjects a run attests (as actions/attest); ` +
    'narrow the patterns, or sign one SHA256SUMS file (as a subject-path) instead of listing every file');
/** One statement names every file by base name: the same name twice must be the same bytes. */
function distinctNames(subjects) {
    const byName = new Map();
    for (const s of subjects) {
        const seen = byName.get(s.name);
        if (!seen)
            byName.set(s.name, s);
        else if (seen.digest !== s.digest)
            throw bad(s.ref, `two different files are named ${JSON.stringify(s.name)} (${seen.ref} ${seen.digest.slice(0, 19)}…, ${s.ref} ${s.digest.slice(0, 19)}…); ` +
                'a statement names files by base name, so rename one or attest them in separate steps');
        else if (!seen.path && s.path)
            byName.set(s.name, s); // a file and its checksums line: keep the file (it can be signed)
    }
    const out = [...byName.values()];
    if (out.length > MAX_FILE_SUBJECTS)
        throw tooMany(out.length);
    return out;
}

;// CONCATENATED MODULE: ./src/pipeline/write-probe.ts
// Proves every subject's repository accepts our writes before anything is signed: a refusal after Rekor has
// logged would leave public entries for attestations that exist nowhere.


const WRITE_PROBE_PHASE = 'Registry: check write access';
/** One probe per repository of the subjects, all at once. */
async function probeWriteAccess(registry, subjects) {
    const byRepository = new Map();
    for (const s of subjects)
        if (!byRepository.has(s.repository.toString()))
            byRepository.set(s.repository.toString(), s);
    await Promise.all([...byRepository].map(async ([repository, subject]) => {
        try {
            await registry.checkPushAccess(subject.repository);
        }
        catch (cause) {
            throw new pipeline_errors/* PipelineError */.z('WRITE_ACCESS_DENIED', subject.ref, WRITE_PROBE_PHASE, `${repository} does not accept writes with the credentials at hand, so nothing was signed or ` +
                `logged: ${(0,errors/* errorText */.kc)(cause)}`, { cause });
        }
    }));
}

;// CONCATENATED MODULE: ./src/publish/errors.ts
// Publishing failures name the artifact and the tag or referrer at fault.

class PublishError extends errors/* CodedError */.AK {
    constructor(code, message, facts) {
        super(code, message, facts);
        this.name = 'PublishError';
    }
}

;// CONCATENATED MODULE: ./src/publish/github-store.ts
// GitHub's attestation store: POST /repos/{owner}/{repo}/attestations so `gh attestation verify` finds bundles.


/** Refusals that mean "not allowed or not available here" rather than "broken": they become warnings. */
const PERMISSION_OR_PLAN = new Set([403, 404, 422]);
class GitHubAttestationStore {
    #opts;
    constructor(opts) {
        this.#opts = opts;
    }
    /** `bundleJson` is the serialized bundle as published; it goes into the request body as is. */
    async store(bundleJson) {
        const api = (this.#opts.apiUrl ?? 'https://api.github.com').replace(/\/$/, '');
        const url = `${api}/repos/${this.#opts.repository}/attestations`;
        const res = await (this.#opts.http ?? (0,src_http/* defaultHttp */.kS)()).request(url, {
            method: 'POST',
            headers: {
                authorization: `Bearer ${this.#opts.token}`,
                accept: 'application/vnd.github+json',
                'x-github-api-version': '2022-11-28',
                'content-type': 'application/json'
            },
            // An SBOM bundle can be 16 MiB: spliced into {"bundle": …} rather than parsed and serialized again.
            body: Buffer.concat([Buffer.from('{"bundle":'), bundleJson, Buffer.from('}')])
        });
        const text = await res.text();
        if (res.status === 201 || res.status === 200) {
            const id = String(JSON.parse(text).id ?? '');
            return { stored: true, id, url: `${api}/repos/${this.#opts.repository}/attestations/${id}` };
        }
        if (PERMISSION_OR_PLAN.has(res.status)) {
            return {
                stored: false,
                status: res.status,
                warning: `GitHub refused the attestation for ${this.#opts.repository} (HTTP ${res.status}: ${text.slice(0, 160)}). ` +
                    'Grant the job ' +
                    '`permissions:\n  attestations: write` (private repositories also need a plan with artifact attestations), ' +
                    'or set github-attestations: false. The registry copies are unaffected'
            };
        }
        throw new PublishError('GITHUB_ATTESTATION_FAILED', `POST ${url} answered HTTP ${res.status}: ${text.slice(0, 200)}`);
    }
}

;// CONCATENATED MODULE: ./src/pipeline/run/context.ts
// The GitHub run as the runner describes it in environment variables, read in one place: run() reads it once
// and passes this typed object down; nothing below reads GITHUB_*, ACTIONS_* or RUNNER_* itself.

/** For private or test Sigstore setups whose OIDC discovery is not served at the issuer URL itself. */
const OIDC_DISCOVERY_ENV = 'OCI_ATTEST_OIDC_DISCOVERY_URL';
const value = (v) => v || undefined;
function readRunContext(env) {
    const tokenUrl = value(env.ACTIONS_ID_TOKEN_REQUEST_URL);
    const tokenBearer = value(env.ACTIONS_ID_TOKEN_REQUEST_TOKEN);
    const context = {
        eventName: value(env.GITHUB_EVENT_NAME),
        serverUrl: githubServerUrl(env.GITHUB_SERVER_URL),
        apiUrl: (env.GITHUB_API_URL || 'https://api.github.com').replace(/\/+$/, ''),
        repository: value(env.GITHUB_REPOSITORY),
        runnerTemp: env.RUNNER_TEMP || env.TMPDIR || '/tmp',
        hasOidcRequest: Boolean(tokenUrl && tokenBearer),
        onRunner: env.GITHUB_ACTIONS === 'true',
        debug: env.RUNNER_DEBUG === '1' || env.ACTIONS_STEP_DEBUG === 'true',
        workflowRun: {
            ref: value(env.GITHUB_REF),
            sha: value(env.GITHUB_SHA),
            workflow: value(env.GITHUB_WORKFLOW),
            workflowRef: value(env.GITHUB_WORKFLOW_REF),
            workflowSha: value(env.GITHUB_WORKFLOW_SHA),
            runId: value(env.GITHUB_RUN_ID),
            runAttempt: value(env.GITHUB_RUN_ATTEMPT),
            repositoryId: value(env.GITHUB_REPOSITORY_ID),
            repositoryOwner: value(env.GITHUB_REPOSITORY_OWNER),
            repositoryOwnerId: value(env.GITHUB_REPOSITORY_OWNER_ID),
            runnerEnvironment: value(env.RUNNER_ENVIRONMENT)
        }
    };
    // Set only when present, so a partial request (URL without bearer) reaches the provider's own message.
    if (tokenUrl || tokenBearer)
        context.oidcRequest = { url: tokenUrl, bearer: tokenBearer };
    const discovery = value(env[OIDC_DISCOVERY_ENV]);
    if (discovery)
        context.oidcDiscoveryUrl = discovery;
    const actor = value(env.GITHUB_ACTOR);
    if (actor)
        context.actor = actor;
    return context;
}
// Pull-request events never sign: fork PRs have no token, and same-repo PRs must not publish unreviewed code.
const PULL_REQUEST_EVENTS = new Set(['pull_request', 'pull_request_target']);
function decideDryRun(setting, context) {
    if (setting === 'true')
        return { dryRun: true, reason: 'dry-run: true' };
    if (setting === 'false')
        return { dryRun: false, reason: 'dry-run: false' };
    if (context.eventName && PULL_REQUEST_EVENTS.has(context.eventName))
        return { dryRun: true, reason: `dry-run: auto, and the event is ${context.eventName}` };
    if (!context.hasOidcRequest)
        return {
            dryRun: true,
            reason: 'dry-run: auto, and the job has no OIDC token (ACTIONS_ID_TOKEN_REQUEST_* unset: fork pull request, or `id-token: write` missing)'
        };
    return { dryRun: false, reason: 'dry-run: auto, with an OIDC token and a non-PR event' };
}

;// CONCATENATED MODULE: ./src/pipeline/run/credentials.ts
// Registry credentials in the order the README promises: inputs, Docker config / helpers, github-token for ghcr.io.

/** Every form a credential can appear in: the secret itself and the base64 `user:password` of Basic auth. */
function secretForms(cred) {
    if ('password' in cred)
        return [cred.password, Buffer.from(`${cred.username}:${cred.password}`).toString('base64')];
    if ('identityToken' in cred)
        return [cred.identityToken];
    return [cred.registryToken];
}
/** Masks each credential the moment it is read (the Docker config and helpers are read lazily). */
function masking(inner, mask) {
    return {
        get: async (registry) => {
            const cred = await inner.get(registry);
            if (cred)
                for (const secret of secretForms(cred))
                    if (secret)
                        mask(secret);
            return cred;
        }
    };
}
function registryCredentials(inputs, 
/** The registries the subjects name: the login inputs are sent to these only. */
hosts, environment, mask = () => undefined) {
    const providers = [];
    if (inputs.registryUsername && inputs.registryPassword) {
        const login = { username: inputs.registryUsername, password: inputs.registryPassword };
        providers.push((0,oci/* staticCredentials */.vU)(Object.fromEntries(hosts.map(h => [h, login]))));
    }
    // The whole environment: DOCKER_CONFIG, and what credential helpers (child processes) inherit.
    providers.push((0,oci/* dockerConfigCredentials */.D)({ env: environment.env }));
    if (inputs.githubToken) {
        // ghcr.io takes any user name with a GITHUB_TOKEN; the actor keeps its audit log readable.
        const username = environment.actor || 'github-actions';
        providers.push((0,oci/* staticCredentials */.vU)({ 'ghcr.io': { username, password: inputs.githubToken } }));
    }
    return masking((0,oci/* chainCredentials */.a)(...providers), mask);
}

;// CONCATENATED MODULE: ./src/pipeline/run/deadline.ts
// The run's overall time limit: one signal every remote call carries, and a promise that settles the run
// at the limit even when the work in flight (a layer scan, a retry wait) would go on.


class RunTimeoutError extends errors/* CodedError */.AK {
    limitMs;
    constructor(limitMs, message) {
        super('RUN_TIMEOUT', message);
        this.limitMs = limitMs;
        this.name = 'RunTimeoutError';
    }
}
function startRunDeadline(limitMs) {
    const controller = new AbortController();
    const error = new RunTimeoutError(limitMs, `the run did not finish within its timeout of ${describeLimit(limitMs)}`);
    let expired = false;
    let fire = () => undefined;
    const passed = new Promise((_, reject) => (fire = reject));
    passed.catch(() => undefined);
    const timer = setTimeout(() => {
        expired = true;
        controller.abort(error);
        fire(error);
    }, limitMs);
    return {
        signal: controller.signal,
        get expired() {
            return expired;
        },
        race: work => Promise.race([work, passed]),
        clear: () => clearTimeout(timer)
    };
}
/** "30 min" for whole minutes, else seconds or milliseconds. */
function describeLimit(ms) {
    return ms >= 60_000 && ms % 60_000 === 0 ? `${ms / 60_000} min` : (0,src_http/* formatMs */._V)(ms);
}

;// CONCATENATED MODULE: ./src/pipeline/run/failure.ts
// Turns a failure into one message naming the subject, the phase and the fix.





/** The codes of a cause chain, ours and third parties' alike (sigstore-js's TUF_*, Node's E*). */
const codesOf = (err) => (0,errors/* errorChain */.eB)(err).map(e => {
    const code = e.code;
    return typeof code === 'string' ? code : undefined;
});
/** The registry's answers; the first of them in a chain decides (a 404 is a wrong reference: no fix). */
const REGISTRY_ANSWERS = new Set([
    'REGISTRY_NOT_FOUND',
    'REGISTRY_UNAUTHORIZED',
    'REGISTRY_DENIED',
    'REGISTRY_ERROR',
    'REGISTRY_CONFLICT',
    'AUTH_FAILED'
]);
/** The tags this tool writes: cosign's `sha256-<hex>.sig`/`.att` and the referrers fallback `sha256-<hex>`. */
const DIGEST_TAG = /^sha256-[0-9a-f]{64}(\.sig|\.att)?$/;
const WRITE_ACCESS_FIX = 'the registry refused a write. Grant the job `permissions:\n  packages: write` (ghcr.io with github-token), or ' +
    'log in as an account that can push (docker/login-action, or registry-username/registry-password); ' +
    'to only sign and log without pushing, set push-to-registry: false';
const IMMUTABLE_FIX = 'the registry refused to write a sha256-<hex> tag, which happens when tags are immutable. Exempt tags ' +
    'matching `sha256-*` from the immutability rule (ECR exclusion filter, Harbor/Artifactory rule), or set ' +
    'formats: referrers on a registry with the OCI referrers API';
/** A fix for what the cause chain shows, or undefined when the message already says it. */
function fixFor(err) {
    const codes = codesOf(err);
    const coded = (0,errors/* codedChain */.TT)(err);
    if (codes.includes('MISSING_ID_TOKEN_PERMISSION') || codes.includes('INVALID_INPUT'))
        return undefined;
    if (codes.some(c => c?.startsWith('TUF_')))
        return ("public good's trusted root and signing config are fetched from tuf-repo-cdn.sigstore.dev: allow that host, " +
            'or for a private Sigstore instance set trusted-root and signing-config (a file) or fulcio-url and rekor-url');
    if (coded.some(e => e instanceof error/* SigstoreError */.F && e.code === 'VERIFICATION_FAILED' && e.check === 'sct'))
        return ('the certificate carries no SCT that the trusted root accepts. Give the trusted_root.json that lists ' +
            "your Fulcio's CT log; for a private Fulcio without a CT log set insecure-ignore-sct: true (its " +
            'consumers then verify with cosign verify --insecure-ignore-sct)');
    if (codes.includes('WRITE_ACCESS_DENIED') && codes.some(c => c?.startsWith('HTTP_')))
        return 'the registry could not be reached for a write: check its host name, the network and any proxy (HTTPS_PROXY, NO_PROXY)';
    if (codes.includes('GITHUB_ATTESTATION_REFUSED'))
        return 'grant the job `permissions:\n  attestations: write`, or set github-attestations: auto or false';
    const registry = coded.find(e => e instanceof oci_errors/* RegistryError */.gl && REGISTRY_ANSWERS.has(e.code));
    if (!registry || registry.code === 'REGISTRY_NOT_FOUND')
        return undefined;
    const write = codes.includes('WRITE_ACCESS_DENIED') || (0,errors/* isWriteOperation */.X1)(registry.operation);
    const tag = registry.tag !== undefined && DIGEST_TAG.test(registry.tag) ? registry.tag : undefined;
    if (tag && registry.status !== undefined && [400, 409, 412].includes(registry.status))
        return `${IMMUTABLE_FIX} (tag ${tag})`;
    if (registry.code === 'REGISTRY_UNAUTHORIZED' ||
        registry.code === 'REGISTRY_DENIED' ||
        registry.code === 'AUTH_FAILED')
        return write
            ? WRITE_ACCESS_FIX
            : 'check the registry credentials (registry-username/registry-password, docker login)';
    if (write && registry.status !== undefined && registry.status >= 400 && registry.status < 500)
        return `${WRITE_ACCESS_FIX}; if tags are immutable: ${IMMUTABLE_FIX}`;
    return undefined;
}
function failureMessage(err, phase, inputLabel) {
    const subject = err instanceof errors/* CodedError */.AK ? err.subject : undefined;
    const where = subject ? `${subject} [${err instanceof pipeline_errors/* PipelineError */.z ? err.phase : phase}]` : `[${phase}]`;
    const text = inputLabel && err instanceof InputError && err.input && err.problem
        ? `${inputLabel(err.input)}: ${err.problem}`
        : (0,errors/* errorText */.kc)(err);
    const message = subject && text.startsWith(subject) ? text : `${where}: ${text}`;
    const fix = fixFor(err);
    const code = codesOf(err).find(c => c !== undefined);
    return `${message}${fix ? `\nFix: ${fix}` : ''}${code ? ` (${code})` : ''}`;
}

;// CONCATENATED MODULE: ./src/pipeline/attest-files.ts
// File subjects: one statement per predicate listing every file (as actions/attest), a `sign-blob` signature
// per file whose bytes the plan read, each verified before its bundle is written; nothing goes to a registry.








/** The kind of a file's own signature in outputs: cosign sign-blob's message-signature bundle. */
const BLOB_SIGNATURE_KIND = 'signature-blob';
/** Files signed at once: each is held in memory while it is signed. */
const SIGN_CONCURRENCY = 4;
const attest_files_fail = (ref, step, cause) => {
    throw new pipeline_errors/* PipelineError */.z('SUBJECT_FAILED', ref, 'attest', (0,errors/* errorText */.kc)(cause), { cause, step });
};
const toStatementSubject = (f) => ({
    name: f.name,
    digest: { sha256: f.digest.slice('sha256:'.length) }
});
async function inBatches(items, size, task) {
    const out = new Array(items.length);
    let next = 0;
    const worker = async () => {
        while (next < items.length) {
            const i = next++;
            out[i] = await task(items[i]);
        }
    };
    await Promise.all(Array.from({ length: Math.min(size, items.length) }, worker));
    return out;
}
async function attestFiles(o, c) {
    const { session } = c;
    const subjects = o.files.map(toStatementSubject);
    const planned = [];
    for (const version of o.provenance) {
        const { predicateType, predicate } = provenancePredicate(version, session.claims, session.serverUrl);
        planned.push({ kind: `provenance-${version}`, predicateType, predicate });
    }
    if (o.sbom)
        planned.push({
            kind: `sbom-${o.sbom.kind}`,
            predicateType: o.sbom.predicateType,
            predicate: o.sbom.predicate
        });
    if (o.custom)
        planned.push({ kind: CUSTOM_KIND, predicateType: o.custom.predicateType, predicate: o.custom.predicate });
    const runRef = `${o.files.length} file(s)`;
    const identity = session.identity;
    const statementDir = (0,external_node_path_.join)(o.bundleDir, 'statements');
    await (0,promises_.mkdir)(statementDir, { recursive: true });
    const warnings = [];
    const statements = await Promise.all(planned.map(async (p) => {
        const bytes = serializeStatement(buildStatement(subjects, p.predicateType, p.predicate));
        const signed = await session.signer.signStatement(bytes).catch(e => attest_files_fail(runRef, 'sign', e));
        if (o.verifyBeforeWrite) {
            try {
                session.verifier.verify(`${runRef} ${p.kind}`, signed.bundle, identity);
            }
            catch (cause) {
                attest_files_fail(runRef, 'verify', cause);
            }
        }
        const bundlePath = (0,external_node_path_.join)(statementDir, `${p.kind}.sigstore.json`);
        await (0,promises_.writeFile)(bundlePath, signed.bundleJson).catch(e => attest_files_fail(runRef, 'publish', e));
        const stored = await c.githubStore?.store(signed.bundleJson);
        const item = {
            kind: p.kind,
            predicateType: p.predicateType,
            rekorLogIndex: signed.tlogEntry.logIndex,
            bundlePath
        };
        if (stored?.stored)
            item.githubAttestationUrl = stored.url;
        else if (stored && !warnings.includes(stored.warning))
            warnings.push(stored.warning);
        return item;
    }));
    const readable = o.files.filter((f) => f.path !== undefined);
    const signatures = await inBatches(readable, SIGN_CONCURRENCY, async (subject) => {
        const bytes = await (0,promises_.readFile)(subject.path).catch(e => attest_files_fail(subject.ref, 'sign', e));
        const signed = await session.signer.signPayload(bytes).catch(e => attest_files_fail(subject.ref, 'sign', e));
        if (o.verifyBeforeWrite) {
            try {
                // The bytes signed are the bytes the plan hashed: a file changed since then fails here, not later.
                const digest = Buffer.from(subject.digest.slice('sha256:'.length), 'hex');
                if (!messageDigest(signed.bundle).equals(digest))
                    throw new Error(`${subject.ref} changed after it was hashed (its digest was ${subject.digest})`);
                session.verifier.verify(`${subject.ref} signature`, signed.bundle, identity, bytes);
            }
            catch (cause) {
                attest_files_fail(subject.ref, 'verify', cause);
            }
        }
        const bundlePath = (0,external_node_path_.join)(o.bundleDir, `${subject.name}.sigstore.json`);
        await (0,promises_.writeFile)(bundlePath, JSON.stringify((0,bundle_dist.bundleToJSON)(signed.bundle))).catch(e => attest_files_fail(subject.ref, 'publish', e));
        const item = {
            kind: BLOB_SIGNATURE_KIND,
            rekorLogIndex: signed.tlogEntry.logIndex,
            bundlePath
        };
        return { subject, item };
    });
    return { files: o.files, statements, signatures, warnings };
}
function messageDigest(bundle) {
    const content = bundle.content;
    if (content.$case !== 'messageSignature' || !content.messageSignature.messageDigest)
        throw new Error('the signature bundle carries no message digest');
    return Buffer.from(content.messageSignature.messageDigest.digest);
}

;// CONCATENATED MODULE: ./src/pipeline/run/files-step.ts
// The run's file subjects: statements and sign-blob bundles written under the runner's temp folder.


async function fileStep(plan, inputs, o) {
    if (!plan.files.length)
        return undefined;
    return o.phases.run(`Sign files (${plan.files.length}), write bundles`, async () => {
        const r = await attestFiles({
            files: plan.files,
            provenance: inputs.provenance,
            ...(o.sbom ? { sbom: o.sbom } : {}),
            ...(inputs.customPredicate ? { custom: inputs.customPredicate } : {}),
            bundleDir: (0,external_node_path_.join)(o.runnerTemp, o.dryRun ? 'oci-attest-dry-run-files' : 'oci-attest-files'),
            // A dry run's self-signed key is trusted by nothing, so its bundles are not verified (as for images).
            verifyBeforeWrite: !o.dryRun
        }, { session: o.session, ...(o.githubStore ? { githubStore: o.githubStore } : {}) });
        for (const s of r.signatures)
            o.ui.info(`${s.subject.ref}: signature ${s.item.bundlePath}`);
        for (const s of r.statements)
            o.ui.info(`${r.files.length} file(s): ${s.kind} ${s.bundlePath}`);
        return r;
    });
}

;// CONCATENATED MODULE: ./src/pipeline/run/phases.ts
class Phases {
    current = 'inputs';
    timings = [];
    #ui;
    constructor(ui) {
        this.#ui = ui;
    }
    async run(name, work) {
        this.current = name;
        const started = Date.now();
        return this.#ui.group(name, async () => {
            try {
                return await work();
            }
            finally {
                const ms = Date.now() - started;
                this.timings.push({ name, ms });
                this.#ui.info(`${name}: ${(ms / 1000).toFixed(1)} s`);
            }
        });
    }
}

// EXTERNAL MODULE: ./src/sbom/index.ts + 99 modules
var sbom = __webpack_require__(81325);
;// CONCATENATED MODULE: ./src/subject/subject.ts
/** The name an in-toto statement gives the subject (cosign's `registry/repository`; a file's base name). */
const statementName = (s) => (s.source === 'file' ? s.name : s.repository.toString());
/** Only container images have layers an SBOM can be read from. */
const sbomEligible = (s) => s.source === 'registry' && s.kind === 'image';
const registrySubjects = (subjects) => subjects.filter((s) => s.source === 'registry');
const fileSubjects = (subjects) => subjects.filter((s) => s.source === 'file');

;// CONCATENATED MODULE: ./src/pipeline/run/sbom-step.ts
// SBOMs for the plan: generated per container image from its layers, per Helm chart from the images it deploys
// (an index's is composed from its images'), a given file for every subject, or none. Files land under the runner's temp folder; their paths become the sbom-paths output.








/** A given file is read and checked before anything is signed, so a bad path fails first. */
const FORMAT_KIND = {
    'cyclonedx-json': 'cyclonedx',
    'spdx-json': 'spdx'
};
const KIND_FORMAT = { cyclonedx: 'cyclonedx-json', spdx: 'spdx-json' };
/** The given SBOM file, its format read from its content; a set sbom-format it contradicts is an error. */
async function loadSbomFile(inputs) {
    if (inputs.sbom.kind !== 'file')
        return undefined;
    const predicate = await sbomPredicateFromFile(inputs.sbom.path);
    if (inputs.sbomFormatGiven && inputs.sbomFormat && FORMAT_KIND[inputs.sbomFormat] !== predicate.kind)
        throw new InputError('sbom-format', `is ${inputs.sbomFormat}, but ${inputs.sbom.path} is ${KIND_FORMAT[predicate.kind]} by its content ` +
            `(attested as ${predicate.predicateType}); set sbom-format: ${KIND_FORMAT[predicate.kind]}, leave it unset ` +
            `(a file's format is read from its content), or give a ${inputs.sbomFormat} file`);
    return predicate;
}
async function prepareSboms(plan, inputs, given, 
/** The run's client: its tokens and connections are the ones the plan just used. */
registry, dir, ui) {
    const out = { bySubject: new Map(), paths: {}, packages: {} };
    if (given) {
        for (const s of plan.subjects) {
            out.bySubject.set(s.ref, given);
            if (given.path)
                out.paths[s.digest] = given.path;
        }
        return out;
    }
    if (inputs.sbom.kind !== 'generate')
        return out;
    await (0,promises_.mkdir)(dir, { recursive: true });
    const extension = inputs.sbomFormat === 'spdx-json' ? 'spdx.json' : 'cdx.json';
    const fileFor = (ref) => (0,external_node_path_.join)(dir, `${ref.replace(/[^A-Za-z0-9._@-]+/g, '_').replace(/:/g, '-')}.${extension}`);
    const byIndex = new Map();
    // One image at a time: layer scans are I/O and memory heavy, and runners have few cores.
    for (const s of plan.subjects) {
        const ref = s.ref;
        if (s.kind === 'index')
            continue; // composed below from its platform images' SBOMs
        if (s.kind === 'chart') {
            await chartSbom(s, inputs.sbomFormat, registry, fileFor(ref), out, ui);
            continue;
        }
        if (!sbomEligible(s)) {
            ui.info(`${ref} (${s.kind}): no SBOM generated, not a container image or Helm chart`);
            continue;
        }
        const started = Date.now();
        let lastReport = 0;
        try {
            const result = await (0,sbom/* generateSbom */.N3)({
                // The manifest the plan read: the SBOM starts from it instead of fetching it again.
                source: { repository: s.repository, manifest: s.manifest },
                format: inputs.sbomFormat,
                registry,
                onProgress: p => {
                    if (Date.now() - lastReport < 2000 && p.layersDone < p.layersTotal)
                        return;
                    lastReport = Date.now();
                    ui.info(`  ${ref}: layers ${p.layersDone}/${p.layersTotal}, ${(p.bytesRead / 1048576).toFixed(1)} MiB read`);
                },
                onWarning: m => ui.warning(`${ref}: ${m}`)
            });
            assertSbomSize(Buffer.byteLength(result.serialized), DEFAULT_SBOM_LIMIT, `the SBOM generated for ${ref}`);
            const path = fileFor(ref);
            if (s.index && s.platform) {
                const index = `${s.repository}@${s.index}`;
                byIndex.set(index, [
                    ...(byIndex.get(index) ?? []),
                    { platform: s.platform, digest: s.digest, document: result.document }
                ]);
            }
            await (0,promises_.writeFile)(path, result.serialized + '\n');
            out.bySubject.set(ref, { ...sbomPredicate(result.document, `the SBOM generated for ${ref}`), path });
            out.paths[s.digest] = path;
            out.packages[s.digest] = result.packages.length;
            ui.info(`${ref}${s.platform ? ` (${s.platform})` : ''}: ${result.packages.length} packages, ${((Date.now() - started) / 1000).toFixed(1)} s → ${path}`);
        }
        catch (cause) {
            throw new pipeline_errors/* PipelineError */.z('SUBJECT_FAILED', ref, 'sbom', `${(0,errors/* errorText */.kc)(cause)}; give an SBOM file in the sbom input, or sbom: none`, { cause });
        }
    }
    for (const s of plan.subjects.filter(x => x.kind === 'index')) {
        const ref = s.ref;
        const platforms = byIndex.get(ref);
        if (!platforms?.length) {
            ui.info(`${ref} (index): no SBOM, its platform images are not attested in this run (platforms: index)`);
            continue;
        }
        const { document, packageCount } = (0,sbom/* composeIndexSbom */.K8)({
            repository: s.repository.toString(),
            digest: s.digest,
            format: inputs.sbomFormat,
            platforms
        });
        const serialized = JSON.stringify(document, null, 2);
        assertSbomSize(Buffer.byteLength(serialized), DEFAULT_SBOM_LIMIT, `the SBOM composed for ${ref}`);
        const path = fileFor(ref);
        await (0,promises_.writeFile)(path, serialized + '\n');
        out.bySubject.set(ref, { ...sbomPredicate(document, `the SBOM composed for ${ref}`), path });
        out.paths[s.digest] = path;
        out.packages[s.digest] = packageCount;
        ui.info(`${ref} (index): ${packageCount} packages of ${platforms.map(p => p.platform).join(', ')} → ${path}`);
    }
    return out;
}
/** A chart's SBOM: the chart, its subcharts and the images it deploys, digests asked of their registries. */
async function chartSbom(s, format, registry, path, out, ui) {
    const started = Date.now();
    try {
        const result = await (0,sbom/* generateChartSbom */.ZN)({
            repository: s.repository,
            manifest: s.manifest,
            format,
            registry,
            onWarning: m => ui.warning(`${s.ref}: ${m}`)
        });
        assertSbomSize(Buffer.byteLength(result.serialized), DEFAULT_SBOM_LIMIT, `the SBOM generated for ${s.ref}`);
        await (0,promises_.writeFile)(path, result.serialized + '\n');
        out.bySubject.set(s.ref, { ...sbomPredicate(result.document, `the SBOM generated for ${s.ref}`), path });
        out.paths[s.digest] = path;
        out.packages[s.digest] = result.images.length;
        const unresolved = result.images.filter(i => i.unresolved);
        ui.info(`${s.ref} (chart): ${result.images.length} images (${result.defaultImages} deployed by default, ` +
            `${result.images.filter(i => i.digest).length} with digests), ${((Date.now() - started) / 1000).toFixed(1)} s → ${path}`);
        for (const i of unresolved)
            ui.info(`  ${i.ref.toString()}: no digest (${i.unresolved})`);
    }
    catch (cause) {
        throw new pipeline_errors/* PipelineError */.z('SUBJECT_FAILED', s.ref, 'sbom', `${(0,errors/* errorText */.kc)(cause)}; give an SBOM file in the sbom input, or sbom: none`, { cause });
    }
}

;// CONCATENATED MODULE: ./src/attest/openvex-bind.ts
// One OpenVEX document bound to the image it is attested on: every statement's products must identify that image.



/** Where generated document IRIs live, as go-vex names documents it writes. */
const PUBLIC_NAMESPACE = 'https://openvex.dev/docs/public';
function parsePurl(text) {
    const m = /^pkg:\/*([A-Za-z.+-][A-Za-z0-9.+-]*)\/([^?#]+)(?:\?([^#]*))?(?:#.*)?$/.exec(text);
    if (!m)
        return undefined;
    try {
        const path = m[2].replace(/\/+$/, '').split('/');
        const last = path[path.length - 1];
        const at = last.indexOf('@');
        const qualifiers = {};
        for (const pair of (m[3] ?? '').split('&').filter(Boolean)) {
            const eq = pair.indexOf('=');
            if (eq > 0)
                qualifiers[pair.slice(0, eq).toLowerCase()] = decodeURIComponent(pair.slice(eq + 1));
        }
        return {
            type: m[1].toLowerCase(),
            name: decodeURIComponent(at < 0 ? last : last.slice(0, at)),
            version: at < 0 ? '' : decodeURIComponent(last.slice(at + 1)),
            qualifiers
        };
    }
    catch {
        return undefined;
    }
}
/** Docker Hub answers to several names; purls written by different tools use different ones. */
const canonicalRepository = (r) => r
    .toLowerCase()
    .replace(/\/+$/, '')
    .replace(/^(index\.docker\.io|registry-1\.docker\.io)\//, 'docker.io/');
function matchPurl(text, t) {
    const p = parsePurl(text);
    if (!p)
        return { is: 'other', why: 'is not a package URL this tool can read' };
    if (p.type !== 'oci')
        return {
            is: 'other',
            why: `is a ${p.type} package, not an OCI image (packages of the image go under the product's subcomponents)`
        };
    const name = t.repository.split('/').pop().toLowerCase();
    if (p.name.toLowerCase() !== name)
        return { is: 'other', why: `names image "${p.name}", not "${name}"` };
    const repo = p.qualifiers.repository_url;
    if (repo !== undefined && canonicalRepository(repo) !== canonicalRepository(t.repository))
        return { is: 'other', why: `is in repository ${repo}, not ${t.repository}` };
    if (p.version === t.digest)
        return { is: 'this' };
    if (t.index !== undefined && p.version === t.index)
        return { is: 'index' };
    if (/^sha(256|384|512):/.test(p.version))
        return { is: 'other', why: `is digest ${p.version}, another image than ${t.digest}` };
    // No version (perhaps a tag qualifier) or a tag written as the version: the image by tag, pinned now.
    return { is: 'tag' };
}
function matchHash(hex, t) {
    if (`sha256:${hex}` === t.digest)
        return { is: 'this' };
    if (t.index !== undefined && `sha256:${hex}` === t.index)
        return { is: 'index' };
    return { is: 'other', why: `is the sha-256 of another artifact than ${t.digest}` };
}
/** Every identifier of one product, with its JSON path; a product with none that names an image is another product. */
function matchProduct(product, at, t) {
    const found = [];
    const id = product['@id'];
    if (typeof id === 'string' && id.startsWith('pkg:'))
        found.push([jsonPath(at, '@id'), id, matchPurl(id, t)]);
    const identifiers = product.identifiers;
    if (identifiers?.purl !== undefined)
        found.push([
            jsonPath(jsonPath(at, 'identifiers'), 'purl'),
            identifiers.purl,
            matchPurl(identifiers.purl, t)
        ]);
    const hashes = product.hashes;
    if (hashes?.['sha-256'] !== undefined)
        found.push([
            jsonPath(jsonPath(at, 'hashes'), 'sha-256'),
            hashes['sha-256'],
            matchHash(hashes['sha-256'], t)
        ]);
    if (found.length === 0)
        found.push([
            typeof id === 'string' ? jsonPath(at, '@id') : at,
            typeof id === 'string' ? id : JSON.stringify(product),
            { is: 'other', why: 'identifies no image (neither a pkg:oci purl nor a sha-256 hash)' }
        ]);
    return found;
}
/**
 * The document as attested on `t`: statements without products get the image's purl, products naming the image
 * by tag are pinned to its digest, and a product naming anything else refuses the document. A changed document
 * gets a new `@id`, `version` + 1 and `last_updated` (the spec: a version per content change).
 */
function bindOpenVex(doc, t, now) {
    const given = doc.document;
    const stamp = now.toISOString();
    const rebound = given.statements.map((s, i) => {
        const at = jsonPath(jsonPath('$', 'statements'), i);
        const products = s.products ?? [];
        const out = [];
        let pinned = false;
        let coversThis = false;
        products.forEach((product, j) => {
            const pat = jsonPath(jsonPath(at, 'products'), j);
            const matches = matchProduct(product, pat, t);
            for (const [path, value, m] of matches)
                if (m.is === 'other')
                    throw new OpenVexError('VEX_OTHER_PRODUCT', doc.file, path, `${value} ${m.why}; this document is attested on ${t.ref} (${t.purl}): its products must name that image ` +
                        '(or leave products out and oci-attest names it)', { subject: t.ref });
            if (matches.some(([, , m]) => m.is === 'tag')) {
                pinned = true;
                coversThis = true;
                const identifiers = product.identifiers;
                out.push({
                    ...product,
                    '@id': t.purl,
                    ...(identifiers?.purl !== undefined ? { identifiers: { ...identifiers, purl: t.purl } } : {})
                });
            }
            else {
                if (matches.some(([, , m]) => m.is === 'this'))
                    coversThis = true;
                out.push(product);
            }
        });
        // Products naming only the index cover its images; the image itself is named too so its own purl matches.
        if (!coversThis)
            out.push({ '@id': t.purl });
        if (!pinned && coversThis)
            return { statement: s, changed: false };
        const unique = [...new Map(out.map(p => [JSON.stringify(p), p])).values()];
        return { statement: { ...s, products: unique }, changed: true };
    });
    if (!rebound.some(r => r.changed))
        return { file: doc.file, predicate: given, changed: false };
    const version = given.version + 1;
    // Derived from what was given and what it became (not the time), so a rerun on the same image gets the same IRI.
    const hash = (0,external_node_crypto_.createHash)('sha256')
        .update(JSON.stringify({ from: given['@id'], version, statements: rebound.map(r => r.statement) }))
        .digest('hex');
    const statements = rebound.map(r => (r.changed ? { ...r.statement, last_updated: stamp } : r.statement));
    return {
        file: doc.file,
        predicate: {
            ...given,
            '@id': `${PUBLIC_NAMESPACE}/vex-${hash}`,
            version,
            last_updated: stamp,
            statements
        },
        changed: true
    };
}

;// CONCATENATED MODULE: ./src/pipeline/vex-binding.ts
// OpenVEX documents bound to every subject once, right after the plan: a document about another image refuses
// the run before any token, certificate or log entry exists.


/** The subject as binding sees it: its purl written the way the SBOM names it (and vexctl and Trivy do). */
function vexTarget(subject) {
    const repository = subject.repository.toString();
    return {
        ref: subject.ref,
        purl: (0,sbom/* ociPurl */.Vf)(repository, subject.digest),
        repository,
        digest: subject.digest,
        ...(subject.index ? { index: subject.index } : {})
    };
}
/** VEX statements are about container images: an index and its platform images, never a chart or artifact. */
const vexEligible = (subject) => subject.kind === 'image' || subject.kind === 'index';
/** subject ref → its bound documents, in input order; throws the first document that names another image. */
function bindVexDocuments(documents, subjects, now) {
    const bound = new Map();
    if (documents.length === 0)
        return bound;
    for (const subject of subjects.filter(vexEligible)) {
        const target = vexTarget(subject);
        bound.set(subject.ref, documents.map(d => bindOpenVex(d, target, now)));
    }
    return bound;
}

;// CONCATENATED MODULE: ./src/pipeline/run/vex-step.ts
// The run's OpenVEX step: the documents the vex input read, bound to each planned subject before any signing.



/** Every document bound to every image subject (no network): a document about another image is the vex input's fault. */
function bindVex(inputs, plan, ui, now = new Date()) {
    if (inputs.vex.length > 0) {
        const others = plan.subjects.filter(s => !vexEligible(s));
        for (const s of others)
            ui.info(`OpenVEX: not attested on ${s.ref} (a ${s.kind}; VEX documents are about images)`);
        if (others.length === plan.subjects.length)
            ui.warning('input "vex": no container image among the subjects, so no OpenVEX document is attested');
    }
    try {
        const bound = bindVexDocuments(inputs.vex, plan.subjects, now);
        for (const [ref, documents] of bound)
            for (const d of documents)
                ui.info(`OpenVEX ${d.file} → ${ref}${d.changed ? ` (products bound to the image: version ${String(d.predicate.version)}, new @id)` : ''}`);
        return bound;
    }
    catch (err) {
        if (err instanceof OpenVexError)
            throw new InputError('vex', err.message);
        throw err;
    }
}

;// CONCATENATED MODULE: ./src/pipeline/run/write-log.ts

const write_log_name = (ref) => (typeof ref === 'string' ? ref : ref.toString());
const repoOf = (ref) => (typeof ref === 'string' ? (0,reference/* parseReference */.F2)(ref) : ref).repoString();
class WriteLog {
    #inner;
    /** Manifests written (tags and referrers) and fallback-index entries added, as readable lines. */
    written = [];
    /** Repositories that received at least one manifest. */
    repositories = new Set();
    constructor(inner) {
        this.#inner = inner;
    }
    getManifest(ref, opts) {
        return this.#inner.getManifest(ref, opts);
    }
    headManifest(ref) {
        return this.#inner.headManifest(ref);
    }
    async putManifest(ref, bytes, mediaType) {
        const result = await this.#inner.putManifest(ref, bytes, mediaType);
        this.written.push(write_log_name(ref));
        this.repositories.add(repoOf(ref));
        return result;
    }
    readBlob(repo, digest, size) {
        return this.#inner.readBlob(repo, digest, size);
    }
    uploadBlob(repo, data, digest, size, opts) {
        return this.#inner.uploadBlob(repo, data, digest, size, opts);
    }
    supportsReferrersApi(repo) {
        return this.#inner.supportsReferrersApi(repo);
    }
    listReferrers(repo, digest, artifactType) {
        return this.#inner.listReferrers(repo, digest, artifactType);
    }
    async addReferrerToFallbackIndex(repo, subjectDigest, descriptor) {
        const result = await this.#inner.addReferrerToFallbackIndex(repo, subjectDigest, descriptor);
        this.written.push(`${repo.repoString()} fallback index entry ${descriptor.digest} for ${subjectDigest}`);
        this.repositories.add(repo.repoString());
        return result;
    }
}

;// CONCATENATED MODULE: ./src/pipeline/run/action-error.ts
// Failures the run itself decides on (not a domain module's): a refused GitHub store, a failed dry-run check.

class ActionError extends errors/* CodedError */.AK {
    constructor(code, message) {
        super(code, message);
        this.name = 'ActionError';
    }
}

;// CONCATENATED MODULE: ./src/pipeline/dry-run-report.ts
// What a dry run would have pushed, where, with media types and sizes; and the verification a real run would do.




/** Registries commonly refuse manifests over 4 MiB (distribution's default limit). */
const MANIFEST_LIMIT = 4 * 1024 * 1024;
function describeWrites(recorded) {
    const out = [];
    for (const m of recorded.manifests) {
        const layers = (m.json.layers ?? []).map(l => `${l.mediaType} ${l.size} B${l.annotations?.predicateType ? ` ${l.annotations.predicateType}` : ''}`);
        if (m.tag) {
            const kind = m.tag.endsWith('.sig')
                ? 'cosign signature tag'
                : m.tag.endsWith('.att')
                    ? 'cosign attestation tag'
                    : 'tag';
            out.push({
                target: `${m.repository}:${m.tag}`,
                what: `${kind}, ${layers.length} layer(s)`,
                mediaType: m.mediaType,
                size: m.size,
                contents: layers
            });
        }
        else {
            const predicate = m.json.annotations?.['dev.sigstore.bundle.predicateType'] ?? '';
            out.push({
                target: `${m.repository}@${m.digest}`,
                what: `referrer of ${m.json.subject?.digest ?? '?'}${predicate ? ` (${predicate})` : ''}`,
                mediaType: `${m.mediaType}${m.json.artifactType ? `, artifactType ${m.json.artifactType}` : ''}`,
                size: m.size,
                contents: layers
            });
        }
    }
    for (const u of recorded.fallbackUpdates) {
        out.push({
            target: `${u.repository}:${u.tag}`,
            what: 'referrers fallback index (registry has no referrers API): add one descriptor',
            mediaType: 'application/vnd.oci.image.index.v1+json',
            size: JSON.stringify(u.descriptor).length,
            contents: [`${u.descriptor.mediaType} ${u.descriptor.digest} ${u.descriptor.size} B`]
        });
    }
    return out;
}
/**
 * What a real run's self-verification would check, against the dry run's own CA and log: what would be pushed,
 * read back as consumers read it, and each bundle file, verified by the one verifier (signature, chain, log
 * entry, identity, subject digest and name, statements as stock verifiers parse them); manifests fit registry
 * limits. Returns problems; empty means every check passed.
 */
async function checkDryRun(report, recorded, verifier) {
    const problems = [];
    const registry = recorded.recordedOnly();
    for (const { subject, items } of report.subjects) {
        const pushed = items.filter(i => i.referrer || i.legacy);
        const target = { repo: subject.repository, digest: subject.digest };
        if (pushed.length)
            for (const p of (await verifier.verifySubject(registry, target, { items: pushed })).problems)
                problems.push(p.message);
        for (const item of items) {
            if (!item.bundlePath)
                continue;
            const what = `${subject.ref} ${item.kind}`;
            try {
                const bundle = (0,bundle_dist.bundleFromJSON)(JSON.parse(await (0,promises_.readFile)(item.bundlePath, 'utf8')));
                verifier.verifyItem(what, { bundle }, target, item.predicateType);
            }
            catch (err) {
                problems.push(err instanceof error/* SigstoreError */.F ? err.message : `${what}: ${(0,errors/* errorText */.kc)(err)}`);
            }
        }
    }
    for (const m of recorded.manifests)
        if (m.size > MANIFEST_LIMIT)
            problems.push(`${m.repository}${m.tag ? `:${m.tag}` : `@${m.digest}`}: manifest of ${m.size} B exceeds ${MANIFEST_LIMIT} B`);
    return problems;
}

;// CONCATENATED MODULE: ./src/pipeline/run/not-pushed-step.ts
// Runs that push nothing (dry run, push-to-registry: false): what would have been pushed, and for a dry run
// the verification a real run would do, against the stand-in trust.


function reportNotPushed(phases, ui, o) {
    const { recording, report, session, dryRun } = o;
    return phases.run(dryRun ? 'DRY RUN: checks and what would be pushed' : 'Not pushed (push-to-registry: false)', async () => {
        const writes = describeWrites(recording);
        for (const w of writes) {
            ui.info(`${dryRun ? 'DRY RUN would push' : 'not pushed'}: ${w.target} — ${w.what}, ${w.mediaType}, ${w.size} B`);
            for (const c of w.contents)
                ui.info(`    ${c}`);
        }
        const problems = dryRun ? await checkDryRun(report, recording, session.published) : [];
        if (problems.length)
            throw new ActionError('DRY_RUN_CHECK_FAILED', `a real run would fail: ${problems.join('; ')}`);
        if (dryRun)
            ui.info(`DRY RUN checks passed: bundles parse, DSSE signatures verify, subjects match, manifests fit`);
        return writes;
    });
}

;// CONCATENATED MODULE: ./src/pipeline/run/outputs.ts
// The action's outputs (stable names, see action.yml) and actions/attest's created_attestation_paths.txt.


const PUBLIC_REKOR = 'https://rekor.sigstore.dev';
const KIND_ORDER = ['signature-legacy', 'signature', 'provenance-v1', 'provenance-v0.2'];
/** Items finish signing in any order; reports list them in one fixed order so runs compare line by line. */
function ordered(items) {
    const rank = (k) => (KIND_ORDER.includes(k) ? KIND_ORDER.indexOf(k) : KIND_ORDER.length);
    return [...items].sort((a, b) => rank(a.kind) - rank(b.kind) || a.kind.localeCompare(b.kind));
}
/** A Rekor v2 log is read as tiles and has no lookup by index: its link is the log, the proof is in the bundle. */
function rekorEntryUrl(rekorUrl, logIndex, apiVersion = 1) {
    const base = rekorUrl.replace(/\/+$/, '');
    if (apiVersion >= 2)
        return base;
    if (base === PUBLIC_REKOR)
        return `https://search.sigstore.dev/?logIndex=${logIndex}`;
    return `${base}/api/v1/log/entries?logIndex=${logIndex}`;
}
/** How entries of this run are linked: by the log the services chose (v1 unless a signing config chose v2). */
function entryLink(rekorUrl, services) {
    const apiVersion = services?.rekor[0]?.majorApiVersion ?? 1;
    return logIndex => rekorEntryUrl(rekorUrl, logIndex, apiVersion);
}
function attestationsOf(report, { link, dryRun }) {
    return report.subjects.flatMap(({ subject, items }) => {
        return ordered(items).map(i => ({
            subject: subject.repository.toString(),
            digest: subject.digest,
            subjectKind: subject.kind,
            ...(subject.platform ? { platform: subject.platform } : {}),
            kind: i.kind,
            ...(i.predicateType ? { predicateType: i.predicateType } : {}),
            ...(dryRun ? {} : { rekorLogIndex: Number(i.rekorLogIndex), rekorUrl: link(i.rekorLogIndex) }),
            ...(i.referrer ? { referrer: i.referrer } : {}),
            ...(i.sbomReferrer ? { sbomReferrer: i.sbomReferrer } : {}),
            ...(i.legacy ? { tag: i.legacy.tag } : {}),
            ...(i.githubAttestationUrl ? { githubAttestationUrl: i.githubAttestationUrl } : {})
        }));
    });
}
/** Each file with its own signature, then every statement that lists it (shared by all files of the run). */
function fileAttestationsOf(files, { link, dryRun }) {
    const signatures = new Map(files.signatures.map(s => [s.subject.name, s.item]));
    return files.files.flatMap(f => {
        const own = signatures.get(f.name);
        return [...(own ? [own] : []), ...ordered(files.statements)].map((i) => ({
            subject: f.name,
            digest: f.digest,
            subjectKind: 'file',
            kind: i.kind,
            ...(i.predicateType ? { predicateType: i.predicateType } : {}),
            ...(dryRun ? {} : { rekorLogIndex: Number(i.rekorLogIndex), rekorUrl: link(i.rekorLogIndex) }),
            ...(i.bundlePath ? { bundlePath: i.bundlePath } : {}),
            ...(i.githubAttestationUrl ? { githubAttestationUrl: i.githubAttestationUrl } : {})
        }));
    });
}
function bundlePathsOf(report, files) {
    const items = [
        ...report.subjects.flatMap(s => ordered(s.items)),
        ...(files ? [...files.signatures.map(s => s.item), ...ordered(files.statements)] : [])
    ];
    return items.flatMap(i => (i.bundlePath ? [i.bundlePath] : []));
}
async function setOutputs(ui, o) {
    const bundles = bundlePathsOf(o.report, o.files);
    ui.setOutput('digests', JSON.stringify(o.digests));
    ui.setOutput('bundle-paths', JSON.stringify(bundles));
    ui.setOutput('bundle-path', bundles[0] ?? '');
    const listing = { link: entryLink(o.rekorUrl, o.services), dryRun: o.dryRun };
    const attestations = [
        ...attestationsOf(o.report, listing),
        ...(o.files ? fileAttestationsOf(o.files, listing) : [])
    ];
    ui.setOutput('attestations', JSON.stringify(attestations));
    ui.setOutput('sbom-paths', JSON.stringify(o.sbomPaths));
    ui.setOutput('dry-run', String(o.dryRun));
    // Empty in a dry run that would need TUF to know: nothing was chosen, nothing was used.
    ui.setOutput('sigstore-services', o.services ? JSON.stringify(o.services) : '');
    // Same file actions/attest appends to, so steps written for it find ours; dry-run bundles are not attestations.
    if (!o.dryRun && o.recordPaths && bundles.length > 0) {
        await (0,promises_.mkdir)(o.runnerTemp, { recursive: true });
        await (0,promises_.appendFile)((0,external_node_path_.join)(o.runnerTemp, 'created_attestation_paths.txt'), bundles.map(p => `${p}\n`).join(''));
    }
}

;// CONCATENATED MODULE: ./src/pipeline/run/verify-commands.ts

const quote = (s) => `'${s.replace(/'/g, `'\\''`)}'`;
/** cosign's --type for each kind we produce (INTEROP §3: slsaprovenance is v0.2). */
const COSIGN_TYPE = {
    'provenance-v1': 'slsaprovenance1',
    'provenance-v0.2': 'slsaprovenance',
    'sbom-cyclonedx': 'cyclonedx',
    'sbom-spdx': 'spdxjson'
};
function verifyCommands(o) {
    const who = `--certificate-identity ${quote(o.identity)} --certificate-oidc-issuer ${quote(o.issuer)}`;
    const root = o.trustedRoot ? ` --trusted-root ${quote(o.trustedRoot)}` : '';
    // A custom predicate has no cosign short name: --type takes its URI as is (quoted, it is the caller's text).
    const typeOf = (i) => i.kind === CUSTOM_KIND && i.predicateType
        ? quote(i.predicateType)
        : isOpenVexKind(i.kind)
            ? 'openvex'
            : COSIGN_TYPE[i.kind];
    const types = [...new Set(o.items.map(typeOf).filter((t) => Boolean(t)))];
    const commands = (bin, extra) => [
        `${bin} verify ${who}${root}${extra} ${o.ref}`,
        ...types.map(t => `${bin} verify-attestation --type ${t} ${who}${root}${extra} ${o.ref}`)
    ];
    // v2 reads the tag layout by default; v3 reads bundles by default and only tags with --new-bundle-format=false.
    const v2Extra = o.formats.includes('legacy') ? '' : ' --new-bundle-format';
    const v3Extra = o.formats.includes('referrers') ? '' : ' --new-bundle-format=false';
    const gh = o.formats.includes('referrers')
        ? [
            `gh attestation verify oci://${o.ref} --bundle-from-oci${o.repository ? ` --repo ${o.repository}` : ''} ` +
                `--cert-identity ${quote(o.identity)} --cert-oidc-issuer ${quote(o.issuer)}` +
                `${o.trustedRoot ? ` --custom-trusted-root ${quote(o.trustedRoot)}` : ''} --predicate-type https://slsa.dev/provenance/v1`
        ]
        : [];
    return { cosignV2: commands('cosign', v2Extra), cosignV3: commands('cosign', v3Extra), gh };
}
/** Per file: its sign-blob bundle and each shared statement, as cosign and gh check files. */
function fileVerifyCommands(o) {
    const who = `--certificate-identity ${quote(o.identity)} --certificate-oidc-issuer ${quote(o.issuer)}`;
    const root = o.trustedRoot ? ` --trusted-root ${quote(o.trustedRoot)}` : '';
    return o.files.flatMap(f => [
        ...(f.signature
            ? [`cosign verify-blob --bundle ${quote(f.signature)} ${who}${root} ${quote(f.path)}`]
            : []),
        ...o.statements.flatMap(s => {
            const type = s.kind === CUSTOM_KIND && s.predicateType ? quote(s.predicateType) : COSIGN_TYPE[s.kind];
            return type && s.bundlePath
                ? [
                    `cosign verify-blob-attestation --bundle ${quote(s.bundlePath)} --type ${type} ${who}${root} ${quote(f.path)}`
                ]
                : [];
        }),
        ...o.statements
            .filter(s => s.kind === 'provenance-v1' && s.bundlePath && o.repository)
            .map(s => `gh attestation verify ${quote(f.path)} --bundle ${quote(s.bundlePath)} --repo ${o.repository}` +
            `${o.trustedRoot ? ` --custom-trusted-root ${quote(o.trustedRoot)}` : ''}`)
    ]);
}

;// CONCATENATED MODULE: ./src/pipeline/run/summary.ts


const GH_LOGIN_NOTE = '# gh needs a login even for --bundle-from-oci: `gh auth login` first, or set GH_TOKEN (in a workflow: GH_TOKEN: ${{ github.token }})';
const esc = (s) => s.replace(/[<>&|]/g, c => `&#${c.charCodeAt(0)};`);
const code = (s) => `<code>${esc(s)}</code>`;
function summaryMarkdown(o) {
    const parts = [];
    parts.push(`## oci-attest${o.dryRun ? ': DRY RUN' : ''}`);
    if (o.dryRun)
        parts.push(`> [!NOTE]\n> **DRY RUN** (${esc(o.dryRunReason)}): no OIDC token, Fulcio, Rekor, registry push or GitHub API write. ` +
            'Everything was built and signed with an ephemeral **self-signed** key that nothing trusts.');
    parts.push(`Identity${o.dryRun ? ' (what a real run would get)' : ''}: ${code(o.report.identity)}, issuer ${code(o.report.issuer)}`);
    if (o.services)
        parts.push(servicesLine(o.services, o.dryRun));
    for (const s of o.report.subjects) {
        const { subject } = s;
        const label = subject.ref;
        parts.push(`### ${esc(subject.repository.toString())} (${subject.kind}${subject.platform ? `, ${subject.platform}` : ''})\n` +
            `Digest ${code(subject.digest)}${subject.input !== label ? ` from ${code(subject.input)}` : ''}` +
            (o.sbomPackages[subject.digest] !== undefined
                ? ` · generated SBOM: ${o.sbomPackages[subject.digest]} ${subject.kind === 'chart' ? 'images' : 'packages'}`
                : ''));
        const rows = ordered(s.items).map(i => {
            const rekor = o.dryRun ? 'not logged (dry run)' : rekorAnchor(o, i.rekorLogIndex);
            const where = [
                i.legacy ? `tag ${code(i.legacy.tag)}` : '',
                i.referrer ? `referrer ${code(i.referrer.slice(0, 19))}…` : '',
                i.githubAttestationUrl ? `<a href="${i.githubAttestationUrl}">GitHub</a>` : ''
            ].filter(Boolean);
            return `| ${i.kind} | ${i.predicateType ? code(i.predicateType) : 'simple signing'} | ${rekor} | ${where.join(', ') || '—'}${o.pushed ? '' : ' (not pushed)'} |`;
        });
        parts.push(['| Produced | Predicate type | Rekor entry | Stored |', '|---|---|---|---|', ...rows].join('\n'));
        for (const w of s.warnings)
            parts.push(`> [!WARNING]\n> ${esc(w)}`);
        const cmds = verifyCommands({
            ref: label,
            identity: o.report.identity,
            issuer: o.report.issuer,
            formats: o.formats,
            items: s.items,
            ...(o.repository ? { repository: o.repository } : {}),
            ...(o.trustedRoot ? { trustedRoot: o.trustedRoot } : {})
        });
        const block = (title, lines) => lines.length ? `<b>${title}</b>\n\n\`\`\`sh\n${lines.join('\n')}\n\`\`\`\n` : '';
        parts.push(`<details><summary>Verify ${esc(subject.repository.toString())}@${subject.digest.slice(0, 19)}…</summary>\n\n` +
            block('cosign v2', cmds.cosignV2) +
            block('cosign v3', cmds.cosignV3) +
            // gh refuses to start without a login even for --bundle-from-oci, which makes no GitHub API call.
            block('gh', cmds.gh.length ? [GH_LOGIN_NOTE, ...cmds.gh] : []) +
            '</details>');
    }
    if (o.files)
        parts.push(filesSection(o, o.files));
    if (o.plan.skipped.length)
        parts.push(`Skipped: ${o.plan.skipped.map(k => `${code(k.digest.slice(0, 19))}… ${esc(k.reason)}`).join('; ')}`);
    if (o.wouldPush.length) {
        const rows = o.wouldPush.map(w => `| ${code(w.target)} | ${esc(w.what)} | ${code(w.mediaType)} | ${w.size} |`);
        const detail = o.wouldPush.map(w => `${w.target}\n${w.contents.map(c => `  ${c}`).join('\n')}`).join('\n');
        parts.push(`<details${o.dryRun ? ' open' : ''}><summary>${o.dryRun ? 'DRY RUN: would push' : 'Not pushed (push-to-registry: false)'} ` +
            `(${o.wouldPush.length} writes)</summary>\n\n| Where | What | Media type | Bytes |\n|---|---|---|---|\n${rows.join('\n')}\n\n` +
            `\`\`\`\n${detail}\n\`\`\`\n</details>`);
    }
    parts.push(`<sub>${o.timings.map(t => `${esc(t.name)} ${(t.ms / 1000).toFixed(1)} s`).join(' · ')}</sub>`);
    return parts.join('\n\n') + '\n';
}
function servicesLine(s, dryRun) {
    const one = (name, u) => `${name} ${code(u.url)} (API v${u.majorApiVersion})`;
    const all = [
        one('Fulcio', s.fulcio),
        ...s.rekor.map(r => one('Rekor', r)),
        ...s.tsa.map(t => one('TSA', t))
    ];
    return (`Sigstore services${dryRun ? ' (what a real run would use)' : ''}: ${all.join(' · ')}${s.tsa.length ? '' : ' · no TSA'}` +
        (s.signingConfig ? `, chosen by signing config ${code(s.signingConfig)}` : ', as given in the inputs') +
        ([s.fulcio, ...s.rekor, ...s.tsa].some(u => u.from === 'input') && s.signingConfig
            ? ' and the URL inputs'
            : ''));
}
/** A log entry's index, linked where the log shows it (the log itself for Rekor v2). */
function rekorAnchor(o, logIndex) {
    return `<a href="${entryLink(o.rekorUrl, o.services)(logIndex)}">${logIndex}</a>`;
}
function filesSection(o, files) {
    const signature = new Map(files.signatures.map(s => [s.subject.name, s.item.bundlePath]));
    const rows = files.files.map(f => `| ${code(f.name)} | ${code(f.digest)} | ${signature.has(f.name) ? 'sign-blob bundle' : 'listed only (checksums line)'} |`);
    const statements = ordered(files.statements).map(i => `${i.kind} ${o.dryRun ? '(not logged, dry run)' : `Rekor ${rekorAnchor(o, i.rekorLogIndex)}`}` +
        `${i.githubAttestationUrl ? `, <a href="${i.githubAttestationUrl}">GitHub</a>` : ''}`);
    const cmds = fileVerifyCommands({
        files: files.files.map(f => ({
            path: f.path ?? f.name,
            ...(signature.get(f.name) ? { signature: signature.get(f.name) } : {})
        })),
        statements: ordered(files.statements),
        identity: o.report.identity,
        issuer: o.report.issuer,
        ...(o.repository ? { repository: o.repository } : {}),
        ...(o.trustedRoot ? { trustedRoot: o.trustedRoot } : {})
    });
    return (`### Files (${files.files.length})\nOne statement per predicate lists every file: ${statements.join(' · ')}\n\n` +
        ['| File | Digest | Signature |', '|---|---|---|', ...rows].join('\n') +
        `\n\n<details><summary>Verify the files</summary>\n\n\`\`\`sh\n${cmds.join('\n')}\n\`\`\`\n</details>`);
}
async function writeSummary(ui, o) {
    await ui.writeSummary(summaryMarkdown(o));
}

;// CONCATENATED MODULE: ./src/pipeline/run/report-step.ts
// The run's end: outputs (and created_attestation_paths.txt), then the job summary when asked for.



async function reportRun(ui, phases, e) {
    await setOutputs(ui, {
        digests: e.plan.digests,
        report: e.report,
        ...(e.files ? { files: e.files } : {}),
        rekorUrl: e.rekorUrl,
        ...(e.services ? { services: e.services } : {}),
        sbomPaths: e.sboms.paths,
        dryRun: e.dryRun,
        runnerTemp: e.context.runnerTemp,
        recordPaths: e.context.onRunner
    });
    if (!e.inputs.showSummary)
        return;
    await writeSummary(ui, {
        plan: e.plan,
        report: e.report,
        ...(e.files ? { files: e.files } : {}),
        dryRun: e.dryRun,
        dryRunReason: e.dryRunReason,
        rekorUrl: e.rekorUrl,
        ...(e.services ? { services: e.services } : {}),
        formats: e.inputs.formats,
        ...(e.context.repository ? { repository: e.context.repository } : {}),
        ...(e.inputs.trustedRoot ? { trustedRoot: e.inputs.trustedRoot } : {}),
        wouldPush: e.wouldPush,
        sbomPackages: e.sboms.packages,
        pushed: e.pushed,
        timings: phases.timings
    }).catch(err => ui.warning(`job summary not written: ${(0,errors/* errorText */.kc)(err)}`));
}

;// CONCATENATED MODULE: ./src/pipeline/run/services-step.ts
// Which Fulcio, Rekor and TSA the run uses: explicit URL inputs, the rest from the signing config; a config
// that cannot be honoured is an input error here, before the plan's first request.



const CONFIG_CODES = new Set([
    'SIGNING_CONFIG_INVALID',
    'SIGNING_CONFIG_NO_SERVICE',
    'SIGNING_CONFIG_UNSUPPORTED'
]);
/** Whether choosing the services needs public good's TUF repository (a request a dry run does not make). */
function needsTuf(inputs) {
    return inputs.signingConfig ? inputs.signingConfig.kind !== 'file' : !(inputs.fulcioUrl && inputs.rekorUrl);
}
async function runServices(inputs, opts = {}) {
    try {
        return await resolveServices({
            ...(inputs.signingConfig ? { choice: inputs.signingConfig } : {}),
            explicit: {
                ...(inputs.fulcioUrl ? { fulcioUrl: inputs.fulcioUrl } : {}),
                ...(inputs.rekorUrl ? { rekorUrl: inputs.rekorUrl } : {}),
                ...(inputs.tsaUrl ? { tsaUrl: inputs.tsaUrl } : {})
            },
            ...opts
        });
    }
    catch (err) {
        if (err instanceof error/* SigstoreError */.F && CONFIG_CODES.has(err.code))
            throw new InputError('signing-config', err.message);
        throw err;
    }
}
/** Rekor v2 gives no SET, which cosign's tag layout needs: bundles only, and `legacy` asked for is an error. */
function publishFormats(inputs, services) {
    const v2 = services?.rekor.find(r => r.majorApiVersion >= 2);
    if (!v2 || !inputs.formats.includes('legacy'))
        return inputs.formats;
    if (inputs.formatsGiven)
        throw new InputError('formats', `legacy (cosign's .sig/.att tags) needs a Rekor v1 entry's signed timestamp (SET), and Rekor ${v2.url} is a ` +
            'v2 log, which gives none: set formats: referrers (Sigstore bundles, read by cosign v3, sigstore-python ' +
            'and gh), or sign to a Rekor v1 log (signing-config: public-good, or a rekor-url of a v1 log)');
    return inputs.formats.filter(f => f !== 'legacy');
}
/** One line per service for the log and the summary: `Rekor https://rekor.sigstore.dev (API v1)`. */
function serviceLines(s) {
    const line = (name, u) => `${name} ${u.url} (API v${u.majorApiVersion})`;
    return [
        line('Fulcio', s.fulcio),
        ...s.rekor.map(r => line('Rekor', r)),
        ...(s.tsa.length ? s.tsa.map(t => line('TSA', t)) : ['no TSA'])
    ];
}
/** The run's phase; a dry run makes no TUF request, but a given file or explicit URLs are checked as for real. */
async function servicesStep(inputs, dryRun, phases, ui) {
    if (dryRun && needsTuf(inputs))
        return undefined;
    return phases.run('Sigstore services', async () => {
        const s = await runServices(inputs);
        if (inputs.signingConfig && !s.signingConfig)
            ui.warning('signing-config is set, but fulcio-url and rekor-url override every service it would choose');
        ui.info(`${dryRun ? 'DRY RUN, what a real run would use: ' : ''}${serviceLines(s).join(', ')}` +
            (s.signingConfig ? ` (signing config ${s.signingConfig})` : ' (inputs)'));
        return s;
    });
}

;// CONCATENATED MODULE: ./src/pipeline/run/run.ts
// One run, for the action and the CLI alike: inputs → context → dry-run decision → plan → identity → SBOMs → attest → outputs and summary.




























async function run(opts) {
    const ui = opts.ui;
    // The run entry: the environment is read here, once, and handed down as the typed RunContext.
    const env = opts.env ?? process.env;
    const context = readRunContext(env);
    const phases = new Phases(ui);
    const progress = {};
    // Retries, backoffs and deadlines of every request show as debug lines when the job asks for them.
    if (context.debug && ui.debug)
        (0,src_http/* setDebugSink */.RW)(line => ui.debug(line));
    try {
        const inputs = getInputs(opts.getInput);
        const deadline = startRunDeadline(inputs.timeoutMs);
        progress.deadline = deadline;
        const http = (0,src_http/* createHttpClient */.uT)({ env, signal: deadline.signal });
        try {
            return await deadline.race(execute({ ...opts, env, context, ui }, inputs, http, phases, progress));
        }
        finally {
            deadline.clear();
        }
    }
    catch (err) {
        if (progress.deadline?.expired) {
            progress.session?.cancel(err);
            ui.setFailed(failureMessage(err, phases.current, opts.inputLabel) + `\n${stoppedReport(progress)}`);
        }
        else
            ui.setFailed(failureMessage(err, phases.current, opts.inputLabel));
        return undefined;
    }
    finally {
        (0,src_http/* setDebugSink */.RW)(undefined);
    }
}
/** What a run stopped by its timeout left behind: registry writes, Rekor entries, and what is missing. */
function stoppedReport(p) {
    const written = p.writes?.written ?? [];
    const entries = p.session?.rekor.entries ?? 0;
    const subjects = p.plan?.subjects ?? [];
    const planned = subjects.map(s => s.ref);
    const untouched = subjects.filter(s => !p.writes?.repositories.has(s.repository.toString())).map(s => s.ref);
    return [
        written.length
            ? `Published before the run stopped (${written.length}): ${written.join(', ')}`
            : 'Nothing was published to a registry.',
        `Rekor entries created: ${entries}.`,
        planned.length
            ? `Not published: ${untouched.length === planned.length ? 'anything for' : 'the rest of'} the ${planned.length} planned subject(s)` +
                `${untouched.length ? ` (nothing at all for ${untouched.join(', ')})` : ''}; re-run the job (it signs again and appends), ` +
                'or raise the timeout input'
            : 'No subject was planned yet; raise the timeout input if the registry is slow'
    ].join('\n');
}
async function openSession(inputs, services, context, ui, identity, http) {
    const discovery = context.oidcDiscoveryUrl;
    return openSigningSession({
        // One log (resolveServices refuses more); every TSA the config selects timestamps each signature.
        fulcioUrl: services.fulcio.url,
        rekorUrl: services.rekor[0].url,
        rekorApiVersion: services.rekor[0].majorApiVersion === 2 ? 2 : 1,
        tsaUrls: services.tsa.map(t => t.url),
        ...(inputs.trustedRoot ? { trustedRootPath: inputs.trustedRoot } : {}),
        ...(discovery ? { oidcDiscoveryUrl: discovery } : {}),
        allowPublicRekorForPrivateRepos: inputs.allowPublicRekorForPrivateRepos,
        insecureIgnoreSct: inputs.insecureIgnoreSct,
        serverUrl: context.serverUrl
    }, {
        identity: identity ??
            new ActionsIdentityProvider({ request: context.oidcRequest, maskSecret: s => ui.setSecret(s) }),
        http
    });
}
async function execute(opts, inputs, http, phases, progress) {
    const { env, context, ui } = opts;
    for (const secret of [inputs.registryPassword, inputs.githubToken])
        if (secret)
            ui.setSecret(secret);
    const { dryRun, reason } = decideDryRun(inputs.dryRun, context);
    if (dryRun)
        ui.info(`DRY RUN (${reason}): no OIDC token, Fulcio, Rekor, registry push or GitHub API write will happen`);
    if (inputs.githubAttestations === 'true' && !dryRun && !(inputs.githubToken && context.repository))
        throw new InputError('github-attestations', 'is true, but there is no github-token (or GITHUB_REPOSITORY) to store attestations with');
    const services = await servicesStep(inputs, dryRun, phases, ui);
    inputs = { ...inputs, formats: publishFormats(inputs, services) };
    const log = ui.debug ? (line) => ui.debug?.(line) : undefined;
    const sbomFile = await loadSbomFile(inputs);
    let registry;
    const plan = await phases.run('Plan: resolve subjects', async () => {
        // Each subject line is parsed here, once: the login inputs go to the registries it names.
        const parsed = (0,pipeline_plan/* parseSubjectInputs */.Fo)(inputs.subjects);
        registry = new oci/* RegistryClient */.bP({
            http,
            credentials: registryCredentials(inputs, [...new Set(parsed.map(s => s.ref.registry))], { env, actor: context.actor }, secret => ui.setSecret(secret)),
            ...(log ? { log } : {})
        });
        const p = await (0,pipeline_plan/* planSubjects */.lZ)(registry, parsed, inputs.platforms);
        // Files are hashed here too, so a bad path or checksums line fails before any token or signature.
        p.files = await planFiles({
            paths: inputs.subjectPaths,
            ...(inputs.subjectChecksums !== undefined ? { checksums: inputs.subjectChecksums } : {}),
            cwd: process.cwd()
        });
        for (const f of p.files)
            ui.info(`file ${f.ref} → ${f.digest}${f.path ? '' : ' (checksums line: listed, not signed)'}`);
        for (const [input, digest] of Object.entries(p.digests))
            ui.info(`${input} → ${digest}`);
        for (const s of p.subjects)
            ui.info(`subject ${s.ref} (${s.kind}${s.platform ? `, ${s.platform}` : ''})`);
        for (const k of p.skipped)
            ui.info(`skipped ${k.repository}@${k.digest}: ${k.reason}`);
        return p;
    });
    progress.plan = plan;
    const vex = bindVex(inputs, plan, ui);
    // Before any token, certificate or log entry: a repository that refuses writes fails the run here.
    const probeWrites = !dryRun && inputs.pushToRegistry && plan.subjects.length > 0;
    if (probeWrites)
        await phases.run(WRITE_PROBE_PHASE, () => probeWriteAccess(registry, plan.subjects));
    const session = await phases.run(dryRun ? 'Identity (DRY RUN: ephemeral self-signed key)' : 'Identity: OIDC token', async () => dryRun ? openDryRunSession(context) : openSession(inputs, services, context, ui, opts.identity, http));
    progress.session = session;
    ui.info(`Certificate identity${dryRun ? ' (DRY RUN, what a real run would get)' : ''}: ${session.identity.subjectAlternativeName} ` +
        `(issuer ${session.identity.issuer})`);
    const sboms = await phases.run('SBOM', () => prepareSboms(plan, inputs, sbomFile, registry, (0,external_node_path_.join)(context.runnerTemp, 'oci-attest-sbom'), ui));
    if (inputs.verify && !inputs.pushToRegistry && !dryRun)
        ui.warning('verify: nothing is pushed (push-to-registry: false), so nothing can be re-read and verified');
    const recording = dryRun || !inputs.pushToRegistry ? new RecordingRegistry(registry) : undefined;
    const writes = new WriteLog(recording ?? registry);
    progress.writes = writes;
    const githubStore = !dryRun && inputs.githubAttestations !== 'false' && inputs.githubToken && context.repository
        ? new GitHubAttestationStore({
            token: inputs.githubToken,
            repository: context.repository,
            apiUrl: context.apiUrl
        })
        : undefined;
    const verify = inputs.verify && !recording;
    const attestRegistry = () => phases.run(`Sign, log${recording ? '' : ', push'}${verify ? ', verify' : ''} (${plan.subjects.length} subjects)`, async () => {
        const r = await attestSubjects({
            // The plan found each subject in the registry moments ago: they go on exactly as it made them.
            subjects: plan.subjects,
            sbomFor: async (s) => sboms.bySubject.get(s.ref),
            provenance: inputs.provenance,
            ...(inputs.customPredicate ? { custom: inputs.customPredicate } : {}),
            ...(vex.size ? { vexFor: (s) => vex.get(s.ref) } : {}),
            formats: inputs.formats,
            sbomReferrer: inputs.sbomReferrer,
            verify,
            verifyBeforePush: !dryRun,
            bundleDir: (0,external_node_path_.join)(context.runnerTemp, dryRun ? 'oci-attest-dry-run' : 'oci-attest')
        }, {
            registry: writes,
            session,
            ...(githubStore ? { githubStore } : {}),
            ...(log ? { log } : {})
        });
        for (const s of r.subjects)
            ui.info(`${s.subject.ref}: ${s.items.map(i => i.kind).join(', ')}`);
        ui.info(dryRun
            ? `DRY RUN: ${r.rekorEntries} signatures with the self-signed key; nothing sent to Fulcio or Rekor`
            : `${r.fulcioRequests} Fulcio certificate(s), ${r.rekorEntries} Rekor entries${verify ? ', all re-read and verified' : ''}`);
        return r;
    });
    // A run of files alone has no registry stage to report.
    const report = plan.subjects.length || !plan.files.length
        ? await attestRegistry()
        : {
            subjects: [],
            fulcioRequests: 0,
            rekorEntries: 0,
            identity: session.identity.subjectAlternativeName,
            issuer: session.identity.issuer
        };
    const files = await fileStep(plan, inputs, {
        sbom: sbomFile,
        session,
        githubStore,
        runnerTemp: context.runnerTemp,
        dryRun,
        phases,
        ui
    });
    const warnings = [...new Set([...report.subjects.flatMap(s => s.warnings), ...(files?.warnings ?? [])])];
    for (const w of warnings)
        ui.warning(w);
    if (inputs.githubAttestations === 'true' && warnings.length > 0)
        throw new ActionError('GITHUB_ATTESTATION_REFUSED', `github-attestations: true, and ${warnings[0]}`);
    const wouldPush = recording ? await reportNotPushed(phases, ui, { recording, report, session, dryRun }) : [];
    await reportRun(ui, phases, {
        inputs,
        context,
        plan,
        report,
        sboms,
        ...(files ? { files } : {}),
        rekorUrl: session.rekorUrl,
        ...(services ? { services } : {}),
        dryRun,
        dryRunReason: reason,
        pushed: !recording,
        wouldPush
    });
    return { dryRun, plan, report, ...(files ? { files } : {}) };
}

// EXTERNAL MODULE: ./src/cli/args.ts
var args = __webpack_require__(77593);
;// CONCATENATED MODULE: ./src/cli/plain-ui.ts
// The run's report on a terminal: progress on stderr, secrets redacted, outputs collected for one JSON answer.

class PlainUi {
    outputs = {};
    failure;
    #secrets = [];
    #err;
    #summaryFile;
    #debug;
    constructor(err, summaryFile, debug = false) {
        this.#err = err;
        this.#summaryFile = summaryFile;
        this.#debug = debug;
    }
    #redact(line) {
        return this.#secrets.reduce((text, s) => text.split(s).join('***'), line);
    }
    info(line) {
        this.#err.write(`${this.#redact(line)}\n`);
    }
    debug(line) {
        if (this.#debug)
            this.#err.write(`debug: ${this.#redact(line)}\n`);
    }
    warning(line) {
        this.#err.write(`warning: ${this.#redact(line)}\n`);
    }
    async group(name, work) {
        this.#err.write(`── ${name}\n`);
        return work();
    }
    setSecret(secret) {
        if (secret)
            this.#secrets.push(secret);
    }
    setOutput(name, value) {
        this.outputs[name] = value;
    }
    setFailed(message) {
        this.failure = message;
        this.#err.write(`error: ${this.#redact(message)}\n`);
    }
    async writeSummary(markdown) {
        if (this.#summaryFile)
            await (0,promises_.writeFile)(this.#summaryFile, markdown);
    }
}

;// CONCATENATED MODULE: ./src/cli/attest.ts
// `oci-attest attest <ref>...`: the action's pipeline outside GitHub Actions; flags mirror the action's inputs.








const ATTEST_USAGE = `usage: oci-attest attest <registry/repo@sha256:… | registry/repo:tag>... [options]
  Signs each artifact keylessly, attests SLSA provenance and an SBOM, logs them in Rekor and pushes them.
  Identity: SIGSTORE_ID_TOKEN, --identity-token-file FILE, or (inside GitHub Actions) the Actions token.
  --dry-run                        build and check everything, sign with a throwaway key, push nothing
  --platforms both|index|platforms --sbom generate|none|FILE  --sbom-format cyclonedx-json|spdx-json
  --sbom-referrer true|false       (also push the bare SBOM as a referrer, for trivy --sbom-sources oci)
  --predicate-type URI --predicate-path FILE | --predicate JSON  (your own predicate, one more attestation)
  --vex FILE[,FILE]                OpenVEX v0.2.0 document(s), bound to each image and attested (repeatable)
  --subject-path 'dist/*,bin/app'   files to sign (sign-blob bundles) and list in one provenance statement
  --subject-checksums SHA256SUMS   (file or content) names and digests listed in the statement, not signed
  --provenance v1,v0.2|none        --formats legacy,referrers  --push-to-registry true|false
  --verify true|false              --github-attestations auto|true|false  --github-token TOKEN
  --registry-username U --registry-password P (or the Docker config and its credential helpers)
  --signing-config public-good|public-good-rekor-v2|FILE  (which Fulcio, Rekor and TSA; URL flags override)
  --fulcio-url URL --rekor-url URL --tsa-url URL --trusted-root FILE
  --allow-public-rekor-for-private-repos true|false  --summary-file FILE (markdown job summary)
  --timeout 30m                    stop cleanly after this long, reporting what was and was not published
  --insecure-ignore-sct true|false (private Fulcio without a CT log: certificates carry no SCT)
  Prints the outputs (digests, attestations, bundle-paths, sbom-paths, dry-run, sigstore-services) as JSON on stdout.
  Exit codes: 0 attested (or the dry run passed), 1 the run failed, 2 bad command line.`;
/** Action inputs that are plain strings on the command line (the rest are handled below). */
const PASSTHROUGH = [
    'subject-name',
    'subject-digest',
    'subject-path',
    'subject-checksums',
    'platforms',
    'sbom',
    'sbom-format',
    'sbom-referrer',
    'provenance',
    'predicate-type',
    'predicate-path',
    'predicate',
    'formats',
    'push-to-registry',
    'github-attestations',
    'verify',
    'registry-username',
    'registry-password',
    'github-token',
    'signing-config',
    'fulcio-url',
    'rekor-url',
    'tsa-url',
    'trusted-root',
    'allow-public-rekor-for-private-repos',
    'timeout',
    'insecure-ignore-sct'
];
async function identityFrom(file, env) {
    if (file)
        return new StaticIdentityProvider(await (0,promises_.readFile)(file, 'utf8'));
    if (env.SIGSTORE_ID_TOKEN)
        return new StaticIdentityProvider(env.SIGSTORE_ID_TOKEN);
    return undefined;
}
/** The CLI speaks in flags: an input's name is its flag, and the subjects are the positional references. */
const flagLabel = (input) => input === 'subjects' ? 'artifact reference' : `--${input}`;
const usageError = (io, problem) => {
    io.stderr.write(`oci-attest attest: ${problem}\n${ATTEST_USAGE}\n`);
    return 2;
};
/** Exit codes: 0 attested (or dry run passed), 1 the run failed, 2 bad command line. */
async function runAttestCommand(argv, io) {
    const env = io.env ?? process.env;
    let parsed;
    try {
        parsed = (0,args/* parseFlags */.bQ)({
            args: argv,
            allowPositionals: true,
            options: {
                ...Object.fromEntries(PASSTHROUGH.map(name => [name, { type: 'string' }])),
                subjects: { type: 'string', multiple: true },
                vex: { type: 'string', multiple: true },
                'dry-run': { type: 'boolean', default: false },
                'identity-token-file': { type: 'string' },
                'summary-file': { type: 'string' },
                help: { type: 'boolean', short: 'h', default: false }
            }
        });
    }
    catch (err) {
        if (err instanceof args/* UsageError */.eb)
            return usageError(io, err.message);
        throw err;
    }
    const { values, positionals } = parsed;
    if (values.help) {
        io.stdout.write(`${ATTEST_USAGE}\n`);
        return 0;
    }
    const flags = values;
    const subjects = [...(flags.subjects ?? []), ...positionals];
    const summaryFile = flags['summary-file'];
    const get = (name) => {
        if (name === 'subjects')
            return subjects.join('\n');
        if (name === 'vex')
            return (flags.vex ?? []).join('\n');
        if (name === 'dry-run')
            return flags['dry-run'] ? 'true' : 'false';
        if (name === 'show-summary')
            return summaryFile ? 'true' : 'false';
        const value = flags[name];
        return typeof value === 'string' ? value : '';
    };
    for (const ref of subjects) {
        try {
            (0,oci/* parseReference */.F2)(ref);
        }
        catch (err) {
            return usageError(io, `artifact reference: ${(0,errors/* errorText */.kc)(err)}; write registry/repo@sha256:<hex> or registry/repo:tag`);
        }
    }
    // Every flag value is checked before the identity, so a typo is reported as the typo, not a missing token.
    try {
        getInputs(get);
    }
    catch (err) {
        if (!(err instanceof InputError))
            throw err;
        return usageError(io, err.input === 'subjects'
            ? 'no artifact given: pass one or more references (registry/repo@sha256:<hex> or registry/repo:tag)'
            : `${flagLabel(err.input)}: ${err.problem}`);
    }
    let identity;
    try {
        identity = flags['dry-run']
            ? undefined
            : await identityFrom(flags['identity-token-file'], env);
    }
    catch (err) {
        io.stderr.write(`oci-attest attest: --identity-token-file: ${(0,errors/* errorText */.kc)(err)}\n`);
        return 2;
    }
    if (!identity &&
        !flags['dry-run'] &&
        !(env.ACTIONS_ID_TOKEN_REQUEST_URL && env.ACTIONS_ID_TOKEN_REQUEST_TOKEN)) {
        io.stderr.write('oci-attest attest: no OIDC identity token: set SIGSTORE_ID_TOKEN, pass --identity-token-file FILE, or use --dry-run\n');
        return 2;
    }
    // The runner's debug switches, so a CLI step in a debugged workflow shows what the action would.
    const debug = env.RUNNER_DEBUG === '1' || env.ACTIONS_STEP_DEBUG === 'true';
    const ui = new PlainUi(io.stderr, summaryFile, debug);
    const result = await run({
        env,
        getInput: get,
        ui,
        inputLabel: flagLabel,
        ...(identity ? { identity } : {})
    });
    // A failed run may still have published some outputs (what was pushed before it stopped); an empty {} says nothing.
    if (Object.keys(ui.outputs).length > 0)
        io.stdout.write(`${JSON.stringify(parseOutputs(ui.outputs), null, 2)}\n`);
    return result && !ui.failure ? 0 : 1;
}
/** Outputs are JSON strings on a runner; on a terminal one JSON document reads better. */
function parseOutputs(outputs) {
    const out = {};
    for (const [k, v] of Object.entries(outputs)) {
        try {
            out[k] = JSON.parse(v);
        }
        catch {
            out[k] = v;
        }
    }
    return out;
}


/***/ })

};
