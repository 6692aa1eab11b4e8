// The whole build, as `npm run build` runs it, on a small generated register: every record
// has its files and nothing else does; a register with errors is refused, with the errors
// located, and the previous site is left as it was.
import {
  mkdtempSync,
  readFileSync,
  rmSync,
  writeFileSync,
  mkdirSync,
  existsSync,
  cpSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { kitemark } from '../../support/cli.ts';
import { checkRecordFiles } from '../../support/siteFiles.ts';
import { loadSiteData } from '../../../scripts/build/loadSiteData.ts';
import { setCell } from '../../support/register.ts';

const TODAY = '2026-06-01';
let work: string;

beforeAll(() => {
  work = mkdtempSync(join(tmpdir(), 'kitemark-site-'));
  const generated = kitemark([
    'generate',
    '--providers',
    '60',
    '--seed',
    '7',
    '--today',
    TODAY,
    '--out',
    join(work, 'data'),
  ]);
  expect(generated.status, generated.stderr).toBe(0);
}, 120_000);
afterAll(() => rmSync(work, { recursive: true, force: true }));

describe('kitemark build', () => {
  it('writes every record’s page, JSON and badge, and nothing for anything else', async () => {
    const out = join(work, 'site');
    const built = kitemark(['build', '--quiet'], {
      env: { KITEMARK_DATA: join(work, 'data'), KITEMARK_OUT: out, KITEMARK_BASE_PATH: '/km/' },
    });
    expect(built.status, built.stderr).toBe(0);
    const { register } = await loadSiteData({ dataDir: join(work, 'data'), today: TODAY });
    expect(checkRecordFiles(out, register)).toEqual({ missing: [], unexpected: [], wrongJson: [] });

    const sitemap = readFileSync(join(out, 'sitemap.xml'), 'utf8');
    const first = register.providers[0]!.provider_id;
    expect(sitemap).toContain(`/providers/${first}/</loc>`);
    expect(sitemap).not.toContain('404.html');
    const manifest = JSON.parse(readFileSync(join(out, 'search/manifest.json'), 'utf8'));
    expect(manifest.count).toBe(60);
    expect(existsSync(join(out, `search/${manifest.version}/facets.json`))).toBe(true);
    for (const page of [
      'index.html',
      '404.html',
      'providers/index.html',
      'certificates/index.html',
      'commissioners/index.html',
      'about/index.html',
      'apply/index.html',
      'api/index.html',
      'providers/a-z/index.html',
    ]) {
      expect(existsSync(join(out, page)), page).toBe(true);
    }
    // Built for a base path: links inside the site carry it.
    expect(readFileSync(join(out, 'index.html'), 'utf8')).toContain('href="/km/providers/"');
  }, 180_000);

  it('refuses a register with errors, says where they are, and keeps the old site', () => {
    const broken = join(work, 'broken');
    cpSync(join(work, 'data'), broken, { recursive: true });
    const files = new Map([['providers.csv', readFileSync(join(broken, 'providers.csv'), 'utf8')]]);
    writeFileSync(
      join(broken, 'providers.csv'),
      setCell(files, 'providers.csv', 3, 'postcode', 'not a postcode').get('providers.csv')!,
    );
    const out = join(work, 'kept');
    mkdirSync(out);
    writeFileSync(join(out, 'index.html'), 'old site');

    const built = kitemark(['build', '--data', broken, '--out', out]);
    expect(built.status).toBe(1);
    expect(built.stderr).toMatch(/providers\.csv:3:\d+ postcode/);
    expect(built.stderr).toContain('previous site');
    expect(readFileSync(join(out, 'index.html'), 'utf8')).toBe('old site');
  }, 120_000);
});
