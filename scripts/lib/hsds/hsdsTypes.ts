/**
 * The HSDS 3.0 objects the register fills (reference/hsds-3.0/schema/), with only the fields we
 * have data for. Field names and nesting are the specification's; a field we have nothing for
 * is left out, never sent empty (docs/hsds.md lists both).
 */

export interface HsdsTaxonomy {
  id: string;
  name: string;
  description: string;
  uri?: string;
  version?: string;
}

export interface HsdsTaxonomyTerm {
  id: string;
  code: string;
  name: string;
  description: string;
  taxonomy: string;
  taxonomy_id: string;
  language: string;
  taxonomy_detail?: HsdsTaxonomy;
}

export interface HsdsAttribute {
  id: string;
  link_id: string;
  link_type: string;
  link_entity: 'service';
  taxonomy_term_id: string;
  taxonomy_term?: HsdsTaxonomyTerm;
}

export interface HsdsOrganizationIdentifier {
  id: string;
  organization_id: string;
  identifier_scheme?: string;
  identifier_type: string;
  identifier: string;
}

export interface HsdsPhone {
  id: string;
  organization_id?: string;
  service_id?: string;
  number: string;
  type: 'voice';
  description?: string;
}

export interface HsdsContact {
  id: string;
  service_id: string;
  name: string;
  email?: string;
}

export interface HsdsAddress {
  id: string;
  location_id: string;
  address_1: string;
  address_2?: string;
  city: string;
  region?: string;
  state_province: string;
  postal_code: string;
  country: 'GB';
  address_type: 'physical';
}

export interface HsdsLocation {
  id: string;
  location_type: 'physical';
  organization_id: string;
  name: string;
  description?: string;
  latitude?: number;
  longitude?: number;
  addresses: HsdsAddress[];
}

export interface HsdsServiceArea {
  id: string;
  service_id: string;
  name: string;
  description: string;
  uri: string;
}

export interface HsdsServiceAtLocation {
  id: string;
  service_id: string;
  location_id: string;
  location?: HsdsLocation;
}

/** The organisation's own fields: what a list page and a service's `organization` carry. */
export interface HsdsOrganizationCore {
  id: string;
  name: string;
  alternate_name?: string;
  description: string;
  email?: string;
  website?: string;
  legal_status?: string;
  uri?: string;
}

export interface HsdsOrganization extends HsdsOrganizationCore {
  organization_identifiers: HsdsOrganizationIdentifier[];
  phones: HsdsPhone[];
  locations: HsdsLocation[];
}

/** A service's own (one-to-one) fields: what a list page carries. */
export interface HsdsServiceCore {
  id: string;
  organization_id: string;
  name: string;
  description: string;
  url?: string;
  email?: string;
  status: 'active';
  accreditations?: string;
  assured_date?: string;
  assurer_email?: string;
  eligibility_description?: string;
}

export interface HsdsService extends HsdsServiceCore {
  phones: HsdsPhone[];
  contacts: HsdsContact[];
  service_areas: HsdsServiceArea[];
  service_at_locations: HsdsServiceAtLocation[];
  attributes: HsdsAttribute[];
}

/** One provider in HSDS: its organization and one service per service it offers. */
export interface HsdsProvider {
  organization: HsdsOrganization;
  services: HsdsService[];
}
