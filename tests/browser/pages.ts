/**
 * One address per page template, for the accessibility checks (axe-core, headings, skip
 * link) in accessibility.test.ts. Add your template's address here and it is checked too.
 * `ready` is a selector to wait for before checking (content drawn by a script).
 */
export interface TemplatePage {
  name: string;
  path: string;
  ready?: string;
}

export const TEMPLATE_PAGES: TemplatePage[] = [
  { name: 'home', path: '/' },
  { name: 'search, no query', path: '/providers/', ready: '#results li' },
  {
    name: 'search with results and filters',
    path: '/providers/?q=support&status=accredited',
    ready: '#results li',
  },
  {
    name: 'search without results',
    path: '/providers/?q=zzzzqqq',
    ready: '#search-notice:not([hidden])',
  },
  { name: 'provider', path: '/providers/P000001/' },
  { name: 'browse index', path: '/providers/local-authority/' },
  { name: 'browse page', path: '/providers/a-z/s/' },
  { name: 'certificate check', path: '/certificates/' },
  {
    name: 'certificate check with answer',
    path: '/certificates/?number=KM-000001',
    ready: '#certificate-result .status-panel',
  },
  { name: 'certificate', path: '/certificates/KM-000001/' },
  { name: 'certificate list', path: '/certificates/list/' },
  { name: 'certificate list page', path: '/certificates/list/1/' },
  { name: 'commissioners', path: '/commissioners/' },
  { name: 'about', path: '/about/' },
  { name: 'how to apply', path: '/apply/' },
  { name: 'approving changes', path: '/about/approving-changes/' },
  { name: 'API notes', path: '/api/' },
  { name: 'not found', path: '/no-such-page/' },
  { name: 'downloads', path: '/data/' },
  { name: 'data dictionary', path: '/data/dictionary/' },
  { name: 'versions', path: '/data/versions/' },
  { name: 'a version', path: '/data/v/1.0.0/' },
  { name: 'change log', path: '/data/changes/' },
  { name: 'record history', path: '/providers/P000001/history/' },
  { name: 'contract templates', path: '/contracts/' },
  { name: 'contract template', path: '/contracts/standard-services-contract/' },
  { name: 'contract version', path: '/contracts/standard-services-contract/1.1.0/' },
  { name: 'contract compare picker', path: '/contracts/standard-services-contract/compare/' },
  {
    name: 'contract comparison',
    path: '/contracts/standard-services-contract/compare/1.0.0-to-1.1.0/',
  },
  {
    name: 'contract fill-in form',
    path: '/contracts/standard-services-contract/1.1.0/fill/',
    ready: '#fill-submit:not([disabled])',
  },
];
