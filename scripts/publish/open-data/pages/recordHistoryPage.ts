/**
 * `/providers/<provider_id>/history/`: a provider's timeline from the register's history:
 * added, renamed, accredited, renewed, documents re-verified… each with when it was recorded,
 * the commit and the pull request.
 */
import type { ProviderView } from '../../../lib/buildRegister.ts';
import { fieldLine, renderInlineText } from '../../../lib/formatDiff.ts';
import type { TimelineEvent } from '../../../lib/history/recordHistory.ts';
import { html, type SafeHtml } from '../../kit/html.ts';
import { renderPage } from '../../kit/layout.ts';
import { formatDate, ukDay } from '../../kit/format.ts';
import type { SiteInfo } from '../../kit/siteInfo.ts';
import { dataPaths, href, paths } from '../../kit/urls.ts';

export function renderRecordHistoryPage(
  site: SiteInfo,
  provider: Pick<ProviderView, 'provider_id' | 'name'>,
  events: readonly TimelineEvent[],
  note: string | undefined,
): string {
  const url = (path: string) => href(site, path);
  const path = dataPaths.providerHistory(provider.provider_id);
  const newest = [...events].reverse();
  const body = html`<h1>History of ${provider.name}</h1>
    <p class="lede">
      Every change the register recorded to this provider, its kitemark awards and its documents,
      newest first. Dates are when the register recorded the change.
    </p>
    ${note ? html`<p class="notice">${note}</p>` : ''}
    ${events.length === 0 ? html`<p>The register’s history has no changes to this provider yet.</p>` : ''}
    <ol class="timeline">
      ${newest.map(
        (e) =>
          html`<li class="timeline__event timeline__event--${e.kind}">
            <p><time datetime="${e.date}">${formatDate(ukDay(e.date))}</time>: ${e.text}</p>
            ${
              e.fields && e.fields.length > 0 && e.kind !== 'renamed'
                ? html`<ul>
                    ${e.fields.map((f) => html`<li>${renderInlineText(fieldLine(f))}</li>`)}
                  </ul>`
                : ''
            }
            <p class="caption">
              <a href="${url(dataPaths.change(e.commit))}">Change ${e.commit.slice(0, 7)}</a
              >${e.pullRequest !== undefined ? html`, pull request ${site.repositoryUrl ? html`<a href="${`${site.repositoryUrl}/pull/${e.pullRequest}`}">#${e.pullRequest}</a>` : `#${e.pullRequest}`}` : ''}
            </p>
          </li> `,
      )}
    </ol>
    <p><a href="${url(paths.provider(provider.provider_id))}">Back to ${provider.name}</a></p>`;
  return renderPage(site, {
    title: `History of ${provider.name}`,
    path,
    section: 'providers',
    body,
    breadcrumbs: [
      { title: 'Providers', path: paths.providers },
      { title: provider.name, path: paths.provider(provider.provider_id) },
    ],
    description: `The register's record of changes to ${provider.name}.`,
  });
}

/**
 * A short "Recent changes" section for the provider's own page: the newest `limit` events and a
 * link to the full history. For the site's provider page (see docs/architecture.md).
 */
export function historySummary(
  site: SiteInfo,
  providerId: string,
  events: readonly TimelineEvent[],
  limit = 5,
): SafeHtml {
  const url = (path: string) => href(site, path);
  const newest = [...events].reverse().slice(0, limit);
  return html`<h2 id="record-history">Recent changes to this record</h2>
    ${
      newest.length === 0
        ? html`<p>No changes recorded yet.</p>`
        : html`<ul class="timeline">
            ${newest.map((e) => html`<li><time datetime="${e.date}">${formatDate(ukDay(e.date))}</time>: ${e.text}</li> `)}
          </ul>`
    }
    <p><a href="${url(dataPaths.providerHistory(providerId))}">Full history of this record</a></p>`;
}
