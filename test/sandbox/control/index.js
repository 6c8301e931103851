// @ts-check
/** Extra control routes under /__sandbox, one module per concern (the webhook sender, the fault switchboard). */
module.exports = [require('./faults')];
