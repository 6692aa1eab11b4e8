/**
 * The open-data publishers, run by the site build after Eleventy (see docs/architecture.md): the downloads, templates, schemas and data dictionary; every
 * version's snapshot; the change log and its feed; and each provider's history page.
 */
import { copyFile, mkdir, readFile, readdir } from 'node:fs/promises';
import { dirname, join } from 'node:path';
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
import { archiveName, type ArchiveSummary } from '../../lib/releaseArchive.ts';
import { isSafeVersion, latestRelease, utcSeconds } from '../../lib/releases.ts';
import type { Publisher, PublishContext } from '../kit/publisher.ts';
import { absoluteUrl, dataPaths, outputFile } from '../kit/urls.ts';
import type { WriteDownloads } from './buildSnapshot.ts';
import { openDataState } from './openDataState.ts';
import { prepareReleases } from './prepareReleases.ts';
import { ReleaseStore, releasesDir } from '../../io/releaseStore.ts';
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
  renderLatestPage,
  renderVersionPage,
  renderVersionsPage,
  type PublishedVersion,
  type VersionFile,
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

export async function publishDownloads(
  context: PublishContext,
  { write = writeDownloads }: OpenDataOptions = {},
): Promise<void> {
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
    version: state.unreleasedVersion,
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
  const set = await write(options, dirSink(join(outDir, dataPaths.downloads)));
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
    version: state.unreleasedVersion,
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
        meta: { ...register.meta, version: state.unreleasedVersion },
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

/** Test hooks: another writer of the downloads, to show what a change to it would do. */
export interface OpenDataOptions {
  write?: WriteDownloads;
}

/**
 * Every version as its archive (taken as published, or built once: prepareReleases) and a
 * small page at `/data/v/X/` with the archive's address and SHA-256, how to cite it and its
 * datapackage.json, SHA256SUMS and README.md; `/data/latest/` sends readers to the newest.
 */
export async function publishVersions(
  context: PublishContext,
  options: OpenDataOptions = {},
): Promise<void> {
  const { loaded, register, site, outDir } = context;
  const state = await openDataState(context);
  const store = new ReleaseStore(releasesDir(state.history.repository));
  const schemaFiles = await readSchemaFiles();
  const latest = latestRelease(state.releases);
  const releases = state.releases.filter((r) => isSafeVersion(r.version));
  const prepared = await prepareReleases(releases, {
    store,
    urlOf: (r) => absoluteUrl(site, dataPaths.version(r.version)),
    source: {
      ...(state.history.repository ? { repository: state.history.repository } : {}),
      ...(state.history.dataPath ? { dataPath: state.history.dataPath } : {}),
      working: { loaded, schemaFiles },
      schemaUrl: absoluteUrl(site, dataPaths.schema('')),
    },
    ...(options.write ? { write: options.write } : {}),
  });

  const files: [string, Uint8Array | string][] = [];
  const published: PublishedVersion[] = [];
  for (const p of prepared) {
    const { version } = p.release;
    const folder = dataPaths.version(version);
    // A GitHub Release holds a published archive; one not yet published is served from here.
    if (!p.published) {
      // Copied, not read into memory (an archive may be hundreds of megabytes); path-guarded.
      const target = new OutputFolder(outDir).resolve(dataPaths.versionArchive(version));
      await mkdir(dirname(target), { recursive: true });
      await copyFile(p.archive.file, target);
    }
    const datapackage = p.summary.files.get('datapackage.json');
    const entry: PublishedVersion = {
      release: p.release,
      kind: p.kind,
      ...(p.reason ? { reason: p.reason } : {}),
      archive: {
        name: archiveName(version),
        url: p.published?.asset.url ?? absoluteUrl(site, dataPaths.versionArchive(version)),
        ...(p.published ? {} : { path: dataPaths.versionArchive(version) }),
        bytes: p.archive.bytes,
        sha256: p.archive.sha256,
        ...(p.published ? { tag: p.published.tag } : {}),
      },
      datapackage: {
        sha256: p.summary.sums.get('datapackage.json') ?? '',
        bytes: datapackage?.length ?? 0,
      },
      files: describeFiles(p.summary),
    };
    published.push(entry);
    for (const [name, bytes] of p.summary.files) {
      files.push([`${folder}${name}`, bytes]);
      if (p.release === latest) files.push([`${dataPaths.latest}${name}`, bytes]);
    }
    files.push([outputFile(folder), renderVersionPage(site, register.meta, entry)]);
    if (p.release === latest)
      files.push([outputFile(dataPaths.latest), renderLatestPage(site, entry)]);
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
          archive: {
            path: v.archive.url,
            bytes: v.archive.bytes,
            hash: `sha256:${v.archive.sha256}`,
            ...(v.archive.tag ? { release: v.archive.tag } : {}),
          },
          datapackage: {
            path: absoluteUrl(site, `${dataPaths.version(v.release.version)}datapackage.json`),
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

/** Every file of the archive with its SHA-256, and its size where the data package gives it. */
function describeFiles(summary: ArchiveSummary): VersionFile[] {
  const sizes = new Map<string, number>();
  const pkg = summary.files.get('datapackage.json');
  if (pkg) {
    const parsed = JSON.parse(new TextDecoder().decode(pkg)) as {
      resources?: { path?: unknown; bytes?: unknown }[];
    };
    for (const r of parsed.resources ?? [])
      if (typeof r.path === 'string' && typeof r.bytes === 'number') sizes.set(r.path, r.bytes);
  }
  for (const [name, bytes] of summary.files) sizes.set(name, bytes.length);
  return [...summary.sums].map(([path, sha256]) => ({
    path,
    sha256,
    ...(sizes.has(path) ? { bytes: sizes.get(path)! } : {}),
  }));
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
