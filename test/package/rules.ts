import { execFileSync } from 'child_process';
import { readdirSync, readFileSync } from 'fs';
import { dirname, join, relative } from 'path';
import * as ts from 'typescript';

/**
 * n8n's verification guidelines that a machine can check, each as a function from a package folder (an unpacked
 * tarball) to the problems it finds, in words: [] when the package keeps the rule. docs/verification.md lists every
 * guideline, these checks and what is left to people.
 */

interface PackageJson {
	name: string;
	version: string;
	license?: string;
	repository?: { url?: string };
	dependencies?: Record<string, string>;
	optionalDependencies?: Record<string, string>;
	bundleDependencies?: unknown;
	bundledDependencies?: unknown;
	peerDependencies?: Record<string, string>;
	n8n: { nodes: string[]; credentials: string[] };
}

export function packageJsonOf(dir: string): PackageJson {
	return JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as PackageJson;
}

function filesUnder(dir: string, ending: string): string[] {
	return readdirSync(dir, { withFileTypes: true, recursive: true })
		.filter((entry) => entry.isFile() && entry.name.endsWith(ending))
		.map((entry) => join(entry.parentPath, entry.name))
		.sort();
}

/** Every script the package ships (dist/**\/*.js), parsed. */
function scripts(dir: string): ts.SourceFile[] {
	return filesUnder(join(dir, 'dist'), '.js').map((file) =>
		ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, true, ts.ScriptKind.JS),
	);
}

function visit(node: ts.Node, each: (node: ts.Node) => void): void {
	each(node);
	ts.forEachChild(node, (child) => visit(child, each));
}

function where(dir: string, source: ts.SourceFile, node: ts.Node): string {
	const { line } = source.getLineAndCharacterOfPosition(node.getStart(source));
	return `${relative(dir, source.fileName)}:${line + 1}`;
}

/** n8n's scanner, as scan.mjs runs it: the tarball leg on dir, and the source leg on sourceDir when given. */
export function scannerProblems(dir: string, sourceDir?: string): string[] {
	// As npx runs it: jest's NODE_ENV=test switches eslint-plugin-n8n-nodes-base to its own test fixtures' rules.
	const env = { ...process.env };
	delete env.NODE_ENV;
	const output = execFileSync(process.execPath, [join(__dirname, 'scan.mjs'), dir, ...(sourceDir ? [sourceDir] : [])], {
		encoding: 'utf8',
		env,
		stdio: ['ignore', 'pipe', 'pipe'],
	});
	const result = JSON.parse(output.trim().split('\n').pop() ?? '{}') as Record<string, { passed: boolean; message?: string; details?: string }>;
	return Object.entries(result)
		.filter(([, leg]) => !leg.passed)
		.map(([name, leg]) => `the scanner's ${name} leg: ${leg.message}${leg.details ?? ''}`);
}

/** "No external dependencies": nothing npm would install with the package, nothing bundled into it. */
export function runtimeDependencyProblems(dir: string): string[] {
	const json = packageJsonOf(dir);
	const problems: string[] = [];
	for (const field of ['dependencies', 'optionalDependencies'] as const) {
		const names = Object.keys(json[field] ?? {});
		if (names.length > 0) problems.push(`package.json ${field}: ${names.join(', ')}`);
	}
	for (const field of ['bundleDependencies', 'bundledDependencies'] as const) {
		if (json[field] !== undefined) problems.push(`package.json ${field}: ${JSON.stringify(json[field])}`);
	}
	const peers = Object.keys(json.peerDependencies ?? {}).filter((name) => name !== 'n8n-workflow');
	if (peers.length > 0) problems.push(`package.json peerDependencies other than n8n-workflow: ${peers.join(', ')}`);
	const bundled = filesUnder(dir, '.json').filter((file) => relative(dir, file).split('/').includes('node_modules'));
	if (bundled.length > 0) problems.push(`bundled modules: ${bundled.map((file) => relative(dir, file)).join(', ')}`);
	return problems;
}

/** The modules the built code may load: n8n's own (the peer dependency n8n provides) and Node's crypto. */
const ALLOWED_MODULES = new Set(['n8n-workflow', 'crypto', 'node:crypto']);
/** Globals that reach the environment, the file system, other processes or the network around n8n's helpers. */
const FORBIDDEN_GLOBALS = new Set(['process', 'global', 'globalThis', 'fetch', 'XMLHttpRequest', 'WebSocket', 'EventSource', 'eval']);

function loadedModule(node: ts.Node): ts.Expression | undefined {
	if (ts.isCallExpression(node)) {
		const callee = node.expression;
		const isRequire = ts.isIdentifier(callee) && callee.text === 'require';
		if (isRequire || callee.kind === ts.SyntaxKind.ImportKeyword) return node.arguments[0];
	}
	if (ts.isImportDeclaration(node) || ts.isExportDeclaration(node)) return node.moduleSpecifier;
	return undefined;
}

