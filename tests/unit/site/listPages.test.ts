import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { listPages } from '../../../scripts/publish/site/listPages.ts';

const root = mkdtempSync(join(tmpdir(), 'kitemark-pages-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

function write(path: string) {
  mkdirSync(dirname(join(root, path)), { recursive: true });
  writeFileSync(join(root, path), '');
}

describe('listPages', () => {
  it('finds every HTML file at any depth, skipping folders that hold no pages', async () => {
    const pages = [
      'index.html',
      '404.html',
      'providers/P000001/index.html',
      'providers/P000001/history/index.html',
      'data/a.html',
    ];
    for (const p of pages) write(p);
    for (const p of [
      'providers/P000001.json',
      'assets/x.html',
      'badges/P000001.svg',
      'search/v/terms/a.json',
    ])
      write(p);
    for (let i = 0; i < 200; i++) write(`certificates/KM-${String(i).padStart(6, '0')}/index.html`);
    const found = await listPages(root);
    expect(found.filter((p) => !p.startsWith('certificates/'))).toEqual([...pages].sort());
    expect(found.filter((p) => p.startsWith('certificates/'))).toHaveLength(200);
  });
  it('fails on a folder that cannot be read', async () => {
    await expect(listPages(join(root, 'missing'))).rejects.toThrow();
  });
});
