/**
 * Commissioners grouped for the commissioners page: by type (integrated care boards, NHS
 * trusts, councils), then by region: the ONS region for councils, the NHS England region
 * for NHS bodies.
 */
import type { CommissionerView, Register } from '../../lib/buildRegister.ts';

export interface CommissionerGroup {
  type: string;
  title: string;
  regions: { region: string; commissioners: CommissionerView[] }[];
  count: number;
}

const UNKNOWN_REGION = 'Region not recorded';

export function commissionerGroups(register: Register): CommissionerGroup[] {
  const types = register.codelists.get('commissioner-types');
  const order = [...(types?.keys() ?? [])];
  const byType = new Map<string, CommissionerView[]>();
  for (const c of register.commissioners) {
    byType.set(c.type, [...(byType.get(c.type) ?? []), c]);
  }
  const typeKeys = [...new Set([...order.filter((t) => byType.has(t)), ...byType.keys()])];
  return typeKeys.map((type) => {
    const regions = new Map<string, CommissionerView[]>();
    for (const c of byType.get(type)!) {
      const region =
        (type === 'local-authority' ? c.region?.title : c.nhs_region_entry?.title) ??
        c.region?.title ??
        UNKNOWN_REGION;
      regions.set(region, [...(regions.get(region) ?? []), c]);
    }
    return {
      type,
      title: types?.get(type)?.title ?? type,
      count: byType.get(type)!.length,
      regions: [...regions]
        .sort(([a], [b]) =>
          a === UNKNOWN_REGION ? 1 : b === UNKNOWN_REGION ? -1 : a.localeCompare(b, 'en-GB'),
        )
        .map(([region, commissioners]) => ({
          region,
          commissioners: [...commissioners].sort((x, y) => x.name.localeCompare(y.name, 'en-GB')),
        })),
    };
  });
}
