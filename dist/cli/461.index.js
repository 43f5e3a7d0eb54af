export const id = 461;
export const ids = [461];
export const modules = {

/***/ 20179:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  NV: () => (/* binding */ BUNDLE_MEDIA_TYPE),
  u: () => (/* binding */ COSIGN_SIGN_PREDICATE),
  H: () => (/* binding */ TITLE_ANNOTATION),
  Ar: () => (/* binding */ pushArtifactReferrer),
  ME: () => (/* binding */ pushBundleReferrer),
  hH: () => (/* binding */ uploadEmptyConfig)
});

// UNUSED EXPORTS: PREDICATE_TYPE_ANNOTATION, referrerManifest

// EXTERNAL MODULE: ./src/oci/digest.ts
var digest = __webpack_require__(68825);
// EXTERNAL MODULE: ./src/oci/errors.ts
var errors = __webpack_require__(28630);
// EXTERNAL MODULE: ./src/oci/media-types.ts
var media_types = __webpack_require__(29217);
;// CONCATENATED MODULE: ./src/publish/referrer-batch.ts
const referrer_batch_open = new WeakMap();
/**
 * Call before any await, so that referrers started together join one batch; it is written when every
 * member has either added its descriptor or left. Each member must end in `add` or `leave`.
 */
function joinReferrerBatch(registry, repo, subjectDigest) {
    const key = `${repo.repoString()}@${subjectDigest}`;
    let batches = referrer_batch_open.get(registry);
    if (!batches)
        referrer_batch_open.set(registry, (batches = new Map()));
    let batch = batches.get(key);
    if (!batch) {
        let flush;
        const go = new Promise(resolve => (flush = resolve));
        const descriptors = [];
        // Called together, the registry client folds these into a single read-modify-write of the tag.
        const flushed = go.then(async () => {
            await Promise.all(descriptors.map(d => registry.addReferrerToFallbackIndex(repo, subjectDigest, d)));
        });
        flushed.catch(() => undefined); // each adding member awaits it; leavers need not
        batch = { joined: 0, settled: 0, descriptors, flushed, flush };
        batches.set(key, batch);
    }
    const b = batch;
    b.joined++;
    let done = false;
    const settle = () => {
        if (done)
            return false;
        done = true;
        if (++b.settled === b.joined) {
            if (batches.get(key) === b)
                batches.delete(key);
            b.flush();
        }
        return true;
    };
    return {
        async add(descriptor) {
            if (done)
                throw new Error('a referrer slot was used twice'); // a programming error, not a registry one
            b.descriptors.push(descriptor);
            settle();
            await b.flushed;
        },
        leave: () => void settle()
    };
}

;// CONCATENATED MODULE: ./src/publish/bundle-referrer.ts
// A Sigstore bundle as an OCI 1.1 referrer of the artifact: referrers API, or the `sha256-<hex>` fallback index.




const BUNDLE_MEDIA_TYPE = 'application/vnd.dev.sigstore.bundle.v0.3+json';
const COSIGN_SIGN_PREDICATE = 'https://sigstore.dev/cosign/sign/v1';
/** What scanners filter referrers by (Trivy's VEX discovery, BuildKit-style readers) without downloading them. */
const PREDICATE_TYPE_ANNOTATION = 'in-toto.io/predicate-type';
/** `oras pull` (and Trivy's artifact download) names the written file after it and skips layers without it. */
const TITLE_ANNOTATION = 'org.opencontainers.image.title';
function referrerManifest(bundleJson, subject, predicateType, created, title = 'attestation.sigstore.json') {
    return {
        schemaVersion: 2,
        mediaType: media_types/* OCI_MANIFEST */.EG,
        artifactType: BUNDLE_MEDIA_TYPE,
        config: { ...media_types/* EMPTY_JSON_DESCRIPTOR */.F1 },
        layers: [
            {
                mediaType: BUNDLE_MEDIA_TYPE,
                digest: (0,digest/* computeDigest */.MK)(bundleJson),
                size: bundleJson.length,
                annotations: { [PREDICATE_TYPE_ANNOTATION]: predicateType, [TITLE_ANNOTATION]: title }
            }
        ],
        subject: { mediaType: subject.mediaType, digest: subject.digest, size: subject.size },
        annotations: {
            'dev.sigstore.bundle.content': 'dsse-envelope',
            'dev.sigstore.bundle.predicateType': predicateType,
            [PREDICATE_TYPE_ANNOTATION]: predicateType,
            'org.opencontainers.image.created': created.toISOString().replace(/\.\d{3}Z$/, 'Z')
        }
    };
}
/** The `{}` config every referrer shares; upload it once before pushing several referrers. */
async function uploadEmptyConfig(registry, repo) {
    await registry.uploadBlob(repo, Buffer.from('{}'), media_types/* EMPTY_JSON_DESCRIPTOR */.F1.digest, media_types/* EMPTY_JSON_DESCRIPTOR */.F1.size);
}
const uploadEmptyConfigAgain = (registry, repo) => registry.uploadBlob(repo, Buffer.from('{}'), media_types/* EMPTY_JSON_DESCRIPTOR */.F1.digest, media_types/* EMPTY_JSON_DESCRIPTOR */.F1.size, {
    fresh: true
});
async function pushBundleReferrer(registry, repo, subject, bundleJson, predicateType, opts = {}) {
    const manifest = referrerManifest(bundleJson, subject, predicateType, opts.created ?? new Date(), opts.title);
    // A bundle holds a signature made in this run: new bytes, so no existence check.
    return pushArtifactReferrer(registry, repo, manifest, bundleJson, { ...opts, fresh: true });
}
/**
 * Pushes a one-layer artifact manifest that names its subject, and lists it in the fallback index where the
 * registry has no referrers API. Joins the subject's referrer batch synchronously, before its first await.
 */
