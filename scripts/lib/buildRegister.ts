/**
 * The register as readers see it: records joined across tables, with the derived fields the
 * data standard promises (org-id, region, NHS region, the status a reader should rely on).
 * Everything published (pages, downloads, search, feeds, diffs) reads this, never the CSV.
 */
import type { LoadedRegister } from './loadRegister.ts';
import type {
  Accreditation,
  CodelistEntry,
  Commissioner,
  Document,
  Provider,
  RegisterMetadata,
} from './types.generated.ts';
import { daysBetween } from './dates.ts';
import { EXPIRING_WITHIN_DAYS } from './validateRegister.ts';
import { groupBy } from './groupBy.ts';

/**
 * The status shown to readers. `expired` is an `accredited` award past its expiry date;
 * `none` a provider with no award or application on record.
 */
export type DisplayStatus =
  'accredited' | 'expired' | 'suspended' | 'withdrawn' | 'lapsed' | 'applied' | 'none';

export const DISPLAY_STATUS_LABELS: Record<DisplayStatus, string> = {
  accredited: 'Accredited',
  expired: 'Expired',
  suspended: 'Suspended',
  withdrawn: 'Withdrawn',
  lapsed: 'Lapsed',
  applied: 'Applied',
  none: 'Not accredited',
};

export interface Coded {
  code: string;
  title: string;
}

export interface AccreditationView extends Accreditation {
  display_status: DisplayStatus;
  /** Days until expiry (negative once expired); undefined without an expiry date. */
  days_to_expiry?: number;
  /** An accredited award expiring within the warning window. */
  expiring: boolean;
  /** Expired while suspended: shown as expired, "while suspended". */
  expired_while_suspended?: boolean;
  /** The title of the suspension reason, from its codelist. */
  status_reason_title?: string;
  provider_name: string;
}

export interface DocumentView extends Document {
  /** Past its review-by date. */
  overdue: boolean;
  mandatory: boolean;
}

export interface ProviderView extends Provider {
  /** org-id.guide identifiers: GB-CHC (Charity Commission), GB-SC (OSCR), GB-COH (Companies House). */
  org_ids: string[];
  /** The first of org_ids, or a register-scoped id for organisations without a registration. */
  org_id: string;
  local_authority_name: string;
  region?: Coded;
  nhs_region?: Coded;
  status: DisplayStatus;
  /** The award that decides the status, if any. */
  current?: AccreditationView;
  /** Every award and application, newest first. */
  accreditations: AccreditationView[];
  documents: DocumentView[];
}

export interface CommissionerView extends Commissioner {
  region?: Coded;
  nhs_region_entry?: Coded;
}

export interface Register {
  meta: RegisterMetadata;
  today: string;
  providers: ProviderView[];
  accreditations: AccreditationView[];
  documents: DocumentView[];
  commissioners: CommissionerView[];
  codelists: Map<string, Map<string, CodelistEntry>>;
  providerById: Map<string, ProviderView>;
  accreditationById: Map<string, AccreditationView>;
}

export function orgIds(p: Provider): string[] {
  const ids: string[] = [];
  if (p.charity_number) ids.push(`GB-CHC-${p.charity_number}`);
  if (p.oscr_number) ids.push(`GB-SC-${p.oscr_number}`);
  if (p.company_number) ids.push(`GB-COH-${p.company_number}`);
  return ids;
}

/** Orders awards newest first: by award date, applications (no date yet) on top. */
function newestFirst(a: Accreditation, b: Accreditation): number {
  const x = a.awarded_on ?? '9999-99-99';
  const y = b.awarded_on ?? '9999-99-99';
  return x < y ? 1 : x > y ? -1 : a.accreditation_id < b.accreditation_id ? 1 : -1;
}

/**
 * An accredited or suspended award past its expiry date is expired: a suspended one can no
 * longer be reinstated, so "suspended" alone would read as if it might be.
 */
export function displayStatus(a: Accreditation, today: string): DisplayStatus {
  const open = a.status === 'accredited' || a.status === 'suspended';
  if (open && a.expires_on && a.expires_on < today) return 'expired';
  return (a.status as DisplayStatus) ?? 'none';
}

/** The award a reader should rely on: the current one, else an open application, else the latest. */
function currentAward(awards: AccreditationView[]): AccreditationView | undefined {
  return (
    awards.find((a) => a.status === 'accredited' || a.status === 'suspended') ??
    awards.find((a) => a.status === 'applied') ??
    awards[0]
  );
}

