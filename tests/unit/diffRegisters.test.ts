import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readDataDir } from '../../scripts/io/registerFolder.ts';
import { loadRegister, type LoadedRegister } from '../../scripts/lib/loadRegister.ts';
import {
  DIFF_FORMAT_VERSION,
  diffRecords,
  diffRegisters,
  isEmptyDiff,
  stableJson,
  type Change,
  type RegisterDiff,
} from '../../scripts/lib/diffRegisters.ts';

const FIXTURES = join(import.meta.dirname, '../fixtures/diff');

async function load(name: string, side: 'base' | 'head'): Promise<LoadedRegister> {
  return loadRegister(await readDataDir(join(FIXTURES, name, side)));
}

async function diffFixture(name: string): Promise<RegisterDiff> {
  return diffRegisters(await load(name, 'base'), await load(name, 'head'));
}

const byKey = (diff: RegisterDiff, key: string): Change => {
  const change = diff.changes.find((c) => c.key === key);
  if (!change) throw new Error(`no change for ${key}`);
  return change;
};

/**
 * Each fixture's whole output is pinned in expected.json: the diff is a published format that
 * the change log, feed and record history read, so any change to it must be deliberate.
 * UPDATE_FIXTURES=1 rewrites them (then read the git diff of the fixtures before committing).
 */
const FIXTURE_NAMES = [
  'provider-added',
  'status-transitions',
  'documents-re-verified',
  'renamed-and-fields',
  'records-removed',
  'codelists',
  'contract-templates',
  'no-change',
  'duplicate-keys',
];

describe('diffRegisters: pinned output of every fixture', () => {
  for (const name of FIXTURE_NAMES) {
    it(name, async () => {
      const diff = await diffFixture(name);
      const file = join(FIXTURES, name, 'expected.json');
      const actual = `${JSON.stringify(diff, null, 2)}\n`;
      if (process.env['UPDATE_FIXTURES']) await writeFile(file, actual);
      expect(JSON.parse(actual)).toEqual(JSON.parse(await readFile(file, 'utf8')));
    });
  }
});

