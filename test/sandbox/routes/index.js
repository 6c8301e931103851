// @ts-check
/** Every Cunnekt endpoint the sandbox speaks, one module per area of docs/api-contract.md. */
module.exports = [require('./messages'), require('./media'), require('./templates'), require('./campaigns')];
