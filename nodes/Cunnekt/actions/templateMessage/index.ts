import { defineResource } from '../resource';
import { sendTemplate } from './send.operation';

export const templateMessage = defineResource('templateMessage', [sendTemplate], 'send');
