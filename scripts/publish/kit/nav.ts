/**
 * The site's main navigation, in order. To add a section, add one line here; `section` is
 * the key a page sets (front matter `section:` or the `section` option of `renderPage`) to be
 * shown as the current item. Paths are relative to the site root (see urls.ts).
 */
import { paths } from './urls.ts';

export interface NavItem {
  section: string;
  title: string;
  path: string;
}

export const NAV: NavItem[] = [
  { section: 'providers', title: 'Find a provider', path: paths.providers },
  { section: 'certificates', title: 'Check a certificate', path: paths.certificates },
  { section: 'commissioners', title: 'Commissioners', path: paths.commissioners },
  { section: 'contracts', title: 'Contracts', path: paths.contracts },
  { section: 'data', title: 'Data', path: paths.data },
  { section: 'about', title: 'About', path: paths.about },
];
