import { interactiveProperties, readInteractive } from './fields';
import { replyOperation } from './operation';

/**
 * WhatsApp's location request (`location_request_message`): a text with a Send Location button; the location the
 * customer shares comes back to the Cunnekt Trigger as a location message. Cunnekt's current platform only.
 */
export const requestLocation = replyOperation({
	value: 'requestLocation',
	option: {
		name: 'Request Location',
		action: 'Ask the customer for their location',
		description: "Send a text with a button that shares the customer's location (Cunnekt's current platform only)",
	},
	properties: interactiveProperties(false, {
		body: { placeholder: 'e.g. Where should we pick you up? Tap below to share your location.' },
	}),
	kind: 'locationRequest',
	read(itemIndex) {
		const { to, body } = readInteractive.call(this, itemIndex, false);
		return { kind: 'locationRequest', to, body };
	},
});
