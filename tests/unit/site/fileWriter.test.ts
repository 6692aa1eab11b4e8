import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { FileWriter } from '../../../scripts/io/fileWriter.ts';

const root = mkdtempSync(join(tmpdir(), 'kitemark-writer-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

describe('FileWriter', () => {
  it('writes files into new folders, making each once', () => {
    const writer = new FileWriter(root);
    for (let i = 0; i < 50; i++) writer.write(`a/b/${i}.txt`, String(i));
    expect(writer.written).toBe(50);
    expect(readdirSync(join(root, 'a/b')).length).toBe(50);
    expect(readFileSync(join(root, 'a/b/49.txt'), 'utf8')).toBe('49');
  });
  it('refuses paths that leave the folder', () => {
    const writer = new FileWriter(root);
    expect(() => writer.write('../escape.txt', 'x')).toThrow(/outside/);
    expect(() => writer.write('/etc/x', 'x')).toThrow(/outside/);
    expect(() => writer.write('a/../../x', 'x')).toThrow(/outside/);
  });
  it('fails loudly when a file cannot be written', () => {
    const writer = new FileWriter(root);
    writer.write('c/file.txt', 'x');
    expect(() => writer.write('c/file.txt/child', 'x')).toThrow();
  });
});
