/**
 * Data releases entry point, for the deploy workflow:
 *
 * - `fetch`: download every published archive (GitHub Releases `data-vX`) into the releases
 *   folder, with published.json; the site build then takes those versions byte for byte.
 * - `publish`: fetch, build the archive of every version released on the main line that has no
 *   GitHub Release yet (a published one is never rebuilt), and publish each as a release.
 *
 * Env: the GITHUB_* variables of the run, GITHUB_TOKEN, KITEMARK_RELEASES (default
 * `.cache/kitemark/releases`), KITEMARK_DATA (default data/), KITEMARK_SITE_URL and
 * KITEMARK_BASE_PATH (the site's address, as for the build: it is written into each archive).
 */
import * as core from '@actions/core';
import { resolve } from 'node:path';
import { DEFAULT_DATA_DIR } from '../io/projectRoot.ts';
import { readDataDir } from '../io/registerFolder.ts';
import { readRegisterHistory } from '../io/git/readRegisterHistory.ts';
import { readSchemaFiles } from '../publish/open-data/publishOpenData.ts';
import { prepareReleases } from '../publish/open-data/prepareReleases.ts';
import { ReleaseStore, releasesDir } from '../io/releaseStore.ts';
import { formatCitation } from '../lib/downloads/citation.ts';
import { loadRegister } from '../lib/loadRegister.ts';
import { findReleases } from '../lib/releases.ts';
import { siteInfo } from '../publish/kit/siteInfo.ts';
import { absoluteUrl, dataPaths } from '../publish/kit/urls.ts';
import { readActionsContext } from './readActionsContext.ts';
import { fetchReleases, publishReleases } from './releaseAssets.ts';
import { isEntryPoint, octokitFor, runEntryPoint, type ClientOptions } from './runEntryPoint.ts';
import type { Toolkit } from './toolkit.ts';

export async function main(
  command: string | undefined,
  env: NodeJS.ProcessEnv,
  toolkit: Toolkit,
  client: ClientOptions = {},
): Promise<number> {
  return runEntryPoint(toolkit, async () => {
    if (command !== 'fetch' && command !== 'publish')
      throw new Error('say what to do: main-releases.ts fetch, or main-releases.ts publish');
    const context = await readActionsContext(env);
    const octokit = octokitFor(context, toolkit, client);
    const repo = { owner: context.owner, repo: context.repo };
    const dataDir = resolve(env['KITEMARK_DATA'] || DEFAULT_DATA_DIR);
    const history = await readRegisterHistory({ dataDir });
    const store = new ReleaseStore(env['KITEMARK_RELEASES'] || releasesDir(history.repository));
    const published = await fetchReleases(octokit, repo, store, toolkit);
    toolkit.info(`${published.length} published data releases are in ${store.dir}.`);
    if (command === 'fetch') return;

    const loaded = loadRegister(await readDataDir(dataDir));
    if (!loaded.meta.value) throw new Error(`${dataDir}/register.json could not be read`);
    const meta = loaded.meta.value;
    const site = siteInfo(meta, {
      today: '9999-12-31',
      basePath: env['KITEMARK_BASE_PATH'],
      siteUrl: env['KITEMARK_SITE_URL'],
    });
    const pageUrl = (version: string) => absoluteUrl(site, dataPaths.version(version));
    const prepared = await prepareReleases(findReleases(history), {
      store,
      urlOf: (r) => pageUrl(r.version),
      source: {
        ...(history.repository ? { repository: history.repository } : {}),
        ...(history.dataPath ? { dataPath: history.dataPath } : {}),
        working: { loaded, schemaFiles: await readSchemaFiles() },
        // As the site build gives it (publishVersions): the same archive either way.
        schemaUrl: absoluteUrl(site, dataPaths.schema('')),
      },
    });
    const created = await publishReleases(octokit, repo, prepared, {
      pageUrl,
      citation: (p) =>
        formatCitation(
          { ...meta, version: p.release.version },
          p.release.date,
          pageUrl(p.release.version),
        ),
      log: toolkit,
    });
    toolkit.setOutput('released', created.join(' '));
    if (created.length > 0) await fetchReleases(octokit, repo, store, toolkit);
  });
}

if (isEntryPoint(import.meta.url))
  process.exitCode = await main(process.argv[2], process.env, core);
