/**
 * Publishes the search index (search/manifest.json and search/<version>/…). It is built on
 * the main thread, between Eleventy and the record files: measured at 50,000 providers, a
 * worker thread saved no time on two cores (writing the record files is bound by the disk)
 * and added its own heap, 350 MiB more at peak (docs/benchmarks.md).
 */
import type { PublishContext } from '../kit/publisher.ts';
import { searchInput } from './search/searchInput.ts';
import { writeSearchIndex, type SearchIndexStats } from './search/writeSearchIndex.ts';
import { placeIndex } from './search/placeIndex.ts';
import { OutputFolder } from '../../io/outputFolder.ts';
import { ROOT } from '../../io/projectRoot.ts';
import { readGeography, readReference } from '../../io/referenceFiles.ts';
import { join } from 'node:path';
import { build } from 'esbuild';

export async function publishSearchIndex({
  register,
  outDir,
}: Pick<PublishContext, 'register' | 'outDir'>): Promise<SearchIndexStats> {
  const input = searchInput(register);
  const [geography, reference] = await Promise.all([readGeography(), readReference()]);
  const towns = [...reference.entries()].map(([postcode, fact]) => ({ postcode, town: fact.town }));
  const refs = new Map(input.rows.map((row, ref) => [row[0], ref]));
  const places = placeIndex(register, geography, refs, towns);
  await writeGeographyBundle(outDir);
  return writeSearchIndex(input, outDir, places);
}

/**
 * The browser reads postcodes and place names, and words distances, with the build's own
 * code (scripts/lib/geography/browserPlaces.ts), bundled to `assets/search/geography.js`.
 */
async function writeGeographyBundle(outDir: string): Promise<void> {
  const result = await build({
    entryPoints: [join(ROOT, 'scripts/lib/geography/browserPlaces.ts')],
    bundle: true,
    format: 'esm',
    platform: 'browser',
    target: ['es2022'],
    minify: true,
    legalComments: 'none',
    write: false,
    logLevel: 'silent',
  });
  new OutputFolder(outDir).writeSync('assets/search/geography.js', result.outputFiles[0]!.text);
}
