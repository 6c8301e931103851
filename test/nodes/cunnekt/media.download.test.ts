import type { IBinaryData, IDataObject, INodeParameters } from 'n8n-workflow';

import { notFoundItem } from '../../helpers/errors';
import { runCunnekt } from '../../helpers/n8n';
import { credentialsFor, startSandbox } from '../../helpers/sandbox';
import type { Sandbox } from '../../helpers/sandbox';

/** Media → Download against the sandbox's files: the bytes n8n holds are the bytes the sandbox served. */

const { SAMPLE_IDS } = require('../../../sandbox/media-files') as { SAMPLE_IDS: Record<string, string> };

type Answer = { status: number; body?: unknown; raw?: string | Buffer; headers?: Record<string, string> };
type Interceptor = (request: { path: string }) => Answer | undefined;

let sandbox: Sandbox;

beforeAll(async () => {
	sandbox = await startSandbox({ apiKey: 'media-key-3d9e07' });
});
afterAll(async () => await sandbox.close());
beforeEach(() => sandbox.reset());
afterEach(() => {
	(sandbox.interceptors as Interceptor[]).length = 0;
});

const download = (parameters: INodeParameters, items: IDataObject[] = [{}], continueOnFail = false) =>
	runCunnekt({
		parameters: { resource: 'media', operation: 'download', ...parameters },
		items,
		credentials: credentialsFor(sandbox),
		continueOnFail,
	});

const bytesOf = (binary: IBinaryData | undefined) => Buffer.from(binary?.data ?? '', 'base64');

/** A file added through the sandbox's control API, over HTTP, as the e2e suite and the trigger's tests add them. */
async function addMedia(file: IDataObject): Promise<string> {
	const response = await fetch(`${sandbox.url}/__sandbox/media`, {
		method: 'POST',
		headers: { 'content-type': 'application/json' },
		body: JSON.stringify(file),
	});
	expect(response.status).toBe(200);
	return ((await response.json()) as { messageId: string }).messageId;
}

/** Makes the sandbox answer /getmediafile with something that is not a file. */
function answerMediaWith(answer: Answer): void {
	(sandbox.interceptors as Interceptor[]).push((request) => (request.path === '/getmediafile' ? answer : undefined));
}