/** An identifier that names a variable (not a property name, a key or a declaration of its own). */
function isFreeReference(node: ts.Identifier): boolean {
	const parent = node.parent;
	if ((ts.isPropertyAccessExpression(parent) || ts.isPropertyAssignment(parent) || ts.isMethodDeclaration(parent)) && parent.name === node) return false;
	if ((ts.isVariableDeclaration(parent) || ts.isParameter(parent) || ts.isFunctionDeclaration(parent)) && parent.name === node) return false;
	return !(ts.isPropertyDeclaration(parent) || ts.isBindingElement(parent)) || parent.name !== node;
}

/**
 * "No access to environment variables or file system": the built code loads no module but n8n-workflow and crypto
 * (so no fs, child_process, http, https, net…) and touches no global that reaches around n8n's helpers (process for
 * process.env, fetch…). Every request goes through this.helpers (nodes/shared/transport/).
 */
export function codeAccessProblems(dir: string): string[] {
	const problems: string[] = [];
	for (const source of scripts(dir)) {
		visit(source, (node) => {
			const loaded = loadedModule(node);
			if (loaded) {
				const name = ts.isStringLiteralLike(loaded) ? loaded.text : loaded.getText(source);
				if (!name.startsWith('./') && !name.startsWith('../') && !ALLOWED_MODULES.has(name)) problems.push(`${where(dir, source, node)} loads "${name}"`);
			}
			if (ts.isIdentifier(node) && FORBIDDEN_GLOBALS.has(node.text) && isFreeReference(node)) {
				problems.push(`${where(dir, source, node)} uses ${node.text}`);
			}
		});
	}
	return problems;
}

/** Words the English word list lacks that the texts use on purpose: names, and the terms of this trade. */
export const GLOSSARY = new Set(
	[
		// the service and its terms
		'cunnekt', 'webhook', 'webhooks', 'wamid', 'cta', 'api', 'restapi', 'overridebot', 'passcodes', 'emoji',
		// WhatsApp's field names inside the JSON examples of hints (preview_url, wa_id, org)
		'url', 'wa', 'org',
		// the services n8n's queue mode runs on
		'postgres', 'redis',
		// link and markup pieces left when a text's links and tags are taken out
		'com', 'http', 'md', 'npm', 'vm',
		// the examples' people, places and festivals (India, where Cunnekt's customers are)
		'vivek', 'sharma', 'churchgate', 'diwali', 'indian', 'rs', 'asha', 'rao', 'mumbai', 'colaba',
		// units and number endings: 10th, 12pt
		'th', 'pt',
	],
);

