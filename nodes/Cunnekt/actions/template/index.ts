import { defineResource } from '../resource';
import { createTemplate } from './create';
import { deleteTemplate } from './delete.operation';
import { getTemplate } from './get.operation';
import { getManyTemplates } from './getMany.operation';
import { syncTemplates } from './sync.operation';

export const template = defineResource(
	'template',
	[getManyTemplates, getTemplate, createTemplate, syncTemplates, deleteTemplate],
	'getMany',
);
