/**
 * Writes `CITATION.cff` at the repository root from `data/register.json`, so GitHub's "Cite
 * this repository" and reference managers describe the register as register.json does.
 * `npm run citation` regenerates it; a unit test fails when it is stale. It names no version:
 * each released version carries its own CITATION.cff, with its version and release date.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { formatCitationCff } from '../lib/downloads/citation.ts';
import type { RegisterMetadata } from '../lib/types.generated.ts';

const root = join(import.meta.dirname, '../..');
export const CITATION_FILE = join(root, 'CITATION.cff');

export function repositoryCitation(meta: RegisterMetadata): string {
  return formatCitationCff(meta, {
    ...(meta.homepage ? { versionsUrl: new URL('data/versions/', meta.homepage).href } : {}),
    ...(meta.publisher.url?.startsWith('https://github.com/')
      ? { repository: meta.publisher.url }
      : {}),
  });
}

if (process.argv[1] === import.meta.filename) {
  const meta = JSON.parse(
    readFileSync(join(root, 'data/register.json'), 'utf8'),
  ) as RegisterMetadata;
  writeFileSync(CITATION_FILE, repositoryCitation(meta));
  console.log(`Wrote ${CITATION_FILE}.`);
}