/** Builds the model from a loaded register. Call it on a register that validates without errors. */
export function buildRegister(loaded: LoadedRegister, today: string): Register {
  const codelists = new Map<string, Map<string, CodelistEntry>>();
  for (const [name, list] of loaded.codelists) codelists.set(name, list.entries);
  const title = (list: string, code: string | undefined): string =>
    (code && codelists.get(list)?.get(code)?.title) || code || '';
  const coded = (list: string, code: string | undefined): Coded | undefined =>
    code && codelists.get(list)?.has(code) ? { code, title: title(list, code) } : undefined;
  const mandatory = new Set(
    [...(codelists.get('document-types')?.values() ?? [])]
      .filter((t) => t['mandatory'] === 'yes')
      .map((t) => t.code),
  );

  const names = new Map(loaded.providers.rows.map((r) => [r.record.provider_id, r.record.name]));
  const accreditations: AccreditationView[] = loaded.accreditations.rows.map(({ record: a }) => {
    const days = a.expires_on ? daysBetween(today, a.expires_on) : undefined;
    const display = displayStatus(a, today);
    const view: AccreditationView = {
      ...a,
      display_status: display,
      expiring: display === 'accredited' && days !== undefined && days <= EXPIRING_WITHIN_DAYS,
      expired_while_suspended: display === 'expired' && a.status === 'suspended',
      provider_name: names.get(a.provider_id) ?? '',
    };
    if (days !== undefined) view.days_to_expiry = days;
    if (a.status_reason) view.status_reason_title = title('suspension-reasons', a.status_reason);
    return view;
  });
  const documents: DocumentView[] = loaded.documents.rows.map(({ record: d }) => ({
    ...d,
    overdue: d.review_by < today,
    mandatory: mandatory.has(d.document_type),
  }));

  const awardsBy = groupBy(accreditations, (a) => a.provider_id);
  const documentsBy = groupBy(documents, (d) => d.provider_id);
  const documentOrder = [...(codelists.get('document-types')?.keys() ?? [])];

  const providers: ProviderView[] = loaded.providers.rows
    .map(({ record: p }) => {
      const awards = (awardsBy.get(p.provider_id) ?? []).sort(newestFirst);
      const current = currentAward(awards);
      const la = codelists.get('local-authorities')?.get(p.local_authority);
      const ids = orgIds(p);
      const view: ProviderView = {
        ...p,
        org_ids: ids,
        org_id: ids[0] ?? `XI-KITEMARK-${p.provider_id}`,
        local_authority_name: la?.title ?? p.local_authority,
        status: current?.display_status ?? 'none',
        accreditations: awards,
        documents: (documentsBy.get(p.provider_id) ?? []).sort(
          (a, b) => documentOrder.indexOf(a.document_type) - documentOrder.indexOf(b.document_type),
        ),
      };
      const region = coded('regions', la?.['region']);
      const nhsRegion = coded('nhs-regions', la?.['nhs_region']);
      if (region) view.region = region;
      if (nhsRegion) view.nhs_region = nhsRegion;
      if (current) view.current = current;
      return view;
    })
    .sort((a, b) => (a.provider_id < b.provider_id ? -1 : 1));

  const commissioners: CommissionerView[] = loaded.commissioners.rows
    .map(({ record: c }) => {
      const la =
        c.type === 'local-authority'
          ? codelists.get('local-authorities')?.get(c.commissioner_id)
          : undefined;
      const view: CommissionerView = { ...c };
      const region = coded('regions', la?.['region']);
      const nhsRegion = coded('nhs-regions', c.nhs_region ?? la?.['nhs_region']);
      if (region) view.region = region;
      if (nhsRegion) view.nhs_region_entry = nhsRegion;
      return view;
    })
    .sort((a, b) => (a.name < b.name ? -1 : 1));

  return {
    meta: loaded.meta.value!,
    today,
    providers,
    accreditations: accreditations.sort((a, b) =>
      a.accreditation_id < b.accreditation_id ? -1 : 1,
    ),
    documents,
    commissioners,
    codelists,
    providerById: new Map(providers.map((p) => [p.provider_id, p])),
    accreditationById: new Map(accreditations.map((a) => [a.accreditation_id, a])),
  };
}
