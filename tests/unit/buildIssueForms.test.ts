import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { expectedTemplates, TEMPLATE_DIR } from '../../scripts/github/main-issue-forms.ts';
import { applicationForm, correctionForm } from '../../scripts/github/buildIssueForms.ts';
import { readDataDir } from '../../scripts/io/registerFolder.ts';
import { loadRegister } from '../../scripts/lib/loadRegister.ts';
import { TABLES } from '../../scripts/lib/schemas.ts';
import { ROOT } from '../support/register.ts';

const register = loadRegister(await readDataDir(join(ROOT, 'data')));

describe('issue forms', () => {
  it('in .github/ISSUE_TEMPLATE are exactly what the schemas and codelists give (run main-issue-forms.ts)', async () => {
    const expected = await expectedTemplates();
    expect(readdirSync(TEMPLATE_DIR).sort()).toEqual([...expected.keys()].sort());
    for (const [name, text] of expected)
      expect(readFileSync(join(TEMPLATE_DIR, name), 'utf8'), name).toBe(text);
  });

  it('follow GitHub’s issue-form rules: unique ids and labels, required top keys, non-empty options', () => {
    for (const file of ['apply-for-the-kitemark.yml', 'correct-an-entry.yml']) {
      const form = parse(readFileSync(join(TEMPLATE_DIR, file), 'utf8')) as {
        name: string;
        description: string;
        body: { type: string; id?: string; attributes: { label?: string; options?: unknown[] } }[];
      };
      expect(form.name && form.description).toBeTruthy();
      const fields = form.body.filter((b) => b.type !== 'markdown');
      const ids = fields.map((f) => f.id);
      const labels = fields.map((f) => f.attributes.label);
      expect(new Set(ids).size).toBe(ids.length);
      expect(new Set(labels).size).toBe(labels.length);
      for (const id of ids) expect(id).toMatch(/^[A-Za-z0-9_-]+$/);
      for (const f of fields.filter((f) => f.type === 'dropdown')) {
        const options = f.attributes.options as string[];
        expect(options.length).toBeGreaterThan(0);
        expect(new Set(options).size).toBe(options.length);
      }
    }
  });

  it('ask for every provider column a person can give, required where the schema requires it', () => {
    const form = applicationForm(register);
    // In schema order, but other names are asked for right after the name.
    const columns = TABLES.providers.fields
      .map((f) => f.name)
      .filter((n) => !['provider_id', 'added_on', 'other_names'].includes(n));
    columns.splice(columns.indexOf('name') + 1, 0, 'other_names');
    expect(form.fields.filter((f) => f.target?.table === 'providers').map((f) => f.id)).toEqual(
      columns,
    );
    for (const f of TABLES.providers.fields.filter((f) => f.required && columns.includes(f.name))) {
      expect(form.fields.find((x) => x.id === f.name)!.required, f.name).toBe(true);
    }
    // Corrections: everything optional except which provider, and the declaration.
    const correction = correctionForm(register);
    expect(correction.fields.filter((f) => f.required).map((f) => f.id)).toEqual([
      'provider_id',
      'declaration',
    ]);
  });

  it('offer the codelists as choices, by title', () => {
    const services = applicationForm(register).fields.find((f) => f.id === 'services')!;
    expect(services.options!.map((o) => o.code)).toEqual([
      ...register.codelists.get('services')!.entries.keys(),
    ]);
    expect(services.multiple).toBe(true);
  });
});
