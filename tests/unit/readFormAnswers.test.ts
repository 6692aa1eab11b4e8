import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { applicationForm, correctionForm } from '../../scripts/github/buildIssueForms.ts';
import {
  findCouncil,
  readAnswer,
  readApplication,
  readCorrection,
} from '../../scripts/github/readFormAnswers.ts';
import type { FormProblem } from '../../scripts/github/parseIssueForm.ts';
import { readDataDir } from '../../scripts/io/registerFolder.ts';
import { loadRegister } from '../../scripts/lib/loadRegister.ts';
import { ROOT } from '../support/register.ts';

const register = loadRegister(await readDataDir(join(ROOT, 'data')));
const councils = register.codelists.get('local-authorities');
const apply = applicationForm(register);
const field = (id: string) => apply.fields.find((f) => f.id === id)!;
const read = (id: string, answer: string) => {
  const problems: FormProblem[] = [];
  return { value: readAnswer(field(id), answer, register.codelists, problems), problems };
};

describe('findCouncil', () => {
  it('knows councils by GSS code, name or council name', () => {
    expect(findCouncil('e06000023', councils).code).toBe('E06000023');
    expect(findCouncil('Bristol City Council', councils).code).toBe('E06000023');
    expect(findCouncil('City of Bristol', councils).code).toBe('E06000023');
    expect(findCouncil('oxfordshire', councils).code).toBe('E10000025');
  });
  it('says which council a typo might be, and what replaced a retired one', () => {
    expect(findCouncil('Oxfordshre', councils)).toMatchObject({
      fix: expect.stringContaining('Oxfordshire (E10000025)'),
    });
    expect(findCouncil('E10000021', councils)).toMatchObject({
      problem: expect.stringContaining('no longer exists'),
    });
  });
});

describe('readAnswer', () => {
  it('applies the mechanical fixes kitemark fix would', () => {
    expect(read('postcode', ' sw1a1aa ').value).toBe('SW1A 1AA');
    expect(read('company_number', '9123456').value).toBe('09123456');
    expect(read('website', 'www.example.org').value).toBe('https://www.example.org');
    expect(read('email', 'mailto:a@example.org').value).toBe('a@example.org');
  });
  it('reads other names one per line or between semicolons, each checked as plain text', () => {
    expect(read('other_names', ' Juniper Carers \n\nJCN; Juniper Carers').value).toBe(
      'Juniper Carers;JCN',
    );
    const formula = read('other_names', 'Juniper Carers\n=HYPERLINK("https://x.example")');
    expect(formula.value).toBeUndefined();
    expect(formula.problems[0]!.message).toContain('formula');
  });
  it('turns dropdown titles into codes, and refuses anything else', () => {
    expect(read('services', 'Befriending, Advocacy').value).toBe('befriending;advocacy');
    expect(read('legal_form', 'Charitable trust').value).toBe('charitable-trust');
    expect(read('legal_form', 'Limited company').problems[0]!.message).toMatch(
      /not one of the choices/,
    );
  });
  it('refuses formulas and control characters, but not a +44 phone number', () => {
    expect(read('name', '=1+1').problems).toHaveLength(1);
    expect(read('name', '@SUM(A1)').problems).toHaveLength(1);
    expect(read('name', '-cmd').problems).toHaveLength(1);
    expect(read('name', 'Bell\u0007 ringers').problems).toHaveLength(1);
    expect(read('phone', '+44 117 496 0000')).toEqual({ value: '+44 117 496 0000', problems: [] });
  });
  it('flattens a description to one line', () => {
    expect(read('description', 'One.\n\nTwo.').value).toBe('One. Two.');
  });
});

describe('readApplication and readCorrection', () => {
  it('sorts answers into the provider and the award', () => {
    const cells = readApplication(
      new Map([
        ['name', 'Juniper'],
        ['scope', 'Befriending'],
        ['areas_served', 'Bristol\nE06000022'],
      ]),
      apply,
      register.codelists,
    );
    expect(cells.provider).toEqual({ name: 'Juniper', areas_served: 'E06000023;E06000022' });
    expect(cells.accreditation).toEqual({ status: 'applied', scope: 'befriending' });
  });
  it('keeps only what a correction fills in, and "-" clears a field', () => {
    const cells = readCorrection(
      new Map([
        ['provider_id', ' p000001 '],
        ['phone', '-'],
        ['email', ''],
        ['anything_else', 'We moved.'],
      ]),
      correctionForm(register),
      register.codelists,
    );
    expect(cells).toEqual({
      providerId: 'P000001',
      changes: { phone: '' },
      note: 'We moved.',
      problems: [],
    });
  });
});
