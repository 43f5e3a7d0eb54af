export const id = 893;
export const ids = [893];
export const modules = {

/***/ 65893:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   SBOM_USAGE: () => (/* binding */ SBOM_USAGE),
/* harmony export */   parseSize: () => (/* binding */ parseSize),
/* harmony export */   runSbomCommand: () => (/* binding */ runSbomCommand)
/* harmony export */ });
/* harmony import */ var _errors_index_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(28936);
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(51455);
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_fs_promises__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var _oci_index_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(66287);
/* harmony import */ var _pipeline_plan_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(75455);
/* harmony import */ var _sbom_index_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(81325);
/* harmony import */ var _args_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(77593);
// `oci-attest sbom <image-ref | chart-ref | oci-layout:DIR | docker-archive:FILE>`: writes an SBOM of one image, or
// of a Helm chart (the images it deploys).






const SBOM_USAGE = `usage: oci-attest sbom <image-ref | chart-ref | oci-layout:DIR | docker-archive:FILE>
       [--platform os/arch[/variant]] [--format cyclonedx-json|spdx-json] [--output FILE]
       [--include-files] [--max-file-size SIZE] [--max-layer-size SIZE] [--quiet] [--debug]
  SIZE: bytes, or with a K/M/G/T suffix (binary units); caps against decompression bombs
  A Helm chart's SBOM lists the chart, its subcharts and every image it can deploy (digests where reachable)
  Exit codes: 0 written, 1 the image could not be read, 2 bad command line.`;
