/**
 * `providers-with-status`: one row per provider with its current kitemark status, expiry,
 * org-id, region and NHS region, so the common question ("who is accredited, where, until
 * when?") needs no joins. Status is judged on the model's date (`register.today`), which is
 * stated in every row so a copy of the file is never ambiguous.
 */
import { DISPLAY_STATUS_LABELS, type DisplayStatus, type Register } from '../buildRegister.ts';
import type { Codelist } from '../loadRegister.ts';
import { TABLES, type TableName } from '../schemas.ts';
import { codelistResource, fieldFromSpec } from './collectRegisterTables.ts';
import type { DownloadField, DownloadRecord, DownloadTable } from './downloadTable.ts';

const STATUSES = Object.keys(DISPLAY_STATUS_LABELS) as DisplayStatus[];

/** A column copied from a register table: its description comes from that table's schema. */
function copied(
  table: TableName,
  name: string,
  codelists: ReadonlyMap<string, Codelist>,
  rename?: { name: string; title: string; prefix: string },
): DownloadField {
  const spec = TABLES[table];
  const f = spec.fields.find((x) => x.name === name);
  if (!f) throw new Error(`${table} has no field ${name}`);
  const field = fieldFromSpec(f, spec, codelists);
  delete field.unique;
  delete field.requiredWhen;
  if (table !== 'providers') field.required = false;
  if (rename) {
    field.name = rename.name;
    field.title = rename.title;
    field.description = `${rename.prefix} ${field.description}`;
  }
  return field;
}

const derived = (
  name: string,
  title: string,
  description: string,
  more: Partial<DownloadField> = {},
): DownloadField => ({
  name,
  title,
  description,
  type: 'string',
  list: false,
  required: false,
  ...more,
});

export function providersWithStatusFields(
  codelists: ReadonlyMap<string, Codelist>,
): DownloadField[] {
  const current = 'Of the current award (the one that decides the status):';
  const code = (list: string): Partial<DownloadField> => {
    const entries = codelists.get(list);
    return entries ? { codelist: list, enum: [...entries.entries.keys()] } : {};
  };
  return [
    { ...copied('providers', 'provider_id', codelists), unique: true },
    copied('providers', 'name', codelists),
    copied('providers', 'legal_form', codelists),
    derived(
      'org_id',
      'Organisation identifier',
      'The org-id.guide identifier: GB-CHC- (Charity Commission), GB-SC- (OSCR) or GB-COH- (Companies House) and the number; XI-KITEMARK- and the provider ID for organisations without a registration.',
      { required: true },
    ),
    derived(
      'org_ids',
      'All organisation identifiers',
      'Every org-id.guide identifier the provider has, separated by semicolons.',
      { list: true },
    ),
    copied('providers', 'charity_number', codelists),
    copied('providers', 'oscr_number', codelists),
    copied('providers', 'company_number', codelists),
    copied('providers', 'cqc_provider_id', codelists),
    copied('providers', 'town', codelists),
    copied('providers', 'postcode', codelists),
    copied('providers', 'local_authority', codelists),
    derived('local_authority_name', 'Local authority name', 'The name of the local authority.', {
      required: true,
    }),
    derived(
      'region',
      'Region',
      'The ONS region (GSS code) of the local authority.',
      code('regions'),
    ),
    derived('region_name', 'Region name', 'The name of the region.'),
    derived(
      'nhs_region',
      'NHS region',
      'The NHS England region (GSS code) of the local authority.',
      code('nhs-regions'),
    ),
    derived('nhs_region_name', 'NHS region name', 'The name of the NHS England region.'),
    copied('providers', 'services', codelists),
    copied('providers', 'user_groups', codelists),
    copied('providers', 'added_on', codelists),
    derived(
      'status',
      'Kitemark status',
      'The status a reader should rely on, on the date in status_on: accredited, expired (accredited but past its expiry date), suspended, withdrawn, lapsed, applied, or none (no award or application on record).',
      { required: true, enum: STATUSES },
    ),
    derived(
      'status_label',
      'Kitemark status (label)',
      'The status in words, as the site shows it.',
      {
        required: true,
      },
    ),
    derived('status_on', 'Status on', 'The date the status was judged on.', {
      type: 'date',
      required: true,
    }),
    copied('accreditations', 'accreditation_id', codelists, {
      name: 'accreditation_id',
      title: 'Certificate number',
      prefix: current,
    }),
    copied('accreditations', 'awarded_on', codelists, {
      name: 'awarded_on',
      title: 'Awarded on',
      prefix: current,
    }),
    copied('accreditations', 'expires_on', codelists, {
      name: 'expires_on',
      title: 'Expires on',
      prefix: current,
    }),
    derived(
      'days_to_expiry',
      'Days to expiry',
      'Days from status_on to the expiry date of the current award; negative once expired.',
      { type: 'integer' },
    ),
    copied('accreditations', 'scope', codelists, {
      name: 'scope',
      title: 'Scope',
      prefix: current,
    }),
    derived(
      'documents_verified',
      'Documents verified',
      'How many of the provider’s standard documents have been verified by an assessor.',
      { type: 'integer', required: true, minimum: 0 },
    ),
    derived(
      'documents_overdue',
      'Documents overdue for review',
      'How many of the provider’s documents were past their review-by date on status_on.',
      { type: 'integer', required: true, minimum: 0 },
    ),
  ];
}

