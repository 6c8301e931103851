// n8n-core writes its instance settings (an encryption key) into the user folder on first use: keep that out of ~/.n8n.
const os = require('os');
const path = require('path');
process.env.N8N_USER_FOLDER = process.env.N8N_USER_FOLDER || path.join(os.tmpdir(), 'n8n-nodes-cunnekt-jest');
process.env.N8N_LOG_LEVEL = process.env.N8N_LOG_LEVEL || 'silent';
