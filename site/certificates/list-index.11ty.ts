/** /certificates/list/: the ranges of certificate numbers, each a page. */
import { html } from '../../scripts/publish/kit/html.ts';
import type { SiteInfo } from '../../scripts/publish/kit/siteInfo.ts';
import { href, paths } from '../../scripts/publish/kit/urls.ts';
import {
  certificateListPaths,
  type CertificateListPage,
} from '../../scripts/publish/site/certificateList.ts';
import { plural } from '../../scripts/lib/words.ts';

export const data = {
  layout: 'base',
  section: 'certificates',
  title: 'All certificate numbers',
  permalink: `/${certificateListPaths.index}`,
  breadcrumbs: [{ title: 'Check a certificate', path: paths.certificates }],
};

export function render({
  site,
  certificateList,
}: {
  site: SiteInfo;
  certificateList: CertificateListPage[];
}): string {
  const total = certificateList.reduce((n, p) => n + p.certificates.length, 0);
  return html`<h1>All certificate numbers</h1>
    <p>
      ${plural(total, 'certificate number')} issued, including expired, withdrawn and lapsed awards
      and open applications, in order. Choose the range your number is in.
    </p>
    <ul class="columns">
      ${certificateList.map((p) => html`<li><a href="${href(site, p.path)}">${p.first} to ${p.last}</a></li> `)}
    </ul>`.value;
}