describe('Media → Download: the file as n8n binary data', () => {
	it('the Get Media File example: one GET with the message id and the API key, the bytes, type and name', async () => {
		const { items, error } = await download({ messageId: SAMPLE_IDS.getMediaFileExample });
		expect(error).toBeUndefined();
		expect(sandbox.requests.map((request) => [request.method, request.path, request.query, request.headers['api-key']])).toEqual([
			['GET', '/getmediafile', { messageId: SAMPLE_IDS.getMediaFileExample }, 'media-key-3d9e07'],
		]);
		const served = sandbox.state.media.get(SAMPLE_IDS.getMediaFileExample)?.bytes as Buffer;
		expect(items).toEqual([
			{
				json: {
					messageId: SAMPLE_IDS.getMediaFileExample,
					mimeType: 'image/jpeg',
					fileName: 'IMG-20240109-WA0001.jpg',
					fileSize: served.length,
				},
				binary: {
					data: {
						mimeType: 'image/jpeg',
						fileType: 'image',
						fileExtension: 'jpg',
						data: served.toString('base64'),
						fileName: 'IMG-20240109-WA0001.jpg',
						fileSize: `${served.length} B`,
						bytes: served.length,
					},
				},
				pairedItem: { item: 0 },
			},
		]);
	});

	it('a PDF, a video and a voice note, each into the field the user names, with the type from Content-Type', async () => {
		const ids = [SAMPLE_IDS.incomingPdf, SAMPLE_IDS.video, SAMPLE_IDS.voiceNote];
		const { items, error } = await download(
			{ messageId: '={{ $json.id }}', binaryPropertyName: 'attachment' },
			ids.map((id) => ({ id })),
		);
		expect(error).toBeUndefined();
		const voiceNoteName = `${SAMPLE_IDS.voiceNote.slice('wamid.'.length).slice(0, 40)}.ogg`;
		expect(items.map((item) => item.json)).toEqual([
			{ messageId: ids[0], mimeType: 'application/pdf', fileName: 'Cunnekt - Product Pitch (3) (1).pdf', fileSize: 136 },
			{ messageId: ids[1], mimeType: 'video/mp4', fileName: 'unboxing.mp4', fileSize: 32 },
			{ messageId: ids[2], mimeType: 'audio/ogg', fileName: voiceNoteName, fileSize: 40 },
		]);
		items.forEach((item, index) => {
			expect(Object.keys(item.binary ?? {})).toEqual(['attachment']);
			expect(bytesOf(item.binary?.attachment).equals(sandbox.state.media.get(ids[index])?.bytes as Buffer)).toBe(true);
			expect([item.binary?.attachment.mimeType, item.binary?.attachment.fileName]).toEqual([
				item.json.mimeType,
				item.json.fileName,
			]);
		});
		expect(items.map((item) => item.pairedItem)).toEqual([{ item: 0 }, { item: 1 }, { item: 2 }]);
	});

	it('names a file the answer sends without a name from its message id and type (an image from the webhook)', async () => {
		const { items, error } = await download({ messageId: SAMPLE_IDS.incomingImage });
		expect(error).toBeUndefined();
		expect(SAMPLE_IDS.incomingImage).toBe('wamid.HBgMOTE3ODM4MjYyMjgxFQIAEhgWM0VCMEJCMDUxOTQ2N0RGMTkwQ0M2RgA=');
		expect(items[0].json.fileName).toBe('HBgMOTE3ODM4MjYyMjgxFQIAEhgWM0VCMEJCMDUx.jpg');
		expect(items[0].binary?.data.fileName).toBe('HBgMOTE3ODM4MjYyMjgxFQIAEhgWM0VCMEJCMDUx.jpg');
		expect(bytesOf(items[0].binary?.data).equals(sandbox.state.media.get(SAMPLE_IDS.incomingImage)?.bytes as Buffer)).toBe(true);
	});

	it("reads a name in RFC 5987's filename* (non-ASCII), and keeps a file without a type as octet-stream", async () => {
		const invoice = await addMedia({
			base64: Buffer.from('%PDF-1.7 Rechnung').toString('base64'),
			mimeType: 'application/pdf',
			fileName: 'Rechnung März.pdf',
		});
		const unknown = await addMedia({ messageId: 'wamid.UNTYPED01', base64: Buffer.from([1, 2, 3]).toString('base64') });
		const served = await fetch(`${sandbox.baseUrl}/getmediafile?messageId=${encodeURIComponent(invoice)}`, {
			headers: { 'API-KEY': sandbox.apiKey },
		});
		expect(served.headers.get('content-disposition')).toBe(
			"attachment; filename=\"Rechnung M_rz.pdf\"; filename*=UTF-8''Rechnung%20M%C3%A4rz.pdf",
		);
		const { items, error } = await download({ messageId: '={{ $json.id }}' }, [{ id: invoice }, { id: unknown }]);
		expect(error).toBeUndefined();
		expect(items.map((item) => item.json)).toEqual([
			{ messageId: invoice, mimeType: 'application/pdf', fileName: 'Rechnung März.pdf', fileSize: 17 },
			{ messageId: 'wamid.UNTYPED01', mimeType: 'application/octet-stream', fileName: 'UNTYPED01.bin', fileSize: 3 },
		]);
		expect(bytesOf(items[0].binary?.data).toString()).toBe('%PDF-1.7 Rechnung');
		expect([...bytesOf(items[1].binary?.data)]).toEqual([1, 2, 3]);
	});

	it('drops the folders a sender put in front of the name', async () => {
		const messageId = await addMedia({
			base64: Buffer.from('%PDF-1.4').toString('base64'),
			mimeType: 'application/pdf',
			fileName: '../../reports/q3.pdf',
		});
		const { items } = await download({ messageId });
		expect([items[0].json.fileName, items[0].binary?.data.fileName, items[0].binary?.data.directory]).toEqual([
			'q3.pdf',
			'q3.pdf',
			undefined,
		]);
	});

	it('a 100 MB file comes through whole', async () => {
		const size = 100 * 1024 * 1024;
		const messageId = await addMedia({ size, mimeType: 'video/mp4', fileName: 'warehouse-tour.mp4' });
		const served = sandbox.state.media.get(messageId)?.bytes as Buffer;
		expect(served.length).toBe(size);
		const { items, error } = await download({ messageId });
		expect(error).toBeUndefined();
		expect(items[0].json).toEqual({ messageId, mimeType: 'video/mp4', fileName: 'warehouse-tour.mp4', fileSize: size });
		const received = bytesOf(items[0].binary?.data);
		expect(received.length).toBe(size);
		expect(received.equals(served)).toBe(true);
	});
});

