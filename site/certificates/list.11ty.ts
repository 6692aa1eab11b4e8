/** /certificates/list/<n>/: every certificate number, in order, for use without JavaScript. */
import { html } from '../../scripts/publish/kit/html.ts';
import type { SiteInfo } from '../../scripts/publish/kit/siteInfo.ts';
import type { Register } from '../../scripts/lib/buildRegister.ts';
import { DISPLAY_STATUS_LABELS } from '../../scripts/lib/buildRegister.ts';
import { href, paths } from '../../scripts/publish/kit/urls.ts';
import {
  certificateListPaths,
  type CertificateListPage,
} from '../../scripts/publish/site/certificateList.ts';
import { pageLinks } from '../../scripts/publish/site/pages/providerTable.ts';
import { statusTag } from '../../scripts/publish/site/pages/statusPanel.ts';
import { formatDate } from '../../scripts/publish/kit/format.ts';

export const data = {
  layout: 'base',
  section: 'certificates',
  pagination: { data: 'certificateList', size: 1, alias: 'listPage' },
  eleventyExcludeFromCollections: true,
  permalink: (d: { listPage: CertificateListPage }) => `/${d.listPage.path}`,
  eleventyComputed: {
    title: (d: { listPage: CertificateListPage }) =>
      `Certificates ${d.listPage.first} to ${d.listPage.last}`,
  },
  breadcrumbs: [
    { title: 'Check a certificate', path: paths.certificates },
    { title: 'All certificate numbers', path: certificateListPaths.index },
  ],
};

export function render({
  listPage: page,
  site,
  register,
}: {
  listPage: CertificateListPage;
  site: SiteInfo;
  register: Register;
}): string {
  return html`<h1>Certificates ${page.first} to ${page.last}</h1>
    ${pageLinks(site, page.page, page.pageCount, certificateListPaths.page)}
    <div
      class="table-wrap"
      role="region"
      aria-label="Certificates ${page.first} to ${page.last}"
      tabindex="0"
    >
      <table class="table">
        <thead>
          <tr>
            <th scope="col">Certificate</th>
            <th scope="col">Status</th>
            <th scope="col">Expires on</th>
            <th scope="col">Provider</th>
          </tr>
        </thead>
        <tbody>
          ${page.certificates.map((a) => {
            const provider = register.providerById.get(a.provider_id);
            return html`<tr>
              <th scope="row">
                <a href="${href(site, paths.certificate(a.accreditation_id))}"
                  >${a.accreditation_id}</a
                >
              </th>
              <td>${statusTag(a.display_status, DISPLAY_STATUS_LABELS[a.display_status])}</td>
              <td>${formatDate(a.expires_on) || '–'}</td>
              <td>${provider ? provider.name : a.provider_id}</td>
            </tr> `;
          })}
        </tbody>
      </table>
    </div>
    ${pageLinks(site, page.page, page.pageCount, certificateListPaths.page)}`.value;
}
