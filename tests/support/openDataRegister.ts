/**
 * A small register for the open-data tests: the core's valid fixture, the real codelists and
 * contract templates from data/, and providers chosen to break naive publishing: unicode,
 * quotes, commas and line breaks in cells, a phone number starting +44, text that looks like
 * an OOXML escape, an expired award and a provider with no award at all.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { loadRegister, type LoadedRegister } from '../../scripts/lib/loadRegister.ts';
import { validateRegister } from '../../scripts/lib/validateRegister.ts';
import type { Issue } from '../../scripts/lib/issue.ts';
import { ROOT, addRow, fixtureFiles, realReference, toSources } from './register.ts';

/** Statuses are judged on this day in these tests. */
export const OPEN_DATA_TODAY = '2026-06-01';

export const UNICODE_NAME = 'Cymdeithas “Ffrindiau” Llŷn, Ēire & Åland Carers – 😀';
export const TRICKY_DESCRIPTION =
  'First line, with a comma and "quotes".\nSecond line: _x0041_ stays as written; tab\tinside.';

export const MANDATORY_DOCUMENTS = [
  'annual-accounts',
  'complaints',
  'data-protection',
  'employers-liability-insurance',
  'equality-and-diversity',
  'governing-document',
  'health-and-safety',
  'hr-policy',
  'public-liability-insurance',
  'safeguarding-adults',
  'safeguarding-children',
  'whistleblowing',
];

export function contractTemplateFiles(): Map<string, string> {
  const files = new Map<string, string>();
  const dir = join(ROOT, 'data/contract-templates');
  for (const id of readdirSync(dir)) {
    for (const file of readdirSync(join(dir, id))) {
      files.set(`contract-templates/${id}/${file}`, readFileSync(join(dir, id, file), 'utf8'));
    }
  }
  return files;
}

/** The register's files as text, by path relative to the data folder. */
export function openDataFiles(): Map<string, string> {
  let files = fixtureFiles();
  for (const [path, text] of contractTemplateFiles()) files.set(path, text);
  files = addRow(files, 'providers.csv', {
    provider_id: 'P000004',
    name: UNICODE_NAME,
    legal_form: 'charitable-incorporated-organisation',
    charity_number: '1145678',
    address_line_1: '3 Stryd Fawr',
    town: 'Dorchester',
    postcode: 'DT1 1AB',
    local_authority: 'E06000059',
    areas_served: 'E06000059;E06000058',
    services: 'carers-support;befriending',
    user_groups: 'carers;older-people',
    phone: '+44 1632 960123',
    description: TRICKY_DESCRIPTION,
    added_on: '2024-01-15',
  });
  files = addRow(files, 'providers.csv', {
    provider_id: 'P000005',
    name: 'Quiet Neighbours Group',
    legal_form: 'unincorporated-association',
    address_line_1: '5 Mill Lane',
    town: 'Sale',
    postcode: 'M33 7HF',
    local_authority: 'E08000009',
    services: 'befriending',
    user_groups: 'older-people',
    added_on: '2025-05-01',
  });
  // An award that expired before OPEN_DATA_TODAY but is still marked accredited.
  files = addRow(files, 'accreditations.csv', {
    accreditation_id: 'KM-000004',
    provider_id: 'P000004',
    status: 'accredited',
    scope: 'carers-support',
    awarded_on: '2023-05-01',
    expires_on: '2026-04-30',
    assessor: 'Quality Assessment Partnership',
  });
  for (const type of MANDATORY_DOCUMENTS) {
    files = addRow(files, 'documents.csv', {
      provider_id: 'P000004',
      document_type: type,
      title: `${type} – ${UNICODE_NAME}`,
      version: '1',
      effective_on: '2026-01-01',
      review_by: '2027-01-01',
      verified_on: '2026-01-15',
      sha256: 'a'.repeat(64),
      format: 'pdf',
    });
  }
  return files;
}

export function loadOpenDataRegister(files = openDataFiles()): LoadedRegister {
  return loadRegister(toSources(files));
}

export function openDataErrors(files = openDataFiles()): Issue[] {
  return validateRegister(loadRegister(toSources(files)), {
    today: OPEN_DATA_TODAY,
    reference: realReference(),
  }).filter((i) => i.severity === 'error');
}

/** The schema/ folder's files, as published. */
export function schemaFiles(): Map<string, Uint8Array> {
  const dir = join(ROOT, 'schema');
  return new Map(readdirSync(dir).map((n) => [n, new Uint8Array(readFileSync(join(dir, n)))]));
}
