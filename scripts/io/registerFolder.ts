/**
 * Reads a register folder into Sources for the pure modules, and reads and validates it: the
 * one way every command gets a register.
 */
import { readFileSync } from 'node:fs';
import { readdir } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';
import { loadRegister, type LoadedRegister, type Sources } from '../lib/loadRegister.ts';
import type { Issue } from '../lib/issue.ts';
import { findLeftoverFiles } from './leftoverFiles.ts';
import { InputError } from './errors.ts';
import { leftoverFileIssues } from '../lib/leftoverFileIssues.ts';
import { readReference } from './referenceFiles.ts';

import { validateRegister } from '../lib/validateRegister.ts';
import { contractTemplateCheck } from '../lib/validateContractTemplates.ts';
import { validateCodelistColumns } from '../lib/validateCodelistColumns.ts';
import { publishableCheck } from '../lib/downloads/checkPublishable.ts';
import { validateCostStatements } from '../lib/costs/validateCostStatements.ts';

/** Every CSV and JSON file under `dir`, keyed by its path relative to `dir`, read when asked. */
export async function readDataDir(dir: string): Promise<Sources> {
  let entries;
  try {
    entries = await readdir(dir, { recursive: true, withFileTypes: true });
  } catch (e) {
    throw new InputError(
      'io/data-folder',
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

export interface ReadRegisterResult {
  loaded: LoadedRegister;
  issues: Issue[];
}

/**
 * Every check beyond the tables' own, the same for `validate`, the build and the review bot, so
 * "validates" means "publishes": contract templates, codelists' extra columns, providers' cost
 * statements, and the build's last check of the downloads.
 */
export function registerChecks(today: string): ((loaded: LoadedRegister) => Issue[])[] {
  return [
    contractTemplateCheck({ today }),
    validateCodelistColumns,
    validateCostStatements,
    publishableCheck({ today }),
  ];
}

/** Reads and validates a register folder: the one way every command gets a register. */
export async function readRegister(dir: string, today: string): Promise<ReadRegisterResult> {
  const [sources, reference] = await Promise.all([readDataDir(dir), readReference()]);
  const loaded = loadRegister(sources);
  const extraChecks = registerChecks(today);
  const issues = validateRegister(loaded, { today, reference, extraChecks });
  for (const issue of leftoverFileIssues(await findLeftoverFiles(dir))) issues.push(issue);
  return { loaded, issues };
}
