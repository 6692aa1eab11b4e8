/**
 * Publishes the search index (search/manifest.json and search/<version>/…). It is built on
 * the main thread, between Eleventy and the record files: measured at 50,000 providers, a
 * worker thread saved no time on two cores (writing the record files is bound by the disk)
 * and added its own heap, 350 MiB more at peak (docs/benchmarks.md).
 */
import type { PublishContext } from '../kit/publisher.ts';
import { searchInput } from './search/searchInput.ts';
import { writeSearchIndex, type SearchIndexStats } from './search/writeSearchIndex.ts';

export async function publishSearchIndex({
  register,
  outDir,
}: Pick<PublishContext, 'register' | 'outDir'>): Promise<SearchIndexStats> {
  return writeSearchIndex(searchInput(register), outDir);
}
