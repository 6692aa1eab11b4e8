import { mkdtemp, readFile, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { readDataDir } from '../../scripts/io/registerFolder.ts';
import { loadRegister } from '../../scripts/lib/loadRegister.ts';
import { buildRegister } from '../../scripts/lib/buildRegister.ts';
import { siteInfo } from '../../scripts/publish/kit/siteInfo.ts';
import { publishContracts } from '../../scripts/publish/contracts/publishContracts.ts';
import { contractSiteData } from '../../scripts/publish/contracts/contractSiteData.ts';
import { ROOT } from '../support/contracts.ts';

const out = await mkdtemp(join(tmpdir(), 'contracts-'));
afterAll(() => rm(out, { recursive: true, force: true }));

describe('publishContracts', () => {
  it('writes every version’s downloads, the code titles, the stylesheet and the scripts', async () => {
    const dataDir = join(ROOT, 'data');
    const loaded = loadRegister(await readDataDir(dataDir));
    const register = buildRegister(loaded, '2026-06-01');
    const site = siteInfo(loaded.meta.value!, { today: '2026-06-01' });
    await publishContracts({ register, loaded, site, outDir: out, dataDir });

    const version = join(out, 'contracts/standard-services-contract/1.1.0');
    expect((await readdir(version)).sort()).toEqual([
      'standard-services-contract-1.1.0.docx',
      'standard-services-contract-1.1.0.docx-parts.json',
      'standard-services-contract-1.1.0.html',
      'standard-services-contract-1.1.0.json',
      'standard-services-contract-1.1.0.md',
    ]);
    for (const id of ['grant-agreement', 'short-form-contract']) {
      expect(await readdir(join(out, 'contracts', id, '1.0.0'))).toHaveLength(5);
    }
    const titles = JSON.parse(await readFile(join(out, 'contracts/code-titles.json'), 'utf8'));
    expect(titles.topics['tupe']).toBe('TUPE and staff transfer');
    const css = await readFile(join(out, 'assets/contracts/contracts.css'), 'utf8');
    expect(css).toContain('option[value="risk-allocation"]:checked');
    expect((await readdir(join(out, 'assets/contracts'))).sort()).toEqual([
      'contracts.css',
      'fill.js',
      'pricing.js',
      'read.js',
    ]);

    // The pages and the publisher share one set of downloads per version, made once.
    const data = contractSiteData(loaded, register);
    const v = data.entries.find((e) => e.id === 'standard-services-contract')!.current;
    expect(data.downloads(v)).toBe(data.downloads(v));
    const docx = await readFile(join(version, 'standard-services-contract-1.1.0.docx'));
    expect(Buffer.from((await data.downloads(v)).docx).equals(docx)).toBe(true);
  });
});
