import { describe, expect, it } from 'vitest';
import {
  DOWNLOAD_FORMATS,
  buildContractDownloads,
  downloadSize,
  formatBytes,
} from '../../scripts/lib/contracts/buildContractDownloads.ts';
import { fixtureTemplate, realTitles } from '../support/contracts.ts';

describe('buildContractDownloads', () => {
  it('makes every format, and the DOCX skeleton for the fill-in form', async () => {
    const d = await buildContractDownloads(fixtureTemplate(), realTitles(), 'Kitemark Register');
    expect(Buffer.from(d.docx.slice(0, 2)).toString()).toBe('PK');
    expect(d.markdown.startsWith('# Mini Contract\n')).toBe(true);
    expect(d.html).toContain(
      '<title>Mini Contract: template version 1.1.0 – Kitemark Register</title>',
    );
    expect(JSON.parse(d.json)).toEqual(fixtureTemplate());
    expect(JSON.parse(d.docxSkeleton)).toMatchObject({ id: 'mini-contract', version: '1.1.0' });
    for (const f of DOWNLOAD_FORMATS) expect(downloadSize(d, f.key)).toBeGreaterThan(500);
  });
});

describe('formatBytes', () => {
  it('reads as people say it', () => {
    expect(formatBytes(900)).toBe('900 bytes');
    expect(formatBytes(31_000)).toBe('30 KB');
    expect(formatBytes(2_500_000)).toBe('2.4 MB');
  });
});
