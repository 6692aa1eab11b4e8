import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  readdirSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { replaceFolder } from '../../scripts/io/replaceFolder.ts';

const root = mkdtempSync(join(tmpdir(), 'kitemark-replace-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

const waitFor = async (check: () => boolean) => {
  for (let i = 0; i < 100 && !check(); i++) await new Promise((r) => setTimeout(r, 50));
};

describe('replaceFolder', () => {
  it('swaps a finished build into place and removes the old one in the background', async () => {
    const target = join(root, 'site');
    mkdirSync(target);
    writeFileSync(join(target, 'old.html'), 'old');
    await replaceFolder(target, async (dir) => writeFileSync(join(dir, 'new.html'), 'new'));
    expect(readdirSync(target)).toEqual(['new.html']);
    await waitFor(() => readdirSync(root).length === 1);
    expect(readdirSync(root)).toEqual(['site']);
  });

  it('leaves the old site untouched when the build fails', async () => {
    const target = join(root, 'kept');
    mkdirSync(target);
    writeFileSync(join(target, 'index.html'), 'old');
    await expect(
      replaceFolder(target, async (dir) => {
        writeFileSync(join(dir, 'half.html'), 'half');
        throw new Error('render failed');
      }),
    ).rejects.toThrow('render failed');
    expect(readFileSync(join(target, 'index.html'), 'utf8')).toBe('old');
    await waitFor(() => !readdirSync(root).some((n) => n.startsWith('kept.tmp-')));
    expect(readdirSync(root).filter((n) => n.startsWith('kept.'))).toEqual([]);
  });

  it('clears the folders of killed builds even when this build fails', async () => {
    const target = join(root, 'killed');
    // What a build killed mid-way leaves (4194305 is above Linux's largest process ID).
    mkdirSync(join(root, 'killed.tmp-4194305-1'));
    writeFileSync(join(root, 'killed.tmp-4194305-1/half.html'), 'half');
    await expect(
      replaceFolder(target, async () => {
        throw new Error('render failed');
      }),
    ).rejects.toThrow('render failed');
    await waitFor(() => !readdirSync(root).some((n) => n.startsWith('killed.')));
    expect(readdirSync(root).filter((n) => n.startsWith('killed.'))).toEqual([]);
  });

  it('builds a folder that did not exist', async () => {
    const target = join(root, 'fresh/site');
    await replaceFolder(target, async (dir) => writeFileSync(join(dir, 'index.html'), 'x'));
    expect(existsSync(join(target, 'index.html'))).toBe(true);
  });
});
