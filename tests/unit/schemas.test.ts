import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { SCHEMAS, TABLES, compiledSchemas, codelistsUsed } from '../../scripts/lib/schemas.ts';
import { generateTypes, TYPES_FILE } from '../../scripts/tools/generateTypes.ts';
import { ROOT } from '../support/register.ts';

describe('the data standard', () => {
  it('compiles every schema under strict JSON Schema 2020-12', () => {
    expect(() => compiledSchemas()).not.toThrow();
    for (const schema of Object.values(SCHEMAS))
      expect(schema['$schema']).toBe('https://json-schema.org/draft/2020-12/schema');
  });

  it('keeps the published CSV columns in their fixed order, adding new ones only at the end', () => {
    const names = (table: keyof typeof TABLES) => TABLES[table].fields.map((f) => f.name);
    expect(names('providers').join(',')).toBe(
      'provider_id,name,legal_form,charity_number,oscr_number,company_number,cqc_provider_id,ods_code,address_line_1,address_line_2,town,postcode,local_authority,areas_served,services,user_groups,website,email,phone,description,added_on,other_names',
    );
    expect(names('accreditations').join(',')).toBe(
      'accreditation_id,provider_id,status,scope,awarded_on,expires_on,last_reviewed_on,assessor,quality_marks,status_since,status_reason',
    );
    expect(names('documents').join(',')).toBe(
      'provider_id,document_type,title,version,effective_on,review_by,verified_on,sha256,format,url',
    );
    expect(names('commissioners').slice(0, 6).join(',')).toBe(
      'commissioner_id,name,type,accepts_kitemark_since,contract_templates,website',
    );
  });

  it('lets a register written before a column was added leave that column out', () => {
    const optional = Object.values(TABLES).flatMap((t) =>
      t.fields.filter((f) => f.columnOptional).map((f) => `${t.name}.${f.name}`),
    );
    expect(optional).toEqual([
      'providers.other_names',
      'accreditations.status_since',
      'accreditations.status_reason',
    ]);
  });

  it('documents every field with a title, a description and an example', () => {
    for (const table of Object.values(TABLES)) {
      for (const f of table.fields) {
        expect(f.title, `${table.name}.${f.name}`).not.toBe(f.name);
        expect(f.description.length, `${table.name}.${f.name}`).toBeGreaterThan(10);
        expect(f.examples.length, `${table.name}.${f.name}`).toBeGreaterThan(0);
      }
    }
  });

  it('has a codelist file for every codelist a column uses', () => {
    for (const name of codelistsUsed()) {
      expect(() => readFileSync(join(ROOT, 'data/codelists', `${name}.csv`))).not.toThrow();
    }
  });

  it('has TypeScript types generated from the current schemas (run `npm run types` if not)', async () => {
    expect(readFileSync(TYPES_FILE, 'utf8')).toBe(await generateTypes());
  });
});
