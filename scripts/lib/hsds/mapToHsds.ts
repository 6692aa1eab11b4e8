/**
 * The register in Open Referral's Human Services Data Specification (HSDS 3.0): each provider
 * an `organization`, each service it offers a `service`, its address a `location`, the areas it
 * serves `service_area`s, our services and user-groups codelists two taxonomies. docs/hsds.md
 * is the field-by-field mapping for the people who import it.
 *
 * The kitemark is an award to a provider for the services in its scope, so a service carries
 * `accreditations`, `assured_date` and `assurer_email` only while the provider's current award
 * is accredited, in date and covers that service. Every other state (expired, suspended,
 * withdrawn, lapsed, only applied for, out of scope, no award) yields none of them: a directory
 * that copies our feed never shows an ended kitemark as current.
 */
import type { AccreditationView, ProviderView, Register } from '../buildRegister.ts';
import { locatePostcode, type Geography } from '../geography/geography.ts';
import { orgIdentifiers } from '../orgIdentifiers.ts';
import { hsdsId } from './hsdsId.ts';
import type {
  HsdsAttribute,
  HsdsLocation,
  HsdsOrganization,
  HsdsPhone,
  HsdsProvider,
  HsdsService,
  HsdsServiceArea,
  HsdsTaxonomy,
  HsdsTaxonomyTerm,
} from './hsdsTypes.ts';

/** Addresses on the site, when the feed is published with it. */
export interface HsdsLinks {
  provider(providerId: string): string;
  certificate(accreditationId: string): string;
}

export interface HsdsOptions {
  register: Register;
  geography: Geography;
  links?: HsdsLinks | undefined;
}

/** The codelists published as HSDS taxonomies, and how a service links to their terms. */
export const HSDS_TAXONOMIES = [
  {
    list: 'services',
    name: 'Kitemark Register services',
    description:
      'The kinds of health and social care service a provider on the Kitemark Register offers (the register codelist "services").',
    linkType: 'service_type',
  },
  {
    list: 'user-groups',
    name: 'Kitemark Register user groups',
    description:
      'The groups of people a provider on the Kitemark Register serves (the register codelist "user-groups").',
    linkType: 'target_group',
  },
] as const;

export type HsdsTaxonomyList = (typeof HSDS_TAXONOMIES)[number]['list'];

/** The English name for terms (ISO 639-1). */
const LANGUAGE = 'en';

/** The persistent identifier of a GSS area in ONS's linked data. */
export function gssUri(code: string): string {
  return `http://statistics.data.gov.uk/id/statistical-geography/${encodeURIComponent(code)}`;
}

/** The award that makes a service kitemarked, or undefined. */
export function kitemarkFor(p: ProviderView, service: string): AccreditationView | undefined {
  const award = p.current;
  return award && award.display_status === 'accredited' && award.scope.includes(service)
    ? award
    : undefined;
}

export interface HsdsMapper {
  taxonomies: HsdsTaxonomy[];
  /** Every term of both taxonomies, in codelist order. */
  terms: HsdsTaxonomyTerm[];
  mapProvider(p: ProviderView): HsdsProvider;
}

