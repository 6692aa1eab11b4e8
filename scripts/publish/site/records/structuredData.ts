/**
 * schema.org JSON-LD for provider and certificate pages, so search engines and crawlers read
 * a kitemark's status, dates and scope without scraping: the provider an `NGO` with its
 * identifiers and the areas it serves, each award a `Certification` (status, issuer, dates,
 * certificate number, what it covers). The page layout writes it into the head, escaped
 * so no value can close the script element.
 */
import type { AccreditationView, ProviderView } from '../../../lib/buildRegister.ts';
import type { SiteInfo } from '../../kit/siteInfo.ts';
import { absoluteUrl, paths } from '../../kit/urls.ts';
import { awardWords } from '../statusText.ts';

type TitleOf = (list: string, code: string) => string;
type Json = Record<string, unknown>;

/** schema.org's UKNonprofitType for a registered charity's legal form. */
const UK_NONPROFIT_TYPES: Record<string, string> = {
  'charitable-incorporated-organisation': 'CharitableIncorporatedOrganization',
  'charitable-company': 'LimitedByGuaranteeCharity',
  'charitable-trust': 'UKTrust',
  'unincorporated-association': 'UnincorporatedAssociationCharity',
};

const ACTIVE = 'https://schema.org/CertificationActive';
const INACTIVE = 'https://schema.org/CertificationInactive';

function issuer(site: SiteInfo): Json {
  return {
    '@type': 'Organization',
    name: site.publisher.name,
    ...(site.publisher.url ? { url: site.publisher.url } : {}),
  };
}

export function certificationLd(
  a: AccreditationView,
  site: SiteInfo,
  title: TitleOf,
  about?: Json,
): Json {
  const url = absoluteUrl(site, paths.certificate(a.accreditation_id));
  return {
    '@type': 'Certification',
    '@id': url,
    url,
    name: `Kitemark ${a.accreditation_id}`,
    identifier: a.accreditation_id,
    certificationIdentification: a.accreditation_id,
    certificationStatus: a.display_status === 'accredited' ? ACTIVE : INACTIVE,
    description: awardWords(a.display_status, a).headline,
    issuedBy: issuer(site),
    ...(a.awarded_on ? { validFrom: a.awarded_on } : {}),
    ...(a.expires_on ? { expires: a.expires_on } : {}),
    ...(a.last_reviewed_on ? { auditDate: a.last_reviewed_on } : {}),
    // What the award covers: services, not everything the provider offers.
    hasMeasurement: a.scope.map((s) => ({
      '@type': 'DefinedTerm',
      name: title('services', s),
      termCode: s,
    })),
    ...(about ? { about } : {}),
  };
}

function identifiers(p: ProviderView): Json[] {
  const value = (propertyID: string, v: string | undefined) =>
    v ? [{ '@type': 'PropertyValue', propertyID, value: v }] : [];
  return [
    ...value('kitemark-provider-id', p.provider_id),
    ...p.org_ids.map((id) => ({ '@type': 'PropertyValue', propertyID: 'org-id', value: id })),
    ...value('charity-commission', p.charity_number),
    ...value('oscr', p.oscr_number),
    ...value('companies-house', p.company_number),
    ...value('cqc', p.cqc_provider_id),
    ...value('nhs-ods', p.ods_code),
  ];
}

/** A short reference to the provider, for a certificate's `about`. */
function providerRef(p: ProviderView, site: SiteInfo): Json {
  return {
    '@type': 'NGO',
    '@id': `${absoluteUrl(site, paths.provider(p.provider_id))}#organisation`,
    name: p.name,
    url: absoluteUrl(site, paths.provider(p.provider_id)),
  };
}

export function providerLd(p: ProviderView, site: SiteInfo, title: TitleOf): Json {
  return {
    '@context': 'https://schema.org',
    ...providerRef(p, site),
    ...(p.other_names?.length ? { alternateName: p.other_names } : {}),
    ...(p.description ? { description: p.description } : {}),
    ...(p.website ? { sameAs: [p.website] } : {}),
    ...(p.email ? { email: p.email } : {}),
    ...(p.phone ? { telephone: p.phone } : {}),
    identifier: identifiers(p),
    ...(p.charity_number && UK_NONPROFIT_TYPES[p.legal_form]
      ? { nonprofitStatus: `https://schema.org/${UK_NONPROFIT_TYPES[p.legal_form]}` }
      : {}),
    address: {
      '@type': 'PostalAddress',
      streetAddress: [p.address_line_1, p.address_line_2].filter(Boolean).join(', '),
      addressLocality: p.town,
      postalCode: p.postcode,
      addressRegion: p.local_authority_name,
      addressCountry: 'GB',
    },
    areaServed: (p.areas_served ?? [p.local_authority]).map((code) => ({
      '@type': 'AdministrativeArea',
      name: title('local-authorities', code),
      identifier: code,
    })),
    hasCertification: p.accreditations
      .filter((a) => a.status !== 'applied')
      .map((a) => certificationLd(a, site, title)),
  };
}

export function certificateLd(
  a: AccreditationView,
  provider: ProviderView | undefined,
  site: SiteInfo,
  title: TitleOf,
): Json {
  return {
    '@context': 'https://schema.org',
    ...certificationLd(a, site, title, provider ? providerRef(provider, site) : undefined),
  };
}