async function pushArtifactReferrer(registry, repo, manifest, layerBytes, opts = {}) {
    const subjectDigest = manifest.subject.digest;
    const slot = joinReferrerBatch(registry, repo, subjectDigest); // before any await: siblings share a write
    try {
        // The manifest needs its config only when it is PUT: the layer goes up meanwhile.
        const config = opts.emptyConfig ?? (opts.emptyConfigPresent ? undefined : uploadEmptyConfig(registry, repo));
        config?.catch(() => undefined); // awaited below; a failed layer upload must not leave it unhandled
        const layer = manifest.layers[0];
        await registry.uploadBlob(repo, layerBytes, layer.digest, layerBytes.length, opts.fresh ? { fresh: true } : {});
        await config;
        const bytes = Buffer.from(JSON.stringify(manifest));
        const manifestDigest = (0,digest/* computeDigest */.MK)(bytes);
        const put = () => registry.putManifest(repo.withDigest(manifestDigest), bytes, media_types/* OCI_MANIFEST */.EG);
        await put().catch(async (err) => {
            if (!(0,errors/* isBlobUnknown */.AD)(err))
                throw err;
            // Parallel jobs commit the shared `{}` config at once; distribution 2.8 may lose its link: again, once.
            await Promise.all([
                uploadEmptyConfigAgain(registry, repo),
                registry.uploadBlob(repo, layerBytes, layer.digest, layerBytes.length, { fresh: true })
            ]);
            await put();
        });
        if (await registry.supportsReferrersApi(repo))
            return { manifestDigest, via: 'api' };
        await slot.add({
            mediaType: media_types/* OCI_MANIFEST */.EG,
            digest: manifestDigest,
            size: bytes.length,
            ...(manifest.artifactType ? { artifactType: manifest.artifactType } : {}),
            ...(manifest.annotations ? { annotations: manifest.annotations } : {})
        });
        return { manifestDigest, via: 'fallback-tag' };
    }
    finally {
        slot.leave(); // no-op after add; otherwise siblings must not wait for this one
    }
}


/***/ }),

/***/ 97095:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   $r: () => (/* binding */ SIMPLE_SIGNING_MEDIA_TYPE),
/* harmony export */   Fy: () => (/* binding */ appendToCosignTag),
/* harmony export */   OO: () => (/* binding */ DSSE_MEDIA_TYPE),
/* harmony export */   YX: () => (/* binding */ ANNOTATION),
/* harmony export */   qv: () => (/* binding */ cosignTag)
/* harmony export */ });
/* unused harmony export layoutConfig */
/* harmony import */ var _oci_digest_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(68825);
/* harmony import */ var _oci_errors_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(28630);
/* harmony import */ var _oci_name_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(51882);
/* harmony import */ var _oci_media_types_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(29217);
// cosign's tag layout: `sha256-<hex>.sig` / `.att` tags whose image layers each hold one signature.




const SIMPLE_SIGNING_MEDIA_TYPE = 'application/vnd.dev.cosign.simplesigning.v1+json';
const DSSE_MEDIA_TYPE = 'application/vnd.dsse.envelope.v1+json';
const ANNOTATION = {
    signature: 'dev.cosignproject.cosign/signature',
    certificate: 'dev.sigstore.cosign/certificate',
    chain: 'dev.sigstore.cosign/chain',
    bundle: 'dev.sigstore.cosign/bundle',
    timestamp: 'dev.sigstore.cosign/rfc3161timestamp',
    predicateType: 'predicateType'
};
/** `sha256:<hex>` → `sha256-<hex>.sig`. */
function cosignTag(subjectDigest, suffix) {
    return `${(0,_oci_name_js__WEBPACK_IMPORTED_MODULE_2__/* .digestTag */ .t9)(subjectDigest)}.${suffix}`;
}
/** Config that keeps rootfs.diff_ids equal to the (uncompressed) layer digests, as cosign writes it. */
function layoutConfig(layers) {
    const epoch = '0001-01-01T00:00:00Z';
    return Buffer.from(JSON.stringify({
        architecture: '',
        created: epoch,
        history: layers.map(() => ({ created: epoch })),
        os: '',
        rootfs: { type: 'layers', diff_ids: layers.map(l => l.digest) },
        config: {}
    }));
}
const layerKey = (l) => `${l.descriptor.digest} ${JSON.stringify(sorted(l.descriptor.annotations))}`;
const sorted = (a = {}) => Object.entries(a).sort(([x], [y]) => (x < y ? -1 : 1));
/**
 * The tag for convergeTag. A write uploads the config and those of our layers the tag just read does not
 * list (re-sending a small blob that happened to be there is harmless; fresh ones went up already), then
 * PUTs the manifest, with If-Match where the registry gave an ETag.
 */