describe('Media → Download: what is not a file is an error, never a binary full of error text', () => {
	it('an unknown message id: Cunnekt\'s 404 in its own words', async () => {
		const { items, error } = await download({ messageId: 'wamid.NOSUCHMESSAGE' });
		expect(items).toEqual([]);
		expect(error?.name).toBe('NodeApiError');
		expect(error?.message).toBe('Media of message wamid.NOSUCHMESSAGE not found');
		expect(error?.description).toBe(
			'Cunnekt has nothing at this address: what the request names does not exist, or the credential points at the wrong platform.' +
				` Cunnekt's Classic platform at ${sandbox.baseUrl} answered 404 to GET /getmediafile.` +
				" If that exists, check the credential's Platform and Base URL (Classic: https://app2.cunnekt.com/v1, Current: https://app.cunnekt.com).",
		);
		expect((error as { httpCode?: string }).httpCode).toBe('404');
	});

	it('a JSON answer with HTTP 200', async () => {
		answerMediaWith({ status: 200, body: { status: 'ok', message: 'Media is being processed' } });
		const { items, error } = await download({ messageId: SAMPLE_IDS.incomingPdf });
		expect(items).toEqual([]);
		expect(error?.message).toBe(`Cunnekt answered with JSON instead of the file for message "${SAMPLE_IDS.incomingPdf}" [item 0]`);
		expect(error?.description).toBe(
			'Check that the message id belongs to an inbound image, video, audio or document message. Cunnekt said: {"status":"ok","message":"Media is being processed"}',
		);
	});

	it('an HTML page with HTTP 200 (a login page, a proxy)', async () => {
		answerMediaWith({
			status: 200,
			raw: '<!DOCTYPE html><html><head><title>Sign in</title></head><body>Please sign in</body></html>',
			headers: { 'content-type': 'text/html; charset=utf-8' },
		});
		const { error } = await download({ messageId: SAMPLE_IDS.incomingPdf });
		expect(error?.message).toBe(
			`Cunnekt answered with an HTML page instead of the file for message "${SAMPLE_IDS.incomingPdf}" [item 0]`,
		);
		expect(error?.description).toBe(
			'Check that the message id belongs to an inbound image, video, audio or document message. Cunnekt said: <!DOCTYPE html><html><head><title>Sign in</title></head><body>Please sign in</body></html>',
		);
	});

	it('an HTML error page (HTTP 502) is summed up, not dumped', async () => {
		answerMediaWith({
			status: 502,
			raw: '<html><head><title>502 Bad Gateway</title></head><body>nginx</body></html>',
			headers: { 'content-type': 'text/html' },
		});
		const { error } = await download({ messageId: SAMPLE_IDS.incomingPdf });
		expect(error?.message).toBe('Cunnekt answered with an HTML page ("502 Bad Gateway"), not JSON');
	});

	it('an empty message id is refused without a request', async () => {
		const { error } = await download({ messageId: '  ' });
		expect(error?.message).toBe('Message ID is empty; it is required [item 0]');
		expect(sandbox.requests).toEqual([]);
	});

	it('with Continue On Fail: one item per input, in order, the failures as error items', async () => {
		const { items, error } = await download(
			{ messageId: '={{ $json.id }}' },
			[{ id: SAMPLE_IDS.incomingPdf }, { id: 'wamid.GONE' }, { id: SAMPLE_IDS.video }],
			true,
		);
		expect(error).toBeUndefined();
		expect(items.map((item) => [item.json.fileName ?? item.json.error, item.pairedItem])).toEqual([
			['Cunnekt - Product Pitch (3) (1).pdf', { item: 0 }],
			['Media of message wamid.GONE not found', { item: 1 }],
			['unboxing.mp4', { item: 2 }],
		]);
		expect(items[1]).toEqual(notFoundItem(sandbox.baseUrl, 'Media of message wamid.GONE not found', 'GET /getmediafile', 1));
	});
});
