// @ts-check
/**
 * Preloaded into every n8n process of the queue-mode suite (NODE_OPTIONS=--require). In a container n8n names each
 * process after the machine's hostname, so two workers on one machine share a host id (n8n warns); this gives each
 * process the name in CUNNEKT_HOST_ID, as separate machines would have.
 */
const os = require('os');

const hostId = process.env.CUNNEKT_HOST_ID;
if (hostId) os.hostname = () => hostId;
