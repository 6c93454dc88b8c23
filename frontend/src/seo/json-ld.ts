/**
 * JSON-LD goes inside a `<script>` element, where the HTML parser ends the script at the first
 * `</script` whatever JSON quoting says, and `<!--` changes how it parses the rest. Escaping every
 * `<`, `>` and `&` as a JSON unicode escape keeps an editor's text (a title, a summary) from ever
 * closing the element, and JSON parsers read the same strings back. U+2028/U+2029 are escaped too,
 * so the text is also safe for tools that read it as JavaScript.
 */
const UNSAFE = /[<>&\u2028\u2029]/g;

function escape(character: string): string {
  return `\\u${character.charCodeAt(0).toString(16).padStart(4, '0')}`;
}

/** A schema.org node as the text of a `<script type="application/ld+json">`. */
export function serializeJsonLd(node: unknown): string {
  return JSON.stringify(node).replace(UNSAFE, escape);
}
