export const id = 837;
export const ids = [837];
export const modules = {

/***/ 18837:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  VERIFY_USAGE: () => (/* binding */ VERIFY_USAGE),
  classify: () => (/* binding */ classify),
  provenanceFacts: () => (/* binding */ provenanceFacts),
  runVerifyCommand: () => (/* binding */ runVerifyCommand)
});

// EXTERNAL MODULE: ./src/errors/index.ts + 2 modules
var errors = __webpack_require__(28936);
// EXTERNAL MODULE: ./src/oci/index.ts + 13 modules
var oci = __webpack_require__(66287);
// EXTERNAL MODULE: ./src/sigstore/verify/bundle-verifier.ts + 1 modules
var bundle_verifier = __webpack_require__(21471);
// EXTERNAL MODULE: ./src/sigstore/verify/trust.ts
var trust = __webpack_require__(62412);
// EXTERNAL MODULE: ./src/verify/index.ts + 4 modules
var verify = __webpack_require__(52517);
// EXTERNAL MODULE: ./src/cli/args.ts
var args = __webpack_require__(77593);
// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __webpack_require__(51455);
;// CONCATENATED MODULE: ./src/cli/verify-file.ts
// `oci-attest verify FILE --bundle B [--bundle B2…]`: a file's sign-blob signature and statements, from bundle files.





async function verifyFileCommand(o, io) {
    let file;
    try {
        file = await (0,promises_.readFile)(o.path);
    }
    catch (err) {
        io.stderr.write(`oci-attest verify: cannot read ${o.path}: ${(0,errors/* errorText */.kc)(err)}\n`);
        return 1;
    }
    const verifier = new bundle_verifier/* BundleVerifier */.b(await (0,trust/* loadTrustMaterial */.a)(o.trustedRoot));
    const found = await Promise.all(o.bundles.map(async (bundle) => {
        try {
            const json = JSON.parse(await (0,promises_.readFile)(bundle, 'utf8'));
            return { bundle, ok: true, ...(0,verify/* verifyFileBundle */.St)(verifier, bundle, json, file, o.identity) };
        }
        catch (err) {
            return { bundle, ok: false, problem: (0,errors/* errorText */.kc)(err) };
        }
    }));
    const verified = new Set(found.flatMap(f => (f.ok && 'kind' in f ? [f.kind, o.classify(f.kind) ?? f.kind] : [])));
    const missing = o.required.filter(r => !verified.has(r));
    if (o.json)
        io.stdout.write(`${JSON.stringify({ file: o.path, verified: [...verified], missing, found }, null, 2)}\n`);
    else {
        const lines = [o.path];
        for (const f of found)
            lines.push(f.ok && 'kind' in f
                ? `  ✓ ${f.kind} (${f.bundle}, Rekor ${f.logIndex ?? '?'}, ${f.san ?? '?'})`
                : `  ✗ ${f.bundle}: ${'problem' in f ? f.problem : ''}`);
        lines.push(missing.length ? `NOT VERIFIED: no valid ${missing.join(', ')} for this identity` : 'Verified.');
        io.stdout.write(`${lines.join('\n')}\n`);
    }
    if (missing.length)
        io.stderr.write(`oci-attest verify: ${o.path} NOT VERIFIED: no valid ${missing.join(', ')} for this identity and issuer\n`);
    return missing.length ? 1 : 0;
}

// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(77598);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(76760);
;// CONCATENATED MODULE: ./src/cli/verify-output.ts
// `verify --output-predicate DIR`: each verified predicate as a bare file, so `grype sbom:DIR/sbom.cdx.json`
// needs no unwrapping of DSSE envelopes or bundles, whichever format the attestation came in.



