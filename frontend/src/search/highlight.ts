/**
 * The search API's highlights (`highlight.title`, `highlight.snippet`) are HTML: escaped text with
 * the matching words in `<mark>`. They are not trusted as HTML. They are read as a list of text
 * runs, each marked or not: only the exact tags `<mark>` and `</mark>` mean anything, the entities
 * are decoded into text, and anything else (another tag, an attribute, a stray `<`) stays text.
 * The HTML put on the page is written again from those runs, every character of text escaped:
 * nothing the API sends is ever parsed into markup.
 *
 * Plain TypeScript without Astro imports, so `npm test` runs it under Node directly.
 */

export interface HighlightRun {
  text: string;
  marked: boolean;
}

const TAG = /(<mark>|<\/mark>)/;
const ENTITY = /&(#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|amp|lt|gt|quot|apos);/g;
const NAMED: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

function codePoint(reference: string): string {
  const hex = reference[1] === 'x' || reference[1] === 'X';
  const value = Number.parseInt(reference.slice(hex ? 2 : 1), hex ? 16 : 10);
  // No NUL, no lone surrogates, nothing past Unicode: the replacement character, as browsers do.
  const valid = value > 0 && value <= 0x10ffff && !(value >= 0xd800 && value <= 0xdfff);
  return String.fromCodePoint(valid ? value : 0xfffd);
}

/** The text an escaped HTML string stands for: entities decoded once (`&amp;lt;` is the text `&lt;`). */
export function decodeEntities(html: string): string {
  return html.replace(ENTITY, (_match, reference: string) =>
    reference.startsWith('#') ? codePoint(reference) : NAMED[reference]!,
  );
}

/** The runs of text in a highlight, marked where the API put `<mark>` (nested or unclosed marks count once). */
export function highlightRuns(html: string | null | undefined): HighlightRun[] {
  const runs: HighlightRun[] = [];
  let depth = 0;
  for (const piece of (html ?? '').split(TAG)) {
    if (piece === '<mark>') {
      depth += 1;
    } else if (piece === '</mark>') {
      depth = Math.max(0, depth - 1);
    } else if (piece) {
      const text = decodeEntities(piece);
      const marked = depth > 0;
      const last = runs.at(-1);
      if (last && last.marked === marked) last.text += text;
      else runs.push({ text, marked });
    }
  }
  return runs;
}

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (character) => ESCAPES[character]!);
}

/** Safe HTML for a highlight: escaped text and `<mark>` elements, nothing else. */
export function highlightHtml(html: string | null | undefined): string {
  return highlightRuns(html)
    .map((run) => (run.marked ? `<mark>${escapeHtml(run.text)}</mark>` : escapeHtml(run.text)))
    .join('');
}

/** The highlight as plain text (for a title attribute, a screen reader's name, a test). */
export function highlightText(html: string | null | undefined): string {
  return highlightRuns(html)
    .map((run) => run.text)
    .join('');
}
