/** Headline figures for the home page and the about page, from the register model. */
import type { DisplayStatus, Register } from '../../lib/buildRegister.ts';

export interface RegisterCounts {
  providers: number;
  byStatus: Record<DisplayStatus, number>;
  /** Accredited awards expiring within the warning window (60 days). */
  expiringSoon: number;
  certificates: number;
  commissioners: number;
  commissionersByType: Map<string, number>;
  documents: number;
}

export function registerCounts(register: Register): RegisterCounts {
  const byStatus: Record<DisplayStatus, number> = {
    accredited: 0,
    expired: 0,
    suspended: 0,
    withdrawn: 0,
    lapsed: 0,
    applied: 0,
    none: 0,
  };
  let expiringSoon = 0;
  for (const p of register.providers) {
    byStatus[p.status]++;
    if (p.status === 'accredited' && p.current?.expiring) expiringSoon++;
  }
  const commissionersByType = new Map<string, number>();
  for (const c of register.commissioners) {
    commissionersByType.set(c.type, (commissionersByType.get(c.type) ?? 0) + 1);
  }
  return {
    providers: register.providers.length,
    byStatus,
    expiringSoon,
    certificates: register.accreditations.length,
    commissioners: register.commissioners.length,
    commissionersByType,
    documents: register.documents.length,
  };
}
