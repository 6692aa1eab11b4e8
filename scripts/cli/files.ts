/**
 * The file-system edge: reads a register folder into Sources for the pure modules, and writes
 * outputs so that nothing half-written is ever left in place.
 */
import { readFileSync } from 'node:fs';
import { mkdir, readdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { dirname, join, relative, sep } from 'node:path';
import { parseReference, type Reference } from '../lib/reference.ts';
import { loadRegister, type LoadedRegister, type Sources } from '../lib/loadRegister.ts';
import type { Issue } from '../lib/issue.ts';
import { validateRegister } from '../lib/validateRegister.ts';
import { contractTemplateCheck } from '../lib/validateContractTemplates.ts';
import { validateCostStatements } from '../lib/costs/validateCostStatements.ts';

export const ROOT = join(import.meta.dirname, '../..');
export const DEFAULT_DATA_DIR = join(ROOT, 'data');

/** Every CSV and JSON file under `dir`, keyed by its path relative to `dir`, read when asked. */
export async function readDataDir(dir: string): Promise<Sources> {
  let entries;
  try {
    entries = await readdir(dir, { recursive: true, withFileTypes: true });
  } catch (e) {
    throw new UsageError(
      `cannot read the data folder ${dir}: ${(e as NodeJS.ErrnoException).code ?? String(e)}`,
    );
  }
  const paths = new Map<string, string>();
  for (const entry of entries) {
    if (!entry.isFile() || !/\.(csv|json)$/.test(entry.name)) continue;
    const path = join(entry.parentPath, entry.name);
    paths.set(relative(dir, path).split(sep).join('/'), path);
  }
  return {
    keys: () => paths.keys(),
    get: (path) => {
      const full = paths.get(path);
      return full === undefined ? undefined : readFileSync(full);
    },
  };
}

export async function readReference(): Promise<Reference> {
  return parseReference(await readFile(join(ROOT, 'reference/postcodes.csv')));
}

/** Writes to a temporary file beside the target, then renames: readers see old or new, never half. */
export async function writeFileAtomic(path: string, contents: string | Uint8Array): Promise<void> {
  await mkdir(dirname(path), { recursive: true });
  const temporary = `${path}.tmp-${process.pid}`;
  await writeFile(temporary, contents);
  await rename(temporary, path);
}

/** Builds a folder beside `target`, then swaps it into place; on failure the old folder stays. */
export async function replaceDirectory(
  target: string,
  build: (temporary: string) => Promise<void>,
): Promise<void> {
  const temporary = `${target}.tmp-${process.pid}`;
  const old = `${target}.old-${process.pid}`;
  await rm(temporary, { recursive: true, force: true });
  await mkdir(temporary, { recursive: true });
  try {
    await build(temporary);
  } catch (e) {
    await rm(temporary, { recursive: true, force: true });
    throw e;
  }
  await rm(old, { recursive: true, force: true });
  await rename(target, old).catch(() => undefined);
  await rename(temporary, target);
  await rm(old, { recursive: true, force: true });
}

/** A mistake in how the command was called: exit status 2, no stack trace. */
export class UsageError extends Error {}

export interface ReadRegisterResult {
  loaded: LoadedRegister;
  issues: Issue[];
}

/** Reads and validates a register folder: the one way every command gets a register. */
export async function readRegister(dir: string, today: string): Promise<ReadRegisterResult> {
  const [sources, reference] = await Promise.all([readDataDir(dir), readReference()]);
  const loaded = loadRegister(sources);
  const extraChecks = [contractTemplateCheck({ today }), validateCostStatements];
  return { loaded, issues: validateRegister(loaded, { today, reference, extraChecks }) };
}
