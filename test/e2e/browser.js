// @ts-check
/** Debian's Chromium driven by playwright-core: n8n's editor as a person sees it. */
const fs = require('fs');
const path = require('path');

const { ensureDebianPackages } = require('../../playground/services/debian');

const CHROMIUM = process.env.CHROMIUM_PATH || '/usr/bin/chromium';

/** Debian's Chromium, installed with apt-get when missing (a new machine has none), unless CHROMIUM_PATH names one. */
function ensureChromium({ log } = /** @type {{ log?: (message: string) => void }} */ ({})) {
	if (!process.env.CHROMIUM_PATH) ensureDebianPackages(['chromium'], { log });
	if (!fs.existsSync(CHROMIUM)) throw new Error(`no Chromium at ${CHROMIUM}: apt-get install -y chromium (or set CHROMIUM_PATH)`);
}

/** Chromium, headless, with everything that would try to reach the internet switched off. */
async function launchBrowser() {
	ensureChromium();
	const { chromium } = require('playwright-core');
	return await chromium.launch({
		executablePath: CHROMIUM,
		args: [
			'--headless',
			'--no-sandbox',
			'--disable-gpu',
			'--disable-quic',
			'--no-first-run',
			'--disable-background-networking',
			'--disable-component-update',
			'--disable-sync',
			'--disable-dev-shm-usage',
		],
	});
}

/** Signs in on /signin with the stack's owner; resolves once the editor has left the sign-in page. */
async function signIn(page, stack) {
	await page.goto(`${stack.n8n.url}/signin`);
	await page.fill('input[name=emailOrLdapLoginId]', stack.owner.email);
	await page.fill('input[name=password]', stack.owner.password);
	await page.keyboard.press('Enter');
	await page.waitForURL((url) => !url.pathname.startsWith('/signin'));
}

/** Opens a workflow and the node-details view of one of its nodes. Returns the NDV's locator. */
async function openNode(page, stack, workflowId, nodeName) {
	await page.goto(`${stack.n8n.url}/workflow/${workflowId}`);
	const node = page.locator('[data-test-id=canvas-node]', { hasText: nodeName }).first();
	await node.waitFor();
	await node.dblclick();
	const ndv = page.locator('[data-test-id=ndv]');
	await ndv.waitFor();
	return ndv;
}

/** Picks an option of an n8n select parameter (Resource, Operation…) by its visible name. */
async function pickOption(page, ndv, parameter, optionName) {
	await ndv.locator(`[data-test-id=parameter-input-${parameter}]`).click();
	await page
		.locator('[data-test-id=parameter-input-item]:visible')
		.filter({ has: page.getByText(optionName, { exact: true }) })
		.first()
		.click();
}

/** A screenshot into dir/name.png; returns its path. */
async function screenshot(page, dir, name) {
	fs.mkdirSync(dir, { recursive: true });
	const file = path.join(dir, `${name}.png`);
	await page.screenshot({ path: file });
	return file;
}

module.exports = { ensureChromium, launchBrowser, signIn, openNode, pickOption, screenshot };
