/**
 * The pull request a commit on the main line names: GitHub's merge commits say "Merge pull
 * request #12 from owner/branch"; squash and rebase merges end the subject with "(#12)".
 */
export function pullRequestNumber(subject: string): number | undefined {
  const merge = /^Merge pull request #(\d+)\b/.exec(subject);
  const squash = /\(#(\d+)\)\s*$/.exec(subject);
  const found = merge?.[1] ?? squash?.[1];
  if (found === undefined) return undefined;
  const n = Number(found);
  return Number.isSafeInteger(n) && n > 0 ? n : undefined;
}
