/**
 * `kitemark hsds`: writes a register's HSDS 3.0 publication to a folder, for directories that
 * merge it into their own: the static API tree (what the site publishes under /hsds/) and the
 * tabular data package (what the downloads hold in hsds/), in `tabular/`.
 */
import { join, resolve } from 'node:path';
import { defineCommand, todayOption } from '../command.ts';
import { DEFAULT_DATA_DIR } from '../../io/projectRoot.ts';
import { readRegister } from '../../io/registerFolder.ts';
import { readGeography } from '../../io/referenceFiles.ts';
import { replaceFolder } from '../../io/replaceFolder.ts';
import { UsageError } from '../usageError.ts';
import { todayInLondon } from '../../lib/dates.ts';
import { hasErrors } from '../../lib/issue.ts';
import { normaliseSiteUrl } from '../../publish/kit/siteInfo.ts';

export const hsdsCommand = defineCommand({
  name: 'hsds',
  summary: 'write the register in Open Referral HSDS 3.0 (static API and tabular package)',
  usage: 'kitemark hsds --out DIR [--data DIR] [--today YYYY-MM-DD] [--url URL]',
  help: `Writes the HSDS 3.0 publication of a register: the static API (index.json, openapi.json,
services/{id}, services/page-N.json, organizations/…, taxonomies/…, taxonomy_terms/…) in DIR
and the tabular data package (CSV files and datapackage.json) in DIR/tabular. The register
must validate without errors. The folder is replaced as a whole once everything is written.

Options:
  --out DIR           the folder to write
  --data DIR          the register folder (default: data/)
  --today DATE        judge kitemark statuses as of DATE (default: today in London)
  --url URL           where DIR will be served, for openapi_url (default: the register's
                      homepage followed by hsds/)

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
    let feedUrl: string | undefined;
    if (typeof values['url'] === 'string') {
      try {
        feedUrl = normaliseSiteUrl(values['url']);
      } catch (e) {
        throw new UsageError(`--url: ${(e as Error).message}`);
      }
    }
    const { loaded, issues } = await readRegister(dir, today);
    if (hasErrors(issues) || !loaded.meta.value) {
      process.stderr.write(
        `kitemark hsds: the register in ${dir} has errors; run \`kitemark validate\` to see them.\n`,
      );
      return 1;
    }
    const { buildRegister } = await import('../../lib/buildRegister.ts');
    const { createHsdsMapper } = await import('../../lib/hsds/mapToHsds.ts');
    const { writeHsdsPackage } = await import('../../lib/hsds/hsdsTabular.ts');
    const { writeHsdsFeed } = await import('../../publish/hsds/publishHsds.ts');
    const { dirSink } = await import('../../io/outputFolder.ts');
    const { readBuildTime } = await import('../../io/git/readHeadCommit.ts');
    const register = buildRegister(loaded, today);
    const geography = await readGeography();
    const homepage = register.meta.homepage ? normaliseSiteUrl(register.meta.homepage) : undefined;
    feedUrl ??= homepage ? `${homepage}hsds/` : undefined;
    if (!feedUrl) {
      throw new UsageError('--url URL is required: register.json has no homepage to start from');
    }
    let written = 0;
    await replaceFolder(out, async (temporary) => {
      written += writeHsdsFeed(temporary, { register, geography, siteUrl: homepage, feedUrl });
      const sink = dirSink(join(temporary, 'tabular'));
      const files = await writeHsdsPackage(
        {
          register,
          mapper: createHsdsMapper({ register, geography }),
          // Stamped like the downloads: the same commit gives the same bytes.
          created: await readBuildTime(dir, today),
        },
        (path, chunks) => sink.write(path, chunks),
      );
      written += files.length;
    });
    process.stdout.write(
      `Wrote ${written} files to ${out}: the HSDS 3.0 API for ${feedUrl} and its tabular package in tabular/.\n`,
    );
    return 0;
  },
});