describe('diffRegisters', () => {
  it('reports a provider added with its application, and the register version', async () => {
    const diff = await diffFixture('provider-added');
    expect(diff.formatVersion).toBe(DIFF_FORMAT_VERSION);
    expect(diff.base.version).toBe('1.0.0');
    expect(diff.head.version).toBe('1.1.0');
    expect(diff.meta).toEqual([{ field: 'version', before: '1.0.0', after: '1.1.0' }]);
    const provider = byKey(diff, 'P000002');
    expect(provider).toMatchObject({
      table: 'providers',
      kind: 'added',
      label: 'Cedar Neighbours',
    });
    expect(provider.record['services']).toEqual(['transport']);
    expect(provider.lines).toEqual({ head: 3 });
    const award = byKey(diff, 'KM-000001');
    expect(award).toMatchObject({
      kind: 'added',
      providerId: 'P000002',
      providerName: 'Cedar Neighbours',
      status: { after: 'applied' },
      tags: [],
    });
    expect(diff.counts.providers).toEqual({ added: 1, ended: 0, removed: 0, changed: 0 });
    expect(diff.counts.accreditations.added).toBe(1);
  });

  it('names status transitions, ends, reinstatements and renewals', async () => {
    const diff = await diffFixture('status-transitions');
    expect(byKey(diff, 'KM-000001')).toMatchObject({
      kind: 'changed',
      status: { before: 'applied', after: 'accredited' },
      tags: ['status-changed'],
    });
    expect(byKey(diff, 'KM-000001').fields.map((f) => f.field)).toEqual([
      'status',
      'awarded_on',
      'expires_on',
      'assessor',
    ]);
    expect(byKey(diff, 'KM-000002')).toMatchObject({
      kind: 'ended',
      status: { before: 'accredited', after: 'lapsed' },
    });
    expect(byKey(diff, 'KM-000003')).toMatchObject({
      kind: 'changed',
      tags: ['status-changed', 'reinstated'],
    });
    // Suspension is not an end: the award can be restored.
    expect(byKey(diff, 'KM-000004')).toMatchObject({
      kind: 'changed',
      status: { before: 'accredited', after: 'suspended' },
    });
    expect(byKey(diff, 'KM-000005')).toMatchObject({ kind: 'added', tags: ['renewal'] });
    expect(diff.counts.accreditations).toEqual({ added: 1, ended: 1, removed: 0, changed: 3 });
  });

  it('tags documents re-verified, but not a retitled document', async () => {
    const diff = await diffFixture('documents-re-verified');
    const hr = byKey(diff, 'P000001/hr-policy');
    expect(hr.tags).toEqual(['re-verified']);
    expect(hr.fields.map((f) => f.field)).toEqual([
      'version',
      'effective_on',
      'review_by',
      'verified_on',
      'sha256',
    ]);
    expect(hr.providerName).toBe('Wayfarer Carers');
    const complaints = byKey(diff, 'P000001/complaints');
    expect(complaints.tags).toEqual([]);
    expect(complaints.fields).toEqual([
      { field: 'title', before: 'Complaints policy', after: 'Complaints and compliments policy' },
    ]);
  });

  it('gives field-level before and after, list items added and removed, and renames', async () => {
    const diff = await diffFixture('renamed-and-fields');
    expect(diff.changes).toHaveLength(1);
    const p = byKey(diff, 'P000001');
    expect(p.tags).toEqual(['renamed']);
    expect(p.fields).toEqual([
      { field: 'name', before: 'Wayfarer Carers', after: 'Wayfarer Carers Trust' },
      { field: 'postcode', before: 'BS1 4DJ', after: 'BS1 4DN' },
      {
        field: 'services',
        before: ['carers-support', 'befriending'],
        after: ['befriending', 'advocacy'],
        added: ['advocacy'],
        removed: ['carers-support'],
      },
      { field: 'phone', before: '0117 496 0000' },
    ]);
    // Rows moved (P000002 is now above P000001): lines are given, but are not identity.
    expect(p.lines).toEqual({ base: 2, head: 3 });
  });

  it('reports deleted rows as removed, with the record as it was', async () => {
    const diff = await diffFixture('records-removed');
    expect(byKey(diff, 'P000002')).toMatchObject({ kind: 'removed', lines: { base: 3 } });
    expect(byKey(diff, 'P000002').record['name']).toBe('Cedar Neighbours');
    expect(byKey(diff, 'QOP')).toMatchObject({ table: 'commissioners', kind: 'removed' });
  });

  it('diffs codelist entries, and ends one whose end date is set', async () => {
    const diff = await diffFixture('codelists');
    expect(diff.changes.map((c) => [c.key, c.kind, c.tags])).toEqual([
      ['local-authorities/E07000004', 'ended', []],
      ['services/befriending', 'added', []],
      ['services/transport', 'changed', ['renamed']],
    ]);
  });

  it('diffs contract templates version by version, part by part', async () => {
    const diff = await diffFixture('contract-templates');
    expect(byKey(diff, 'standard/1.0.0')).toMatchObject({
      kind: 'ended',
      status: { before: 'published', after: 'superseded' },
    });
    expect(byKey(diff, 'standard/1.1.0')).toMatchObject({
      kind: 'added',
      tags: ['new-version'],
      status: { after: 'published' },
    });
    expect(byKey(diff, 'short/1.0.0')).toMatchObject({ kind: 'added', tags: [] });
    const grant = byKey(diff, 'grant/1.0.0');
    expect(grant.status).toEqual({ before: 'draft', after: 'consultation' });
    expect(grant.parts).toEqual([
      { part: 'parameter payment_day', kind: 'added' },
      { part: 'clause 1.1', kind: 'changed' },
      { part: 'schedule S1 cost line volunteer-costs', kind: 'added' },
    ]);
  });

  it('compares an unreadable template by its text', async () => {
    const base = await load('contract-templates', 'base');
    const head = await load('contract-templates', 'head');
    base.templates.push({ file: 'contract-templates/broken/1.0.0.json', text: '{}', value: {} });
    head.templates.push({
      file: 'contract-templates/broken/1.0.0.json',
      text: '{',
      value: undefined,
    });
    const change = byKey(diffRegisters(base, head), 'broken/1.0.0');
    expect(change.fields).toEqual([
      { field: '(file)', before: 'valid JSON', after: 'not valid JSON' },
    ]);
  });

  it('sees no change when only row order or list order changed', async () => {
    const diff = await diffFixture('no-change');
    expect(isEmptyDiff(diff)).toBe(true);
  });

  it('keeps the first row of a duplicated key, as validation does', async () => {
    const diff = await diffFixture('duplicate-keys');
    expect(isEmptyDiff(diff)).toBe(true);
  });

  it('is empty for a register compared with itself, and symmetric in what it counts', async () => {
    const data = loadRegister(await readDataDir(join(import.meta.dirname, '../../data')));
    expect(isEmptyDiff(diffRegisters(data, data))).toBe(true);
    const a = await load('provider-added', 'base');
    const b = await load('provider-added', 'head');
    const forward = diffRegisters(a, b);
    const backward = diffRegisters(b, a);
    expect(forward.counts.providers.added).toBe(backward.counts.providers.removed);
  });

  it('sorts by table then key, and is deterministic', async () => {
    const diff = await diffFixture('status-transitions');
    const keys = diff.changes.map((c) => `${c.table}:${c.key}`);
    expect(keys).toEqual([...keys].sort());
    expect(stableJson(await diffFixture('status-transitions'))).toBe(stableJson(diff));
  });
});

describe('diffRecords', () => {
  it('orders fields by the given order, then others by name', () => {
    expect(diffRecords({ b: '1', z: '1', a: '1' }, { b: '2', z: '2', a: '2' }, ['b'])).toEqual([
      { field: 'b', before: '1', after: '2' },
      { field: 'a', before: '1', after: '2' },
      { field: 'z', before: '1', after: '2' },
    ]);
  });

  it('treats a single value and a one-item list as the same list', () => {
    expect(diffRecords({ s: ['x'] }, { s: 'x' })).toEqual([]);
    expect(diffRecords({ s: ['x'] }, {})).toEqual([
      { field: 's', before: ['x'], added: [], removed: ['x'] },
    ]);
  });
});
