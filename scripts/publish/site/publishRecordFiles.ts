/**
 * The record files: for every provider its page, JSON twin and badge; for every award its
 * certificate page and JSON. Rendered by plain functions and written straight to disk,
 * because there are over 250,000 of them at 50,000 providers and Eleventy keeps every
 * rendered page in memory (docs/benchmarks.md has the measurements). The pages use the same
 * layout as every Eleventy page.
 */
import type { PublishContext } from '../kit/publisher.ts';
import { OutputFolder } from '../../io/outputFolder.ts';
import { recordContext } from './pages/recordContext.ts';
import { renderProviderPage } from './pages/providerPage.ts';
import { renderCertificatePage } from './pages/certificatePage.ts';
import { certificateRecord, providerRecord } from './records/providerRecord.ts';
import { renderBadge } from './badge.ts';
import { absoluteUrl, outputFile, paths } from '../kit/urls.ts';

// Async for the publisher contract; the writes themselves are synchronous (OutputFolder.writeSync).
export async function publishRecordFiles({
  register,
  site,
  outDir,
}: PublishContext): Promise<void> {
  const ctx = recordContext(register, site);
  const files = new OutputFolder(outDir);
  for (const p of register.providers) {
    files.writeSync(outputFile(paths.provider(p.provider_id)), renderProviderPage(p, ctx));
    files.writeSync(paths.providerJson(p.provider_id), json(providerRecord(p, site)));
    files.writeSync(
      paths.badge(p.provider_id),
      renderBadge(p, { pageUrl: absoluteUrl(site, paths.provider(p.provider_id)) }),
    );
  }
  for (const a of register.accreditations) {
    const provider = register.providerById.get(a.provider_id);
    files.writeSync(
      outputFile(paths.certificate(a.accreditation_id)),
      renderCertificatePage(a, provider, ctx),
    );
    files.writeSync(
      paths.certificateJson(a.accreditation_id),
      json(certificateRecord(a, provider, site)),
    );
  }
}

function json(value: unknown): string {
  return `${JSON.stringify(value)}\n`;
}
