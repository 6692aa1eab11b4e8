/**
 * JSON-LD inside an HTML page: the text of a `<script type="application/ld+json">`. JSON may
 * hold `</script>` or `<!--` in any string, which would end the element early and let the
 * rest be read as markup; `<`, `>` and `&` are written as JSON's `\u003c` escapes instead
 * (the same value to every JSON reader), as are U+2028 and U+2029.
 */
export function serializeJsonLd(value: unknown): string {
  return JSON.stringify(value).replace(
    /[<>&\u2028\u2029]/g,
    (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`,
  );
}
