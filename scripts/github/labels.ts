/**
 * The labels the bots manage, defined once: their names, colours and descriptions. They are
 * created on first use, so a new repository needs no setup, and only these labels are ever
 * removed by a bot: labels people add by hand are left alone.
 */
import type { Octokit } from './createOctokit.ts';
import { httpStatus as status } from './httpStatus.ts';
import type { RepoRef } from './toolkit.ts';

export interface LabelSpec {
  name: string;
  color: string;
  description: string;
}

/** Set on pull requests by the review bot (and by the intake bot on the ones it opens). */
export const REVIEW_LABELS = {
  newProvider: {
    name: 'new-provider',
    color: '0e8a16',
    description: 'Adds a provider to the register',
  },
  accreditationChange: {
    name: 'accreditation-change',
    color: 'd93f0b',
    description: 'Adds or changes a kitemark award',
  },
  correction: { name: 'correction', color: 'fbca04', description: 'Corrects existing records' },
  contractTemplate: {
    name: 'contract-template',
    color: '5319e7',
    description: 'Changes a standard contract template',
  },
  invalid: {
    name: 'invalid',
    color: 'b60205',
    description: 'The register does not validate: see the bot comment',
  },
} as const satisfies Record<string, LabelSpec>;

export const MANAGED_REVIEW_LABELS: readonly string[] = Object.values(REVIEW_LABELS).map(
  (l) => l.name,
);

/** Applied by the issue forms, and read by the intake workflow. */
export const FORM_LABELS = {
  application: {
    name: 'application',
    color: '1d76db',
    description: 'An application for the kitemark (issue form)',
  },
  correctionRequest: {
    name: 'correction-request',
    color: 'c5def5',
    description: 'A request to correct a register entry (issue form)',
  },
} as const satisfies Record<string, LabelSpec>;

export const EXPIRY_LABEL: LabelSpec = {
  name: 'expiry-report',
  color: 'e99695',
  description: 'The standing report of kitemark awards expiring or expired',
};

/** Creates any of these labels the repository lacks. Safe to call on every run. */
export async function ensureLabels(
  octokit: Octokit,
  repo: RepoRef,
  specs: readonly LabelSpec[],
): Promise<void> {
  for (const spec of specs) {
    try {
      await octokit.rest.issues.getLabel({ ...repo, name: spec.name });
    } catch (e) {
      if (status(e) !== 404) throw e;
      try {
        await octokit.rest.issues.createLabel({ ...repo, ...spec });
      } catch (again) {
        // Another run created it between our two calls: that is what we wanted.
        if (status(again) !== 422) throw again;
      }
    }
  }
}

/**
 * Makes the managed labels on an issue or pull request exactly `wanted`: adds what is missing,
 * removes managed labels no longer wanted, and touches nothing else. Returns what it did.
 */
export async function syncLabels(
  octokit: Octokit,
  target: RepoRef & { issue_number: number },
  current: readonly string[],
  wanted: readonly string[],
  managed: readonly string[],
): Promise<{ added: string[]; removed: string[] }> {
  const add = wanted.filter((l) => !current.includes(l));
  const remove = current.filter((l) => managed.includes(l) && !wanted.includes(l));
  if (add.length) await octokit.rest.issues.addLabels({ ...target, labels: add });
  for (const name of remove) {
    try {
      await octokit.rest.issues.removeLabel({ ...target, name });
    } catch (e) {
      if (status(e) !== 404) throw e; // already gone
    }
  }
  return { added: add, removed: remove };
}
