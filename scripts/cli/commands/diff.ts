import { stat } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { defineCommand, oneOf } from '../command.ts';
import { DEFAULT_DATA_DIR } from '../../io/projectRoot.ts';
import { readDataDir } from '../../io/registerFolder.ts';
import { UsageError } from '../usageError.ts';
import { gitTopLevel, readGitRevision } from '../../io/git/readGitRevision.ts';
import { loadRegister, type Sources } from '../../lib/loadRegister.ts';
import { diffRegisters, isEmptyDiff } from '../../lib/diffRegisters.ts';
import { formatDiffMarkdown, formatDiffText } from '../../lib/formatDiff.ts';

export const diffCommand = defineCommand({
  name: 'diff',
  summary: 'say what changed between two registers: records added, ended and changed',
  usage:
    'kitemark diff [--base DIR|REV] [--head DIR|REV] [--format text|json|markdown] [--exit-code]',
  help: `Compares two registers record by record: providers, accreditations, documents,
commissioners, codelist entries and contract template versions added, ended (an award lapsed or
withdrawn, a template superseded), removed or changed, with each field's value before and after,
status transitions (applied → accredited, accredited → lapsed), renewals, renames and documents
re-verified. Reordering rows or list items is not a change.

Each side is a folder if one exists at that path, otherwise a git revision of the repository
you are in (a branch, tag, commit, HEAD~2, origin/main…), read straight from git without
touching your working tree.

Options:
  --base DIR|REV      the register before (default: HEAD)
  --head DIR|REV      the register after (default: the repository's data/ folder, as
                      it is now, uncommitted changes included)
  --data-path PATH    where the register lives inside the repository, for revisions (default: data)
  --format FORMAT     text (for people), json (the RegisterDiff described in
                      docs/architecture.md) or markdown (for GitHub); default text
  --limit N           text and markdown: show at most N items per section
  --exit-code         exit 1 when the registers differ, 0 when they do not (as git diff does)

Exit status: 0 done (or no difference with --exit-code), 1 differences with --exit-code,
2 bad usage.`,
  options: {
    base: { type: 'string' },
    head: { type: 'string' },
    'data-path': { type: 'string' },
    format: { type: 'string' },
    limit: { type: 'string' },
    'exit-code': { type: 'boolean' },
  },
  async run(values, positionals) {
    if (positionals.length > 0) {
      throw new UsageError(`unexpected argument "${positionals[0]}": use --base and --head`);
    }
    const format = oneOf('format', values['format'], ['text', 'json', 'markdown'] as const, 'text');
    const dataPath = typeof values['data-path'] === 'string' ? values['data-path'] : 'data';
    const limit = limitOption(values['limit']);
    const base = typeof values['base'] === 'string' ? values['base'] : 'HEAD';
    const head = typeof values['head'] === 'string' ? values['head'] : await workingData(dataPath);

    const [before, after] = await Promise.all([readSide(base, dataPath), readSide(head, dataPath)]);
    const diff = diffRegisters(loadRegister(before), loadRegister(after));

    if (format === 'json') process.stdout.write(`${JSON.stringify(diff, null, 2)}\n`);
    else if (format === 'markdown') process.stdout.write(formatDiffMarkdown(diff, { limit }));
    else process.stdout.write(formatDiffText(diff, { limit }));
    return values['exit-code'] && !isEmptyDiff(diff) ? 1 : 0;
  },
});

/** A folder when one exists at that path; otherwise a revision of the repository we are in. */
async function readSide(value: string, dataPath: string): Promise<Sources> {
  if (value === '') throw new UsageError('--base and --head cannot be empty');
  const isFolder = await stat(resolve(value)).then(
    (s) => s.isDirectory(),
    () => false,
  );
  if (isFolder) return readDataDir(resolve(value));
  return readGitRevision(process.cwd(), value, dataPath);
}

/** The data folder of the repository we are in (so HEAD and the working tree match); else data/. */
async function workingData(dataPath: string): Promise<string> {
  try {
    return join(await gitTopLevel(process.cwd()), dataPath);
  } catch {
    return DEFAULT_DATA_DIR;
  }
}

function limitOption(value: string | boolean | undefined): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (typeof value !== 'string' || !/^\d+$/.test(value) || n < 1) {
    throw new UsageError(`--limit must be a whole number of at least 1, not "${String(value)}"`);
  }
  return n;
}
