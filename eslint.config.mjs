// Lint as n8n's reviewers lint: the community-node rules and eslint-plugin-n8n-nodes-base over the package, its
// nodes and credentials, with no import cycle among them; the test code and the tools people run (sandbox/,
// playground/) get TypeScript's recommended rules. Inline disable comments are refused.
import tseslint from 'typescript-eslint';
import importX, { createNodeResolver } from 'eslint-plugin-import-x';
import communityNodes from '@n8n/eslint-plugin-community-nodes';
import n8nNodesBase from 'eslint-plugin-n8n-nodes-base';

const nodesBase = (set) => n8nNodesBase.configs[set].rules;
const testAndToolsTs = ['test/**/*.ts', 'sandbox/**/*.ts', 'playground/**/*.ts'];

export default [
	{ ignores: ['dist/**', 'node_modules/**', '.e2e/**', '.queue/**', '.bench/**', 'gulpfile.js', 'index.js', 'jest.config.js', 'eslint.config.mjs'] },
	{ linterOptions: { noInlineConfig: true, reportUnusedDisableDirectives: 'error' } },
	{
		files: ['package.json'],
		languageOptions: { parser: tseslint.parser, parserOptions: { extraFileExtensions: ['.json'] } },
		plugins: { 'n8n-nodes-base': n8nNodesBase, ...communityNodes.configs.recommended.plugins },
		rules: {
			...nodesBase('community'),
			'@n8n/community-nodes/no-runtime-dependencies': 'error',
			'@n8n/community-nodes/no-forbidden-lifecycle-scripts': 'error',
			'@n8n/community-nodes/valid-peer-dependencies': 'error',
			'@n8n/community-nodes/package-name-convention': 'error',
			'@n8n/community-nodes/require-files-array': 'error',
			'@n8n/community-nodes/valid-author': 'error',
		},
	},
	{
		files: ['nodes/**/*.ts', 'credentials/**/*.ts'],
		languageOptions: { parser: tseslint.parser, parserOptions: { sourceType: 'module' } },
		plugins: { 'n8n-nodes-base': n8nNodesBase, ...communityNodes.configs.recommended.plugins },
		rules: {
			...communityNodes.configs.recommended.rules,
			'@n8n/community-nodes/no-dead-files': 'error',
			'@n8n/community-nodes/icon-prefer-themed-variants': 'error',
			'@n8n/community-nodes/resource-operation-pattern': 'error',
		},
	},
	{
		// The house's layering (docs/development.md): nodes/shared/ ← whatsapp/ ← actions/ ← the node, no way back.
		files: ['nodes/**/*.ts', 'credentials/**/*.ts'],
		plugins: { 'import-x': importX },
		settings: {
			'import-x/extensions': ['.ts', '.js'],
			'import-x/parsers': { '@typescript-eslint/parser': ['.ts'] },
			'import-x/resolver-next': [createNodeResolver({ extensions: ['.ts', '.js', '.json'] })],
		},
		rules: { 'import-x/no-cycle': ['error', { ignoreExternal: true }] },
	},
	{
		// Small rooms (docs/development.md): a file says one thing, a function does one.
		files: ['nodes/**/*.ts', 'credentials/**/*.ts'],
		rules: {
			'max-lines': ['error', { max: 300, skipBlankLines: false, skipComments: false }],
			'max-lines-per-function': ['error', { max: 60, skipBlankLines: false, skipComments: false }],
		},
	},
	{
		files: ['credentials/**/*.ts'],
		rules: {
			...nodesBase('credentials'),
			// n8n's own built-in credentials name a docs slug; community credentials link a URL, which the
			// community rule (credential-documentation-url) requires.
			'n8n-nodes-base/cred-class-field-documentation-url-miscased': 'off',
		},
	},
	{
		files: ['nodes/**/*.ts'],
		rules: {
			...nodesBase('nodes'),
			// The older plugin wants the 'main' literal; the community rule (node-connection-type-literal) wants
			// NodeConnectionTypes.Main. The newer rule wins.
			'n8n-nodes-base/node-class-description-inputs-wrong-regular-node': 'off',
			'n8n-nodes-base/node-class-description-outputs-wrong': 'off',
		},
	},
	...tseslint.configs.recommended.map((config) => ({ ...config, files: testAndToolsTs })),
	{
		files: testAndToolsTs,
		rules: {
			'@typescript-eslint/no-require-imports': 'off',
			'@typescript-eslint/no-explicit-any': 'error',
		},
	},
];
