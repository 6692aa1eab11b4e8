/**
 * The validator against real public data: every postcode in the ONS-derived reference list,
 * every English council, and the Charity Commission's Trafford extract with its quirks.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { isPostcode, normalisePostcode } from '../../scripts/lib/postcode.ts';
import {
  ROOT,
  addRow,
  fixtureFiles,
  located,
  realReference,
  validateFiles,
} from '../support/register.ts';

type Row = Record<string, string>;
const read = (path: string) => parse(readFileSync(join(ROOT, path)), { columns: true }) as Row[];
const councils = read('data/codelists/local-authorities.csv');

describe('postcodes from the National Statistics Postcode Lookup', () => {
  const postcodes = [...realReference().entries()].map(([postcode]) => postcode);

  it('are all accepted as written, and normalising leaves them alone', () => {
    expect(postcodes.length).toBeGreaterThan(70_000);
    const rejected = postcodes.filter((p) => !isPostcode(p) || normalisePostcode(p) !== p);
    expect(rejected).toEqual([]);
  });

  it('are recognised however they are typed', () => {
    const typed = postcodes.slice(0, 2000).map((p) => ` ${p.toLowerCase().replace(' ', '')} `);
    expect(typed.map((p) => normalisePostcode(p.trim()))).toEqual(postcodes.slice(0, 2000));
  });
});

describe('English local authorities', () => {
  const withProviderIn = (codes: string[]) => {
    let files = fixtureFiles();
    codes.forEach((code, i) => {
      files = addRow(files, 'providers.csv', {
        provider_id: `P1${String(i).padStart(5, '0')}`,
        name: `Council test ${code}`,
        legal_form: 'unincorporated-association',
        address_line_1: '1 Test Street',
        town: 'Testing',
        postcode: 'ZZ1 1ZZ',
        local_authority: code,
        services: 'befriending',
        user_groups: 'older-people',
        added_on: '2025-01-01',
      });
    });
    return validateFiles(files).filter((i) => i.severity === 'error');
  };

  it('accepts every current council with social-care responsibility', () => {
    const current = councils
      .filter((c) => c['social_care'] === 'yes' && !c['end_date'])
      .map((c) => c['code']!);
    expect(current.length).toBe(153);
    expect(withProviderIn(current)).toEqual([]);
  });

  it('names the successor of every abolished council', () => {
    const abolished = councils.filter((c) => c['end_date'] && c['replaced_by']);
    const issues = withProviderIn(abolished.map((c) => c['code']!));
    expect(issues.map((i) => i.code)).toEqual(abolished.map(() => 'local-authority/abolished'));
    for (const [i, council] of abolished.entries()) {
      expect(issues[i]!.message).toContain(
        `${council['code']} (${council['title']}) was replaced by`,
      );
    }
  });
});

describe('the Charity Commission extract for Trafford (2023)', () => {
  const charities = read('tests/fixtures/reference/charities-operating-in-trafford-2023.csv');
  // Each charity as a provider, numbers exactly as the extract gives them.
  let files = fixtureFiles();
  charities.forEach((c, i) => {
    files = addRow(files, 'providers.csv', {
      provider_id: `P2${String(i).padStart(5, '0')}`,
      name: `Charity ${i}`,
      legal_form: 'charitable-trust',
      charity_number: c['registered_charity_number']!,
      company_number: c['charity_company_registration_number']!,
      address_line_1: '1 Test Street',
      town: 'Sale',
      postcode: 'M33 7HF',
      local_authority: 'E08000009',
      services: 'befriending',
      user_groups: 'older-people',
      added_on: '2025-01-01',
    });
  });
  const issues = validateFiles(files);

  it('accepts every real charity number', () => {
    expect(located(issues, 'charity-number/format')).toEqual([]);
  });

  it('reports NA as a placeholder to leave empty, not as a bad number', () => {
    const na = charities.filter((c) => c['charity_company_registration_number'] === 'NA').length;
    expect(na).toBe(553);
    expect(located(issues, 'cell/placeholder')).toHaveLength(na);
    expect(located(issues, 'company-number/format')).toHaveLength(1);
  });

  it('restores the digit a company number lost, with the fix spelled out', () => {
    const issue = issues.find((i) => i.code === 'company-number/format')!;
    expect(issue.message).toContain('"CE00571"');
    expect(issue.fix).toBe('write it as "CE000571"');
  });

  it('accepts the eight-character company numbers with their leading zeros', () => {
    const companies = charities.filter((c) =>
      /^\d{8}$/.test(c['charity_company_registration_number']!),
    );
    expect(companies.some((c) => c['charity_company_registration_number']!.startsWith('00'))).toBe(
      true,
    );
    expect(located(issues, 'company-number/format').length).toBeLessThan(2);
  });
});
