import { CREDENTIAL_BLANKING_VALUE, CREDENTIAL_EMPTY_VALUE } from 'n8n-workflow';
import type { INodeProperties } from 'n8n-workflow';

/** What n8n puts in a saved secret's field in place of its value (set, or empty). */
const STAND_INS = [CREDENTIAL_BLANKING_VALUE, CREDENTIAL_EMPTY_VALUE].map((value) => ({ _cnd: { eq: value } }));

/**
 * A notice shown under a credential's field while its value has a problem, as the person types: n8n folds a
 * credential test's message behind "More details" and saves the value anyway, so the problem is said where it is
 * typed. Shown while the field matches `pattern` (and not `unless`), never for the stand-ins n8n puts in a saved
 * secret's field (set or empty); `only` adds conditions on other fields (e.g. the platform).
 */
export function problemNotice(
	name: string,
	field: string,
	text: string,
	{ pattern, unless, only = {} }: { pattern: string; unless?: string; only?: Record<string, string[]> },
): INodeProperties {
	return {
		displayName: text,
		name,
		type: 'notice',
		default: '',
		displayOptions: {
			show: { ...only, [field]: [{ _cnd: { regex: pattern } }] },
			hide: { [field]: [...STAND_INS, ...(unless ? [{ _cnd: { regex: unless } }] : [])] },
		},
	};
}