function cosignTagSpec(registry, repo, tagRef, uploads) {
    return {
        tag: tagRef.toString(),
        key: layerKey,
        read: async () => {
            try {
                const fetched = await registry.getManifest(tagRef, { accept: [_oci_media_types_js__WEBPACK_IMPORTED_MODULE_3__/* .OCI_MANIFEST */ .EG] });
                const manifest = fetched.json;
                return {
                    manifest,
                    digest: fetched.digest,
                    entries: manifest.layers.map(descriptor => ({ descriptor })),
                    ...(fetched.etag ? { etag: fetched.etag } : {})
                };
            }
            catch (err) {
                if (err.code === 'REGISTRY_NOT_FOUND')
                    return undefined;
                throw err;
            }
        },
        prepare: async (current, entries) => {
            const listed = new Set(current?.manifest.layers.map(l => l.digest));
            for (const { descriptor, bytes } of entries) {
                if (!bytes || listed.has(descriptor.digest) || uploads.has(descriptor.digest))
                    continue;
                uploads.set(descriptor.digest, registry.uploadBlob(repo, bytes, descriptor.digest, bytes.length, { fresh: true }));
            }
            const layers = entries.map(e => e.descriptor);
            const config = layoutConfig(layers);
            const configDigest = (0,_oci_digest_js__WEBPACK_IMPORTED_MODULE_0__/* .computeDigest */ .MK)(config);
            await Promise.all([
                registry.uploadBlob(repo, config, configDigest, config.length, { fresh: true }),
                ...uploads.values()
            ]);
        },
        write: async (current, entries) => {
            const layers = entries.map(e => e.descriptor);
            const config = layoutConfig(layers);
            const configDigest = (0,_oci_digest_js__WEBPACK_IMPORTED_MODULE_0__/* .computeDigest */ .MK)(config);
            const manifest = {
                schemaVersion: 2,
                mediaType: _oci_media_types_js__WEBPACK_IMPORTED_MODULE_3__/* .OCI_MANIFEST */ .EG,
                config: { mediaType: _oci_media_types_js__WEBPACK_IMPORTED_MODULE_3__/* .OCI_CONFIG */ .TF, size: config.length, digest: configDigest },
                layers,
                ...(current?.manifest.annotations ? { annotations: current.manifest.annotations } : {})
            };
            const bytes = Buffer.from(JSON.stringify(manifest));
            const etag = current?.etag;
            // No retry inside the HTTP client: a write sent late could drop what another job added since our read;
            // convergeTag re-reads and re-merges instead.
            const put = () => registry.putManifest(tagRef, bytes, _oci_media_types_js__WEBPACK_IMPORTED_MODULE_3__/* .OCI_MANIFEST */ .EG, {
                retry: false,
                ...(etag ? { ifMatch: etag } : {})
            });
            try {
                return (await put()).digest;
            }
            catch (err) {
                if (!(0,_oci_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .isBlobUnknown */ .AD)(err))
                    throw err;
                // Parallel jobs that merged the same layers commit the same config at once, and distribution 2.8 can
                // lose that blob's link then: upload it (and ours) again. The write itself is not re-sent from here (the
                // uploads take time, and the state read before them may be stale): convergeTag reads, merges and writes.
                await Promise.all([
                    registry.uploadBlob(repo, config, configDigest, config.length, { fresh: true }),
                    ...entries.flatMap(({ descriptor, bytes: b }) => b ? [registry.uploadBlob(repo, b, descriptor.digest, b.length, { fresh: true })] : [])
                ]);
                throw err;
            }
        }
    };
}
/**
 * Appends our layers to the tag (absent = empty) and returns once a re-read after our last write holds them
 * all; convergeTag merges again when a parallel job's write dropped them.
 */
async function appendToCosignTag(registry, writers, repo, subjectDigest, suffix, layers, opts = {}) {
    const tag = cosignTag(subjectDigest, suffix);
    const tagRef = repo.withTag(tag);
    const ours = layers.map(layer => ({
        descriptor: {
            mediaType: layer.mediaType,
            digest: (0,_oci_digest_js__WEBPACK_IMPORTED_MODULE_0__/* .computeDigest */ .MK)(layer.bytes),
            size: layer.bytes.length,
            annotations: layer.annotations
        },
        bytes: layer.bytes
    }));
    // Layers holding this run's signatures cannot be there yet: they go up while the tag is read.
    const uploads = new Map();
    layers.forEach((layer, i) => {
        if (!layer.fresh)
            return;
        const digest = ours[i].descriptor.digest;
        const up = registry.uploadBlob(repo, layer.bytes, digest, layer.bytes.length, { fresh: true });
        up.catch(() => undefined); // awaited before the manifest PUT; a failure before that must not go unhandled
        uploads.set(digest, up);
    });
    // The .sig and .att tags of a repository may be written side by side; one tag's writes go one at a time.
    const spec = cosignTagSpec(registry, repo, tagRef, uploads);
    const { current } = await writers.add(`${repo.repoString()}:${tag}`, ours, spec, opts);
    return {
        tag,
        manifestDigest: current.digest,
        manifest: current.manifest,
        layerDigests: ours.map(o => o.descriptor.digest)
    };
}


/***/ }),

/***/ 58396:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   F: () => (/* binding */ SigstoreError)
/* harmony export */ });
/* harmony import */ var _errors_index_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(28936);
// One error type for the Sigstore side so callers and tests branch on a stable `code`, never on message text.

class SigstoreError extends _errors_index_js__WEBPACK_IMPORTED_MODULE_0__/* .CodedError */ .AK {
    constructor(code, message, options) {
        super(code, message, options);
        this.name = 'SigstoreError';
        if (options?.check)
            this.check = options.check;
    }
}


/***/ }),

/***/ 41193:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   m: () => (/* binding */ publicGoodTarget)
/* harmony export */ });
/* unused harmony export tufTargets */
function tufTargets(options = {}) {
    let client;
    return async (name) => {
        client ??= Promise.all(/* import() */[__webpack_require__.e(335), __webpack_require__.e(694)]).then(__webpack_require__.bind(__webpack_require__, 84423)).then(tuf => tuf.initTUF(options));
        const tuf = client;
        try {
            return await (await tuf).getTarget(name);
        }
        catch (err) {
            // A failed refresh is not kept: a later call tries again.
            if (client === tuf)
                client = undefined;
            throw err;
        }
    };
}
const publicGoodTarget = tufTargets();


/***/ }),

/***/ 21471:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  b: () => (/* binding */ BundleVerifier)
});

// UNUSED EXPORTS: anchoredIdentity

