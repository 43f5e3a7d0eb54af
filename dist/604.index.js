export const id = 604;
export const ids = [604];
export const modules = {

/***/ 59566:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   _: () => (/* binding */ resolveDependencies)
/* harmony export */ });
/** "libc6 (>= 2.34)" → "libc6"; "so:libc.musl-x86_64.so.1" stays whole; ":any" suffixes dropped. */
function bareName(dep) {
    return dep
        .trim()
        .split(/[\s(<>=]/)[0]
        .replace(/:any$/, '');
}
/** For each package index, the indices of the packages it depends on (sorted, no self-loops). */
function resolveDependencies(packages) {
    const byName = new Map();
    const add = (key, i) => {
        const list = byName.get(key);
        if (!list)
            byName.set(key, [i]);
        else if (!list.includes(i))
            list.push(i);
    };
    packages.forEach((p, i) => {
        add(`${p.type}\0${p.name}`, i);
        for (const provided of p.provides ?? [])
            add(`${p.type}\0${bareName(provided)}`, i);
    });
    const out = new Map();
    packages.forEach((p, i) => {
        if (!p.dependsOn?.length)
            return;
        const targets = new Set();
        for (const dep of p.dependsOn) {
            // "a | b": the first alternative that is installed.
            for (const alt of dep.split('|')) {
                const hits = byName.get(`${p.type}\0${bareName(alt)}`);
                if (hits) {
                    for (const t of hits)
                        if (t !== i)
                            targets.add(t);
                    break;
                }
            }
        }
        if (targets.size > 0)
            out.set(i, [...targets].sort((a, b) => a - b));
    });
    return out;
}


/***/ }),

/***/ 16604:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   buildSpdx: () => (/* binding */ buildSpdx)
/* harmony export */ });
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(77598);
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_crypto__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var _cyclonedx_cyclonedx_library__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(54567);
/* harmony import */ var _cyclonedx_cyclonedx_library__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(_cyclonedx_cyclonedx_library__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var _bom_refs_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(67936);
/* harmony import */ var _dependencies_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(59566);
// SPDX 2.3 JSON: the image as the described package, CONTAINS each package, DEPENDS_ON between them.




/** A declared license as an SPDX expression when every part is a known id; else NOASSERTION. */
function declared(licenses) {
    const ids = [...new Set(licenses ?? [])].map(l => {
        const id = _cyclonedx_cyclonedx_library__WEBPACK_IMPORTED_MODULE_1__.SPDX.fixupSpdxId(l.trim());
        return id && _cyclonedx_cyclonedx_library__WEBPACK_IMPORTED_MODULE_1__.SPDX.isSupportedSpdxId(id) ? id : undefined;
    });
    if (ids.length === 0 || ids.some(id => id === undefined))
        return 'NOASSERTION';
    return ids.length === 1 ? ids[0] : ids.map(id => `(${id})`).join(' AND ');
}
function spdxPackage(p, id) {
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
    return {
        name: p.name,
        SPDXID: id,
        ...(p.version ? { versionInfo: p.version } : {}),
        supplier: 'NOASSERTION',
        downloadLocation: 'NOASSERTION',
        filesAnalyzed: false,
        sourceInfo: `acquired package info from ${p.foundBy}: ${p.locations.join(', ')}`,
        licenseConcluded: 'NOASSERTION',
        licenseDeclared: declared(p.licenses),
        copyrightText: 'NOASSERTION',
        primaryPackagePurpose: 'LIBRARY',
        ...(refs.length ? { externalRefs: refs } : {})
    };
}
function buildSpdx(model, opts = {}) {
    const { subject, packages, distro } = model;
    const uuid = opts.serialNumber ?? (0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.randomUUID)();
    const rootId = 'SPDXRef-DocumentRoot-Image';
    const root = {
        name: subject.name,
        SPDXID: rootId,
        versionInfo: subject.version,
        supplier: 'NOASSERTION',
        downloadLocation: 'NOASSERTION',
        filesAnalyzed: false,
        licenseConcluded: 'NOASSERTION',
        licenseDeclared: 'NOASSERTION',
        copyrightText: 'NOASSERTION',
        primaryPackagePurpose: 'CONTAINER',
        ...(subject.manifestDigest
            ? {
                checksums: [{ algorithm: 'SHA256', checksumValue: subject.manifestDigest.replace(/^sha256:/, '') }]
            }
            : {})
    };
    const ids = (0,_bom_refs_js__WEBPACK_IMPORTED_MODULE_2__/* .spdxIds */ .Ej)(packages);
    const pkgs = packages.map((p, i) => spdxPackage(p, ids[i]));
    const relationships = [
        { spdxElementId: 'SPDXRef-DOCUMENT', relationshipType: 'DESCRIBES', relatedSpdxElement: rootId },
        ...ids.map(id => ({ spdxElementId: rootId, relationshipType: 'CONTAINS', relatedSpdxElement: id }))
    ];
    for (const [from, targets] of (0,_dependencies_js__WEBPACK_IMPORTED_MODULE_3__/* .resolveDependencies */ ._)(packages)) {
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
                primaryPackagePurpose: 'OPERATING-SYSTEM'
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
        relationships
    };
}


/***/ })

};
