// @ts-check
/** The sandbox's memory: service windows, templates, campaigns, media files and every message it accepted. */
const crypto = require('crypto');
const { seededMedia } = require('./media-files');

const SERVICE_WINDOW_MS = 24 * 60 * 60 * 1000;

/**
 * A message the sample customer (Cunnekt's example number) sent, known to every fresh sandbox, so that a read
 * receipt or a reaction has a message to name; the webhook sender adds every message it posts.
 */
const SEEDED_RECEIVED = { id: 'wamid.HBgMOTE5OTk5OTk5OTk5FQIAEhgUM0FCMDQ0NTk2QjJGRDc4MjE1NjEA', from: '919999999999' };

/** A fresh WhatsApp-like message id. */
function newWamid() {
	return `wamid.${crypto.randomBytes(24).toString('base64').replace(/=+$/, '')}`;
}

/**
 * Templates every sandbox starts with. The first three carry the template ids of Cunnekt's own examples (its Postman collection),
 * so the documented requests work as they are.
 */
function seededTemplates() {
	return [
		{
			id: 'asdasdDSDsd',
			name: 'welcome_message',
			language: 'en',
			status: 'APPROVED',
			category: 'MARKETING',
			components: [{ type: 'BODY', text: 'Welcome to our store! Reply to this message to talk to us.' }],
		},
		{
			id: 'sdsdDSDdssd',
			name: 'order_update',
			language: 'en',
			status: 'APPROVED',
			category: 'UTILITY',
			components: [
				{ type: 'HEADER', format: 'IMAGE', example: { header_handle: ['https://example.com/order.jpg'] } },
				{
					type: 'BODY',
					text: 'Hi {{1}}, your order of {{2}} has shipped.',
					example: { body_text: [['Vivek', 'Rs. 999']] },
				},
			],
		},
		{
			id: '1036659577939498',
			name: 'summer_collection',
			language: 'en',
			status: 'APPROVED',
			category: 'MARKETING',
			components: [
				{ type: 'BODY', text: 'Our summer collection is here.' },
				{
					type: 'CAROUSEL',
					cards: [0, 1, 2].map(() => ({
						components: [
							{ type: 'HEADER', format: 'IMAGE' },
							{ type: 'BODY', text: 'Fresh styles for the season.' },
							{
								type: 'BUTTONS',
								buttons: [
									{ type: 'QUICK_REPLY', text: 'Interested' },
									{ type: 'URL', text: 'Shop now', url: 'https://example.com/shop/{{1}}' },
								],
							},
						],
					})),
				},
			],
		},
		{
			id: 'tpl_appointment_reminder',
			name: 'appointment_reminder',
			language: 'en_US',
			status: 'APPROVED',
			category: 'UTILITY',
			parameter_format: 'NAMED',
			components: [
				{
					type: 'BODY',
					text: 'Hi {{first_name}}, your appointment is on {{date}}. Reply to reschedule.',
					example: {
						body_text_named_params: [
							{ param_name: 'first_name', example: 'Asha' },
							{ param_name: 'date', example: '12 March, 10:00' },
						],
					},
				},
				{ type: 'FOOTER', text: 'City Dental Clinic' },
			],
		},
		{
			id: 'tpl_track_shipment',
			name: 'track_shipment',
			language: 'en',
			status: 'APPROVED',
			category: 'UTILITY',
			components: [
				{ type: 'HEADER', format: 'TEXT', text: 'Order {{1}}', example: { header_text: ['A-1042'] } },
				{ type: 'BODY', text: 'Your parcel {{1}} is on its way.', example: { body_text: [['AWB123456']] } },
				{
					type: 'BUTTONS',
					buttons: [
						{ type: 'URL', text: 'Track parcel', url: 'https://track.example.com/{{1}}', example: ['https://track.example.com/AWB123456'] },
						{ type: 'QUICK_REPLY', text: 'Talk to us' },
					],
				},
			],
		},
		{
			id: 'tpl_invoice_ready',
			name: 'invoice_ready',
			language: 'en',
			status: 'APPROVED',
			category: 'UTILITY',
			components: [
				{ type: 'HEADER', format: 'DOCUMENT', example: { header_handle: ['https://example.com/invoice.pdf'] } },
				{ type: 'BODY', text: 'Your invoice {{1}} is attached.', example: { body_text: [['INV-77']] } },
				{ type: 'FOOTER', text: 'Thank you for shopping with us' },
			],
		},
		{
			id: 'tpl_spring_sale',
			name: 'spring_sale',
			language: 'en',
			status: 'PENDING',
			category: 'MARKETING',
			components: [{ type: 'BODY', text: 'Spring sale: {{1}} off everything!', example: { body_text: [['20%']] } }],
		},
		{
			id: 'tpl_flash_deal',
			name: 'flash_deal',
			language: 'en',
			status: 'REJECTED',
			category: 'MARKETING',
			rejected_reason: 'PROMOTIONAL',
			components: [{ type: 'BODY', text: 'Flash deal today only!' }],
		},
	];
}

function createState() {
	return {
		/** mobile → the time (ms) its 24-hour service window closes */
		windows: new Map(),
		/** id → template */
		templates: new Map(seededTemplates().map((template) => [template.id, template])),
		/** id → campaign */
		campaigns: new Map(),
		/** messageId → { bytes, mimeType, fileName } */
		media: new Map(seededMedia()),
		/** every message the sandbox accepted: { id, mobile, endpoint, body, at } */
		sent: [],
		/** messageId → who sent it: the messages customers sent (what Mark as Read may name) */
		received: new Map([[SEEDED_RECEIVED.id, SEEDED_RECEIVED.from]]),
	};
}

/** Opens (or extends) a number's service window, as an inbound message from that number would. */
function openWindow(state, mobile, at = Date.now()) {
	state.windows.set(String(mobile), at + SERVICE_WINDOW_MS);
}

function windowIsOpen(state, mobile, at = Date.now()) {
	const closesAt = state.windows.get(String(mobile));
	return closesAt !== undefined && closesAt > at;
}

module.exports = { createState, openWindow, windowIsOpen, newWamid, seededTemplates, SERVICE_WINDOW_MS, SEEDED_RECEIVED };
