// @ts-check
/** Ports on 127.0.0.1 for n8n, the sandbox and the services. */
const net = require('net');

/** A free TCP port on 127.0.0.1, or `preferred` when it is free. */
function freePort(preferred = 0) {
	return new Promise((resolve, reject) => {
		const server = net.createServer();
		server.once('error', (error) => {
			if (preferred) resolve(freePort(0));
			else reject(error);
		});
		server.listen(preferred, '127.0.0.1', () => {
			const { port } = /** @type {net.AddressInfo} */ (server.address());
			server.close(() => resolve(port));
		});
	});
}

module.exports = { freePort };
