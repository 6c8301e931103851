// @ts-check
module.exports = [];