// EXTERNAL MODULE: ./src/errors/index.ts + 2 modules
var errors = __webpack_require__(28936);
// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(77598);
// EXTERNAL MODULE: ./node_modules/@sigstore/verify/dist/index.js
var dist = __webpack_require__(54187);
// EXTERNAL MODULE: ./src/sigstore/error.ts
var error = __webpack_require__(58396);
;// CONCATENATED MODULE: ./src/sigstore/verify/verified-cache.ts
// Remembers material that already passed full verification, so the same signature read back in its second
// format (tag-layout layer vs referrer bundle) is not re-verified from scratch.

/** Exact SANs and patterns are spelled apart, so a pattern never shares a cache entry with a string. */
const identityText = (san) => typeof san === 'string' ? `=${san}` : `~/${san.source}/${san.flags}`;
/**
 * Digest of every input the verifier reads except the inclusion proof of an entry with a SET: content and
 * signature, leaf certificate, Rekor entry (index, log, time, SET, body), timestamps, artifact and policy. The chain a
 * tag layer carries is left out because verification builds the path from the trusted root, not from it.
 */
function verificationKey(bundle, policy, artifact) {
    const h = (0,external_node_crypto_.createHash)('sha256');
    const part = (value) => {
        const b = Buffer.from(value ?? '');
        h.update(`${b.length}:`).update(b);
    };
    const content = bundle.content;
    if (content.$case === 'dsseEnvelope') {
        part('dsse');
        part(content.dsseEnvelope.payloadType);
        part(content.dsseEnvelope.payload);
        for (const s of content.dsseEnvelope.signatures)
            part(s.sig);
    }
    else {
        part('message');
        part(content.messageSignature.messageDigest?.digest);
        part(content.messageSignature.signature);
    }
    const vm = bundle.verificationMaterial;
    const leaf = vm.content?.$case === 'certificate'
        ? vm.content.certificate.rawBytes
        : vm.content?.$case === 'x509CertificateChain'
            ? vm.content.x509CertificateChain.certificates[0]?.rawBytes
            : undefined;
    part(leaf);
    for (const e of vm.tlogEntries) {
        part(e.logIndex);
        part(e.logId?.keyId);
        part(`${e.kindVersion?.kind}/${e.kindVersion?.version}`);
        part(e.integratedTime);
        part(e.inclusionPromise?.signedEntryTimestamp);
        part(e.canonicalizedBody);
        // Without a SET (Rekor v2) the proof and its checkpoint are the log's only word: a copy with another proof
        // is another bundle to verify, not a cache hit.
        if (!e.inclusionPromise && e.inclusionProof) {
            const p = e.inclusionProof;
            part(`${p.logIndex}/${p.treeSize}`);
            part(p.rootHash);
            for (const hash of p.hashes)
                part(hash);
            part(p.checkpoint?.envelope);
        }
    }
    for (const t of vm.timestampVerificationData?.rfc3161Timestamps ?? [])
        part(t.signedTimestamp);
    part(artifact);
    part(identityText(policy.subjectAlternativeName));
    part(policy.issuer);
    return h.digest('hex');
}
const hasInclusionProof = (bundle) => bundle.verificationMaterial.tlogEntries.some(e => e.inclusionProof !== undefined);
/** Key → whether that verification also checked an inclusion proof (a SET-only pass does not cover one). */
class VerifiedCache {
    #passed = new Map();
    covers(key, needsProof) {
        const withProof = this.#passed.get(key);
        return withProof !== undefined && (withProof || !needsProof);
    }
    record(key, withProof) {
        this.#passed.set(key, withProof || (this.#passed.get(key) ?? false));
    }
}

;// CONCATENATED MODULE: ./src/sigstore/verify/bundle-verifier.ts
// Verifies one bundle as a consumer would: chain, SCT, tlog (proof or SET), signature, identity and issuer;
// the run's one certificate is checked against the trusted root once, not once per bundle.





