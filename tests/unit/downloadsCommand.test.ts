import { mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { kitemark } from '../support/cli.ts';
import { openDataFiles } from '../support/openDataRegister.ts';

let work: string;
beforeAll(() => {
  work = mkdtempSync(join(tmpdir(), 'kitemark-downloads-cli-'));
  for (const [path, text] of openDataFiles()) {
    const full = join(work, 'data', path);
    mkdirSync(dirname(full), { recursive: true });
    writeFileSync(full, text);
  }
});
afterAll(() => rmSync(work, { recursive: true, force: true }));

describe('kitemark downloads', () => {
  it('writes the downloads of a valid register', () => {
    const out = join(work, 'out');
    const run = kitemark([
      'downloads',
      '--data',
      join(work, 'data'),
      '--out',
      out,
      '--url',
      'https://example.org/data/',
    ]);
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    const pkg = JSON.parse(readFileSync(join(out, 'datapackage.json'), 'utf8')) as { id: string };
    expect(pkg.id).toBe('https://example.org/data/');
    expect(readdirSync(out)).toEqual(
      expect.arrayContaining(['providers.csv', 'SHA256SUMS', 'kitemark-register-fixture.xlsx']),
    );
  });

  it('stamps the files with a fixed time (here, outside git, the day), never the clock', async () => {
    const write = (out: string) => {
      const run = kitemark(
        ['downloads', '--data', join(work, 'data'), '--out', out, '--today', '2026-06-01'],
        { env: { SOURCE_DATE_EPOCH: '' } },
      );
      expect(run.status, run.stderr).toBe(0);
      return (file: string) => readFileSync(join(out, file));
    };
    const first = write(join(work, 'once'));
    await new Promise((resolve) => setTimeout(resolve, 1100));
    const again = write(join(work, 'twice'));
    for (const file of ['datapackage.json', 'README.md', 'kitemark-register-fixture.xlsx'])
      expect(again(file).equals(first(file)), file).toBe(true);
    // Outside git: the start of the day the statuses are judged on.
    expect(JSON.parse(first('datapackage.json').toString()).created).toBe('2026-06-01T00:00:00Z');
  }, 180_000);

  it('refuses a register with errors, and needs --out', () => {
    writeFileSync(join(work, 'data', 'providers.csv'), 'provider_id\n"broken\n');
    const bad = kitemark(['downloads', '--data', join(work, 'data'), '--out', join(work, 'bad')]);
    expect(bad.status).toBe(1);
    expect(bad.stderr).toMatch(/has errors/);
    expect(kitemark(['downloads']).status).toBe(2);
  });
});
