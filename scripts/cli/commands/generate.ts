import { cp, readFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { parse as parseCsv } from 'csv-parse/sync';
import { defineCommand, todayOption } from '../command.ts';
import { DEFAULT_DATA_DIR, ROOT } from '../../io/projectRoot.ts';
import { readDataDir } from '../../io/registerFolder.ts';
import { UsageError } from '../usageError.ts';
import { readReference } from '../../io/referenceFiles.ts';
import { OutputFolder } from '../../io/outputFolder.ts';
import { replaceFolder } from '../../io/replaceFolder.ts';
import { generateRegister, type Place } from '../../lib/generateRegister.ts';
import { loadRegister } from '../../lib/loadRegister.ts';
import { TABLES } from '../../lib/schemas.ts';
import { todayInLondon } from '../../lib/dates.ts';

export const generateCommand = defineCommand({
  name: 'generate',
  summary: 'write a deterministic, valid register of any size (for tests and benchmarks)',
  usage: 'kitemark generate --providers N [--seed S] [--today YYYY-MM-DD] --out DIR',
  help: `Writes providers, accreditations (every status), documents and commissioners in proportion
to N, with the codelists, register.json and contract templates of --data. The same N, seed
and date always give the same files. Providers are fictional; postcodes and councils are real.

Options:
  --providers N       how many providers (1 to 1,000,000)
  --seed S            random seed, a whole number (default 1)
  --today DATE        the date the register is generated as of (default: today in London)
  --data DIR          where to take codelists and templates from (default: data/)
  --out DIR           the folder to write; replaced as a whole once complete`,
  options: {
    providers: { type: 'string' },
    seed: { type: 'string' },
    today: { type: 'string' },
    data: { type: 'string' },
    out: { type: 'string' },
  },
  async run(values) {
    const providers = Number(values['providers']);
    if (!Number.isInteger(providers) || providers < 1 || providers > 1_000_000) {
      throw new UsageError('--providers must be a whole number from 1 to 1,000,000');
    }
    const seed = values['seed'] === undefined ? 1 : Number(values['seed']);
    if (!Number.isInteger(seed)) throw new UsageError('--seed must be a whole number');
    if (typeof values['out'] !== 'string') throw new UsageError('--out DIR is required');
    const out = resolve(values['out']);
    const dataDir = resolve(typeof values['data'] === 'string' ? values['data'] : DEFAULT_DATA_DIR);
    const today = todayOption(values['today'], todayInLondon());

    const source = loadRegister(await readDataDir(dataDir));
    const councilList = source.codelists.get('local-authorities');
    if (!councilList) throw new UsageError(`${dataDir} has no codelists/local-authorities.csv`);
    const councils = [...councilList.entries.values()]
      .filter((c) => c['social_care'] === 'yes' && !c['end_date'])
      .map((c) => ({
        code: c.code,
        name: String(c['description'] ?? c.title).replace(/ \(.*\)$/, ''),
        region: String(c['region']),
      }));
    const current = new Set(councils.map((c) => c.code));
    const places: Place[] = [];
    for (const [postcode, fact] of (await readReference()).entries()) {
      if (fact.town && !fact.terminated && current.has(fact.localAuthority)) {
        places.push({ postcode, localAuthority: fact.localAuthority, town: fact.town });
      }
    }
    const trusts = (
      parseCsv(await readFile(join(ROOT, 'reference/nhs-trusts.csv')), { columns: true }) as Record<
        string,
        string
      >[]
    ).map((t) => ({ code: t['code']!, name: t['name']!, nhsRegion: t['nhs_region']! }));
    const documentTypes = [...(source.codelists.get('document-types')?.entries.values() ?? [])];
    const publishedTemplates = source.templates
      .filter((t) => (t.value as { status?: string } | undefined)?.status === 'published')
      .map((t) => t.file.split('/')[1]!);

    const tables = generateRegister({
      providers,
      seed,
      today,
      places,
      councils,
      trusts,
      mandatoryDocuments: documentTypes.filter((t) => t['mandatory'] === 'yes').map((t) => t.code),
      optionalDocuments: documentTypes.filter((t) => t['mandatory'] !== 'yes').map((t) => t.code),
      qualityMarks: [...(source.codelists.get('quality-marks')?.entries.keys() ?? [])],
      contractTemplates: [...new Set(publishedTemplates)].sort(),
    });
    const meta = {
      ...(source.meta.value ?? {}),
      name: 'kitemark-register-generated',
      title: `Generated Kitemark Register (${providers.toLocaleString('en-GB')} providers, seed ${seed})`,
      description: `A generated, fictional register for tests and benchmarks, as of ${today}.`,
      illustrative: true,
    };

    await replaceFolder(out, async (dir) => {
      const folder = new OutputFolder(dir, 'the register folder');
      for (const [name, csv] of Object.entries(tables)) {
        await folder.writeAtomic(TABLES[name as keyof typeof tables].file, csv);
      }
      await folder.writeAtomic('register.json', `${JSON.stringify(meta, null, 2)}\n`);
      await cp(join(dataDir, 'codelists'), join(dir, 'codelists'), { recursive: true });
      await cp(join(dataDir, 'contract-templates'), join(dir, 'contract-templates'), {
        recursive: true,
      }).catch(() => undefined);
    });
    process.stdout.write(
      `Wrote a register of ${providers.toLocaleString('en-GB')} providers to ${out}.\n`,
    );
    return 0;
  },
});
