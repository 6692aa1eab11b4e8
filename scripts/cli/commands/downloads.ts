/**
 * `kitemark downloads`: writes the open-data downloads of a register (every table as CSV and
 * JSON, the workbook, datapackage.json, SHA256SUMS, schemas) to a folder, without building the
 * site: for researchers who keep a copy, and for checking a register before it is published.
 */
import { resolve } from 'node:path';
import { defineCommand, todayOption } from '../command.ts';
import { DEFAULT_DATA_DIR } from '../../io/projectRoot.ts';
import { readRegister } from '../../io/registerFolder.ts';
import { UsageError } from '../usageError.ts';
import { replaceFolder } from '../../io/replaceFolder.ts';
import { readGeography } from '../../io/referenceFiles.ts';
import { todayInLondon } from '../../lib/dates.ts';
import { hasErrors } from '../../lib/issue.ts';

export const downloadsCommand = defineCommand({
  name: 'downloads',
  summary: 'write the open-data downloads (CSV, JSON, XLSX, SQLite, datapackage.json) to a folder',
  usage: 'kitemark downloads --out DIR [--data DIR] [--today YYYY-MM-DD] [--url URL]',
  help: `Writes every table as CSV and JSON, the XLSX workbook, the SQLite database,
datapackage.json (with the size and SHA-256 of every file), SHA256SUMS, README.md,
CITATION.cff, the JSON Schemas and the HSDS 3.0 tabular package (hsds/). The register must
validate without errors. The folder is replaced as a whole once everything is written.

Options:
  --out DIR           the folder to write
  --data DIR          the register folder (default: data/)
  --today DATE        judge statuses (providers-with-status) as of DATE (default: today in London)
  --url URL           where the files will be published (a folder, ending /), for
                      datapackage.json's id and the schemas' $id (URL/schema/…)

Every date in the files is the time of the register's last commit (SOURCE_DATE_EPOCH, in
seconds since 1970, overrides it; outside git it is the start of the --today day), so the same
commit always gives the same bytes.

Exit status: 0 written, 1 the register has errors, 2 bad usage.`,
  options: {
    out: { type: 'string' },
    data: { type: 'string' },
    today: { type: 'string' },
    url: { type: 'string' },
  },
  async run(values) {
    if (typeof values['out'] !== 'string') throw new UsageError('--out DIR is required');
    const out = resolve(values['out']);
    const dir = resolve(typeof values['data'] === 'string' ? values['data'] : DEFAULT_DATA_DIR);
    const today = todayOption(values['today'], todayInLondon());
    // The writers (exceljs above all) load only when this command runs.
    const { checkDownloadTables, collectDownloadTables, writeDownloads } =
      await import('../../lib/downloads/buildDownloads.ts');
    const { readBuildTime } = await import('../../io/git/readHeadCommit.ts');
    const { readSchemaFiles } = await import('../../publish/open-data/publishOpenData.ts');
    const { dirSink } = await import('../../io/outputFolder.ts');
    const { loaded, issues } = await readRegister(dir, today);
    if (hasErrors(issues) || !loaded.meta.value) {
      process.stderr.write(
        `kitemark downloads: the register in ${dir} has errors; run \`kitemark validate\` to see them.\n`,
      );
      return 1;
    }
    const problems = checkDownloadTables(collectDownloadTables(loaded, today));
    if (problems.length > 0) {
      process.stderr.write(
        `${problems.map((p) => `kitemark downloads: ${p.message}`).join('\n')}\n`,
      );
      return 1;
    }
    const schemaFiles = await readSchemaFiles();
    const geography = await readGeography();
    let written = 0;
    await replaceFolder(out, async (temporary) => {
      const summary = await writeDownloads(
        {
          loaded,
          asAt: today,
          // The commit's time (or SOURCE_DATE_EPOCH), never the clock: same commit, same bytes.
          created: await readBuildTime(dir, today),
          ...(typeof values['url'] === 'string'
            ? { url: values['url'], schemaUrl: new URL('schema/', values['url']).href }
            : {}),
          schemaFiles,
          geography,
        },
        dirSink(temporary),
      );
      written = summary.files.size;
    });
    process.stdout.write(`Wrote ${written} files to ${out}.\n`);
    return 0;
  },
});
