#!/usr/bin/env node
// @ts-check
/** `npm run sandbox`: a local Cunnekt on 127.0.0.1. Options: --port N, --key KEY. */
const { startSandbox } = require('./server');

function option(name) {
	const index = process.argv.indexOf(`--${name}`);
	return index > 0 ? process.argv[index + 1] : undefined;
}

startSandbox({ port: Number(option('port') ?? process.env.SANDBOX_PORT ?? 0), apiKey: option('key') ?? process.env.SANDBOX_API_KEY })
	.then((sandbox) => {
		console.log(`Cunnekt sandbox listening.
  Base URL: ${sandbox.baseUrl}
  API key:  ${sandbox.apiKey}
  Media:    POST ${sandbox.url}/__sandbox/media {"base64" or "size", "mimeType", "fileName"} adds a file for GET /getmediafile
  Control:  ${sandbox.url}/__sandbox (GET /requests, POST /windows {"mobile"}, POST /reset,
            POST|GET|DELETE /faults, GET /stats)
  Webhooks: POST ${sandbox.url}/__sandbox/webhooks/message {"url", "type"} posts what Cunnekt posts (also statuses, batch, seed, raw, retry)
Press Ctrl-C to stop.`);
		const stop = () => sandbox.close().then(() => process.exit(0));
		process.on('SIGINT', stop);
		process.on('SIGTERM', stop);
	})
	.catch((error) => {
		console.error(`The sandbox could not start: ${error.message}`);
		process.exit(1);
	});
