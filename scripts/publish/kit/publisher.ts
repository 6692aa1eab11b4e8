/**
 * The publisher contract. Publishers write files into the site that are not Eleventy pages:
 * downloads, feeds, data packages. Each gets a PublishContext and writes through an
 * OutputFolder (scripts/io/), which refuses paths outside the site; the build (scripts/build/)
 * lists and runs them.
 */
import type { LoadedRegister } from '../../lib/loadRegister.ts';
import type { Register } from '../../lib/buildRegister.ts';
import type { SiteInfo } from './siteInfo.ts';

export interface PublishContext {
  /** The register model (joined, with display statuses as of `site.today`). */
  register: Register;
  /** The register as loaded: tables with source lines, codelists, contract templates. */
  loaded: LoadedRegister;
  site: SiteInfo;
  /** The folder being built (a temporary folder; it becomes `_site/` or KITEMARK_OUT). */
  outDir: string;
  /** The register folder the build reads (data/ or KITEMARK_DATA). */
  dataDir: string;
}

export interface Publisher {
  /** Shown in build timings and errors. */
  name: string;
  publish(context: PublishContext): Promise<void>;
}
