import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { OutputPathError } from '../../scripts/io/errors.ts';
import { OutputFolder, dirSink } from '../../scripts/io/outputFolder.ts';

const root = mkdtempSync(join(tmpdir(), 'kitemark-writer-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

describe('OutputFolder.writeSync', () => {
  it('writes files into new folders, making each once', () => {
    const writer = new OutputFolder(root);
    for (let i = 0; i < 50; i++) writer.writeSync(`a/b/${i}.txt`, String(i));
    expect(writer.written).toBe(50);
    expect(readdirSync(join(root, 'a/b')).length).toBe(50);
    expect(readFileSync(join(root, 'a/b/49.txt'), 'utf8')).toBe('49');
  });
  it('refuses paths that leave the folder', () => {
    const writer = new OutputFolder(root);
    expect(() => writer.writeSync('../escape.txt', 'x')).toThrow(/outside/);
    expect(() => writer.writeSync('/etc/x', 'x')).toThrow(/outside/);
    expect(() => writer.writeSync('a/../../x', 'x')).toThrow(/outside/);
  });
  it('fails loudly when a file cannot be written', () => {
    const writer = new OutputFolder(root);
    writer.writeSync('c/file.txt', 'x');
    expect(() => writer.writeSync('c/file.txt/child', 'x')).toThrow();
  });
});

describe('the asynchronous strategies share the guard', () => {
  const folder = new OutputFolder(join(root, 'async'), 'the downloads folder');

  it('writes one file, many files a few at a time, a stream of chunks, and atomically', async () => {
    await folder.write('one/a.txt', 'a');
    const many = (function* () {
      for (let i = 0; i < 100; i++) yield [`many/${i % 7}/${i}.txt`, String(i)] as const;
    })();
    expect(await folder.writeAll(many, 4)).toBe(100);
    await folder.writeStream('big.json', [Buffer.from('[1,'), Buffer.from('2]')]);
    await folder.writeAtomic('register/providers.csv', 'provider_id\n');
    await folder.writeAtomic('register/providers.csv', 'provider_id\nP000001\n');
    const dir = join(root, 'async');
    expect(readFileSync(join(dir, 'one/a.txt'), 'utf8')).toBe('a');
    expect(readFileSync(join(dir, 'many/3/94.txt'), 'utf8')).toBe('94');
    expect(readFileSync(join(dir, 'big.json'), 'utf8')).toBe('[1,2]');
    expect(readFileSync(join(dir, 'register/providers.csv'), 'utf8')).toBe(
      'provider_id\nP000001\n',
    );
    expect(readdirSync(join(dir, 'register'))).toEqual(['providers.csv']);
  });

  it('refuses a path outside the folder with a typed error naming the folder, and writes nothing', async () => {
    for (const attempt of [
      () => folder.write('../x.txt', 'x'),
      () => folder.writeAll([['ok.txt', 'x'] as const, ['../x.txt', 'x'] as const]),
      () => folder.writeStream('../x.txt', [Buffer.from('x')]),
      () => folder.writeAtomic('../x.txt', 'x'),
      () => dirSink(join(root, 'async')).write('../x.txt', [Buffer.from('x')]),
    ]) {
      const failure = await attempt().catch((e: unknown) => e);
      expect(failure).toBeInstanceOf(OutputPathError);
      expect((failure as OutputPathError).code).toBe('io/output-path');
    }
    await expect(folder.write('../x.txt', 'x')).rejects.toThrow(/outside the downloads folder/);
    expect(existsSync(join(root, 'x.txt'))).toBe(false);
  });

  it('passes on a write that fails, once the writes under way have finished', async () => {
    await folder.write('blocker', 'a file where a folder is wanted');
    await expect(
      folder.writeAll([['fine.txt', 'x'] as const, ['blocker/inside.txt', 'x'] as const]),
    ).rejects.toThrow();
    expect(readFileSync(join(root, 'async/fine.txt'), 'utf8')).toBe('x');
  });
});
