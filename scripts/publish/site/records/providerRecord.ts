/**
 * The JSON twins of the record pages. `/providers/<provider_id>.json` is the provider as the
 * data standard defines it (every column in schema order, `null` when empty, lists as
 * arrays) with its awards, documents and the derived fields readers need;
 * `/certificates/<accreditation_id>.json` puts the verdict first. Object literals with a
 * fixed key order, not generic copying: there are 100,000 of these at 50,000 providers, and
 * the shape is an API (tests/unit/site/providerRecord.test.ts checks it against the schema).
 */
import {
  DISPLAY_STATUS_LABELS,
  type AccreditationView,
  type DocumentView,
  type ProviderView,
} from '../../../lib/buildRegister.ts';
import type { SiteInfo } from '../../kit/siteInfo.ts';
import { certificateVerdict, providerStatusText } from '../statusText.ts';
import { absoluteUrl, paths } from '../../kit/urls.ts';

const orNull = <T>(value: T | undefined): T | null =>
  value === undefined || (value as unknown) === '' ? null : value;

export function accreditationRecord(a: AccreditationView, site: SiteInfo) {
  return {
    accreditation_id: a.accreditation_id,
    provider_id: a.provider_id,
    status: a.status,
    scope: a.scope,
    awarded_on: orNull(a.awarded_on),
    expires_on: orNull(a.expires_on),
    last_reviewed_on: orNull(a.last_reviewed_on),
    assessor: orNull(a.assessor),
    quality_marks: orNull(a.quality_marks),
    display_status: a.display_status,
    display_status_label: DISPLAY_STATUS_LABELS[a.display_status],
    valid: a.display_status === 'accredited',
    expiring_soon: a.expiring,
    days_to_expiry: a.days_to_expiry ?? null,
    url: absoluteUrl(site, paths.certificate(a.accreditation_id)),
  };
}

export function documentRecord(d: DocumentView) {
  return {
    document_type: d.document_type,
    title: d.title,
    version: d.version,
    effective_on: d.effective_on,
    review_by: d.review_by,
    verified_on: orNull(d.verified_on),
    sha256: orNull(d.sha256),
    format: d.format,
    url: orNull(d.url),
    mandatory: d.mandatory,
    overdue: d.overdue,
  };
}

export function providerRecord(p: ProviderView, site: SiteInfo) {
  return {
    provider_id: p.provider_id,
    name: p.name,
    legal_form: p.legal_form,
    charity_number: orNull(p.charity_number),
    oscr_number: orNull(p.oscr_number),
    company_number: orNull(p.company_number),
    cqc_provider_id: orNull(p.cqc_provider_id),
    ods_code: orNull(p.ods_code),
    address_line_1: p.address_line_1,
    address_line_2: orNull(p.address_line_2),
    town: p.town,
    postcode: p.postcode,
    local_authority: p.local_authority,
    areas_served: orNull(p.areas_served),
    services: p.services,
    user_groups: p.user_groups,
    website: orNull(p.website),
    email: orNull(p.email),
    phone: orNull(p.phone),
    description: orNull(p.description),
    added_on: p.added_on,
    other_names: orNull(p.other_names),
    org_id: p.org_id,
    org_ids: p.org_ids,
    local_authority_name: p.local_authority_name,
    region: p.region ?? null,
    nhs_region: p.nhs_region ?? null,
    status: p.status,
    status_label: DISPLAY_STATUS_LABELS[p.status],
    status_text: providerStatusText(p).headline,
    current_accreditation: p.current?.accreditation_id ?? null,
    accreditations: p.accreditations.map((a) => accreditationRecord(a, site)),
    documents: p.documents.map(documentRecord),
    links: {
      html: absoluteUrl(site, paths.provider(p.provider_id)),
      json: absoluteUrl(site, paths.providerJson(p.provider_id)),
      badge: absoluteUrl(site, paths.badge(p.provider_id)),
    },
    as_of: site.today,
    register_version: site.version,
    licence: site.licence,
  };
}

/** `/certificates/<accreditation_id>.json`: the verdict first, then the award. */
export function certificateRecord(
  a: AccreditationView,
  provider: ProviderView | undefined,
  site: SiteInfo,
) {
  const verdict = certificateVerdict(a, provider?.current);
  const { valid: _valid, accreditation_id: _id, ...award } = accreditationRecord(a, site);
  return {
    accreditation_id: a.accreditation_id,
    valid: verdict.valid,
    verdict: verdict.headline,
    verdict_detail: verdict.detail,
    ...award,
    provider: provider
      ? {
          provider_id: provider.provider_id,
          name: provider.name,
          status: provider.status,
          current_accreditation: provider.current?.accreditation_id ?? null,
          url: absoluteUrl(site, paths.provider(provider.provider_id)),
          json: absoluteUrl(site, paths.providerJson(provider.provider_id)),
        }
      : null,
    as_of: site.today,
    register_version: site.version,
    licence: site.licence,
  };
}
