import { describe, expect, it } from 'vitest';
import {
  absoluteUrl,
  contractPaths,
  dataPaths,
  href,
  outputFile,
  paths,
} from '../../../scripts/publish/kit/urls.ts';

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

describe('contractPaths', () => {
  it('gives every address the contract pages use', () => {
    expect(contractPaths.version('a', '1.0.0')).toBe('contracts/a/1.0.0/');
    expect(contractPaths.fill('a', '1.0.0')).toBe('contracts/a/1.0.0/fill/');
    expect(contractPaths.comparePair('a', '1.0.0', '1.1.0')).toBe(
      'contracts/a/compare/1.0.0-to-1.1.0/',
    );
    expect(contractPaths.download('a', '1.0.0', 'docx')).toBe('contracts/a/1.0.0/a-1.0.0.docx');
    expect(contractPaths.version('a b/../c', '1')).toBe('contracts/a%20b%2F..%2Fc/1/');
  });
});

describe('one registry', () => {
  it('defines each shared address once, so the provider page links where the history is written', () => {
    expect(dataPaths.providerHistory).toBe(paths.providerHistory);
    expect(dataPaths.providerHistory('P000001')).toBe('providers/P000001/history/');
    expect(dataPaths.downloads).toBe(paths.data);
    expect(contractPaths.index).toBe(paths.contracts);
  });
});
