import { defineResource } from '../resource';
import { downloadMedia } from './download.operation';

export const media = defineResource('media', [downloadMedia], 'download');