const escapeRegExp = (s) => s.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
/** @sigstore/verify matches the SAN with an unanchored regex; anchoring makes it exact. */
function anchoredIdentity(san) {
    return new RegExp(`^${escapeRegExp(san)}$`);
}
const LEAF_HINT = 'oci-attest:verified-leaf:';
class BundleVerifier {
    #verifier;
    #leafVerifier;
    #trust;
    #cache = new VerifiedCache();
    #leaves = new Map();
    #sans = new Map();
    /** Full verifications run (the rest were byte-identical to one that passed). */
    verifications = 0;
    /** Certificate chains built against the trusted root (once per certificate). */
    chainVerifications = 0;
    constructor(trust, opts = {}) {
        this.#trust = trust;
        const ctlogThreshold = opts.ignoreSct ? 0 : 1;
        this.#verifier = new dist/* Verifier */.BL(trust, { ctlogThreshold });
        this.#leafVerifier = new dist/* Verifier */.BL({ ...trust, publicKey: hint => this.#leafKey(hint) }, { ctlogThreshold });
    }
    /** `what` names the artifact and kind in the error, e.g. "registry/app@sha256:… provenance-v1 (referrer)". */
    verify(what, bundle, identity, artifact) {
        const key = verificationKey(bundle, identity, artifact);
        const withProof = hasInclusionProof(bundle);
        if (this.#cache.covers(key, withProof))
            return { san: this.#sans.get(key) };
        let san;
        try {
            this.verifications++;
            san = this.#verifyEntity((0,dist/* toSignedEntity */.DC)(bundle, artifact), identity);
        }
        catch (cause) {
            const code = cause.code ?? 'UNKNOWN';
            throw new error/* SigstoreError */.F('VERIFICATION_FAILED', `${what}: verification failed at ${code}: ${(0,errors/* errorText */.kc)(cause)}`, { cause, ...(missingSct(cause) ? { check: 'sct' } : {}) });
        }
        this.#cache.record(key, withProof);
        this.#sans.set(key, san);
        return { san };
    }
    /** Returns the certificate SAN. */
    #verifyEntity(entity, identity) {
        const identityKey = `${identityText(identity.subjectAlternativeName)}\n${identity.issuer}`;
        const der = entity.key.$case === 'certificate' ? entity.key.certificate.root.toDER() : undefined;
        const known = der && this.#leaves.get(der.toString('base64'));
        if (known && known.identityKey === identityKey) {
            // Signature, timestamps and log entry in full; the leaf stands for its already-verified chain.
            this.#leafVerifier.verify({ ...entity, key: { $case: 'public-key', hint: known.hint } });
            return known.san;
        }
        this.chainVerifications++;
        const { subjectAlternativeName: expected } = identity;
        const signer = this.#verifier.verify(entity, {
            subjectAlternativeName: typeof expected === 'string' ? anchoredIdentity(expected) : expected,
            extensions: { issuer: identity.issuer }
        });
        const san = signer.identity?.subjectAlternativeName;
        if (entity.key.$case === 'certificate' && der) {
            const leaf = entity.key.certificate;
            this.#leaves.set(der.toString('base64'), {
                hint: `${LEAF_HINT}${this.#leaves.size}`,
                identityKey,
                ...(san ? { san } : {}),
                publicKey: (0,external_node_crypto_.createPublicKey)({ key: leaf.publicKey, format: 'der', type: 'spki' }),
                validForDate: date => leaf.validForDate(date)
            });
        }
        return san;
    }
    /** What the chain check asserts for a given time: the leaf and some trusted CA (every certificate) valid then. */
    #leafKey(hint) {
        const entry = [...this.#leaves.values()].find(l => l.hint === hint);
        if (!entry)
            throw new error/* SigstoreError */.F('VERIFICATION_FAILED', `no verified certificate for ${hint}`);
        return {
            publicKey: entry.publicKey,
            validFor: (date) => entry.validForDate(date) &&
                this.#trust.certificateAuthorities.some(ca => ca.validFor.start <= date &&
                    date <= ca.validFor.end &&
                    ca.certChain.every(c => c.validForDate(date)))
        };
    }
}
/** @sigstore/verify's only word for "no SCT the trusted root accepts" is CERTIFICATE_ERROR with this text. */
function missingSct(cause) {
    const { code, message } = cause;
    return (code === 'CERTIFICATE_ERROR' && typeof message === 'string' && /^expected \d+ SCTs, got 0$/.test(message));
}


/***/ }),

/***/ 84592:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   A: () => (/* binding */ bundleFromLayer)
/* harmony export */ });
/* harmony import */ var _sigstore_bundle__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(61040);
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(77598);
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_crypto__WEBPACK_IMPORTED_MODULE_1__);
// Rebuilds a v0.1 bundle from a cosign tag-layout layer so the same verifier checks both formats.



const BUNDLE_V01 = 'application/vnd.dev.sigstore.bundle+json;version=0.1';
function pemBlocks(pem) {
    return pem.match(/-----BEGIN CERTIFICATE-----[\s\S]+?-----END CERTIFICATE-----/g) ?? [];
}
function bundleFromLayer(layerBytes, annotations, kind) {
    const certificate = annotations['dev.sigstore.cosign/certificate'];
    const rekor = annotations['dev.sigstore.cosign/bundle'];
    if (!certificate || !rekor)
        throw new Error('layer lacks the certificate or Rekor bundle annotation');
    const set = JSON.parse(rekor);
    const body = JSON.parse(Buffer.from(set.Payload.body, 'base64').toString('utf8'));
    const certificates = [
        ...pemBlocks(certificate),
        ...pemBlocks(annotations['dev.sigstore.cosign/chain'] ?? '')
    ].map(pem => ({ rawBytes: new node_crypto__WEBPACK_IMPORTED_MODULE_1__.X509Certificate(pem).raw.toString('base64') }));
    const ts = annotations['dev.sigstore.cosign/rfc3161timestamp'];
    const verificationMaterial = {
        x509CertificateChain: { certificates },
        tlogEntries: [
            {
                logIndex: String(set.Payload.logIndex),
                logId: { keyId: Buffer.from(set.Payload.logID, 'hex').toString('base64') },
                kindVersion: { kind: body.kind, version: body.apiVersion },
                integratedTime: String(set.Payload.integratedTime),
                inclusionPromise: { signedEntryTimestamp: set.SignedEntryTimestamp },
                canonicalizedBody: set.Payload.body
            }
        ],
        timestampVerificationData: {
            rfc3161Timestamps: ts
                ? [{ signedTimestamp: JSON.parse(ts).SignedRFC3161Timestamp }]
                : []
        }
    };
    if (kind === 'att') {
        return (0,_sigstore_bundle__WEBPACK_IMPORTED_MODULE_0__.bundleFromJSON)({
            mediaType: BUNDLE_V01,
            verificationMaterial,
            dsseEnvelope: JSON.parse(layerBytes.toString('utf8'))
        });
    }
    return (0,_sigstore_bundle__WEBPACK_IMPORTED_MODULE_0__.bundleFromJSON)({
        mediaType: BUNDLE_V01,
        verificationMaterial,
        messageSignature: {
            messageDigest: {
                algorithm: 'SHA2_256',
                digest: (0,node_crypto__WEBPACK_IMPORTED_MODULE_1__.createHash)('sha256').update(layerBytes).digest('base64')
            },
            signature: annotations['dev.cosignproject.cosign/signature'] ?? ''
        }
    });
}


/***/ }),

