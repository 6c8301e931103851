import { appendFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import { dirname, join } from 'path';

import { brokenCopy, editJson, packedPackage, ROOT } from './packed';
import type { PackedPackage } from './packed';
import {
	codeAccessProblems,
	englishProblems,
	englishWords,
	GLOSSARY,
	licenseProblems,
	oneServiceProblems,
	runtimeDependencyProblems,
	scannerProblems,
	wordsOutsideTheList,
} from './rules';

/**
 * The package as npm would publish it keeps every verification rule n8n states that a machine can check
 * (docs/verification.md): n8n's scanner, no runtime dependency, no environment, file system, process or network
 * access around n8n's helpers, English only, MIT, one service. Each rule is also run on a copy of the tarball broken
 * on purpose, and must name what is wrong: a check that cannot fail proves nothing.
 */

let packed: PackedPackage;
const dist = (dir: string, file: string) => join(dir, 'dist', file);

beforeAll(() => {
	packed = packedPackage();
}, 300000);

afterAll(() => rmSync(dirname(dirname(packed.dir)), { recursive: true, force: true }));

describe("n8n's scanner (@n8n/scan-community-package's analysis, on the packed tarball and the sources)", () => {
	it('passes', () => {
		expect(scannerProblems(packed.dir, ROOT)).toEqual([]);
	}, 120000);

	it('fails a tarball whose code reads process.env, or whose package.json has a dependency', () => {
		const broken = brokenCopy(packed, 'scanner', (dir) => {
			appendFileSync(dist(dir, 'nodes/shared/values.js'), '\nexports.leak = process.env.CUNNEKT_API_KEY;\n');
			editJson(join(dir, 'package.json'), (json) => (json.dependencies = { axios: '1.18.0' }));
		});
		const [problem] = scannerProblems(broken);
		expect(problem).toMatch(/^the scanner's tarball leg: ESLint violations found/);
		expect(problem).toMatch(/dist\/nodes\/shared\/values\.js\n.*Use of restricted global 'process' is not allowed\s+@n8n\/community-nodes\/no-restricted-globals/);
		expect(problem).toMatch(/package\.json\n.*error\s+.*@n8n\/community-nodes\/no-runtime-dependencies/);
	}, 120000);

	it('fails sources that wait with setTimeout', () => {
		const source = mkdtempSync(join(tmpdir(), 'cunnekt-broken-source-'));
		try {
			writeFileSync(join(source, 'package.json'), readFileSync(join(ROOT, 'package.json')));
			mkdirSync(join(source, 'nodes', 'Cunnekt'), { recursive: true });
			writeFileSync(join(source, 'nodes', 'Cunnekt', 'wait.ts'), 'export function wait(): void {\n\tsetTimeout(() => undefined, 1000);\n}\n');
			const problems = scannerProblems(packed.dir, source);
			expect(problems).toHaveLength(1);
			expect(problems[0]).toMatch(/^the scanner's source leg: ESLint violations found\n.*nodes\/Cunnekt\/wait\.ts\n\s+2:2\s+error\s+Use of restricted global 'setTimeout'/);
		} finally {
			rmSync(source, { recursive: true, force: true });
		}
	}, 120000);
});

describe('no runtime dependency', () => {
	it('holds', () => {
		expect(runtimeDependencyProblems(packed.dir)).toEqual([]);
	});

	it('fails a package with dependencies, bundled modules or peers other than n8n-workflow', () => {
		const broken = brokenCopy(packed, 'dependencies', (dir) => {
			editJson(join(dir, 'package.json'), (json) => {
				json.dependencies = { axios: '1.18.0' };
				json.optionalDependencies = { sharp: '0.34.0' };
				json.bundleDependencies = ['axios'];
				json.peerDependencies = { 'n8n-workflow': '*', lodash: '*' };
			});
			mkdirSync(join(dir, 'node_modules', 'axios'), { recursive: true });
			writeFileSync(join(dir, 'node_modules', 'axios', 'package.json'), '{"name":"axios"}');
		});
		expect(runtimeDependencyProblems(broken)).toEqual([
			'package.json dependencies: axios',
			'package.json optionalDependencies: sharp',
			'package.json bundleDependencies: ["axios"]',
			'package.json peerDependencies other than n8n-workflow: lodash',
			'bundled modules: node_modules/axios/package.json',
		]);
	});
});

describe('no access to the environment, the file system, other processes or the network around n8n’s helpers', () => {
	it('holds: the built code loads n8n-workflow and crypto only, and no such global', () => {
		expect(codeAccessProblems(packed.dir)).toEqual([]);
	});

	it('fails code that loads fs, child_process or https, reads process.env or calls fetch', () => {
		const broken = brokenCopy(packed, 'access', (dir) => {
			writeFileSync(
				dist(dir, 'nodes/shared/leaks.js'),
				[
					'const fs = require("fs");',
					'const { execSync } = require("node:child_process");',
					'const https = require("https");',
					'exports.key = () => process.env.CUNNEKT_API_KEY;',
					'exports.get = (url) => fetch(url);',
					'exports.all = { fs, execSync, https };',
				].join('\n'),
			);
		});
		expect(codeAccessProblems(broken)).toEqual([
			'dist/nodes/shared/leaks.js:1 loads "fs"',
			'dist/nodes/shared/leaks.js:2 loads "node:child_process"',
			'dist/nodes/shared/leaks.js:3 loads "https"',
			'dist/nodes/shared/leaks.js:4 uses process',
			'dist/nodes/shared/leaks.js:5 uses fetch',
		]);
	});
});

describe('English only', () => {
	it('holds: every text in the built code and the README is English (or in the glossary)', () => {
		expect(englishProblems(packed.dir)).toEqual([]);
	});

	it('keeps no glossary word the package does not use', () => {
		const used = wordsOutsideTheList(packed.dir, englishWords());
		expect([...GLOSSARY].filter((word) => !used.has(word))).toEqual([]);
	});

	it('fails a Spanish description and a German README line', () => {
		const broken = brokenCopy(packed, 'english', (dir) => {
			const file = dist(dir, 'nodes/Cunnekt/actions/reply/sendText.operation.js');
			const code = readFileSync(file, 'utf8');
			expect(code).toContain("'Send plain text within the 24-hour service window'");
			writeFileSync(file, code.replace("'Send plain text within the 24-hour service window'", "'Enviar un mensaje al cliente'"));
			appendFileSync(join(dir, 'README.md'), '\nEine Nachricht an den Kunden senden.\n');
		});
		const problems = englishProblems(broken);
		expect(problems).toHaveLength(2);
		expect(problems[0]).toMatch(/^dist\/nodes\/Cunnekt\/actions\/reply\/sendText\.operation\.js:\d+ "Enviar un mensaje al cliente.*": enviar, mensaje, cliente$/);
		expect(problems[1]).toBe('README.md: nachricht, kunden, senden');
	});
});

describe('MIT', () => {
	it('holds: package.json says MIT and LICENSE is the MIT licence', () => {
		expect(licenseProblems(packed.dir)).toEqual([]);
	});

	it('fails another licence, or none', () => {
		const other = brokenCopy(packed, 'license', (dir) => {
			editJson(join(dir, 'package.json'), (json) => (json.license = 'ISC'));
			writeFileSync(join(dir, 'LICENSE'), 'ISC License\n\nPermission to use, copy, modify, and/or distribute this software for any purpose…\n');
		});
		expect(licenseProblems(other)).toEqual([
			'package.json license is "ISC", not "MIT"',
			'LICENSE is not the MIT licence: lacks ^MIT License$; ^Permission is hereby granted, free of charge, to any person obtaining a copy$; ^THE SOFTWARE IS PROVIDED "AS IS", WITHOUT WARRANTY OF ANY KIND, EXPRESS OR$',
		]);
		const none = brokenCopy(packed, 'no-license', (dir) => rmSync(join(dir, 'LICENSE')));
		expect(licenseProblems(none)).toEqual(['no LICENSE file in the package']);
	});
});

describe('one service (and its trigger)', () => {
	it("holds: Cunnekt's action node, Cunnekt's trigger, Cunnekt's credentials, and no other service's host", () => {
		expect(oneServiceProblems(packed.dir)).toEqual([]);
	});

	it("fails a package that adds another service's node, credential and host", () => {
		const broken = brokenCopy(packed, 'service', (dir) => {
			mkdirSync(dist(dir, 'nodes/Slack'), { recursive: true });
			writeFileSync(
				dist(dir, 'nodes/Slack/Slack.node.js'),
				[
					'class Slack {',
					"\tconstructor() { this.description = { displayName: 'Slack', name: 'slack', group: ['output'], credentials: [{ name: 'slackApi' }] }; }",
					'}',
					"exports.Slack = Slack;\nexports.API = 'https://slack.com/api/chat.postMessage';",
				].join('\n'),
			);
			editJson(join(dir, 'package.json'), (json) => {
				(json.n8n as { nodes: string[] }).nodes.push('dist/nodes/Slack/Slack.node.js');
			});
		});
		expect(oneServiceProblems(broken)).toEqual([
			'dist/nodes/Slack/Slack.node.js: node "Slack" is not Cunnekt\'s',
			'dist/nodes/Slack/Slack.node.js: uses the credential "slackApi", not one of this package\'s',
			'2 action nodes and 1 triggers: one of each at most',
			"dist/nodes/Slack/Slack.node.js:5 names https://slack.com, not Cunnekt's",
		]);
	});
});
