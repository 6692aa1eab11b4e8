import { resolve } from 'node:path';
import { defineCommand } from '../command.ts';
import { DEFAULT_DATA_DIR } from '../../io/projectRoot.ts';
import { readDataDir } from '../../io/registerFolder.ts';
import { OutputFolder } from '../../io/outputFolder.ts';
import { removeLeftoverFiles } from '../../io/leftoverFiles.ts';
import { fixRegister } from '../../lib/fixRegister.ts';

export const fixCommand = defineCommand({
  name: 'fix',
  summary: 'apply every mechanical fix in place (idempotent)',
  usage: 'kitemark fix [--data DIR] [--check]',
  help: `Repairs what needs no judgement: trims cells; postcode case and spacing; leading zeros
on company numbers; spaces in charity and OSCR numbers; dates written 16/11/2015 as
2015-11-16; web addresses without https://; mailto: on emails; the case of codes; tidy
";" lists; empty columns for those the standard added later (such as other_names);
canonical quoting, column order and row order by key. Nothing else changes.

Options:
  --data DIR          the register folder (default: data/)
  --check             change nothing; exit 1 if anything would change (for CI)`,
  options: { data: { type: 'string' }, check: { type: 'boolean' } },
  async run(values) {
    const dir = resolve(typeof values['data'] === 'string' ? values['data'] : DEFAULT_DATA_DIR);
    const result = fixRegister(await readDataDir(dir));
    const byKind = new Map<string, number>();
    for (const c of result.changes)
      byKind.set(`${c.file}: ${c.kind}`, (byKind.get(`${c.file}: ${c.kind}`) ?? 0) + 1);
    for (const [what, n] of [...byKind].sort()) process.stdout.write(`${what} (${n})\n`);
    for (const file of result.files.keys()) {
      if (![...byKind.keys()].some((k) => k.startsWith(`${file}:`))) {
        process.stdout.write(`${file}: canonical quoting and row order\n`);
      }
    }
    for (const s of result.skipped) process.stderr.write(`skipped ${s.file}: ${s.reason}\n`);
    if (values['check']) {
      process.stdout.write(
        result.files.size === 0
          ? 'Nothing to fix.\n'
          : `${result.files.size} files need \`kitemark fix\`.\n`,
      );
      return result.files.size === 0 ? 0 : 1;
    }
    const folder = new OutputFolder(dir, 'the register folder');
    for (const [file, text] of result.files) await folder.writeAtomic(file, text);
    // A fix that was killed mid-write leaves `<file>.tmp-<pid>` beside the table.
    for (const path of await removeLeftoverFiles(dir))
      process.stdout.write(`${path}: removed, left over from an interrupted write\n`);
    process.stdout.write(
      result.files.size === 0 ? 'Nothing to fix.\n' : `Fixed ${result.files.size} files.\n`,
    );
    return 0;
  },
});