export function createHsdsMapper(options: HsdsOptions): HsdsMapper {
  const { register, geography, links } = options;
  const reg = register.meta.name;
  const codelist = (name: string) => register.codelists.get(name) ?? new Map();
  const title = (list: string, code: string) => codelist(list).get(code)?.title ?? code;
  const assurer = register.meta.contact?.email;

  const taxonomies: HsdsTaxonomy[] = [];
  const terms: HsdsTaxonomyTerm[] = [];
  const termBy = new Map<string, HsdsTaxonomyTerm>();
  const usedCodes = new Set<string>();
  for (const t of HSDS_TAXONOMIES) {
    const taxonomy: HsdsTaxonomy = {
      id: hsdsId(reg, 'taxonomy', t.list),
      name: t.name,
      description: t.description,
      version: register.meta.version,
    };
    taxonomies.push(taxonomy);
    for (const entry of codelist(t.list).values()) {
      // The tabular form requires a term's code to be unique across taxonomies.
      const code = usedCodes.has(entry.code) ? `${t.list}:${entry.code}` : entry.code;
      usedCodes.add(code);
      const term: HsdsTaxonomyTerm = {
        id: hsdsId(reg, 'taxonomy_term', t.list, entry.code),
        code,
        name: entry.title,
        description: entry.description || entry.title,
        taxonomy: t.name,
        taxonomy_id: taxonomy.id,
        language: LANGUAGE,
      };
      terms.push(term);
      termBy.set(`${t.list}/${entry.code}`, term);
    }
  }

  function attribute(
    p: ProviderView,
    serviceId: string,
    service: string,
    list: HsdsTaxonomyList,
    code: string,
  ): HsdsAttribute | undefined {
    const term = termBy.get(`${list}/${code}`);
    const t = HSDS_TAXONOMIES.find((x) => x.list === list)!;
    if (!term) return undefined;
    return {
      id: hsdsId(reg, 'attribute', p.provider_id, service, list, code),
      link_id: serviceId,
      link_type: t.linkType,
      link_entity: 'service',
      taxonomy_term_id: term.id,
      taxonomy_term: term,
    };
  }

  function location(p: ProviderView, organizationId: string): HsdsLocation {
    const id = hsdsId(reg, 'location', p.provider_id);
    const place = locatePostcode(geography, p.postcode);
    const loc: HsdsLocation = {
      id,
      location_type: 'physical',
      organization_id: organizationId,
      name: p.name,
      ...(place
        ? {
            description: `The map position is the centre of postcode ${place.precision} ${place.area.code}, not the exact address.`,
            latitude: place.area.lat,
            longitude: place.area.lon,
          }
        : {}),
      addresses: [
        {
          id: hsdsId(reg, 'address', p.provider_id),
          location_id: id,
          address_1: p.address_line_1,
          ...(p.address_line_2 ? { address_2: p.address_line_2 } : {}),
          city: p.town,
          ...(p.region ? { region: p.region.title } : {}),
          state_province: p.local_authority_name,
          postal_code: p.postcode,
          country: 'GB',
          address_type: 'physical',
        },
      ],
    };
    return loc;
  }

  function accreditationText(award: AccreditationView): string {
    const words = [
      `Kitemark for voluntary-sector health and social care providers, certificate ${award.accreditation_id}`,
      award.awarded_on ? `awarded ${award.awarded_on}` : '',
      award.expires_on ? `valid until ${award.expires_on}` : '',
    ].filter(Boolean);
    const check = links ? ` Check it at ${links.certificate(award.accreditation_id)}` : '';
    return `${words.join(', ')}; this service is in its scope (as of ${register.today}).${check}`;
  }

  function mapProvider(p: ProviderView): HsdsProvider {
    const organizationId = hsdsId(reg, 'organization', p.provider_id);
    const phone = (kind: 'organization' | 'service', owner: string, part: string[]) =>
      p.phone
        ? [
            {
              id: hsdsId(reg, 'phone', kind, p.provider_id, ...part),
              [`${kind}_id`]: owner,
              number: p.phone,
              type: 'voice',
            } as HsdsPhone,
          ]
        : [];
    const loc = location(p, organizationId);
    const organization: HsdsOrganization = {
      id: organizationId,
      name: p.name,
      ...(p.other_names?.length ? { alternate_name: p.other_names.join('; ') } : {}),
      description: p.description || p.name,
      ...(p.email ? { email: p.email } : {}),
      ...(p.website ? { website: p.website } : {}),
      legal_status: title('legal-forms', p.legal_form),
      ...(links ? { uri: links.provider(p.provider_id) } : {}),
      organization_identifiers: orgIdentifiers(p).map((o) => ({
        id: hsdsId(reg, 'organization_identifier', p.provider_id, o.scheme.scheme),
        organization_id: organizationId,
        // HSDS takes the scheme from org-id.guide; one it does not list is named in words only.
        ...(o.scheme.listed ? { identifier_scheme: o.scheme.scheme } : {}),
        identifier_type: o.scheme.register,
        identifier: o.value,
      })),
      phones: phone('organization', organizationId, []),
      locations: [loc],
    };

    const eligibility = p.user_groups.map((g) => title('user-groups', g)).join('; ');
    const services = p.services.map((code): HsdsService => {
      const id = hsdsId(reg, 'service', p.provider_id, code);
      const award = kitemarkFor(p, code);
      const areas: HsdsServiceArea[] = (p.areas_served ?? []).map((gss) => ({
        id: hsdsId(reg, 'service_area', p.provider_id, code, gss),
        service_id: id,
        name: title('local-authorities', gss),
        description: `${title('local-authorities', gss)} (GSS code ${gss})`,
        uri: gssUri(gss),
      }));
      const attributes = [
        attribute(p, id, code, 'services', code),
        ...p.user_groups.map((g) => attribute(p, id, code, 'user-groups', g)),
      ].filter((a): a is HsdsAttribute => a !== undefined);
      return {
        id,
        organization_id: organizationId,
        name: `${p.name}: ${title('services', code)}`,
        description: p.description || title('services', code),
        ...(p.website ? { url: p.website } : {}),
        ...(p.email ? { email: p.email } : {}),
        status: 'active',
        ...(award
          ? {
              accreditations: accreditationText(award),
              assured_date: award.last_reviewed_on ?? award.awarded_on ?? register.today,
              ...(assurer ? { assurer_email: assurer } : {}),
            }
          : {}),
        ...(eligibility ? { eligibility_description: eligibility } : {}),
        phones: phone('service', id, [code]),
        contacts: [
          {
            id: hsdsId(reg, 'contact', p.provider_id, code),
            service_id: id,
            name: p.name,
            ...(p.email ? { email: p.email } : {}),
          },
        ],
        service_areas: areas,
        service_at_locations: [
          {
            id: hsdsId(reg, 'service_at_location', p.provider_id, code),
            service_id: id,
            location_id: loc.id,
            location: loc,
          },
        ],
        attributes,
      };
    });
    return { organization, services };
  }

  return { taxonomies, terms, mapProvider };
}
