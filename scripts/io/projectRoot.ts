import { join } from 'node:path';

/** The repository's own folder, whatever the working directory. */
export const ROOT = join(import.meta.dirname, '../..');
export const DEFAULT_DATA_DIR = join(ROOT, 'data');