const KNOWN_NAMES = {
    'https://cyclonedx.org/bom': 'sbom.cdx',
    'https://spdx.dev/Document': 'sbom.spdx',
    'https://slsa.dev/provenance/v1': 'provenance-v1',
    'https://slsa.dev/provenance/v0.2': 'provenance-v0.2'
};
/** A file stem per predicate type: the names users expect for SBOMs and provenance, a slug for the rest. */
function predicateFileStem(predicateType) {
    const known = KNOWN_NAMES[predicateType];
    if (known)
        return known;
    const slug = predicateType
        .replace(/^[a-z]+:\/\//i, '')
        .replace(/[^A-Za-z0-9.]+/g, '-')
        .replace(/^[-.]+|-+$/g, '');
    return `predicate-${slug || 'unknown'}`;
}
/**
 * Writes the predicate of every verified attestation (the cosign signature statement has none worth keeping).
 * The same statement found as a referrer and in the `.att` tag is written once; differing predicates of one
 * type get `-2`, `-3`… so none is silently dropped.
 */
async function writeVerifiedPredicates(dir, found) {
    await (0,promises_.mkdir)(dir, { recursive: true });
    const seen = new Set();
    const perType = new Map();
    const written = [];
    for (const item of found) {
        if (!item.ok || item.kind === 'signature' || !item.predicate)
            continue;
        const bytes = Buffer.from(`${JSON.stringify(item.predicate)}\n`);
        const key = `${item.kind}\0${(0,external_node_crypto_.createHash)('sha256').update(bytes).digest('hex')}`;
        if (seen.has(key))
            continue;
        seen.add(key);
        const n = (perType.get(item.kind) ?? 0) + 1;
        perType.set(item.kind, n);
        const path = (0,external_node_path_.join)(dir, `${predicateFileStem(item.kind)}${n > 1 ? `-${n}` : ''}.json`);
        await (0,promises_.writeFile)(path, bytes);
        written.push({ predicateType: item.kind, path });
    }
    return written;
}

;// CONCATENATED MODULE: ./src/cli/verify.ts
// `oci-attest verify <ref>`: what the action published for one artifact, verified and described.








const VERIFY_USAGE = `usage: oci-attest verify <registry/repo@sha256:… | registry/repo:tag>
       (--certificate-identity SAN | --certificate-identity-regexp RE) --certificate-oidc-issuer URL
       [--trusted-root trusted_root.json] [--require signature,provenance,sbom,<predicate type URI>] [--json]
       [--output-predicate DIR]
       oci-attest verify FILE --bundle FILE.sigstore.json [--bundle statement.sigstore.json…] (same identity flags)
  Verifies the signature, SLSA provenance and SBOM attestations published for the artifact (bundle referrers
  and cosign .sig/.att tags) against the trusted root (default: Sigstore public good via TUF).
  --output-predicate writes each verified predicate to DIR once verification succeeds: sbom.cdx.json or
  sbom.spdx.json (a bare SBOM, e.g. for grype sbom:DIR/sbom.cdx.json), provenance-v1.json, provenance-v0.2.json.
  With --bundle, FILE is a file on disk: a sign-blob bundle must sign its bytes, a statement must list its sha256.
  Exit codes: 0 verified, 1 not verified (or the registry/trust could not be read), 2 bad command line.`;
const REQUIREMENTS = ['signature', 'provenance', 'sbom'];
function classify(kind) {
    if (kind === 'signature')
        return 'signature';
    if (kind.startsWith('https://slsa.dev/provenance/'))
        return 'provenance';
    if (kind === 'https://cyclonedx.org/bom' || kind === 'https://spdx.dev/Document')
        return 'sbom';
    return undefined;
}
/** Source repository, commit and workflow, as provenance v1 or v0.2 names them. */
function provenanceFacts(predicate) {
    const p = predicate;
    const w = p?.buildDefinition?.externalParameters?.workflow;
    if (w)
        return `${w.repository}@${p.buildDefinition?.resolvedDependencies?.[0]?.digest?.gitCommit ?? '?'} ${w.path} (${w.ref})`;
    const c = p?.invocation?.configSource;
    if (c)
        return `${c.uri}@${c.digest?.sha1 ?? '?'} ${c.entryPoint ?? ''}`;
    return '';
}
async function runVerifyCommand(argv, io) {
    let parsed;
    try {
        parsed = (0,args/* parseFlags */.bQ)({
            args: argv,
            allowPositionals: true,
            options: {
                'certificate-identity': { type: 'string' },
                'certificate-identity-regexp': { type: 'string' },
                'certificate-oidc-issuer': { type: 'string' },
                'trusted-root': { type: 'string' },
                require: { type: 'string', default: 'signature' },
                json: { type: 'boolean', default: false },
                'output-predicate': { type: 'string' },
                bundle: { type: 'string', multiple: true },
                help: { type: 'boolean', short: 'h', default: false }
            }
        });
    }
    catch (err) {
        io.stderr.write(`oci-attest verify: ${(0,errors/* errorText */.kc)(err)}\n${VERIFY_USAGE}\n`);
        return 2;
    }
    const { values: v, positionals } = parsed;
    if (v.help) {
        io.stdout.write(`${VERIFY_USAGE}\n`);
        return 0;
    }
    const usage = (problem) => {
        io.stderr.write(`oci-attest verify: ${problem}\n${VERIFY_USAGE}\n`);
        return 2;
    };
    if (positionals.length !== 1)
        return usage(`expected one artifact reference, got ${positionals.length}`);
    const exact = v['certificate-identity'];
    const regexp = v['certificate-identity-regexp'];
    if (!exact === !regexp)
        return usage('give exactly one of --certificate-identity or --certificate-identity-regexp');
    if (!v['certificate-oidc-issuer'])
        return usage('--certificate-oidc-issuer is required');
    const required = v.require
        .split(',')
        .map(s => s.trim())
        .filter(Boolean);
    // A predicate type URI (e.g. a custom predicate-type) may be required too, matched exactly.
    const unknown = required.filter(r => !REQUIREMENTS.includes(r) && !r.includes('://'));
    if (unknown.length)
        return usage(`--require: "${unknown.join(', ')}" is not one of ${REQUIREMENTS.join(', ')} or a predicate type URI`);
    const bundles = v.bundle ?? [];
    if (bundles.length)
        return verifyFileCommand({
            path: positionals[0],
            bundles,
            identity: {
                subjectAlternativeName: exact ?? new RegExp(regexp),
                issuer: v['certificate-oidc-issuer']
            },
            ...(v['trusted-root'] ? { trustedRoot: v['trusted-root'] } : {}),
            required,
            json: v.json,
            classify
        }, io).catch((err) => {
            io.stderr.write(`oci-attest verify: ${(0,errors/* errorText */.kc)(err)}\n`);
            return 1;
        });
    let ref;
    try {
        ref = (0,oci/* parseReference */.F2)(positionals[0]);
    }
    catch (err) {
        return usage(`${(0,errors/* errorText */.kc)(err)}: give registry/repo@sha256:<hex> or registry/repo:tag`);
    }
    try {
        const registry = new oci/* RegistryClient */.bP({
            credentials: (0,oci/* dockerConfigCredentials */.D)({ env: io.env ?? process.env })
        });
        const digest = await registry.resolveDigest(ref);
        const repo = (0,oci/* parseReference */.F2)(ref.repoString());
        const verifier = new verify/* PublishedVerifier */.JZ(new bundle_verifier/* BundleVerifier */.b(await (0,trust/* loadTrustMaterial */.a)(v['trusted-root'])), {
            identity: {
                subjectAlternativeName: exact ?? new RegExp(regexp),
                issuer: v['certificate-oidc-issuer']
            }
        });
        const found = (await verifier.verifySubject(registry, { repo, digest })).items;
        const verified = new Set(found
            .filter(f => f.ok)
            .map(f => classify(f.kind))
            .filter(Boolean));
        const verifiedTypes = new Set(found.filter(f => f.ok).map(f => f.kind));
        const missing = required.filter(r => !verified.has(r) && !verifiedTypes.has(r));
        // Only a verification that passed leaves files behind: a later step must not scan an unverified SBOM.
        const outDir = v['output-predicate'];
        const predicates = outDir && missing.length === 0 ? await writeVerifiedPredicates(outDir, found) : [];
        const subject = `${repo.repoString()}@${digest}`;
        if (v.json)
            io.stdout.write(`${JSON.stringify({ ref: subject, verified: [...verified], missing, found, ...(outDir ? { predicates } : {}) }, null, 2)}\n`);
        else
            io.stdout.write(report(subject, found, missing, predicates));
        if (missing.length > 0)
            io.stderr.write(`oci-attest verify: ${subject} NOT VERIFIED: no valid ${missing.join(', ')} for this identity and issuer\n`);
        return missing.length === 0 ? 0 : 1;
    }
    catch (err) {
        const code = err.code;
        const hint = typeof code === 'string' && code.startsWith('TUF_')
            ? ' (the public-good trusted root comes from tuf-repo-cdn.sigstore.dev; without network access, or for a private instance, pass --trusted-root)'
            : '';
        io.stderr.write(`oci-attest verify: ${typeof code === 'string' ? `${code}: ` : ''}${(0,errors/* errorText */.kc)(err)}${hint}\n`);
        return 1;
    }
}
function report(ref, found, missing, predicates) {
    const lines = [ref];
    if (found.length === 0)
        lines.push('  nothing published for this digest (no bundle referrers, no .sig/.att tags)');
    for (const f of found) {
        const label = f.kind === 'signature' ? 'signature' : f.kind;
        if (!f.ok) {
            lines.push(`  ✗ ${f.source} ${f.where}: ${f.problem}`);
            continue;
        }
        const facts = classify(f.kind) === 'provenance' ? ` — ${provenanceFacts(f.predicate)}` : '';
        const sbom = classify(f.kind) === 'sbom' ? ` — ${sbomFacts(f.predicate)}` : '';
        lines.push(`  ✓ ${label} (${f.source} ${f.where}, Rekor ${f.logIndex ?? '?'}, ${f.san ?? '?'})${facts}${sbom}`);
    }
    for (const p of predicates)
        lines.push(`  wrote ${p.path} (${p.predicateType})`);
    lines.push(missing.length ? `NOT VERIFIED: no valid ${missing.join(', ')} for this identity` : 'Verified.');
    return `${lines.join('\n')}\n`;
}
function sbomFacts(predicate) {
    const p = predicate;
    const count = (p?.components ?? p?.packages ?? []).length;
    return `${p?.specVersion ? `CycloneDX ${p.specVersion}` : (p?.spdxVersion ?? 'SBOM')}, ${count} packages`;
}


/***/ })

};
