/**
 * A reaction's emoji: WhatsApp reacts to a message with exactly one emoji, and an empty one removes the reaction
 * (Meta's reaction messages page). One emoji may be several code points: a skin tone, a flag, a keycap, a sequence
 * joined by zero-width joiners (👩🏽‍💻), a variation selector (❤️).
 */

import { InputError } from '../../shared/errors';
import { showValue } from './limits';

const PICTOGRAPH = String.raw`\p{Extended_Pictographic}\uFE0F?\p{Emoji_Modifier}?`;
const ONE_EMOJI = new RegExp(
	[
		String.raw`\p{Regional_Indicator}{2}`,
		String.raw`[0-9#*]\uFE0F?\u20E3`,
		String.raw`\p{Extended_Pictographic}[\u{E0020}-\u{E007E}]+\u{E007F}`,
		String.raw`${PICTOGRAPH}(?:\u200D${PICTOGRAPH})*`,
	]
		.map((form) => `^(?:${form})$`)
		.join('|'),
	'u',
);

/** Whether a text is exactly one emoji. */
export function isOneEmoji(value: string): boolean {
	return ONE_EMOJI.test(value);
}

/** The emoji to react with, trimmed: one emoji, or '' to remove the reaction. */
export function checkReactionEmoji(value: string, field = 'Emoji'): string {
	const emoji = value.trim();
	if (emoji === '' || isOneEmoji(emoji)) return emoji;
	throw new InputError(
		`${field} ${showValue(emoji)} is not one emoji; WhatsApp reacts with exactly one`,
		'Enter a single emoji such as 👍, or leave it empty to remove your reaction.',
	);
}
