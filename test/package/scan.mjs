// n8n's scanner (@n8n/scan-community-package) on a package on this machine, as it scans one from the registry.
//
// `npx @n8n/scan-community-package <name>` only takes a name: it checks the npm provenance of the published
// version, downloads the source its attestation names from GitHub and the tarball from npm, then lints both with
// analyzePackage() (scanner/scanner.mjs): the source with SOURCE_FILE_PATTERNS, the tarball with
// ['**/*.js', 'package.json']. Nothing here is published yet and nothing may reach the internet, so this runs the
// same analyzePackage() with the same patterns on the unpacked tarball and on this repository's sources. The
// provenance leg is the publish workflow's (.github/workflows/publish.yml; docs/verification.md).
//
// Usage: node test/package/scan.mjs <unpacked tarball> [<source folder>]. Prints one JSON line:
// { tarball: { passed, message?, details? }, source?: {…} }.
import path from 'node:path';
import { analyzePackage, SOURCE_FILE_PATTERNS } from '@n8n/scan-community-package/scanner/scanner.mjs';

const [tarballDir, sourceDir] = process.argv.slice(2).map((dir) => path.resolve(dir));
if (!tarballDir) {
	console.error('usage: node test/package/scan.mjs <unpacked tarball> [<source folder>]');
	process.exit(2);
}
const summary = ({ passed, message, details }) => ({ passed, message, details });
const result = { tarball: summary(await analyzePackage(tarballDir, ['**/*.js', 'package.json'])) };
if (sourceDir) result.source = summary(await analyzePackage(sourceDir, SOURCE_FILE_PATTERNS));
process.stdout.write(`${JSON.stringify(result)}\n`);
