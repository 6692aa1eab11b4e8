/**
 * Contract template fixtures: the small valid template in tests/fixtures/contracts/valid (two
 * versions of `mini-contract`), each named fault in tests/fixtures/contracts/faults/<fault>/
 * (only the files that differ), and the real templates in data/.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { loadRegister, type LoadedRegister } from '../../scripts/lib/loadRegister.ts';
import type { ContractTemplate } from '../../scripts/lib/types.generated.ts';
import type { CodeTitles } from '../../scripts/lib/contracts/describeContract.ts';
import { codeTitles } from '../../scripts/lib/contracts/codeTitles.ts';
import { ROOT } from './register.ts';

export { ROOT };
export const CONTRACT_FIXTURES = join(ROOT, 'tests/fixtures/contracts');

function readTree(dir: string, prefix: string): Map<string, string> {
  const files = new Map<string, string>();
  for (const entry of readdirSync(dir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const path = join(entry.parentPath, entry.name);
    files.set(`${prefix}${relative(dir, path).split(sep).join('/')}`, readFileSync(path, 'utf8'));
  }
  return files;
}

/** Template files by register path (`contract-templates/<id>/<version>.json`). */
export function templateFiles(fault?: string): Map<string, string> {
  const files = readTree(join(CONTRACT_FIXTURES, 'valid'), 'contract-templates/');
  if (fault) {
    for (const [path, text] of readTree(
      join(CONTRACT_FIXTURES, 'faults', fault),
      'contract-templates/',
    )) {
      files.set(path, text);
    }
  }
  return files;
}

export function realTemplateFiles(): Map<string, string> {
  return readTree(join(ROOT, 'data/contract-templates'), 'contract-templates/');
}

/** Loads template files with the real codelists (and nothing else) through the one loader. */
export function loadTemplates(files: ReadonlyMap<string, string>): LoadedRegister {
  const all = new Map(files);
  for (const [path, text] of readTree(join(ROOT, 'data/codelists'), 'codelists/'))
    all.set(path, text);
  const encoder = new TextEncoder();
  return loadRegister({
    keys: () => all.keys(),
    get: (path) => (all.has(path) ? encoder.encode(all.get(path)!) : undefined),
  });
}

export function realTemplate(id: string, version: string): ContractTemplate {
  return JSON.parse(
    readFileSync(join(ROOT, 'data/contract-templates', id, `${version}.json`), 'utf8'),
  ) as ContractTemplate;
}

export function fixtureTemplate(version = '1.1.0'): ContractTemplate {
  return JSON.parse(
    readFileSync(join(CONTRACT_FIXTURES, 'valid/mini-contract', `${version}.json`), 'utf8'),
  ) as ContractTemplate;
}

let titles: CodeTitles | undefined;
export function realTitles(): CodeTitles {
  titles ??= codeTitles(loadTemplates(new Map()).codelists);
  return titles;
}

/** A complete, valid set of values for the real standard services contract 1.1.0. */
export const SERVICES_VALUES: Record<string, string> = {
  commissioner_name: 'Trafford Council',
  provider_name: 'Trafford Carers Centre',
  provider_charity_number: '',
  contract_reference: 'TC-2026-014',
  start_date: '2026-04-01',
  term_years: '5',
  extension_years: '2',
  service_description: 'Advice and support for unpaid carers.\nOne-to-one support and groups.',
  service_area: 'the Borough of Trafford',
  contract_value: '125000',
  price_basis: 'full cost recovery block',
  indicative_annual_volume: '1200',
  payment_schedule: 'quarterly in advance',
  payment_days: '10',
  price_review_index: 'change in the Consumer Prices Index (CPI)',
  demand_threshold_percent: '10',
  notice_period_months: '6',
  liability_cap: '1000000',
  public_liability_cover: '5000000',
  professional_indemnity_cover: '2000000',
  data_protection_role: 'each party is a separate controller',
  commissioner_safeguarding_contact: 'Safeguarding adults team, safeguarding@example.gov.uk',
  mediation_provider: 'CEDR',
};

/** The mini contract with HTML in a heading and in clause text (a warning, not an error). */
export function hostileTemplate(): ContractTemplate {
  return JSON.parse(
    readFileSync(join(CONTRACT_FIXTURES, 'faults/hostile-markup/mini-contract/1.1.0.json'), 'utf8'),
  ) as ContractTemplate;
}
