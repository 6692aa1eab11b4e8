// The baseline for the build benchmark: the same record pages (provider page, JSON twin and
// badge; certificate page and JSON) rendered by the same functions and written one after
// another with writeFileSync: no Eleventy, no search index, no worker, no write pool.
// Usage: plainRecordWriter.ts DATA_DIR OUT_DIR. Prints the milliseconds of work.
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { loadSiteData } from '../../build/loadSiteData.ts';
import { recordContext } from '../../publish/site/pages/recordContext.ts';
import { renderProviderPage } from '../../publish/site/pages/providerPage.ts';
import { renderCertificatePage } from '../../publish/site/pages/certificatePage.ts';
import { certificateRecord, providerRecord } from '../../publish/site/records/providerRecord.ts';
import { renderBadge } from '../../publish/site/badge.ts';
import { absoluteUrl, outputFile, paths } from '../../publish/kit/urls.ts';

const [dataDir, outDir] = process.argv.slice(2) as [string, string];
// A failure must not pass for a measurement (measure.ts accepts exit statuses 0 and 1).
process.on('uncaughtException', (e) => {
  console.error(e);
  process.exit(4);
});
process.on('unhandledRejection', (e) => {
  console.error(e);
  process.exit(4);
});
const started = performance.now();
const { register, site } = await loadSiteData({ dataDir, today: '2026-11-26' });
const loaded = performance.now();
const ctx = recordContext(register, site);
const write = (path: string, text: string) => {
  const file = join(outDir, path);
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, text);
};
for (const p of register.providers) {
  write(outputFile(paths.provider(p.provider_id)), renderProviderPage(p, ctx));
  write(paths.providerJson(p.provider_id), JSON.stringify(providerRecord(p, site)));
  write(
    paths.badge(p.provider_id),
    renderBadge(p, { pageUrl: absoluteUrl(site, paths.provider(p.provider_id)) }),
  );
}
for (const a of register.accreditations) {
  const provider = register.providerById.get(a.provider_id);
  write(outputFile(paths.certificate(a.accreditation_id)), renderCertificatePage(a, provider, ctx));
  write(
    paths.certificateJson(a.accreditation_id),
    JSON.stringify(certificateRecord(a, provider, site)),
  );
}
const done = performance.now();
console.log(
  JSON.stringify({ ms: done - started, loadMs: loaded - started, writeMs: done - loaded }),
);
