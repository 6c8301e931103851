// @ts-check
/** Every Cunnekt endpoint the sandbox speaks, one module per area of ../../../shared/cunnekt-api.md. */
module.exports = [require('./messages'), require('./media'), require('./templates'), require('./campaigns'), require('./current')];
