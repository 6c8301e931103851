// The build's two steps around tsc: dist/ emptied first (so a moved or deleted source leaves no stale file in the
// package), then the icons and the codex files (*.node.json) copied next to their compiled nodes.
const fs = require('fs');
const { src, dest, task } = require('gulp');

task('clean', async () => fs.rmSync('dist', { recursive: true, force: true }));

task('build:icons', () =>
	src(['nodes/**/*.{png,svg,json}', 'credentials/**/*.{png,svg}'], { base: '.', encoding: false }).pipe(
		dest('dist'),
	),
);
