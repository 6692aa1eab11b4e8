import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readDataDir } from '../../scripts/io/registerFolder.ts';
import { diffRegisters, type RegisterDiff } from '../../scripts/lib/diffRegisters.ts';
import {
  describeDiff,
  formatDiffMarkdown,
  formatDiffText,
  summariseDiff,
} from '../../scripts/lib/formatDiff.ts';
import { loadRegister } from '../../scripts/lib/loadRegister.ts';

const FIXTURES = join(import.meta.dirname, '../fixtures/diff');
async function diffOf(name: string): Promise<RegisterDiff> {
  const side = async (s: string) => loadRegister(await readDataDir(join(FIXTURES, name, s)));
  return diffRegisters(await side('base'), await side('head'));
}

describe('summariseDiff', () => {
  it('counts in words', async () => {
    expect(summariseDiff(await diffOf('provider-added'))).toBe(
      '1 provider added, 1 accreditation added, register.json changed.',
    );
    expect(summariseDiff(await diffOf('no-change'))).toBe('No change to the register.');
  });
});

describe('describeDiff', () => {
  it('puts status transitions in their own section, with the provider by name', async () => {
    const sections = describeDiff(await diffOf('status-transitions'));
    expect(sections.map((s) => s.id)).toEqual([
      'accreditations/status',
      'accreditations/reinstated',
    ]);
    expect(sections[0]!.count).toBe(5);
    expect(sections[1]!.caution).toMatch(/check this is intended/);
  });

  it('warns about removed records', async () => {
    const removed = describeDiff(await diffOf('records-removed')).find((s) => s.id === 'removed')!;
    expect(removed.count).toBe(2);
    expect(removed.caution).toMatch(/never deletes a record/);
  });

  it('caps items per section, keeping the count', async () => {
    const [section] = describeDiff(await diffOf('status-transitions'), 2);
    expect(section!.items).toHaveLength(2);
    expect(section!.count).toBe(5);
  });
});

describe('formatDiffText', () => {
  it('prints before → after and list changes for a terminal', async () => {
    const text = formatDiffText(await diffOf('renamed-and-fields'));
    expect(text).toContain('Providers changed (1)');
    expect(text).toContain('P000001 Wayfarer Carers Trust (renamed)');
    expect(text).toContain('name: Wayfarer Carers → Wayfarer Carers Trust');
    expect(text).toContain('services: added advocacy; removed carers-support');
    expect(text).toContain('phone: cleared (was 0117 496 0000)');
  });

  it('shows template versions, status changes and parts', async () => {
    const text = formatDiffText(await diffOf('contract-templates'));
    expect(text).toContain('grant/1.0.0 Grant agreement: draft → consultation');
    expect(text).toContain('Added: parameter payment_day, schedule S1 cost line volunteer-costs');
    expect(text).toContain('standard/1.1.0 Standard services contract: new version, published');
  });
});

describe('formatDiffMarkdown', () => {
  it('renders values as code and names in bold, with sections as headings', async () => {
    const md = formatDiffMarkdown(await diffOf('status-transitions'));
    expect(md).toContain('### Accreditation status changes (5)');
    expect(md).toContain(
      '- `KM-000002` for `P000002` **Cedar Neighbours**: `accredited` → `lapsed` (ended)',
    );
    expect(md).toContain(
      '- `KM-000005` for `P000002` **Cedar Neighbours**: new award, `accredited` (renewal)',
    );
    expect(md).toContain('> [!WARNING]');
  });

  it('says how many more there are when cut short', async () => {
    const md = formatDiffMarkdown(await diffOf('status-transitions'), { limit: 1 });
    expect(md).toContain('- … and 4 more');
  });
});
