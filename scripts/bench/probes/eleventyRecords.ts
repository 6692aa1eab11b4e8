// What the record pages would cost as Eleventy templates: the provider and certificate
// pages as paginated JavaScript templates (size 1), rendered by the same functions, through
// Eleventy 3 itself. Usage: eleventyRecords.ts DATA_DIR OUT_DIR. Prints the milliseconds.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import { Eleventy } from '@11ty/eleventy';
import { loadSiteData } from '../../build/loadSiteData.ts';

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

// Two templates in a folder of their own, importing the real renderers.
const input = join(tmpdir(), `kitemark-eleventy-records-${process.pid}`);
mkdirSync(input, { recursive: true });
const lib = (file: string) => JSON.stringify(join(import.meta.dirname, '../../site', file));
writeFileSync(
  join(input, 'providers.11ty.js'),
  `import { recordContext } from ${lib('pages/recordContext.ts')};
import { renderProviderPage } from ${lib('pages/providerPage.ts')};
let ctx;
export const data = { pagination: { data: 'register.providers', size: 1, alias: 'p' }, permalink: (d) => '/providers/' + d.p.provider_id + '/', eleventyExcludeFromCollections: true };
export function render(d) { ctx ??= recordContext(d.register, d.site); return renderProviderPage(d.p, ctx); }
`,
);
writeFileSync(
  join(input, 'certificates.11ty.js'),
  `import { recordContext } from ${lib('pages/recordContext.ts')};
import { renderCertificatePage } from ${lib('pages/certificatePage.ts')};
let ctx;
export const data = { pagination: { data: 'register.accreditations', size: 1, alias: 'a' }, permalink: (d) => '/certificates/' + d.a.accreditation_id + '/', eleventyExcludeFromCollections: true };
export function render(d) { ctx ??= recordContext(d.register, d.site); return renderCertificatePage(d.a, d.register.providerById.get(d.a.provider_id), ctx); }
`,
);
// Its own empty configuration, so the project's .eleventy.js (and its input folder) is not used.
writeFileSync(join(input, 'eleventy.config.js'), 'export default function () {}\n');
const eleventy = new Eleventy(input, outDir, {
  quietMode: true,
  configPath: join(input, 'eleventy.config.js'),
  config(config) {
    config.addGlobalData('register', Object.freeze(register));
    config.addGlobalData('site', Object.freeze(site));
  },
});
await eleventy.write();
const done = performance.now();
console.log(
  JSON.stringify({ ms: done - started, loadMs: loaded - started, writeMs: done - loaded }),
);
