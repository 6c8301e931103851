/**
 * `GET /templates` for tests of the template fields, until the sandbox's template routes (Template resource) serve
 * it: registers a minimal route only when the sandbox has none, so the real one wins once it exists.
 */
import type { Sandbox } from './sandbox';

interface ApiRouter {
	find(method: string, path: string): { route?: unknown } | undefined;
	route(method: string, pattern: string, handler: (req: unknown, sandbox: Sandbox) => unknown): void;
}

export function serveTemplateList(sandbox: Sandbox): void {
	const api = sandbox.api as ApiRouter;
	if (api.find('GET', '/templates')?.route) return;
	api.route('GET', '/templates', (_req, current) => ({
		status: 200,
		body: { data: [...current.state.templates.values()] },
	}));
}
