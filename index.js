// n8n loads the nodes and credentials listed under "n8n" in package.json; this entry point exists for tools that
// require the package directly.
module.exports = {};
