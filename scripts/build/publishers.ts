/**
 * The one list of publishers. The build runs each, in order, after Eleventy has written the
 * pages and the site's record files and search index are done, and before the sitemap is
 * made, into the temporary folder that becomes `_site/` only when the whole build succeeds.
 *
 * To add one: implement `Publisher` (scripts/publish/kit/publisher.ts) in its own folder
 * under scripts/publish/ and add it here.
 */
import type { Publisher } from '../publish/kit/publisher.ts';
import { OPEN_DATA_PUBLISHERS } from '../publish/open-data/publishOpenData.ts';
import { publishContracts } from '../publish/contracts/publishContracts.ts';
import { publishHsds } from '../publish/hsds/publishHsds.ts';

/** (The site's own record files and search index are built-in steps of buildSite, run first.) */
export const PUBLISHERS: Publisher[] = [
  ...OPEN_DATA_PUBLISHERS,
  { name: 'contract templates', publish: publishContracts },
  { name: 'HSDS 3.0 feed', publish: publishHsds },
];
