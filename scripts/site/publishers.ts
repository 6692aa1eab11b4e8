/**
 * Publishers write files into the site that are not Eleventy pages: downloads, feeds, data
 * packages. The build runs every publisher in PUBLISHERS, in order, after Eleventy has
 * written the pages and the site's record files and search index are done, and before the
 * sitemap is made, into the temporary folder that becomes `_site/` only when the whole
 * build succeeds.
 *
 * To add one: write `(context) => Promise<void>` in your own module and add one line to
 * PUBLISHERS. Write with `writeOutput` (it refuses paths outside the site).
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { dirname, resolve, sep } from 'node:path';
import type { LoadedRegister } from '../lib/loadRegister.ts';
import type { Register } from '../lib/buildRegister.ts';
import type { SiteInfo } from './siteInfo.ts';
import { OPEN_DATA_PUBLISHERS } from '../data/publishOpenData.ts';
import { publishContracts } from '../contracts/publishContracts.ts';
import { publishHsds } from '../hsds/publishHsds.ts';

export interface PublishContext {
  /** The register model (joined, with display statuses as of `site.today`). */
  register: Register;
  /** The register as loaded: tables with source lines, codelists, contract templates. */
  loaded: LoadedRegister;
  site: SiteInfo;
  /** The folder being built (a temporary folder; it becomes `_site/` or KITEMARK_OUT). */
  outDir: string;
  /** The register folder the build reads (data/ or KITEMARK_DATA). */
  dataDir: string;
}

export interface Publisher {
  /** Shown in build timings and errors. */
  name: string;
  publish(context: PublishContext): Promise<void>;
}

/**
 * Publishers other parts of the project add. (The site's own record files and search index
 * are built-in steps of buildSite, run before these.)
 */
export const PUBLISHERS: Publisher[] = [
  ...OPEN_DATA_PUBLISHERS,
  { name: 'contract templates', publish: publishContracts },
  { name: 'HSDS 3.0 feed', publish: publishHsds },
];

/** Writes one file under `outDir`, making folders as needed; `relativePath` uses `/`. */
export async function writeOutput(
  outDir: string,
  relativePath: string,
  contents: string | Uint8Array,
): Promise<void> {
  const root = resolve(outDir);
  const target = resolve(root, relativePath);
  if (!target.startsWith(root + sep)) {
    throw new Error(`refusing to write ${relativePath}: it is outside the site folder`);
  }
  await mkdir(dirname(target), { recursive: true });
  await writeFile(target, contents);
}