/***/ 62412:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   a: () => (/* binding */ loadTrustMaterial)
/* harmony export */ });
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(51455);
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_fs_promises__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var _sigstore_protobuf_specs__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(19654);
/* harmony import */ var _sigstore_protobuf_specs__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(_sigstore_protobuf_specs__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var _sigstore_verify__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(54187);
/* harmony import */ var _error_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(58396);
/* harmony import */ var _tuf_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(41193);
// Trust material for verification: a given trusted_root.json (private instances, the test bed) or public-good TUF.





async function loadTrustMaterial(trustedRootPath) {
    if (!trustedRootPath) {
        // Public good: the TUF-distributed root, fetched and checked by @sigstore/tuf.
        return (0,_sigstore_verify__WEBPACK_IMPORTED_MODULE_2__/* .toTrustMaterial */ .jO)(_sigstore_protobuf_specs__WEBPACK_IMPORTED_MODULE_1__.TrustedRoot.fromJSON(JSON.parse(await (0,_tuf_js__WEBPACK_IMPORTED_MODULE_4__/* .publicGoodTarget */ .m)('trusted_root.json'))));
    }
    let json;
    try {
        json = JSON.parse(await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.readFile)(trustedRootPath, 'utf8'));
    }
    catch (cause) {
        throw new _error_js__WEBPACK_IMPORTED_MODULE_3__/* .SigstoreError */ .F('TRUSTED_ROOT_INVALID', `trusted root ${trustedRootPath} cannot be read as JSON; give the trusted_root.json of your Sigstore instance`, { cause });
    }
    try {
        return (0,_sigstore_verify__WEBPACK_IMPORTED_MODULE_2__/* .toTrustMaterial */ .jO)(_sigstore_protobuf_specs__WEBPACK_IMPORTED_MODULE_1__.TrustedRoot.fromJSON(json));
    }
    catch (cause) {
        throw new _error_js__WEBPACK_IMPORTED_MODULE_3__/* .SigstoreError */ .F('TRUSTED_ROOT_INVALID', `trusted root ${trustedRootPath} is not a Sigstore TrustedRoot`, {
            cause
        });
    }
}


/***/ }),

/***/ 52517:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  JZ: () => (/* reexport */ PublishedVerifier),
  vO: () => (/* reexport */ assertVerified),
  St: () => (/* reexport */ verifyFileBundle)
});

// UNUSED EXPORTS: CheckFailed, checkSignedPayload, checkStatement, discoverPublished, verifyPublished

// EXTERNAL MODULE: ./node_modules/@sigstore/bundle/dist/index.js
var dist = __webpack_require__(61040);
// EXTERNAL MODULE: ./src/oci/errors.ts
var errors = __webpack_require__(28630);
// EXTERNAL MODULE: ./src/publish/bundle-referrer.ts + 1 modules
var bundle_referrer = __webpack_require__(20179);
// EXTERNAL MODULE: ./src/publish/cosign-layout.ts
var cosign_layout = __webpack_require__(97095);
// EXTERNAL MODULE: ./src/errors/index.ts + 2 modules
var src_errors = __webpack_require__(28936);
// EXTERNAL MODULE: ./src/sigstore/verify/layer-bundle.ts
var layer_bundle = __webpack_require__(84592);
;// CONCATENATED MODULE: ./src/verify/subject-claims.ts
// What signed material says about its subject (digest, name, predicate type), checked the same way for every
// caller: a DSSE statement, or the simple-signing payload of a cosign `.sig` layer.


/** One failed check of one item; the message names the check, the caller says which item. */
class CheckFailed extends src_errors/* CodedError */.AK {
    constructor(message, options) {
        super('CHECK_FAILED', message, options);
        this.name = 'CheckFailed';
    }
}
const STATEMENT_KEYS = ['_type', 'subject', 'predicateType', 'predicate'];
function checkStatement(bundle, expect) {
    if (bundle.content.$case !== 'dsseEnvelope')
        throw new CheckFailed('bundle holds no DSSE envelope');
    let statement;
    try {
        statement = JSON.parse(bundle.content.dsseEnvelope.payload.toString('utf8'));
    }
    catch (cause) {
        throw new CheckFailed('DSSE payload is not a JSON statement', { cause });
    }
    if (expect.strictStatement) {
        const extra = Object.keys(statement).filter(k => !STATEMENT_KEYS.includes(k));
        if (extra.length)
            throw new CheckFailed(`statement has fields stock verifiers reject: ${extra.join(', ')}`);
    }
    const hex = expect.digest.replace(/^sha256:/, '');
    const names = (s) => s.digest?.sha256 === hex && (expect.name === undefined || s.name === expect.name);
    if (!statement.subject?.some(names))
        throw new CheckFailed(`statement subject does not name ${expect.name ? `${expect.name}@` : ''}${expect.digest}`);
    const predicateType = statement.predicateType ?? 'unknown';
    if (expect.predicateType && predicateType !== expect.predicateType)
        throw new CheckFailed(`predicateType is ${predicateType}, expected ${expect.predicateType}`);
    return {
        kind: predicateType === bundle_referrer/* COSIGN_SIGN_PREDICATE */.u ? 'signature' : predicateType,
        predicateType,
        ...(statement.predicate ? { predicate: statement.predicate } : {})
    };
}
/** The `.sig` layer's simple-signing payload names the image digest it signs. */
function checkSignedPayload(payload, expect) {
    let parsed;
    try {
        parsed = JSON.parse(payload.toString('utf8'));
    }
    catch (cause) {
        throw new CheckFailed('signed payload is not JSON', { cause });
    }
    if (parsed.critical?.image?.['docker-manifest-digest'] !== expect.digest)
        throw new CheckFailed('signed payload names another digest');
}

;// CONCATENATED MODULE: ./src/verify/discover.ts
// What is published for one subject, in both formats: bundle referrers (the referrers API or its fallback index
// tag, whichever the registry has) and cosign's `sha256-<hex>.sig` / `.att` tags. Nothing here is trusted yet.







