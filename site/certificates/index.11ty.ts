/**
 * /certificates/: type a kitemark number, learn at once whether it is genuine and current
 * (site/assets/certificate.js looks up /certificates/<number>.json). The form also works as
 * a shareable address, /certificates/?number=KM-000123; without JavaScript the list of
 * numbers leads to every certificate's page.
 */
import { html } from '../../scripts/publish/kit/html.ts';
import type { SiteInfo } from '../../scripts/publish/kit/siteInfo.ts';
import { href, paths } from '../../scripts/publish/kit/urls.ts';
import { certificateListPaths } from '../../scripts/publish/site/certificateList.ts';

export const data = {
  layout: 'base',
  title: 'Check a kitemark certificate',
  section: 'certificates',
  description:
    'Check whether a kitemark certificate number is genuine and current, and who holds it.',
  permalink: '/certificates/',
  scripts: ['certificate.js'],
};

export function render({ site }: { site: SiteInfo }): string {
  return html`<h1>Check a kitemark certificate</h1>
    <p class="lede">
      Enter the certificate number a provider gave you. You will see at once whether it is on the
      register, whether it is current, and who holds it.
    </p>
    <form
      id="certificate-form"
      class="search-form"
      action="${href(site, paths.certificates)}"
      method="get"
      data-certificates="${href(site, paths.certificates)}"
    >
      <label for="certificate-number">Certificate number</label>
      <p class="hint" id="certificate-hint">KM followed by six digits, for example KM-000123</p>
      <div class="search-form__row">
        <input
          id="certificate-number"
          name="number"
          type="text"
          autocomplete="off"
          spellcheck="false"
          maxlength="40"
          aria-describedby="certificate-hint"
          inputmode="text"
        />
        <button type="submit" class="button">Check</button>
      </div>
    </form>
    <div id="certificate-result" class="certificate-result" role="status" aria-live="polite"></div>
    <noscript
      ><p class="notice">
        The instant check needs JavaScript. Without it, go to the certificate’s own page at
        ${site.url}certificates/ followed by the number (for example
        <a href="${href(site, paths.certificate('KM-000001'))}"
          >${site.url}certificates/KM-000001/</a
        >), or find it in the
        <a href="${href(site, certificateListPaths.index)}">list of certificate numbers</a>.
      </p></noscript
    >
    <h2>What the answer means</h2>
    <dl class="meta">
      <dt>Genuine and current</dt>
      <dd>
        The kitemark is held and in date: commissioners that accept the kitemark can rely on it.
      </dd>
      <dt>Expired, lapsed or withdrawn</dt>
      <dd>The number is on the register but the kitemark is no longer held.</dd>
      <dt>Suspended</dt>
      <dd>
        A concern is being investigated. Do not rely on the kitemark until the suspension is lifted.
      </dd>
      <dt>Not on the register</dt>
      <dd>
        No certificate with that number has been issued. Check you typed it correctly; if you did,
        the certificate is not genuine.
      </dd>
    </dl>
    <p>
      Every certificate also has its own page, <code>${site.url}certificates/KM-000123/</code>, and
      a machine-readable twin ending <code>.json</code>: see the
      <a href="${href(site, paths.api)}">API notes</a>. You can also browse the
      <a href="${href(site, certificateListPaths.index)}">list of all certificate numbers</a>.
    </p>`.value;
}
