import { describe, expect, it } from 'vitest';
import {
  csvRow,
  formatDate,
  resultRecord,
  statusDetail,
} from '../../../site/assets/search/results.js';
import { formatDate as formatDateOnTheServer } from '../../../scripts/lib/formatDate.ts';
import { SEARCH_LISTS } from '../../support/searchLists.ts';

describe('results', () => {
  const row = [
    'P000001',
    '=Harbour',
    'Dorchester',
    'DT1 1AB',
    0,
    0,
    '2028-01-31',
    'KM-000001',
    [0, 1],
    [0],
    ['Harbour Carers', 'Dorset Carers Harbour'],
  ] as const;
  it('reads a result row with the manifest’s lists', () => {
    const record = resultRecord([...row] as never, SEARCH_LISTS, 'https://x.example/');
    expect(record).toMatchObject({
      provider_id: 'P000001',
      status_label: 'Accredited',
      local_authority_name: 'Dorset Council',
      region: 'South West',
      services: ['Advocacy', 'Befriending'],
      other_names: ['Harbour Carers', 'Dorset Carers Harbour'],
      url: 'https://x.example/providers/P000001/',
    });
    expect(csvRow(record)[2]).toBe('Harbour Carers; Dorset Carers Harbour');
    expect(csvRow(record)[12]).toBe('Advocacy; Befriending');
  });
  it('words dates exactly as the server-rendered pages do', () => {
    const dates = ['2029-03-16', '2026-01-01', '2027-12-31', '2028-02-29', 'not a date'];
    expect(dates.map(formatDate)).toEqual(dates.map(formatDateOnTheServer));
    expect(formatDate('2029-03-16')).toBe('16 March 2029');
  });
  it('words the date after a status', () => {
    expect(statusDetail('accredited', '2028-01-31')).toBe('until 31 January 2028');
    expect(statusDetail('expired', '2026-01-31')).toBe('on 31 January 2026');
    expect(statusDetail('applied', '')).toBe('');
  });
});
