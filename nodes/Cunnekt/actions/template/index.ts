import type { CunnektResourceModule } from '../node.type';

export const template: CunnektResourceModule = {
	description: [],
	operations: {},
};
