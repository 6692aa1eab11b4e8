import { describe, expect, it } from 'vitest';
import { badgeMessage, renderBadge, textWidth } from '../../../scripts/publish/site/badge.ts';
import type { AccreditationView } from '../../../scripts/lib/buildRegister.ts';

const current = {
  accreditation_id: 'KM-000001',
  provider_id: 'P000001',
  status: 'accredited',
  scope: ['advocacy'],
  expires_on: '2029-03-16',
  display_status: 'accredited',
  expiring: false,
  provider_name: 'A',
} as AccreditationView;

describe('badgeMessage', () => {
  it('says the status and, where it matters, the date', () => {
    expect(badgeMessage({ status: 'accredited', current })).toBe('accredited until 16 Mar 2029');
    expect(badgeMessage({ status: 'expired', current })).toBe('expired 16 Mar 2029');
    expect(badgeMessage({ status: 'suspended', current })).toBe('suspended');
    expect(badgeMessage({ status: 'none' })).toBe('not accredited');
  });
});

describe('renderBadge', () => {
  const svg = renderBadge(
    { name: 'Harbour <b>"Carers"</b>', status: 'accredited', current },
    { pageUrl: 'https://x.example/providers/P000001/?a=1&b=2' },
  );
  it('is an accessible image that links to the provider page', () => {
    expect(svg).toMatch(/^<svg xmlns="http:\/\/www.w3.org\/2000\/svg"/);
    expect(svg).toContain('role="img"');
    expect(svg).toContain(
      '<title>Kitemark status of Harbour &lt;b&gt;&quot;Carers&quot;&lt;/b&gt;',
    );
    expect(svg).toContain('href="https://x.example/providers/P000001/?a=1&amp;b=2"');
  });
  it('grows with its text', () => {
    expect(textWidth('accredited until 16 Mar 2029')).toBeGreaterThan(textWidth('expired'));
  });
});
