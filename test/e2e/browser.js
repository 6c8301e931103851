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

/**
 * What keeps an element from being seen whole, as a list of sentences (empty: it is seen whole): its box outside the
 * window or outside an ancestor that clips (once scrolled into view vertically), or its text (or an input's value) cut off,
 * where an element's content is wider or taller than the element (scrollWidth > clientWidth, scrollHeight >
 * clientHeight) and the overflow is hidden.
 * Runs in the page.
 */
function hiddenParts(element) {
	const problems = [];
	// Scrolled into view up and down only: a person does not scroll a panel sideways to find what it cut off.
	for (let parent = element.parentElement; parent; parent = parent.parentElement) parent.scrollLeft = 0;
	const describe = (node) => (node.textContent || node.value || node.getAttribute('data-test-id') || node.tagName).trim().replace(/\s+/g, ' ').slice(0, 80);
	const box = element.getBoundingClientRect();
	if (box.width === 0 || box.height === 0) problems.push(`"${describe(element)}" has no size`);
	const outside = (outer) =>
		box.left < outer.left - 0.5 || box.right > outer.right + 0.5 || box.top < outer.top - 0.5 || box.bottom > outer.bottom + 0.5;
	if (outside({ left: 0, top: 0, right: window.innerWidth, bottom: window.innerHeight })) {
		problems.push(`"${describe(element)}" is outside the window: ${JSON.stringify(box)}`);
	}
	for (let parent = element.parentElement; parent; parent = parent.parentElement) {
		const style = getComputedStyle(parent);
		if (style.overflowX === 'visible' && style.overflowY === 'visible') continue;
		if (outside(parent.getBoundingClientRect())) {
			problems.push(`"${describe(element)}" is cut off by ${parent.tagName.toLowerCase()}.${String(parent.className).split(' ')[0]}`);
			break;
		}
	}
	for (const node of [element, ...element.querySelectorAll('*')]) {
		const style = getComputedStyle(node);
		const field = node.tagName === 'INPUT' || node.tagName === 'TEXTAREA';
		if ((field || style.overflowX !== 'visible') && node.clientWidth > 0 && node.scrollWidth > node.clientWidth + 1) {
			problems.push(`"${describe(node)}" is cut off: ${node.scrollWidth}px of content in ${node.clientWidth}px`);
		}
		if ((field || style.overflowY !== 'visible') && node.clientHeight > 0 && node.scrollHeight > node.clientHeight + 1) {
			problems.push(`"${describe(node)}" is cut off below: ${node.scrollHeight}px of content in ${node.clientHeight}px`);
		}
	}
	return problems;
}

/** Fails unless every element the locator finds is seen whole (hiddenParts), each scrolled into view first. */
async function assertSeenWhole(locator, what) {
	const count = await locator.count();
	if (count === 0) throw new Error(`${what}: nothing on screen`);
	const problems = [];
	for (let index = 0; index < count; index++) {
		const element = locator.nth(index);
		await element.scrollIntoViewIfNeeded();
		problems.push(...(await element.evaluate(hiddenParts)));
	}
	if (problems.length > 0) throw new Error(`${what} is not seen whole:\n  ${problems.join('\n  ')}`);
}

/** Runs steps in a fresh browser page signed in as the owner; a failure leaves a screenshot. */
async function withEditor(context, steps) {
	const browser = await launchBrowser();
	try {
		const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
		page.setDefaultTimeout(60000); // a noisy shared machine: generous, only so that nothing hangs forever
		try {
			context.step('sign in');
			await signIn(page, context.stack);
			await steps(page);
		} catch (error) {
			const name = `failure-${context.name.replace(/\W+/g, '-').slice(0, 60)}`;
			context.failureScreenshot = await screenshot(page, context.screenshotsDir, name).catch(() => undefined);
			throw error;
		}
	} finally {
		await browser.close();
	}
}

/** A screenshot into dir/name.png; returns its path. */
async function screenshot(page, dir, name) {
	fs.mkdirSync(dir, { recursive: true });
	const file = path.join(dir, `${name}.png`);
	await page.screenshot({ path: file });
	return file;
}

module.exports = { ensureChromium, launchBrowser, signIn, openNode, pickOption, screenshot, assertSeenWhole, withEditor };
