import type { CunnektResourceModule } from '../node.type';

export const media: CunnektResourceModule = {
	description: [],
	operations: {},
};