const once = (work) => {
    let started;
    return () => (started ??= work());
};
async function readReferrer(registry, repo, digest, referrer) {
    const manifest = (await registry.getManifest(repo.withDigest(referrer))).json;
    if (manifest.subject?.digest !== digest)
        throw new CheckFailed('referrer manifest names another subject');
    const layer = manifest.layers.find(l => l.mediaType === bundle_referrer/* BUNDLE_MEDIA_TYPE */.NV);
    if (!layer)
        throw new CheckFailed('referrer has no bundle layer');
    const bytes = await registry.readBlob(repo, layer.digest, layer.size);
    try {
        return { bundle: (0,dist.bundleFromJSON)(JSON.parse(bytes.toString('utf8'))) };
    }
    catch (cause) {
        throw new CheckFailed(`bundle layer is not a Sigstore bundle: ${(0,src_errors/* errorText */.kc)(cause)}`, { cause });
    }
}
/** The tag's manifest, or nothing when the tag does not exist (one GET, no HEAD first). */
async function tagManifest(registry, repo, tag) {
    try {
        return (await registry.getManifest(repo.withTag(tag))).json;
    }
    catch (err) {
        if (err instanceof errors/* RegistryError */.gl && err.code === 'REGISTRY_NOT_FOUND')
            return undefined;
        throw err;
    }
}
/** Lists what is published; reading a listed item is left to `read()`. Registry failures of the listing throw. */
async function discoverPublished(registry, repo, digest, where = { referrers: true, tags: ['sig', 'att'] }, 
/** Tag manifests the caller read after its last write of them: used as they are, not fetched again. */
known) {
    const tagged = (tag) => {
        const read = known?.get(tag);
        return read ? Promise.resolve(read) : tagManifest(registry, repo, tag);
    };
    // Every read at once: each is a round trip at the end of a subject's publishing.
    const [referrers, tags] = await Promise.all([
        where.referrers ? registry.listReferrers(repo, digest, bundle_referrer/* BUNDLE_MEDIA_TYPE */.NV) : [],
        Promise.all(where.tags.map(suffix => tagged((0,cosign_layout/* cosignTag */.qv)(digest, suffix))))
    ]);
    const found = referrers.map(ref => ({
        source: 'referrer',
        where: ref.digest,
        digest: ref.digest,
        read: once(() => readReferrer(registry, repo, digest, ref.digest))
    }));
    where.tags.forEach((suffix, t) => {
        const tag = (0,cosign_layout/* cosignTag */.qv)(digest, suffix);
        for (const [i, layer] of (tags[t]?.layers ?? []).entries()) {
            const annotations = layer.annotations ?? {};
            found.push({
                source: 'tag',
                where: `${tag} layer ${i}`,
                digest: layer.digest,
                tag,
                annotations,
                read: once(async () => {
                    const bytes = await registry.readBlob(repo, layer.digest, layer.size);
                    try {
                        const bundle = (0,layer_bundle/* bundleFromLayer */.A)(bytes, annotations, suffix);
                        return suffix === 'sig' ? { bundle, artifact: bytes } : { bundle };
                    }
                    catch (cause) {
                        throw new CheckFailed(`layer annotations do not form a verifiable signature: ${(0,src_errors/* errorText */.kc)(cause)}`, { cause });
                    }
                })
            });
        }
    });
    return found;
}

// EXTERNAL MODULE: external "node:util"
var external_node_util_ = __webpack_require__(57975);
// EXTERNAL MODULE: ./src/sigstore/error.ts
var sigstore_error = __webpack_require__(58396);
;// CONCATENATED MODULE: ./src/verify/verifier.ts
// The one verifier of published material: what is published for a subject (discover.ts), each item checked
// against a policy (certificate chain, SCT and log per the trust material, identity, issuer, subject digest and
// name, predicate type), and a report. Self-verification, `oci-attest verify` and the dry run all use it.






