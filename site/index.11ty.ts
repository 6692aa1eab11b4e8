/** The home page: what the kitemark is, why it matters, headline counts and a search box. */
import { html } from '../scripts/publish/kit/html.ts';
import type { Register } from '../scripts/lib/buildRegister.ts';
import type { SiteInfo } from '../scripts/publish/kit/siteInfo.ts';
import { href, paths } from '../scripts/publish/kit/urls.ts';
import { formatCount, formatDate } from '../scripts/publish/kit/format.ts';
import { plural } from '../scripts/lib/words.ts';
import { registerCounts } from '../scripts/publish/site/registerCounts.ts';
import { browseLinks } from '../scripts/publish/site/pages/browseLinks.ts';
import { browsePaths } from '../scripts/publish/site/browse.ts';

export const data = {
  layout: 'base',
  title: 'Home',
  description:
    'The public register of kitemarked voluntary-sector health and social care providers in England: one accreditation, one set of documents, accepted by every commissioner listed.',
  permalink: '/',
};

export function render({ register, site }: { register: Register; site: SiteInfo }): string {
  const counts = registerCounts(register);
  const url = (path: string) => href(site, path);
  const councils = counts.commissionersByType.get('local-authority') ?? 0;
  const nhs = counts.commissioners - councils;
  return html`<h1>${site.title}</h1>
    <p class="lede">
      The kitemark is one accreditation for charities, social enterprises and other voluntary-sector
      providers of health and social care in England. A provider supplies its standard documents
      once, in one format, and every commissioner listed here accepts them instead of asking again.
    </p>
    <form class="search-form" action="${url(paths.providers)}" method="get" role="search">
      <label for="home-q"
        >Find a provider by name, town, postcode district, service or people supported</label
      >
      <div class="search-form__row">
        <input
          id="home-q"
          name="q"
          type="search"
          autocomplete="off"
          spellcheck="false"
          maxlength="200"
        />
        <button type="submit" class="button">Search</button>
      </div>
    </form>
    <h2>The register today</h2>
    <ul class="cards">
      <li>
        <a href="${url(browsePaths.group('status', 'accredited'))}"
          ><span class="big-number">${formatCount(counts.byStatus.accredited)}</span> providers hold
          a current kitemark</a
        >
      </li>
      <li>
        <a href="${url(paths.providers)}"
          ><span class="big-number">${formatCount(counts.providers)}</span> providers on the
          register</a
        >
      </li>
      <li>
        <a href="${url(paths.commissioners)}"
          ><span class="big-number">${formatCount(counts.commissioners)}</span> commissioners accept
          the kitemark</a
        ><br /><span class="hint"
          >${plural(councils, 'council')} and ${plural(nhs, 'NHS body', 'NHS bodies')}</span
        >
      </li>
      <li>
        <span class="big-number">${formatCount(counts.documents)}</span> standard documents on
        record, each supplied once
      </li>
    </ul>
    <p class="hint">
      Figures as of ${formatDate(site.today)}. ${formatCount(counts.byStatus.expired)} expired,
      ${formatCount(counts.byStatus.suspended)} suspended and
      ${formatCount(counts.byStatus.applied)} applied; ${formatCount(counts.expiringSoon)} current
      kitemarks expire within 60 days.
    </p>
    <h2>Why it matters</h2>
    <ul class="list">
      <li>
        <strong>One format for documents.</strong> Accounts, insurance, safeguarding, HR and the
        other standard policies are verified once by an assessor and fingerprinted, so every
        commissioner sees the same files.
      </li>
      <li>
        <strong>Accepted by every commissioner listed.</strong> The NHS bodies and councils on the
        <a href="${url(paths.commissioners)}">commissioners list</a> have agreed to accept the
        kitemark instead of their own checks.
      </li>
      <li>
        <strong>Standard contracts.</strong> Commissioners use the same pressure-tested
        <a href="${url(paths.contracts)}">contract templates</a>, with full cost recovery pricing
        and a fair balance of risk.
      </li>
      <li>
        <strong>Open data.</strong> The whole register is published as
        <a href="${url(paths.data)}">open data</a> under the ${site.licence.title}.
      </li>
    </ul>
    <h2>What you can do here</h2>
    <ul class="list">
      <li>
        <a href="${url(paths.providers)}">Find a provider</a> and see whether its kitemark is
        current
      </li>
      <li><a href="${url(paths.certificates)}">Check a certificate number</a></li>
      <li><a href="${url(paths.apply)}">Apply for the kitemark</a>, or correct your entry</li>
      <li><a href="${url(paths.api)}">Use the register in your own systems</a></li>
    </ul>
    ${browseLinks(site)}`.value;
}
