// @ts-check
/** Every Cunnekt endpoint the sandbox speaks, one module per area of docs/api-contract.md (current.js: the current platform's paths). */
module.exports = [require('./messages'), require('./media'), require('./templates'), require('./campaigns'), require('./current')];
