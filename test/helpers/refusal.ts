/** What the pure rule tests assert of a refusal: the InputError a check throws, its message and hint. */
import { InputError } from '../../nodes/shared/errors';

export function refusal(check: () => unknown): { message: string; description?: string } {
	try {
		check();
	} catch (error) {
		expect(error).toBeInstanceOf(InputError);
		const { message, description } = error as InputError;
		return description === undefined ? { message } : { message, description };
	}
	throw new Error('expected the check to refuse the value');
}
