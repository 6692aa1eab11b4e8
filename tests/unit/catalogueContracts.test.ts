import { describe, expect, it } from 'vitest';
import { catalogueContracts } from '../../scripts/lib/contracts/catalogueContracts.ts';
import { compareVersions } from '../../scripts/lib/releases.ts';
import type { Commissioner } from '../../scripts/lib/types.generated.ts';
import {
  loadTemplates,
  realTemplateFiles,
  realTitles,
  templateFiles,
} from '../support/contracts.ts';

const commissioners: Commissioner[] = [
  {
    commissioner_id: 'QVV',
    name: 'NHS Dorset ICB',
    type: 'integrated-care-board',
    accepts_kitemark_since: '2025-01-01',
    contract_templates: ['mini-contract'],
  },
  {
    commissioner_id: 'E06000059',
    name: 'Dorset Council',
    type: 'local-authority',
    accepts_kitemark_since: '2025-01-01',
    contract_templates: ['mini-contract', 'other'],
  },
  {
    commissioner_id: 'E06000019',
    name: 'Herefordshire Council',
    type: 'local-authority',
    accepts_kitemark_since: '2025-01-01',
  },
];

describe('catalogueContracts', () => {
  it('lists each template with its versions newest first, the one to use, and who adopted it', () => {
    const [entry] = catalogueContracts(
      loadTemplates(templateFiles()).templates,
      commissioners,
      realTitles(),
    );
    expect(entry!.id).toBe('mini-contract');
    expect(
      entry!.versions.map((v) => [
        v.version,
        v.status,
        v.statusTitle,
        v.current,
        v.supersededBy ?? null,
      ]),
    ).toEqual([
      ['1.1.0', 'published', 'Published', true, null],
      ['1.0.0', 'superseded', 'Superseded', false, '1.1.0'],
    ]);
    expect(entry!.current.version).toBe('1.1.0');
    expect(entry!.published).toBe(true);
    expect(entry!.adoptedBy.map((a) => a.name)).toEqual(['Dorset Council', 'NHS Dorset ICB']);
  });

  it('takes the newest version as current when none is published', () => {
    const entries = catalogueContracts(
      loadTemplates(realTemplateFiles()).templates,
      [],
      realTitles(),
    );
    expect(entries.map((e) => [e.id, e.current.version, e.published])).toEqual([
      ['short-form-contract', '1.0.0', true],
      ['grant-agreement', '1.0.0', false],
      ['standard-services-contract', '1.1.0', true],
    ]);
  });
});

describe('compareVersions, as the catalogue orders versions', () => {
  it('compares numerically, part by part', () => {
    expect(['1.10.0', '1.2.0', '1.2.10', '0.9.9'].sort(compareVersions)).toEqual([
      '0.9.9',
      '1.2.0',
      '1.2.10',
      '1.10.0',
    ]);
  });
});
