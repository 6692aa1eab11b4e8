/** The HTTP status of an Octokit request error, or undefined for any other error. */
export function httpStatus(e: unknown): number | undefined {
  return e !== null &&
    typeof e === 'object' &&
    typeof (e as { status?: unknown }).status === 'number'
    ? (e as { status: number }).status
    : undefined;
}
