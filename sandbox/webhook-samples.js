// @ts-check
/**
 * Cunnekt's webhook samples (its Postman collection → Webhooks; docs/api-contract.md), byte for byte as the collection shows them.
 * One correction: in the list-reply sample the collection's HTML wraps part of the message id in a link
 * ("wa<a>https://www.cunnekt.com</a>mid."); the id here is the intended "wamid.…".
 */
const SEED_WEBHOOKS = {
	/** Incoming Text Message Webhook */
	text:
		'{"messaging_product":"whatsapp","metadata":{"display_phone_number":"919873617805","phone_number_id":"123456789"},"contacts":[{"profile":{"name":"VIVEK KUMAR"},"wa_id":"919999999999"}],"messages":[{"from":"919999999999","id":"wamid.HBgMOTE3ODM4MjYyMjgxFQIAEhgWM0VCMEQyRTI1RUMxQzJEN0Y0RTY0MwA=","timestamp":"1691583948","text":{"body":"hello"},"type":"text"}]}',
	/** Incoming Button Message Click Reply */
	buttonReply:
		'{"messaging_product":"whatsapp","metadata":{"display_phone_number":"919873617805","phone_number_id":"123456789"},"contacts":[{"profile":{"name":"Vivek Kumar"},"wa_id":"919999999999"}],"messages":[{"context":{"from":"919999999999","id":"wamid.HBgMOTE3MDQyNzE0MzI2FQIAERgSQkRBNUE0QUYyNzE1NDVENzRBAA=="},"from":"919999999999","id":"wamid.HBgMOTE3MDQyNzE0MzI2FQIAEhggOTg5NzEyNTdCNDM0MThGQzgzNkYzMDA5NDY4MUFBQ0YA","timestamp":"1704803711","type":"interactive","interactive":{"type":"button_reply","button_reply":{"id":"1","title":"WhatsApp Onboarding"}}}]}',
	/** Incoming List Message Click Reply Webhook */
	listReply:
		'{"messaging_product":"whatsapp","metadata":{"display_phone_number":"919873617805","phone_number_id":"123456789"},"contacts":[{"profile":{"name":"Vivek Kumar"},"wa_id":"919999999999"}],"messages":[{"context":{"from":"919999999999","id":"wamid.HBgMOTE3MDQyNzE0MzI2FQIAERgSOTlFQTQ2REJCNDc4QTVERTM5AA=="},"from":"919999999999","id":"wamid.HBgMOTE3MDQyNzE0MzI2FQIAEhggMUZGRTU2QzY4MzE2RTQ1M0M4OTA3MjAyNzA5Q0FFN0MA","timestamp":"1704803717","type":"interactive","interactive":{"type":"list_reply","list_reply":{"id":"button2_4","title":"button2"}}}]}',
	/** Incoming PDF message Webhook */
	document:
		'{"messaging_product":"whatsapp","metadata":{"display_phone_number":"919873617805","phone_number_id":"123456789"},"contacts":[{"profile":{"name":"VIVEK KUMAR"},"wa_id":"919999999999"}],"messages":[{"from":"919999999999","id":"wamid.HBgMOTE3ODM4MjYyMjgxFQIAEhgWM0VCMEIxNkNBMUM4NTk2QzJBMjk0MgA=","timestamp":"1691583944","type":"document","document":{"filename":"Cunnekt - Product Pitch (3) (1).pdf","mime_type":"application/pdf","sha256":"a8BfUjKncpRaN1ETZ7qYMWq+vfjL5UXsKJ7M4JS1Y5g=","id":"1288177442071795"}}]}',
	/** Incoming Image message Webhook */
	image:
		'{"messaging_product":"whatsapp","metadata":{"display_phone_number":"919873617805","phone_number_id":"123456789"},"contacts":[{"profile":{"name":"VIVEK KUMAR"},"wa_id":"919999999999"}],"messages":[{"from":"919999999999","id":"wamid.HBgMOTE3ODM4MjYyMjgxFQIAEhgWM0VCMEJCMDUxOTQ2N0RGMTkwQ0M2RgA=","timestamp":"1691583851","type":"image","image":{"mime_type":"image/jpeg","sha256":"M/Hwg7p2OkyasSJJKZDX3i3cLAV1aeD4D5PbvyfBbhc=","id":"6458224610913792"}}]}',
	/** Message Sent Status Webhook */
	sent:
		'{"messaging_product":"whatsapp","metadata":{"display_phone_number":"919873617805","phone_number_id":"123456789"},"statuses":[{"id":"wamid.HBgMSDOTE3MDQyNzE0MzI2FQIAERgSRjRDQkM1NDU3QzI2QTRFQkZFAA==","status":"sent","timestamp":"1710392516","recipient_id":"919999999999","conversation":{"id":"7a553a2122248af1a88c9fdbeceeb17c","expiration_timestamp":"1710478920","origin":{"type":"utility"}},"pricing":{"billable":true,"pricing_model":"CBP","category":"utility"}}]}',
	/** Message Delivered Status Webhook */
	delivered:
		'{"messaging_product":"whatsapp","metadata":{"display_phone_number":"919873617805","phone_number_id":"123456789"},"statuses":[{"id":"wamid.HBgMOTE3MDQyNzE0MzI2FQsdQkM1NDU3QzI2QTRFQkZFAA==","status":"delivered","timestamp":"1710392519","recipient_id":"919999999999","conversation":{"id":"7a553a2122248af1a88c9fdbeceeb17c","origin":{"type":"utility"}},"pricing":{"billable":true,"pricing_model":"CBP","category":"utility"}}]}',
	/** Message Read Status Webhook */
	read:
		'{"messaging_product":"whatsapp","metadata":{"display_phone_number":"919873617805","phone_number_id":"123456789"},"statuses":[{"id":"wamid.HBgMOTE3sdMDQyNzE0MzI2FQIAERgSRjRDQkM1NDU3QzI2QTRFQkZFAA==","status":"read","timestamp":"1710392808","recipient_id":"919999999999"}]}',
};

module.exports = { SEED_WEBHOOKS };
