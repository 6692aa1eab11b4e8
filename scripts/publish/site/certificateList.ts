/**
 * The list of every certificate number, in pages of CERTIFICATE_LIST_SIZE: how a commissioner
 * without JavaScript finds a certificate (the check form needs it to look a number up).
 */
import type { AccreditationView, Register } from '../../lib/buildRegister.ts';

export const CERTIFICATE_LIST_SIZE = 500;

export interface CertificateListPage {
  page: number;
  pageCount: number;
  first: string;
  last: string;
  certificates: AccreditationView[];
  path: string;
}

export const certificateListPaths = {
  index: 'certificates/list/',
  page: (page: number) => `certificates/list/${page}/`,
};

export function certificateListPages(
  register: Register,
  size = CERTIFICATE_LIST_SIZE,
): CertificateListPage[] {
  const all = register.accreditations; // sorted by accreditation_id
  const pageCount = Math.ceil(all.length / size);
  const pages: CertificateListPage[] = [];
  for (let page = 1; page <= pageCount; page++) {
    const certificates = all.slice((page - 1) * size, page * size);
    pages.push({
      page,
      pageCount,
      first: certificates[0]!.accreditation_id,
      last: certificates[certificates.length - 1]!.accreditation_id,
      certificates,
      path: certificateListPaths.page(page),
    });
  }
  return pages;
}
