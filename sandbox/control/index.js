// @ts-check
/** Extra control routes under /__sandbox, one module per concern (the webhook sender, media files, the fault switchboard). */
module.exports = [require('./webhooks'), require('./media'), require('./faults')];