class PublishedVerifier {
    #bundles;
    #policy;
    constructor(bundles, policy) {
        this.#bundles = bundles;
        this.#policy = policy;
    }
    /** One bundle (and the `.sig` payload it signs): cryptography, then what it says about the subject. */
    verifyItem(what, material, subject, predicateType) {
        const { bundle, artifact } = material;
        const { san } = this.#bundles.verify(what, bundle, this.#policy.identity, artifact);
        const logIndex = bundle.verificationMaterial.tlogEntries[0]?.logIndex;
        const signer = { ...(logIndex ? { logIndex } : {}), ...(san ? { san } : {}) };
        const expect = {
            digest: subject.digest,
            ...(this.#policy.subjectName ? { name: subject.repo.repoString() } : {}),
            ...(predicateType ? { predicateType } : {}),
            ...(this.#policy.strictStatements ? { strictStatement: true } : {})
        };
        try {
            if (artifact) {
                checkSignedPayload(artifact, expect);
                return { kind: 'signature', ...signer };
            }
            const { kind, predicate } = checkStatement(bundle, expect);
            return { kind, ...signer, ...(predicate ? { predicate } : {}) };
        }
        catch (cause) {
            throw failure(what, cause);
        }
    }
    /**
     * Discovers and verifies what is published for `subject`. Without `expected`, every item found is examined
     * (`oci-attest verify`); with it, only those items, each of which must be found and pass.
     */
    async verifySubject(registry, subject, expected) {
        const base = `${subject.repo.repoString()}@${subject.digest}`;
        const where = expected
            ? {
                referrers: expected.items.some(i => i.referrer),
                tags: ['sig', 'att'].filter(s => expected.items.some(i => i.legacy?.tag.endsWith(`.${s}`)))
            }
            : undefined;
        const found = await discoverPublished(registry, subject.repo, subject.digest, where, expected?.reread);
        const items = [];
        const problems = [];
        if (!expected) {
            for (const f of found)
                void f.read().catch(() => undefined); // reads overlap; checks run in order
            for (const f of found)
                items.push((await this.#examine(`${base} ${f.source} ${f.where}`, f, subject)).item);
            return { subject: base, items, problems };
        }
        const wanted = expected.items.flatMap((item) => [
            ...(item.referrer
                ? [
                    {
                        what: `${base} ${item.kind} (referrer ${item.referrer})`,
                        found: found.find(f => f.source === 'referrer' && f.digest === item.referrer) ??
                            'not listed among the referrers of the subject',
                        predicateType: item.predicateType
                    }
                ]
                : []),
            ...(item.legacy ? [layerOf(base, item, found, expected.verifiedBefore)] : [])
        ]);
        const preVerified = expected.verifiedBefore !== undefined;
        if (!preVerified)
            for (const w of wanted)
                if (typeof w.found !== 'string')
                    void w.found.read().catch(() => undefined);
        // Referrer bundles come first for each item: they carry the inclusion proof, so the byte-identical
        // tag-layout copy that follows is covered by that full verification (see verified-cache.ts).
        for (const { what, found: f, predicateType } of wanted) {
            if (typeof f === 'string')
                problems.push(new sigstore_error/* SigstoreError */.F('VERIFICATION_FAILED', `${what}: ${f}`));
            else if (preVerified) {
                const kind = !predicateType || predicateType === bundle_referrer/* COSIGN_SIGN_PREDICATE */.u ? 'signature' : predicateType;
                items.push({ source: f.source, where: f.where, ok: true, kind, confirmed: true });
            }
            else {
                const { item, error } = await this.#examine(what, f, subject, predicateType);
                items.push(item);
                if (error)
                    problems.push(error);
            }
        }
        return { subject: base, items, problems };
    }
    async #examine(what, f, subject, predicateType) {
        const at = { source: f.source, where: f.where };
        try {
            return { item: { ...at, ok: true, ...this.verifyItem(what, await f.read(), subject, predicateType) } };
        }
        catch (err) {
            const error = err instanceof sigstore_error/* SigstoreError */.F ? err : failure(what, err);
            // The check's own words: the report line already names the item.
            const problem = (0,src_errors/* errorText */.kc)(err instanceof sigstore_error/* SigstoreError */.F && err.cause ? err.cause : err);
            return { item: { ...at, kind: '?', ok: false, problem }, error };
        }
    }
}
/** The tag layer an expected item names: exactly as it verified before, or by digest and signature. */
function layerOf(base, item, found, verifiedBefore) {
    const { tag, layerDigest, signature } = item.legacy;
    const what = `${base} ${item.kind} (tag ${tag})`;
    const layers = found.filter(f => f.tag === tag && f.digest === layerDigest);
    const layer = verifiedBefore
        ? layers.find(f => (0,external_node_util_.isDeepStrictEqual)(f.annotations, verifiedBefore.get(layerDigest)))
        : layers.find(f => signature === undefined || f.annotations?.['dev.cosignproject.cosign/signature'] === signature);
    const missing = verifiedBefore
        ? `layer ${layerDigest} with the verified annotations is missing from the tag`
        : `layer ${layerDigest} is missing from the tag`;
    return { what, found: layer ?? missing, predicateType: item.predicateType };
}
function failure(what, cause) {
    return new sigstore_error/* SigstoreError */.F('VERIFICATION_FAILED', `${what}: ${(0,src_errors/* errorText */.kc)(cause)}`, { cause });
}
/** Self-verification's verdict: the first problem, thrown. */
function assertVerified(report) {
    if (report.problems.length)
        throw report.problems[0];
}
/** Every expected item re-read from the registry and verified in full; throws the first problem. */
async function verifyPublished(registry, bundles, identity, subject) {
    const verifier = new PublishedVerifier(bundles, { identity });
    assertVerified(await verifier.verifySubject(registry, subject, { items: subject.items }));
}

// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(77598);
;// CONCATENATED MODULE: ./src/verify/file-bundle.ts
// A file's bundle (no registry): a sign-blob message signature over the file's bytes, or an in-toto statement
// that must list the file's sha256 among its subjects; the cryptography is the one bundle verifier's.



function verifyFileBundle(verifier, what, bundleJson, file, identity) {
    let bundle;
    try {
        bundle = (0,dist.bundleFromJSON)(bundleJson);
    }
    catch (cause) {
        throw new CheckFailed(`${what}: not a Sigstore bundle`, { cause });
    }
    const logIndex = bundle.verificationMaterial.tlogEntries[0]?.logIndex;
    const facts = (san) => ({ ...(san ? { san } : {}), ...(logIndex ? { logIndex } : {}) });
    if (bundle.content.$case === 'messageSignature') {
        const { san } = verifier.verify(what, bundle, identity, file);
        return { kind: 'signature', ...facts(san) };
    }
    const { san } = verifier.verify(what, bundle, identity);
    const envelope = bundle.content.dsseEnvelope;
    if (envelope.payloadType !== 'application/vnd.in-toto+json')
        throw new CheckFailed(`${what}: the envelope is ${envelope.payloadType}, not an in-toto statement`);
    const statement = JSON.parse(envelope.payload.toString('utf8'));
    const sha256 = (0,external_node_crypto_.createHash)('sha256').update(file).digest('hex');
    if (!statement.subject?.some(s => s.digest?.sha256?.toLowerCase() === sha256))
        throw new CheckFailed(`${what}: the statement does not list this file (sha256:${sha256}); it names ${(statement.subject ?? []).map(s => s.name).join(', ')}`);
    return {
        kind: statement.predicateType ?? '',
        ...facts(san),
        ...(statement.predicate ? { predicate: statement.predicate } : {})
    };
}

;// CONCATENATED MODULE: ./src/verify/index.ts
// The verifier of published material, as other folders use it: discovery, checks against a policy, a report.






/***/ })

};
