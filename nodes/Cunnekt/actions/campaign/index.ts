import type { CunnektResourceModule } from '../node.type';

export const campaign: CunnektResourceModule = {
	description: [],
	operations: {},
};
