import { describe, expect, it } from 'vitest';
import { recordContext } from '../../../scripts/publish/site/pages/recordContext.ts';
import { renderCertificatePage } from '../../../scripts/publish/site/pages/certificatePage.ts';
import { siteFixture } from '../../support/siteRegister.ts';

const { register, site } = siteFixture();
const ctx = recordContext(register, site);
const provider = (id: string) => register.providerById.get(id)!;

describe('renderCertificatePage', () => {
  it('answers "genuine and current" for an accredited award', () => {
    const a = register.accreditationById.get('KM-000001')!;
    const page = renderCertificatePage(a, provider('P000001'), ctx);
    expect(page).toContain('<h1>Certificate KM-000001</h1>');
    expect(page).toContain('Genuine and current');
    expect(page).toContain('href="/kitemark/providers/P000001/"');
  });
  it('says an application is not an award', () => {
    const a = register.accreditationById.get('KM-000002')!;
    expect(renderCertificatePage(a, provider('P000002'), ctx)).toContain(
      'An application, not an award',
    );
  });
  it('escapes the holder’s name', () => {
    const a = register.accreditationById.get('KM-000003')!;
    const page = renderCertificatePage(a, provider('P000003'), ctx);
    expect(page).not.toContain('<script>alert');
  });
});
