export const id = 744;
export const ids = [744];
export const modules = {

/***/ 28744:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   actionsUi: () => (/* binding */ actionsUi)
/* harmony export */ });
/* harmony import */ var _actions_core__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(96421);
// The runner's side of a run: workflow commands and the job summary through @actions/core.

const actionsUi = {
    info: line => _actions_core__WEBPACK_IMPORTED_MODULE_0__.info(line),
    warning: line => _actions_core__WEBPACK_IMPORTED_MODULE_0__.warning(line),
    group: (name, work) => _actions_core__WEBPACK_IMPORTED_MODULE_0__.group(name, work),
    setSecret: secret => _actions_core__WEBPACK_IMPORTED_MODULE_0__.setSecret(secret),
    setOutput: (name, value) => _actions_core__WEBPACK_IMPORTED_MODULE_0__.setOutput(name, value),
    setFailed: message => _actions_core__WEBPACK_IMPORTED_MODULE_0__.setFailed(message),
    writeSummary: async (markdown) => {
        await _actions_core__WEBPACK_IMPORTED_MODULE_0__.summary.addRaw(markdown).write();
    }
};


/***/ })

};
