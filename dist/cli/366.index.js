export const id = 366;
export const ids = [366];
export const modules = {

/***/ 70366:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   buildCycloneDx: () => (/* binding */ buildCycloneDx),
/* harmony export */   serializeCycloneDx: () => (/* binding */ serializeCycloneDx)
/* harmony export */ });
/* unused harmony export toLicenses */
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(77598);
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_crypto__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var _cyclonedx_cyclonedx_library__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(54567);
/* harmony import */ var _cyclonedx_cyclonedx_library__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(_cyclonedx_cyclonedx_library__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var _bom_refs_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(67936);
/* harmony import */ var _dependencies_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(59566);
// CycloneDX 1.6 JSON through @cyclonedx/cyclonedx-library, shaped like Syft's image SBOMs.




const purlOf = (purl) => ({ toString: () => purl });
function prop(name, value) {
    return new _cyclonedx_cyclonedx_library__WEBPACK_IMPORTED_MODULE_1__.Models.Property(name, value);
}
/** SPDX id when valid, else an expression when it reads as one, else a named license. */
function toLicenses(licenses) {
    const repo = new _cyclonedx_cyclonedx_library__WEBPACK_IMPORTED_MODULE_1__.Models.LicenseRepository();
    const unique = [...new Set((licenses ?? []).map(l => l.trim()).filter(Boolean))];
    for (const text of unique) {
        const id = _cyclonedx_cyclonedx_library__WEBPACK_IMPORTED_MODULE_1__.SPDX.fixupSpdxId(text);
        if (id && _cyclonedx_cyclonedx_library__WEBPACK_IMPORTED_MODULE_1__.SPDX.isSupportedSpdxId(id))
            repo.add(new _cyclonedx_cyclonedx_library__WEBPACK_IMPORTED_MODULE_1__.Models.SpdxLicense(id));
        else if (unique.length === 1 && /\s(AND|OR|WITH)\s/.test(text))
            repo.add(new _cyclonedx_cyclonedx_library__WEBPACK_IMPORTED_MODULE_1__.Models.LicenseExpression(text));
        else
            repo.add(new _cyclonedx_cyclonedx_library__WEBPACK_IMPORTED_MODULE_1__.Models.NamedLicense(text));
    }
    return repo;
}
function packageComponent(p, bomRef) {
    const properties = new _cyclonedx_cyclonedx_library__WEBPACK_IMPORTED_MODULE_1__.Models.PropertyRepository([
        prop('syft:package:foundBy', p.foundBy),
        prop('syft:package:type', p.type),
        ...p.locations.flatMap((path, i) => [
            ...(p.layer ? [prop(`syft:location:${i}:layerID`, p.layer.diffId)] : []),
            prop(`syft:location:${i}:path`, path)
        ]),
        ...Object.entries(p.metadata ?? {}).map(([k, v]) => prop(`oci-attest:metadata:${k}`, v)),
        ...(p.cpes ?? []).slice(1).map(cpe => prop('syft:cpe23', cpe))
    ]);
    return new _cyclonedx_cyclonedx_library__WEBPACK_IMPORTED_MODULE_1__.Models.Component(_cyclonedx_cyclonedx_library__WEBPACK_IMPORTED_MODULE_1__.Enums.ComponentType.Library, p.name, {
        bomRef,
        version: p.version,
        ...(p.purl ? { purl: purlOf(p.purl) } : {}),
        ...(p.cpes?.[0] ? { cpe: p.cpes[0] } : {}),
        licenses: toLicenses(p.licenses),
        properties
    });
}
function buildCycloneDx(model, opts = {}) {
    const { subject, distro, packages } = model;
    const bom = new _cyclonedx_cyclonedx_library__WEBPACK_IMPORTED_MODULE_1__.Models.Bom({ serialNumber: `urn:uuid:${opts.serialNumber ?? (0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.randomUUID)()}` });
    bom.metadata.timestamp = opts.timestamp ?? new Date();
    bom.metadata.tools.components.add(new _cyclonedx_cyclonedx_library__WEBPACK_IMPORTED_MODULE_1__.Models.Component(_cyclonedx_cyclonedx_library__WEBPACK_IMPORTED_MODULE_1__.Enums.ComponentType.Application, model.tool.name, { version: model.tool.version }));
    const imageProps = [
        prop('oci-attest:image:platform', subject.platform),
        ...(subject.manifestDigest ? [prop('oci-attest:image:manifestDigest', subject.manifestDigest)] : []),
        ...subject.otherPlatforms.map(p => prop('oci-attest:image:otherPlatform', p)),
        ...Object.entries(subject.labels).map(([k, v]) => prop(`syft:image:labels:${k}`, v))
    ];
    const root = new _cyclonedx_cyclonedx_library__WEBPACK_IMPORTED_MODULE_1__.Models.Component(_cyclonedx_cyclonedx_library__WEBPACK_IMPORTED_MODULE_1__.Enums.ComponentType.Container, subject.name, {
        bomRef: `container:${subject.name}@${subject.manifestDigest ?? subject.version}`,
        version: subject.version,
        properties: new _cyclonedx_cyclonedx_library__WEBPACK_IMPORTED_MODULE_1__.Models.PropertyRepository(imageProps)
    });
    bom.metadata.component = root;
    if (distro) {
        const fields = distro.fields;
        const os = new _cyclonedx_cyclonedx_library__WEBPACK_IMPORTED_MODULE_1__.Models.Component(_cyclonedx_cyclonedx_library__WEBPACK_IMPORTED_MODULE_1__.Enums.ComponentType.OperatingSystem, distro.id, {
            bomRef: `os:${distro.id}@${distro.versionId ?? ''}`,
            ...(distro.versionId ? { version: distro.versionId } : {}),
            ...(fields['PRETTY_NAME'] ? { description: fields['PRETTY_NAME'] } : {}),
            ...(fields['CPE_NAME'] ? { cpe: fields['CPE_NAME'] } : {}),
            properties: new _cyclonedx_cyclonedx_library__WEBPACK_IMPORTED_MODULE_1__.Models.PropertyRepository(Object.entries(fields).map(([k, v]) => prop(`syft:distro:${k.toLowerCase()}`, v)))
        });
        bom.components.add(os);
    }
    const refs = (0,_bom_refs_js__WEBPACK_IMPORTED_MODULE_2__/* .bomRefs */ .PA)(packages);
    const components = packages.map((p, i) => packageComponent(p, refs[i]));
    for (const c of components)
        bom.components.add(c);
    // Dependencies must point at the components' own BomRef objects (an equal new one is dropped).
    for (const [from, targets] of (0,_dependencies_js__WEBPACK_IMPORTED_MODULE_3__/* .resolveDependencies */ ._)(packages)) {
        for (const t of targets)
            components[from].dependencies.add(components[t].bomRef);
    }
    for (const file of model.files ?? []) {
        const hashes = new _cyclonedx_cyclonedx_library__WEBPACK_IMPORTED_MODULE_1__.Models.HashDictionary([[_cyclonedx_cyclonedx_library__WEBPACK_IMPORTED_MODULE_1__.Enums.HashAlgorithm['SHA-256'], file.sha256]]);
        bom.components.add(new _cyclonedx_cyclonedx_library__WEBPACK_IMPORTED_MODULE_1__.Models.Component(_cyclonedx_cyclonedx_library__WEBPACK_IMPORTED_MODULE_1__.Enums.ComponentType.File, file.path, {
            bomRef: `file:${file.layer.diffId}:${file.path}`,
            hashes,
            properties: new _cyclonedx_cyclonedx_library__WEBPACK_IMPORTED_MODULE_1__.Models.PropertyRepository([prop('syft:location:0:layerID', file.layer.diffId)])
        }));
    }
    return bom;
}
function serializeCycloneDx(bom) {
    const serializer = new _cyclonedx_cyclonedx_library__WEBPACK_IMPORTED_MODULE_1__.Serialize.JsonSerializer(new _cyclonedx_cyclonedx_library__WEBPACK_IMPORTED_MODULE_1__.Serialize.JSON.Normalize.Factory(_cyclonedx_cyclonedx_library__WEBPACK_IMPORTED_MODULE_1__.Spec.Spec1dot6));
    return serializer.serialize(bom, { sortLists: true, space: 2 });
}


/***/ }),

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


/***/ })

};
