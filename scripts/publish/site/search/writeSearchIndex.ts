/**
 * Builds the search index from its input and writes it under `search/`: the files in
 * `search/<version>/` and `search/manifest.json`, which names the version. The version
 * folder changes whenever the index does, so a browser never mixes shards of two builds.
 */
import { buildSearchIndex, type SearchManifest } from './buildSearchIndex.ts';
import type { SearchInput } from './searchInput.ts';
import { OutputFolder } from '../../../io/outputFolder.ts';

export const SEARCH_FOLDER = 'search/';

export interface SearchIndexStats {
  manifest: SearchManifest;
  files: number;
  bytes: number;
}

export async function writeSearchIndex(
  input: SearchInput,
  outDir: string,
): Promise<SearchIndexStats> {
  const { files, manifest } = buildSearchIndex(input);
  const writer = new OutputFolder(outDir);
  let bytes = 0;
  for (const file of files) {
    bytes += file.contents.length;
    writer.writeSync(`${SEARCH_FOLDER}${manifest.version}/${file.path}`, file.contents);
  }
  writer.writeSync(`${SEARCH_FOLDER}manifest.json`, JSON.stringify(manifest));
  return { manifest, files: files.length + 1, bytes };
}
