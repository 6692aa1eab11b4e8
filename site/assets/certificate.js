// @ts-check
/**
 * The certificate check on /certificates/: looks the number up in /certificates/<number>.json
 * and says at once whether it is genuine and current. The address keeps the number
 * (?number=KM-000123), so a check can be shared. Every value is set as text.
 */
import { normaliseCertificateNumber } from './search/certificateNumber.js';

const form = /** @type {HTMLFormElement | null} */ (document.getElementById('certificate-form'));
const input = /** @type {HTMLInputElement | null} */ (
  document.getElementById('certificate-number')
);
const result = document.getElementById('certificate-result');

if (form && input && result) {
  const base = form.dataset.certificates ?? '/certificates/';
  const siteBase = document.documentElement.dataset.base ?? '/';
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const url = new URL(location.href);
    url.searchParams.set('number', input.value.trim());
    history.replaceState(null, '', url);
    check(input.value);
  });
  const initial = new URLSearchParams(location.search).get('number');
  if (initial) {
    input.value = initial.slice(0, 40);
    check(initial);
  }

  /** @param {string} typed */
  async function check(typed) {
    const number = normaliseCertificateNumber(typed);
    if (!number) {
      show(
        'error',
        'That is not a certificate number',
        'A certificate number is KM followed by six digits, for example KM-000123.',
      );
      input?.setAttribute('aria-invalid', 'true');
      input?.focus();
      return;
    }
    input?.removeAttribute('aria-invalid');
    show('checking', `Checking ${number}…`, '');
    let response;
    try {
      response = await fetch(`${base}${encodeURIComponent(number)}.json`);
    } catch {
      show(
        'error',
        'The check could not be made',
        'The register could not be reached. Check your connection and try again.',
      );
      return;
    }
    if (response.status === 404) {
      show(
        'none',
        `${number} is not on the register`,
        'No kitemark certificate with this number has been issued. Check the number; if it is right, the certificate is not genuine.',
      );
      return;
    }
    if (!response.ok) {
      show(
        'error',
        'The check could not be made',
        `The register answered ${response.status}. Try again later.`,
      );
      return;
    }
    /** @type {any} */
    const record = await response.json();
    const panel = show(
      record.display_status,
      `${number}: ${record.verdict}`,
      record.verdict_detail,
    );
    if (record.provider) {
      const p = document.createElement('p');
      p.append('Held by ');
      const a = document.createElement('a');
      a.href = `${siteBase}providers/${encodeURIComponent(record.provider.provider_id)}/`;
      a.textContent = record.provider.name;
      p.append(a, '. ');
      const details = document.createElement('a');
      details.href = `${base}${encodeURIComponent(number)}/`;
      details.textContent = `Full details of ${number}`;
      p.append(details);
      panel.append(p);
    }
    const asOf = document.createElement('p');
    asOf.textContent = `Checked against the register as of ${record.as_of}.`;
    panel.append(asOf);
  }

  /**
   * @param {string} status
   * @param {string} headline
   * @param {string} detail
   */
  function show(status, headline, detail) {
    const panel = document.createElement('div');
    panel.className = `status-panel status-panel--${/^[a-z]+$/.test(status) ? status : 'none'}`;
    const h = document.createElement('p');
    h.className = 'status-panel__headline';
    h.textContent = headline;
    panel.append(h);
    if (detail) {
      const d = document.createElement('p');
      d.textContent = detail;
      panel.append(d);
    }
    result?.replaceChildren(panel);
    return panel;
  }
}
