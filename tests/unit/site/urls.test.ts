import { describe, expect, it } from 'vitest';
import { absoluteUrl, href, outputFile, paths } from '../../../scripts/publish/kit/urls.ts';

describe('urls', () => {
  it('puts the base path in front of site links', () => {
    expect(href({ basePath: '/' }, paths.provider('P000001'))).toBe('/providers/P000001/');
    expect(href({ basePath: '/km/' }, paths.certificateJson('KM-000001'))).toBe(
      '/km/certificates/KM-000001.json',
    );
  });
  it('makes absolute addresses from the site address', () => {
    expect(absoluteUrl({ url: 'https://x.example/km/' }, paths.badge('P000001'))).toBe(
      'https://x.example/km/badges/P000001.svg',
    );
  });
  it('maps page addresses to index.html files', () => {
    expect(outputFile('')).toBe('index.html');
    expect(outputFile('providers/P000001/')).toBe('providers/P000001/index.html');
    expect(outputFile('providers/P000001.json')).toBe('providers/P000001.json');
  });
  it('encodes anything in an identifier that is not safe in a path', () => {
    expect(paths.provider('../x')).toBe('providers/..%2Fx/');
  });
});
