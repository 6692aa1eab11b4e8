import { SaxesParser } from 'saxes';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildChangeLog, type ChangeLog } from '../../scripts/lib/history/buildChangeLog.ts';
import { formatAtomFeed, type AtomFeedOptions } from '../../scripts/lib/history/formatAtomFeed.ts';
import type { RegisterDiff } from '../../scripts/lib/diffRegisters.ts';
import { emptyCounts } from '../../scripts/lib/diffRegisters.ts';
import { readHistoryRepo, type HistoryRepo } from '../support/historyRepo.ts';

const ATOM = 'http://www.w3.org/2005/Atom';
const OPTIONS: AtomFeedOptions = {
  title: 'Changes to the register',
  feedUrl: 'https://example.org/data/changes.atom',
  pageUrl: 'https://example.org/data/changes/',
  entryUrl: (e) => `https://example.org/data/changes/${e.commit}/`,
  publisher: 'Register maintainers',
  rights: 'Open Government Licence v3.0',
  updated: '2026-04-01T00:00:00Z',
};

interface XmlElement {
  name: string;
  ns: string;
  attributes: Record<string, string>;
  text: string;
  children: XmlElement[];
}

/** Parses strictly (saxes checks XML 1.0 well-formedness, characters included): any error throws. */
function parseXml(xml: string): XmlElement {
  const parser = new SaxesParser({ xmlns: true });
  const root: XmlElement = { name: '#document', ns: '', attributes: {}, text: '', children: [] };
  const stack = [root];
  parser.on('opentag', (tag) => {
    const el: XmlElement = {
      name: tag.local,
      ns: tag.uri,
      attributes: Object.fromEntries(Object.values(tag.attributes).map((a) => [a.local, a.value])),
      text: '',
      children: [],
    };
    stack.at(-1)!.children.push(el);
    stack.push(el);
  });
  parser.on('text', (t) => (stack.at(-1)!.text += t));
  parser.on('closetag', () => stack.pop());
  parser.write(xml).close();
  return root.children[0]!;
}
const all = (el: XmlElement, name: string): XmlElement[] =>
  el.children.filter((c) => c.name === name && c.ns === ATOM);
const text = (el: XmlElement, name: string) => all(el, name)[0]?.text;

let repo: HistoryRepo;
let log: ChangeLog;
beforeAll(async () => {
  const read = await readHistoryRepo();
  repo = read.repo;
  log = buildChangeLog(read.history, { repositoryUrl: 'https://github.com/example/register' });
});
afterAll(() => repo.remove());

describe('formatAtomFeed', () => {
  it('is a well-formed Atom feed with the feed-level elements RFC 4287 requires', () => {
    const feed = parseXml(formatAtomFeed(log, OPTIONS));
    expect(feed.ns).toBe(ATOM);
    expect(feed.name).toBe('feed');
    expect(text(feed, 'title')).toBe('Changes to the register');
    expect(text(feed, 'id')).toBe('https://example.org/data/changes/');
    expect(text(feed, 'updated')).toBe('2026-03-10T09:00:00+00:00');
    const self = all(feed, 'link').find((l) => l.attributes['rel'] === 'self');
    expect(self?.attributes['href']).toBe('https://example.org/data/changes.atom');
  });

  it('has one entry per change, newest first, with a permanent id, date, author and words', () => {
    const entries = all(parseXml(formatAtomFeed(log, OPTIONS)), 'entry');
    expect(entries.map((e) => text(e, 'id'))).toEqual(
      [...repo.commits].reverse().map((c) => `https://example.org/data/changes/${c}/`),
    );
    expect(entries.map((e) => text(e, 'title'))).toEqual([
      '1 accreditation added, 1 accreditation ended, register.json changed (#6)',
      '1 document changed (#5)',
      '1 provider changed, register.json changed (#4)',
      '1 accreditation changed (#3)',
      expect.stringMatching(/^5 providers added/),
    ]);
    expect(entries.map((e) => text(e, 'updated'))).toEqual([
      '2026-03-10T09:00:00+00:00',
      '2026-03-01T09:00:00+00:00',
      '2026-02-20T09:00:00+00:00',
      '2026-02-09T15:00:00+00:00',
      '2026-02-01T09:00:00+00:00',
    ]);
    const content = text(entries[3]!, 'content')!;
    expect(content).toContain('<code>applied</code> → <code>accredited</code>');
    expect(content).toContain('href="https://github.com/example/register/pull/3"');
    expect(text(all(entries[0]!, 'author')[0]!, 'name')).toBe('Ada Maintainer');
  });

  it('is checked by a strict parser, which rejects what XML forbids', () => {
    expect(() => parseXml('<a>\u0001</a>')).toThrow();
    expect(() => parseXml('<a><b></a>')).toThrow();
  });

  it('keeps only the newest entries when asked', () => {
    expect(all(parseXml(formatAtomFeed(log, { ...OPTIONS, limit: 2 })), 'entry')).toHaveLength(2);
  });

  it('stays well-formed whatever the data holds', () => {
    const hostile = 'Evil <script>alert(1)</script> & "quotes" \u0001\u0007 \uFFFE ]]> 😀';
    const diff: RegisterDiff = {
      formatVersion: 1,
      base: {},
      head: {},
      meta: [],
      changes: [
        {
          table: 'providers',
          key: 'P000009',
          kind: 'added',
          label: hostile,
          tags: [],
          fields: [],
          record: { provider_id: 'P000009', name: hostile, town: hostile },
        },
      ],
      counts: { ...emptyCounts(), providers: { added: 1, ended: 0, removed: 0, changed: 0 } },
    };
    const hostileLog = buildChangeLog({
      steps: [
        {
          commit: {
            commit: 'c'.repeat(40),
            parents: [],
            date: '2026-01-01T00:00:00Z',
            author: hostile,
            subject: hostile,
            body: '',
          },
          diff,
        },
      ],
    });
    const content = text(
      all(parseXml(formatAtomFeed(hostileLog, OPTIONS)), 'entry')[0]!,
      'content',
    )!;
    expect(content).not.toContain('<script>');
    expect(content).toContain('&lt;script&gt;');
  });

  it('has an updated date even with no entries', () => {
    expect(text(parseXml(formatAtomFeed({ entries: [] }, OPTIONS)), 'updated')).toBe(
      '2026-04-01T00:00:00Z',
    );
  });
});
