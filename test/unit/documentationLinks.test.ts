import * as fs from 'fs';
import * as path from 'path';

import { CunnektApi } from '../../credentials/CunnektApi.credentials';
import { replyOperations } from '../../nodes/Cunnekt/actions/reply';
import { CunnektWebhookApi } from '../../credentials/CunnektWebhookApi.credentials';

const REPO = path.resolve(__dirname, '../..');
const HOME = 'https://github.com/n8n-nodes-cunnekt/n8n-nodes-cunnekt';

/** GitHub's anchor for a heading: lower case, spaces to hyphens, punctuation dropped. */
const anchorOf = (heading: string) =>
	heading
		.trim()
		.toLowerCase()
		.replace(/[^\p{L}\p{N} _-]/gu, '')
		.replace(/ /g, '-');

/** The file and anchor a link to this repository on GitHub names: the README for the home page. */
function target(url: string): { file: string; anchor?: string } {
	const [address, anchor] = url.split('#');
	expect(address.startsWith(HOME)).toBe(true);
	const rest = address.slice(HOME.length).replace(/^\/blob\/main\//, '');
	return { file: rest === '' ? 'README.md' : rest, anchor };
}

describe('documentation links: each opens a page of this repository at a heading it has', () => {
	const links = [
		...['nodes/Cunnekt/Cunnekt.node.json', 'nodes/CunnektTrigger/CunnektTrigger.node.json'].flatMap((file) => {
			const { resources } = JSON.parse(fs.readFileSync(path.join(REPO, file), 'utf8'));
			return [...resources.primaryDocumentation, ...resources.credentialDocumentation].map(({ url }: { url: string }) => [file, url]);
		}),
		['Cunnekt API credential', new CunnektApi().documentationUrl],
		['Cunnekt Webhook API credential', new CunnektWebhookApi().documentationUrl],
	];

	it.each(links)('%s: %s', (_where, url) => {
		const { file, anchor } = target(url);
		const text = fs.readFileSync(path.join(REPO, file), 'utf8');
		if (anchor === undefined) return;
		const anchors = [...text.matchAll(/^#+ (.+)$/gm)].map((match) => anchorOf(match[1]));
		expect(anchors).toContain(anchor);
	});
});

describe('docs/window-fallback.md names every operation with "If the Service Window Is Closed"', () => {
	it('in its list of Reply operations, from the registry', () => {
		const text = fs.readFileSync(path.join(REPO, 'docs/window-fallback.md'), 'utf8').replace(/\s+/g, ' ');
		const [, listed] =
			/Every Reply operation but Send and Wait for Response and Mark as Read \((.+?)\) has \*\*If the Service Window Is Closed\*\*/.exec(text) ?? [];
		const names = listed
			.split(', ')
			.map((name) => name.replace(/^Send /, '').replace(/^and the current platform's /, ''));
		const withFallback = replyOperations.filter((operation) => operation.windowFallback).map((operation) => operation.option.name.replace(/^Send /, ''));
		expect([...names].sort()).toEqual([...withFallback].sort());
	});
});
