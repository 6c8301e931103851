/**
 * WhatsApp's rules for the Reply types that send Cloud API messages (nodes/Cunnekt/whatsapp/), pure: each at its
 * edge, the value it returns, and the exact message it refuses with; the node tests
 * (test/nodes/cunnekt/reply.cloudTypes.test.ts) check them through n8n's engine.
 */
import { checkCoordinate, LIMITS } from '../../nodes/Cunnekt/whatsapp/limits';
import { refusal } from '../helpers/refusal';

describe('checkCoordinate', () => {
	it('passes the edges and text an expression gives, as numbers', () => {
		expect(checkCoordinate(90, 'Latitude', LIMITS.latitude)).toBe(90);
		expect(checkCoordinate(-90, 'Latitude', LIMITS.latitude)).toBe(-90);
		expect(checkCoordinate(' -180 ', 'Longitude', LIMITS.longitude)).toBe(-180);
		expect(checkCoordinate('72.8347', 'Longitude', LIMITS.longitude)).toBe(72.8347);
		expect(checkCoordinate(0, 'Latitude', LIMITS.latitude)).toBe(0);
	});

	it('refuses a value past either edge, text that is no number, and nothing', () => {
		expect(refusal(() => checkCoordinate(90.0001, 'Latitude', LIMITS.latitude))).toEqual({
			message: 'Latitude must be a number from -90 to 90 (decimal degrees); WhatsApp refuses 90.0001',
			description: 'For example 18.9220 and 72.8347 (Mumbai). A map app shows them when you share or long-press a place.',
		});
		expect(refusal(() => checkCoordinate(-180.5, 'Longitude', LIMITS.longitude)).message).toBe(
			'Longitude must be a number from -180 to 180 (decimal degrees); WhatsApp refuses -180.5',
		);
		expect(refusal(() => checkCoordinate('18°55′N', 'Latitude', LIMITS.latitude)).message).toBe(
			'Latitude must be a number from -90 to 90 (decimal degrees); WhatsApp refuses "18°55′N"',
		);
		expect(refusal(() => checkCoordinate(true, 'Latitude', LIMITS.latitude)).message).toBe(
			'Latitude must be a number from -90 to 90 (decimal degrees); WhatsApp refuses true',
		);
		for (const empty of ['', '  ', undefined, null]) {
			expect(refusal(() => checkCoordinate(empty, 'Latitude', LIMITS.latitude))).toEqual({ message: 'Latitude is empty; WhatsApp requires it' });
		}
	});
});