export function joinProvidersWithStatus(
  register: Register,
  codelists: ReadonlyMap<string, Codelist>,
): DownloadTable {
  const records: DownloadRecord[] = register.providers.map((p) => {
    const c = p.current;
    const r: Record<string, DownloadRecord[string]> = {
      provider_id: p.provider_id,
      name: p.name,
      legal_form: p.legal_form,
      org_id: p.org_id,
      org_ids: p.org_ids.length > 0 ? p.org_ids : undefined,
      charity_number: p.charity_number,
      oscr_number: p.oscr_number,
      company_number: p.company_number,
      cqc_provider_id: p.cqc_provider_id,
      town: p.town,
      postcode: p.postcode,
      local_authority: p.local_authority,
      local_authority_name: p.local_authority_name,
      region: p.region?.code,
      region_name: p.region?.title,
      nhs_region: p.nhs_region?.code,
      nhs_region_name: p.nhs_region?.title,
      services: p.services,
      user_groups: p.user_groups,
      added_on: p.added_on,
      status: p.status,
      status_label: DISPLAY_STATUS_LABELS[p.status],
      status_on: register.today,
      accreditation_id: c?.accreditation_id,
      awarded_on: c?.awarded_on,
      expires_on: c?.expires_on,
      days_to_expiry: c?.days_to_expiry,
      scope: c?.scope,
      documents_verified: p.documents.filter((d) => d.verified_on).length,
      documents_overdue: p.documents.filter((d) => d.overdue).length,
    };
    for (const k of Object.keys(r)) if (r[k] === undefined) delete r[k];
    return r;
  });
  return {
    name: 'providers-with-status',
    path: 'providers-with-status',
    title: 'Providers with their kitemark status',
    description: `One row per provider with its current kitemark status (on ${register.today}), certificate, expiry, org-id, region and NHS region: the register joined and ready for analysis. Derived from providers, accreditations, documents and the codelists.`,
    fields: providersWithStatusFields(codelists),
    primaryKey: ['provider_id'],
    foreignKeys: [
      { fields: ['provider_id'], reference: { resource: 'providers', fields: ['provider_id'] } },
      {
        fields: ['accreditation_id'],
        reference: { resource: 'accreditations', fields: ['accreditation_id'] },
      },
      {
        fields: ['local_authority'],
        reference: { resource: codelistResource('local-authorities'), fields: ['code'] },
      },
      {
        fields: ['legal_form'],
        reference: { resource: codelistResource('legal-forms'), fields: ['code'] },
      },
    ],
    records,
  };
}
