/**
 * The register's HSDS 3.0 feed as static files under `hsds/` (scripts/lib/hsds/hsdsApi.ts
 * says how each path resolves on a static host). The same files are what `kitemark hsds`
 * writes for a register folder.
 */
import { join } from 'node:path';
import { readGeography } from '../../io/referenceFiles.ts';
import type { Register } from '../../lib/buildRegister.ts';
import type { Geography } from '../../lib/geography/geography.ts';
import { hsdsApiFiles, hsdsPaths, rootDocument } from '../../lib/hsds/hsdsApi.ts';
import { HSDS_PROFILE_URL, hsdsOpenApi } from '../../lib/hsds/hsdsSpec.ts';
import { createHsdsMapper } from '../../lib/hsds/mapToHsds.ts';
import { OutputFolder } from '../../io/outputFolder.ts';
import type { PublishContext } from '../kit/publisher.ts';
import { absoluteUrl, paths } from '../kit/urls.ts';

export interface HsdsFeedOptions {
  register: Register;
  geography: Geography;
  /** The register site's address (ending with `/`), for links to provider and certificate pages. */
  siteUrl?: string | undefined;
  /** Where the feed's folder is served (ending with `/`). */
  feedUrl: string;
}

/** Every file of the feed, relative to its folder. */
export function hsdsFeedFiles(options: HsdsFeedOptions): Generator<[string, string]> {
  const { register, geography, siteUrl, feedUrl } = options;
  const site = siteUrl ? { url: siteUrl } : undefined;
  const mapper = createHsdsMapper({
    register,
    geography,
    links: site && {
      provider: (id) => absoluteUrl(site, paths.provider(id)),
      certificate: (id) => absoluteUrl(site, paths.certificate(id)),
    },
  });
  return hsdsApiFiles({
    mapper,
    providers: register.providers,
    root: rootDocument({ profile: HSDS_PROFILE_URL, openapi: feedUrl + hsdsPaths.openapi }),
    openapi: hsdsOpenApi(register.meta, feedUrl),
  });
}

/** Writes the feed into `dir`, synchronously file by file (see outputFolder.ts); returns the count. */
export function writeHsdsFeed(dir: string, options: HsdsFeedOptions): number {
  const files = new OutputFolder(dir);
  for (const [path, text] of hsdsFeedFiles(options)) files.writeSync(path, text);
  return files.written;
}

export async function publishHsds({ register, site, outDir }: PublishContext): Promise<void> {
  writeHsdsFeed(join(outDir, paths.hsds), {
    register,
    geography: await readGeography(),
    siteUrl: site.url,
    feedUrl: absoluteUrl(site, paths.hsds),
  });
}