/** "1048576", "512K", "64M", "2G", "1T" (binary units) → bytes. */
function parseSize(text) {
    const m = /^(\d+)\s*([KMGT])?(?:i?B)?$/i.exec(text.trim());
    if (!m)
        return undefined;
    const power = m[2] ? 'KMGT'.indexOf(m[2].toUpperCase()) + 1 : 0;
    const bytes = Number(m[1]) * 1024 ** power;
    return Number.isSafeInteger(bytes) && bytes > 0 ? bytes : undefined;
}
/** Exit codes: 0 written, 1 the image could not be read, 2 bad command line. */
async function runSbomCommand(argv, io) {
    let args;
    try {
        args = (0,_args_js__WEBPACK_IMPORTED_MODULE_5__/* .parseFlags */ .bQ)({
            args: argv,
            allowPositionals: true,
            options: {
                platform: { type: 'string' },
                format: { type: 'string', default: 'cyclonedx-json' },
                output: { type: 'string', short: 'o' },
                'include-files': { type: 'boolean', default: false },
                'max-file-size': { type: 'string' },
                'max-layer-size': { type: 'string' },
                quiet: { type: 'boolean', short: 'q', default: false },
                debug: { type: 'boolean', default: false },
                help: { type: 'boolean', short: 'h', default: false }
            }
        });
    }
    catch (err) {
        io.stderr.write(`oci-attest sbom: ${(0,_errors_index_js__WEBPACK_IMPORTED_MODULE_0__/* .errorText */ .kc)(err)}\n${SBOM_USAGE}\n`);
        return 2;
    }
    const { values, positionals } = args;
    if (values.help) {
        io.stdout.write(`${SBOM_USAGE}\n`);
        return 0;
    }
    if (positionals.length !== 1) {
        io.stderr.write(`oci-attest sbom: expected one image, got ${positionals.length}\n${SBOM_USAGE}\n`);
        return 2;
    }
    const source = positionals[0];
    if (!/^(oci-layout|docker-archive):/.test(source)) {
        try {
            (0,_oci_index_js__WEBPACK_IMPORTED_MODULE_2__/* .parseReference */ .F2)(source);
        }
        catch (err) {
            io.stderr.write(`oci-attest sbom: ${(0,_errors_index_js__WEBPACK_IMPORTED_MODULE_0__/* .errorText */ .kc)(err)}: give registry/repo:tag, registry/repo@sha256:<hex>, oci-layout:DIR or docker-archive:FILE\n${SBOM_USAGE}\n`);
            return 2;
        }
    }
    const format = values.format;
    if (!_sbom_index_js__WEBPACK_IMPORTED_MODULE_4__/* .SBOM_FORMATS */ .zu.includes(format)) {
        io.stderr.write(`oci-attest sbom: --format "${values.format}" is not one of ${_sbom_index_js__WEBPACK_IMPORTED_MODULE_4__/* .SBOM_FORMATS */ .zu.join(', ')}\n`);
        return 2;
    }
    const limits = {};
    for (const [flag, key] of [
        ['max-file-size', 'maxFileBytes'],
        ['max-layer-size', 'maxLayerBytes']
    ]) {
        const text = values[flag];
        if (text === undefined)
            continue;
        const bytes = parseSize(text);
        if (bytes === undefined) {
            io.stderr.write(`oci-attest sbom: --${flag} "${text}" is not a size (e.g. 512M, 64G)\n`);
            return 2;
        }
        limits[key] = bytes;
    }
    const started = Date.now();
    const progress = (p) => {
        if (values.quiet)
            return;
        const mib = (n) => (n / 1048576).toFixed(0);
        io.stderr.write(`layers ${p.layersDone}/${p.layersTotal}, ${mib(p.bytesRead)}/${mib(p.bytesTotal)} MiB read, ${mib(p.expandedBytes)} MiB expanded\n`);
    };
    const registry = new _oci_index_js__WEBPACK_IMPORTED_MODULE_2__/* .RegistryClient */ .bP({ credentials: (0,_oci_index_js__WEBPACK_IMPORTED_MODULE_2__/* .dockerConfigCredentials */ .D)({ env: process.env }) });
    try {
        const chart = /^(oci-layout|docker-archive):/.test(source)
            ? undefined
            : await chartManifest(registry, source);
        if (chart) {
            const result = await (0,_sbom_index_js__WEBPACK_IMPORTED_MODULE_4__/* .generateChartSbom */ .ZN)({
                ...chart,
                format,
                registry,
                onWarning: m => io.stderr.write(`warning: ${m}\n`)
            });
            if (values.output)
                await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_1__.writeFile)(values.output, result.serialized + '\n');
            else
                io.stdout.write(result.serialized + '\n');
            if (!values.quiet)
                io.stderr.write(`${result.images.length} images in the chart (${result.defaultImages} deployed by default, ` +
                    `${result.images.filter(i => i.digest).length} with digests), ${((Date.now() - started) / 1000).toFixed(1)} s` +
                    `${values.output ? ` → ${values.output}` : ''}\n`);
            return 0;
        }
        const result = await (0,_sbom_index_js__WEBPACK_IMPORTED_MODULE_4__/* .generateSbom */ .N3)({
            source,
            format,
            ...(values.platform ? { platform: values.platform } : {}),
            includeFiles: values['include-files'],
            limits,
            registry,
            onProgress: progress,
            onWarning: m => io.stderr.write(`warning: ${m}\n`)
        });
        if (values.output)
            await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_1__.writeFile)(values.output, result.serialized + '\n');
        else
            io.stdout.write(result.serialized + '\n');
        if (!values.quiet) {
            const others = result.otherPlatforms.length
                ? ` (also in the index: ${result.otherPlatforms.join(', ')})`
                : '';
            io.stderr.write(`${result.packages.length} packages in ${result.platform}${others}, ${((Date.now() - started) / 1000).toFixed(1)} s` +
                `${values.output ? ` → ${values.output}` : ''}\n`);
        }
        return 0;
    }
    catch (err) {
        const code = err.code;
        io.stderr.write(`oci-attest sbom: ${typeof code === 'string' ? `${code}: ` : ''}${(0,_errors_index_js__WEBPACK_IMPORTED_MODULE_0__/* .errorText */ .kc)(err)}\n`);
        if (values.debug && err instanceof Error && err.stack)
            io.stderr.write(`${err.stack}\n`);
        return 1;
    }
}
/** The manifest when the reference is a Helm chart (its config media type says so); else undefined. */
async function chartManifest(registry, source) {
    const ref = (0,_oci_index_js__WEBPACK_IMPORTED_MODULE_2__/* .parseReference */ .F2)(source);
    let manifest;
    try {
        manifest = await registry.getManifest(ref);
    }
    catch {
        return undefined; // the image path reports an unreadable reference as it always has
    }
    const config = manifest.json.config?.mediaType;
    return config === _pipeline_plan_js__WEBPACK_IMPORTED_MODULE_3__/* .HELM_CONFIG_MEDIA_TYPE */ .A5 ? { repository: ref, manifest } : undefined;
}


/***/ })

};
