/**
 * The open-data publishers, run by the site build after Eleventy (see docs/architecture.md): the downloads, templates, schemas and data dictionary; every
 * version's snapshot; the change log and its feed; and each provider's history page.
 */
import { readFile, readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { ROOT } from '../../io/projectRoot.ts';
import { readGeography } from '../../io/referenceFiles.ts';
import { buildCsvTemplates, buildWorkbookTemplate } from '../../lib/applicationTemplates.ts';
import {
  describeDataDictionary,
  formatDictionaryCsv,
  formatDictionaryJson,
} from '../../lib/dataDictionary.ts';
import {
  DATASETTE_METADATA_FILE,
  SQLITE_FILE,
  WORKBOOK_FILE,
  checkDownloadTables,
  collectDownloadTables,
  writeDownloads,
} from '../../lib/downloads/buildDownloads.ts';
import { OutputFolder, dirSink } from '../../io/outputFolder.ts';
import { formatAtomFeed } from '../../lib/history/formatAtomFeed.ts';
import { formatChangesCsv, formatChangesJson } from '../../lib/history/buildChangeLog.ts';
import { isSafeVersion, latestRelease, utcSeconds, type Release } from '../../lib/releases.ts';
import type { Publisher, PublishContext } from '../kit/publisher.ts';
import { absoluteUrl, dataPaths, outputFile } from '../kit/urls.ts';
import { buildSnapshots } from './buildSnapshots.ts';
import { openDataState } from './openDataState.ts';
import { SnapshotArchive, type SnapshotMeta } from './snapshotArchive.ts';
import { publishSchemaFiles } from '../../lib/schemaUrls.ts';
import {
  buildDcatCatalogue,
  buildSchemaOrgDataset,
  catalogueFiles,
  type CatalogueOptions,
} from '../../lib/downloads/catalogue.ts';
import { renderChangeLogPages } from './pages/changeLogPages.ts';
import { renderDictionaryPage } from './pages/dictionaryPage.ts';
import { renderDownloadsPage } from './pages/downloadsPage.ts';
import { renderRecordHistoryPage } from './pages/recordHistoryPage.ts';
import {
  renderVersionPage,
  renderVersionsPage,
  type PublishedVersion,
} from './pages/versionsPage.ts';

export const APPLICATION_WORKBOOK = 'kitemark-application-template.xlsx';

/** The JSON Schemas this build's code follows, by file name. */
export async function readSchemaFiles(
  dir = join(ROOT, 'schema'),
): Promise<Map<string, Uint8Array>> {
  const names = (await readdir(dir)).filter((n) => n.endsWith('.json')).sort();
  return new Map(
    await Promise.all(
      names.map(async (n) => [n, new Uint8Array(await readFile(join(dir, n)))] as const),
    ),
  );
}

async function writeAll(
  outDir: string,
  files: Iterable<[string, string | Uint8Array]>,
): Promise<void> {
  await new OutputFolder(outDir).writeAll(files);
}

export async function publishDownloads(context: PublishContext): Promise<void> {
  const { loaded, register, site, outDir } = context;
  const state = await openDataState(context);
  const schemaUrl = absoluteUrl(site, dataPaths.schema(''));
  const schemaFiles = publishSchemaFiles(await readSchemaFiles(), schemaUrl);
  const options = {
    loaded,
    asAt: site.today,
    created: utcSeconds(state.now),
    url: absoluteUrl(site, dataPaths.downloads),
    schemaFiles,
    schemaUrl,
    geography: await readGeography(),
  };
  // Checked before anything is written; then each file is written as it is made.
  const problems = checkDownloadTables(collectDownloadTables(loaded, site.today));
  if (problems.length > 0) {
    throw new Error(
      `the downloads cannot be published safely:\n${problems.map((p) => `  ${p.message}`).join('\n')}`,
    );
  }
  const set = await writeDownloads(options, dirSink(join(outDir, dataPaths.downloads)));
  if (set.problems.length > 0) {
    throw new Error(
      `the downloads cannot be published safely:\n${set.problems.map((p) => `  ${p.message}`).join('\n')}`,
    );
  }
  const templates = new Map<string, Uint8Array | string>(buildCsvTemplates());
  templates.set(
    APPLICATION_WORKBOOK,
    await buildWorkbookTemplate(loaded.codelists, {
      title: `Application template: ${register.meta.title}`,
      licence: register.meta.licence.title,
      created: new Date(state.now),
    }),
  );
  const dictionary = describeDataDictionary(set.tables, loaded.codelists);
  const latest = latestRelease(state.releases);
  const released = state.releases.filter((r) => !r.provisional && isSafeVersion(r.version));
  const catalogue: CatalogueOptions = {
    meta: register.meta,
    version: register.meta.version,
    url: options.url,
    catalogueUrl: absoluteUrl(site, dataPaths.catalogue),
    modified: options.created,
    ...(released.length > 0
      ? { issued: released.map((r) => r.date).reduce((a, b) => (a < b ? a : b)) }
      : {}),
    files: catalogueFiles(set.dataPackage, set.files),
    versions: [...released].reverse().map((r) => ({
      version: r.version,
      released: r.date,
      url: absoluteUrl(site, dataPaths.version(r.version)),
    })),
  };
  await writeAll(outDir, [
    [dataPaths.catalogue, `${JSON.stringify(buildDcatCatalogue(catalogue), null, 2)}\n`],
    ...[...templates].map(([f, b]): [string, string | Uint8Array] => [dataPaths.template(f), b]),
    ...[...schemaFiles].map(([f, b]): [string, Uint8Array] => [dataPaths.schema(f), b]),
    [dataPaths.dictionaryCsv, formatDictionaryCsv(dictionary)],
    [dataPaths.dictionaryJson, formatDictionaryJson(dictionary)],
    [outputFile(dataPaths.dictionary), renderDictionaryPage(site, dictionary)],
    [
      outputFile(dataPaths.downloads),
      renderDownloadsPage({
        site,
        meta: register.meta,
        set,
        workbook: WORKBOOK_FILE(register.meta.name),
        ...(latest ? { latest } : {}),
        templates: new Map(
          [...templates].map(([f, b]) => [
            f,
            typeof b === 'string' ? Buffer.byteLength(b) : b.length,
          ]),
        ),
        schemas: [...schemaFiles.keys()],
        database: { file: SQLITE_FILE(register.meta.name), metadata: DATASETTE_METADATA_FILE },
        jsonLd: buildSchemaOrgDataset(catalogue),
      }),
    ],
  ]);
}

export async function publishVersions(context: PublishContext): Promise<void> {
  const { loaded, register, site, outDir } = context;
  const state = await openDataState(context);
  const archiveDir =
    process.env['KITEMARK_SNAPSHOTS'] ||
    join(state.history.repository ?? ROOT, '.cache', 'kitemark', 'snapshots');
  const archive = new SnapshotArchive(archiveDir);
  const schemaFiles = await readSchemaFiles();
  const published: PublishedVersion[] = [];
  const files: [string, Uint8Array | string][] = [];
  const latest = latestRelease(state.releases);
  const releases = state.releases.filter((r) => isSafeVersion(r.version));
  const urlOf = (r: Release) => absoluteUrl(site, dataPaths.version(r.version));

  // Archived versions are copied as they were first published; the rest are built (in
  // parallel) into the archive first. A provisional release is rebuilt every time.
  const missing: Release[] = [];
  for (const release of releases)
    if (!(await archive.meta(release, urlOf(release)))) missing.push(release);
  const built = new Map<Release, SnapshotMeta>();
  await buildSnapshots(
    missing.map((release) => ({ release, url: urlOf(release) })),
    {
      ...(state.history.repository ? { repository: state.history.repository } : {}),
      ...(state.history.dataPath ? { dataPath: state.history.dataPath } : {}),
      working: { loaded, schemaFiles },
      schemaUrl: absoluteUrl(site, dataPaths.schema('')),
    },
    archive,
  );
  for (const release of releases.filter((r) => r.provisional)) {
    const meta = await archive.provisionalMeta(release);
    if (meta) built.set(release, meta);
  }

  for (const release of releases) {
    const meta = built.get(release) ?? (await archive.meta(release, urlOf(release)));
    if (!meta) throw new Error(`the snapshot of version ${release.version} is not in the archive`);
    const snapshotFiles = await archive.files(release);
    const datapackage = snapshotFiles.find((f) => f.path === 'datapackage.json');
    const version: PublishedVersion = {
      release,
      kind: meta.kind,
      ...(meta.reason ? { reason: meta.reason } : {}),
      datapackage: { sha256: datapackage?.sha256 ?? '', bytes: datapackage?.bytes ?? 0 },
      files: snapshotFiles,
    };
    published.push(version);
    const folders = [
      dataPaths.version(release.version),
      ...(release === latest ? [dataPaths.latest] : []),
    ];
    for (const folder of folders) {
      await archive.copyTo(release, join(outDir, folder));
      files.push([outputFile(folder), renderVersionPage(site, register.meta, version, folder)]);
    }
  }
  files.push([
    dataPaths.versionIndex,
    `${JSON.stringify(
      {
        register: register.meta.name,
        licence: { name: register.meta.licence.name, path: register.meta.licence.path },
        latest: latest?.version,
        ...(state.history.note ? { note: state.history.note } : {}),
        versions: [...published].reverse().map((v) => ({
          version: v.release.version,
          released: v.release.date,
          ...(v.release.commit ? { commit: v.release.commit } : {}),
          ...(v.release.pullRequest !== undefined ? { pullRequest: v.release.pullRequest } : {}),
          provisional: v.release.provisional,
          kind: v.kind,
          url: absoluteUrl(site, dataPaths.version(v.release.version)),
          datapackage: {
            path: 'datapackage.json',
            bytes: v.datapackage.bytes,
            hash: `sha256:${v.datapackage.sha256}`,
          },
        })),
      },
      null,
      2,
    )}\n`,
  ]);
  files.push([
    outputFile(dataPaths.versions),
    renderVersionsPage(site, register.meta, published, state.history.note),
  ]);
  await writeAll(outDir, files);
}

export async function publishChangeLog(context: PublishContext): Promise<void> {
  const { register, site, outDir } = context;
  const state = await openDataState(context);
  const log = state.changeLog;
  const pages = renderChangeLogPages(site, log);
  const feed = formatAtomFeed(log, {
    title: `Changes to the ${register.meta.title}`,
    subtitle:
      'Every change to the register: providers added, awards made and ended, documents re-verified.',
    feedUrl: absoluteUrl(site, dataPaths.feed),
    pageUrl: absoluteUrl(site, dataPaths.changes),
    entryUrl: (e) => absoluteUrl(site, dataPaths.change(e.commit)),
    publisher: register.meta.publisher.name,
    rights: `${register.meta.licence.title} (${register.meta.licence.name})`,
    updated: utcSeconds(state.now),
  });
  await writeAll(outDir, [
    ...[...pages].map(([p, h]): [string, string] => [outputFile(p), h]),
    [dataPaths.feed, feed],
    [
      dataPaths.changesJson,
      formatChangesJson(log, {
        name: register.meta.name,
        title: register.meta.title,
        licence: { name: register.meta.licence.name, path: register.meta.licence.path },
      }),
    ],
    [dataPaths.changesCsv, formatChangesCsv(log)],
  ]);
}

export async function publishRecordHistory(context: PublishContext): Promise<void> {
  const { register, site, outDir } = context;
  const state = await openDataState(context);
  // Rendered as they are written, so 50,000 pages are never all held at once.
  function* pages(): Generator<[string, string]> {
    for (const p of register.providers) {
      yield [
        outputFile(dataPaths.providerHistory(p.provider_id)),
        renderRecordHistoryPage(
          site,
          p,
          state.timelines.get(p.provider_id) ?? [],
          state.history.note,
        ),
      ];
    }
  }
  await new OutputFolder(outDir).writeAll(pages());
}

/** Added to PUBLISHERS in scripts/build/publishers.ts. */
export const OPEN_DATA_PUBLISHERS: Publisher[] = [
  { name: 'open data: downloads and dictionary', publish: publishDownloads },
  { name: 'open data: versions', publish: publishVersions },
  { name: 'open data: change log and feed', publish: publishChangeLog },
  { name: 'open data: record history', publish: publishRecordHistory },
];
