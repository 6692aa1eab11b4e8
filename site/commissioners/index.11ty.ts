/** /commissioners/: the NHS bodies and councils that accept the kitemark, by type and region. */
import { html } from '../../scripts/publish/kit/html.ts';
import { safeHttpUrl } from '../../scripts/publish/kit/html.ts';
import type { Register } from '../../scripts/lib/buildRegister.ts';
import type { LoadedRegister } from '../../scripts/lib/loadRegister.ts';
import type { SiteInfo } from '../../scripts/publish/kit/siteInfo.ts';
import { href, paths } from '../../scripts/publish/kit/urls.ts';
import { formatDate } from '../../scripts/publish/kit/format.ts';
import { plural } from '../../scripts/lib/words.ts';
import { commissionerGroups } from '../../scripts/publish/site/commissionerGroups.ts';

export const data = {
  layout: 'base',
  title: 'Commissioners that accept the kitemark',
  section: 'commissioners',
  description:
    'The NHS bodies and councils that accept the kitemark instead of asking providers for the same evidence again.',
  permalink: '/commissioners/',
};

/** Template titles by id, from the contract templates in the register (latest version wins). */
function templateTitles(loaded: LoadedRegister): Map<string, string> {
  const titles = new Map<string, string>();
  for (const t of loaded.templates) {
    const value = t.value as { id?: unknown; title?: unknown } | undefined;
    if (typeof value?.id === 'string' && typeof value.title === 'string') {
      titles.set(value.id, value.title);
    }
  }
  return titles;
}

export function render({
  register,
  loaded,
  site,
}: {
  register: Register;
  loaded: LoadedRegister;
  site: SiteInfo;
}): string {
  const groups = commissionerGroups(register);
  const titles = templateTitles(loaded);
  return html`<h1>Commissioners that accept the kitemark</h1>
    <p class="lede">
      ${plural(register.commissioners.length, 'commissioner')} accept the kitemark in place of their
      own checks: a provider that holds it does not have to send them its standard documents again.
    </p>
    <nav class="contents" aria-label="Types of commissioner">
      <ul>
        ${groups.map((g) => html`<li><a href="#${g.type}">${g.title} (${g.count})</a></li>`)}
      </ul>
    </nav>
    ${groups.map(
      (g) =>
        html`<h2 id="${g.type}">${g.title} <span class="count">(${g.count})</span></h2>
          ${g.regions.map(
            (r) =>
              html`<h3>${r.region}</h3>
                <div
                  class="table-wrap"
                  role="region"
                  aria-label="${g.title}: ${r.region}"
                  tabindex="0"
                >
                  <table class="table">
                    <thead>
                      <tr>
                        <th scope="col">Commissioner</th>
                        <th scope="col">Code</th>
                        <th scope="col">Accepts the kitemark since</th>
                        <th scope="col">Standard contracts adopted</th>
                      </tr>
                    </thead>
                    <tbody>
                      ${r.commissioners.map((c) => {
                        const website = safeHttpUrl(c.website);
                        return html`<tr>
                          <th scope="row">
                            ${website ? html`<a href="${website}">${c.name}</a>` : c.name}
                          </th>
                          <td>${c.commissioner_id}</td>
                          <td>${formatDate(c.accepts_kitemark_since)}</td>
                          <td>
                            ${
                              (c.contract_templates ?? []).length === 0
                                ? 'None yet'
                                : html`<ul class="list">
                                    ${(c.contract_templates ?? []).map((t) => html`<li><a href="${href(site, paths.contract(t))}">${titles.get(t) ?? t}</a></li>`)}
                                  </ul>`
                            }
                          </td>
                        </tr> `;
                      })}
                    </tbody>
                  </table>
                </div> `,
          )}`,
    )}
    <p>
      The list is open data: see the <a href="${href(site, paths.data)}">data downloads</a>. A
      commissioner that wants to sign up should
      <a href="${href(site, paths.apply)}#commissioners">read how to join</a>.
    </p>`.value;
}
