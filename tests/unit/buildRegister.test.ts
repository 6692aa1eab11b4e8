import { describe, expect, it } from 'vitest';
import { buildRegister } from '../../scripts/lib/buildRegister.ts';
import { loadRegister } from '../../scripts/lib/loadRegister.ts';
import { addRow, fixtureFiles, setCell, toSources } from '../support/register.ts';

const model = (files = fixtureFiles(), today = '2026-06-01') =>
  buildRegister(loadRegister(toSources(files)), today);

describe('buildRegister', () => {
  it('derives org-ids, region, NHS region and the council name', () => {
    const p = model().providerById.get('P000001')!;
    expect(p.org_ids).toEqual(['GB-CHC-1123456', 'GB-COH-04123456']);
    expect(p.org_id).toBe('GB-CHC-1123456');
    expect(p.local_authority_name).toBe('Dorset Council');
    expect(p.region).toEqual({ code: 'E12000009', title: 'South West' });
    expect(p.nhs_region).toEqual({ code: 'E40000006', title: 'South West' });
    expect(model().providerById.get('P000003')!.org_id).toBe('XI-KITEMARK-P000003');
  });

  it('shows an accredited award past its expiry as expired, and counts days to expiry', () => {
    expect(model().providerById.get('P000003')!.status).toBe('accredited');
    const later = model(fixtureFiles(), '2027-06-15').providerById.get('P000003')!;
    expect(later.status).toBe('expired');
    expect(later.current?.days_to_expiry).toBe(-15);
    const soon = model(fixtureFiles(), '2027-04-15').providerById.get('P000003')!;
    expect(soon.current?.expiring).toBe(true);
  });

  it('takes the current award over older ones, and an open application over ended ones', () => {
    let files = setCell(fixtureFiles(), 'accreditations.csv', 2, 'status', 'lapsed');
    files = addRow(files, 'accreditations.csv', {
      accreditation_id: 'KM-000004',
      provider_id: 'P000001',
      status: 'applied',
      scope: 'carers-support',
    });
    const p = model(files).providerById.get('P000001')!;
    expect(p.status).toBe('applied');
    expect(p.accreditations.map((a) => a.accreditation_id)).toEqual(['KM-000004', 'KM-000001']);
    expect(model().providerById.get('P000002')!.status).toBe('applied');
  });

  it('joins documents in codelist order and marks the overdue ones', () => {
    const files = setCell(fixtureFiles(), 'documents.csv', 2, 'review_by', '2026-03-01');
    const docs = model(files).providerById.get('P000001')!.documents;
    expect(docs[0]!.document_type).toBe('annual-accounts');
    expect(docs.filter((d) => d.overdue).map((d) => d.document_type)).toEqual(['annual-accounts']);
    expect(docs.every((d) => d.mandatory)).toBe(true);
  });

  it('gives councils their region and NHS bodies their NHS region', () => {
    const [icb, council] = model()
      .commissioners.sort((a, b) => a.commissioner_id.localeCompare(b.commissioner_id))
      .reverse();
    expect(council!.region?.title).toBe('South West');
    expect(icb!.nhs_region_entry?.title).toBe('South West');
  });
});