/** The words of a text, lower case, with links, code, expressions and markup set aside ("node's" is "node"). */
function proseWords(text: string): string[] {
	const prose = text
		.replace(/```[\s\S]*?```/g, ' ')
		.replace(/`[^`]*`/g, ' ')
		.replace(/\{\{[\s\S]*?\}\}/g, ' ')
		.replace(/\]\([^)]*\)/g, '] ')
		.replace(/<[^>]*>/g, ' ')
		.replace(/https?:\/\/\S+/g, ' ')
		// an acronym's plural ("PINs") and a contraction's end ("couldn't") are not words of their own
		.replace(/\b[A-Z]{2,}s\b/g, ' ')
		.replace(/n't\b/g, '');
	return (prose.match(/[A-Za-z][a-z]+(?:'s)?/g) ?? []).map((word) => word.replace(/'s$/, '').toLowerCase());
}

/** The English word list (word-list, a dev dependency: about 275,000 words). */
export function englishWords(): Set<string> {
	const file = join(dirname(require.resolve('word-list')), 'words.txt');
	return new Set(readFileSync(file, 'utf8').split('\n'));
}

/**
 * The texts a person may read: every string of the built code with two words or more (names, descriptions, hints,
 * errors; an expression, which starts with "=", aside), and the README. Each with where it is.
 */
function textsOf(dir: string): Array<{ where: string; text: string }> {
	const texts: Array<{ where: string; text: string }> = [];
	for (const source of scripts(dir)) {
		visit(source, (node) => {
			if (!ts.isStringLiteralLike(node) && !ts.isTemplateLiteralToken(node)) return;
			if (node.text.startsWith('=') || !/[a-z] +[a-z]/i.test(node.text)) return;
			texts.push({ where: `${where(dir, source, node)} "${node.text.slice(0, 80)}"`, text: node.text });
		});
	}
	texts.push({ where: 'README.md', text: readFileSync(join(dir, 'README.md'), 'utf8') });
	return texts;
}

/** "Use English language only": every text a person may read (textsOf) is English words, or in the glossary. */
export function englishProblems(dir: string, words = englishWords()): string[] {
	const problems: string[] = [];
	for (const { where: place, text } of textsOf(dir)) {
		const unknown = proseWords(text).filter((word) => !words.has(word) && !GLOSSARY.has(word));
		if (unknown.length > 0) problems.push(`${place}: ${[...new Set(unknown)].join(', ')}`);
	}
	return problems;
}

/** Every word of the package's texts the word list lacks (what the glossary may hold). */
export function wordsOutsideTheList(dir: string, words: Set<string>): Set<string> {
	return new Set(textsOf(dir).flatMap(({ text }) => proseWords(text).filter((word) => !words.has(word))));
}

const MIT_LINES = [
	/^MIT License$/m,
	/^Permission is hereby granted, free of charge, to any person obtaining a copy$/m,
	/^THE SOFTWARE IS PROVIDED "AS IS", WITHOUT WARRANTY OF ANY KIND, EXPRESS OR$/m,
];

/** "Make sure your package license is MIT": package.json says MIT and the shipped LICENSE is the MIT licence. */
export function licenseProblems(dir: string): string[] {
	const problems: string[] = [];
	const { license } = packageJsonOf(dir);
	if (license !== 'MIT') problems.push(`package.json license is ${JSON.stringify(license)}, not "MIT"`);
	let text = '';
	try {
		text = readFileSync(join(dir, 'LICENSE'), 'utf8');
	} catch {
		return [...problems, 'no LICENSE file in the package'];
	}
	const missing = MIT_LINES.filter((line) => !line.test(text));
	if (missing.length > 0) problems.push(`LICENSE is not the MIT licence: lacks ${missing.map((line) => line.source).join('; ')}`);
	return problems;
}

interface Described {
	description: { displayName: string; name: string; group?: string[]; credentials?: Array<{ name: string }> };
}

/** The classes a package.json n8n entry names (dist/…/X.node.js exports X), instantiated as n8n does. */
function loadClasses(dir: string, files: string[]): Array<{ file: string; instance: Record<string, unknown> }> {
	return files.map((file) => {
		const exported = require(join(dir, file)) as Record<string, new () => Record<string, unknown>>;
		const name = file.split('/').pop()?.split('.')[0] ?? '';
		const Class = exported[name];
		if (typeof Class !== 'function') throw new Error(`${file} exports no class ${name}`);
		return { file, instance: new Class() };
	});
}

/** Hosts the built code may name that are not a service it calls: placeholders and this repository's docs. */
function documentationHost(url: URL, repository: string): boolean {
	if (url.hostname === 'example.com' || url.hostname === 'www.w3.org') return true;
	const page = `${url.origin}${url.pathname}`.replace(/\/$/, '');
	return url.hostname === 'github.com' && (page === repository || page.startsWith(`${repository}/blob/`));
}

/**
 * "Each package should integrate exactly one third-party service; a trigger for it may be included": every node and
 * credential is Cunnekt's, one action node and one trigger at most, and every host the code names is Cunnekt's
 * (cunnekt.com), a placeholder or this repository's documentation.
 */
export function oneServiceProblems(dir: string): string[] {
	const json = packageJsonOf(dir);
	const problems: string[] = [];
	const nodes = loadClasses(dir, json.n8n.nodes).map(({ file, instance }) => ({ file, ...(instance as unknown as Described) }));
	const credentials = loadClasses(dir, json.n8n.credentials).map(({ file, instance }) => ({ file, name: String(instance.name), displayName: String(instance.displayName) }));
	for (const { file, description } of nodes) {
		if (!/^Cunnekt\b/.test(description.displayName)) problems.push(`${file}: node "${description.displayName}" is not Cunnekt's`);
		for (const credential of description.credentials ?? []) {
			if (!credentials.some((own) => own.name === credential.name)) problems.push(`${file}: uses the credential "${credential.name}", not one of this package's`);
		}
	}
	for (const { file, displayName } of credentials) {
		if (!/^Cunnekt\b/.test(displayName)) problems.push(`${file}: credential "${displayName}" is not Cunnekt's`);
	}
	const triggers = nodes.filter(({ description }) => description.group?.includes('trigger')).length;
	if (triggers > 1 || nodes.length - triggers > 1) problems.push(`${nodes.length - triggers} action nodes and ${triggers} triggers: one of each at most`);
	const repository = (json.repository?.url ?? '').replace(/^git\+/, '').replace(/\.git$/, '');
	for (const source of scripts(dir)) {
		visit(source, (node) => {
			if (!ts.isStringLiteralLike(node) && !ts.isTemplateLiteralToken(node)) return;
			for (const match of node.text.matchAll(/https?:\/\/[A-Za-z0-9.-]+[^\s'"`)\\]*/g)) {
				const url = new URL(match[0]);
				if (/(^|\.)cunnekt\.com$/.test(url.hostname) || documentationHost(url, repository)) continue;
				problems.push(`${where(dir, source, node)} names ${url.origin}, not Cunnekt's`);
			}
		});
	}
	return problems;
}
