import assert from 'node:assert/strict';
import { test } from 'node:test';
import { decodeEntities, escapeHtml, highlightHtml, highlightRuns, highlightText } from '../../src/search/highlight.ts';

/** Every tag left in the output: only <mark> and </mark> may be there. */
function tags(html: string): string[] {
  return html.match(/<[^>]*>/g) ?? [];
}

function onlyMarks(html: string): void {
  assert.deepEqual(
    tags(html).filter((tag) => tag !== '<mark>' && tag !== '</mark>'),
    [],
    html,
  );
  // No '<' or '>' outside the mark tags: nothing a browser could read as the start of markup.
  assert.doesNotMatch(html.replace(/<\/?mark>/g, ''), /[<>]/, html);
}

test("the API's highlight comes through: escaped text and the matching words marked", () => {
  const api = 'Setkání sítě <mark>spolupráce</mark> v Opolí &amp; Olomouci';
  assert.equal(highlightHtml(api), 'Setkání sítě <mark>spolupráce</mark> v Opolí &amp; Olomouci');
  assert.deepEqual(highlightRuns(api), [
    { text: 'Setkání sítě ', marked: false },
    { text: 'spolupráce', marked: true },
    { text: ' v Opolí & Olomouci', marked: false },
  ]);
  assert.equal(highlightText(api), 'Setkání sítě spolupráce v Opolí & Olomouci');
});

test('escaped markup in the text stays text: decoded once, escaped again, never parsed', () => {
  const api = '&lt;script&gt;alert(1)&lt;/script&gt; <mark>&lt;img src=x onerror=alert(1)&gt;</mark>';
  const html = highlightHtml(api);
  onlyMarks(html);
  assert.equal(html, '&lt;script&gt;alert(1)&lt;/script&gt; <mark>&lt;img src=x onerror=alert(1)&gt;</mark>');
  assert.equal(highlightText(api), '<script>alert(1)</script> <img src=x onerror=alert(1)>');
});

test('hostile raw HTML from a broken or compromised API is shown as text, not run', () => {
  const hostile = [
    '<script>alert(1)</script>',
    '<img src=x onerror="alert(1)">',
    '<mark onclick="alert(1)">click</mark>',
    '<MARK>shout</MARK>',
    '<mark><a href="javascript:alert(1)">link</a></mark>',
    '<svg><script>alert(1)</script></svg>',
    '<mark/><iframe srcdoc="<script>alert(1)</script>">',
    '</mark></mark><mark><mark>nested</mark>',
    '<mark>unclosed',
    '<!-- comment --><![CDATA[x]]>',
    '"><script>alert(1)</script>',
    "' onmouseover='alert(1)",
    '<<mark>>',
    '<mar<mark>k>x</mark>',
  ];
  for (const input of hostile) {
    const html = highlightHtml(input);
    onlyMarks(html);
    // The visible text is exactly what the input's non-mark parts say, nothing lost and nothing added.
    assert.equal(highlightText(input), input.replace(/<\/?mark>/g, ''), input);
  }
  assert.equal(highlightHtml('<mark onclick="alert(1)">click</mark>'), '&lt;mark onclick=&quot;alert(1)&quot;&gt;click');
  assert.equal(highlightHtml('<script>alert(1)</script>'), '&lt;script&gt;alert(1)&lt;/script&gt;');
  assert.equal(highlightHtml('"><b>'), '&quot;&gt;&lt;b&gt;');
});

test('entities are decoded once: &amp;lt; is the text "&lt;", numeric references too, invalid ones replaced', () => {
  assert.equal(decodeEntities('&amp;lt;b&amp;gt;'), '&lt;b&gt;');
  assert.equal(highlightHtml('&amp;lt;b&amp;gt;'), '&amp;lt;b&amp;gt;');
  assert.equal(decodeEntities('&#60;b&#x3E; &#x27;&#39;&quot;&apos;'), `<b> ''"'`);
  assert.equal(decodeEntities('&#0; &#xD800; &#x110000;'), '\uFFFD \uFFFD \uFFFD');
  assert.equal(decodeEntities('&#128512;'), '😀');
  // Names the API never sends stay as they are (and are escaped on the way out).
  assert.equal(decodeEntities('&nbsp;&AMP;&unknown;'), '&nbsp;&AMP;&unknown;');
  assert.equal(highlightHtml('&nbsp;'), '&amp;nbsp;');
  onlyMarks(highlightHtml('&#60;script&#62;alert(1)&#60;/script&#62;'));
});

test('nested and unbalanced marks count once; empty or missing highlights are empty', () => {
  assert.equal(highlightHtml('<mark><mark>a</mark>b</mark>c'), '<mark>ab</mark>c');
  assert.equal(highlightHtml('</mark>a<mark>b'), 'a<mark>b</mark>');
  assert.equal(highlightHtml('<mark></mark>'), '');
  assert.equal(highlightHtml(''), '');
  assert.equal(highlightHtml(undefined), '');
  assert.equal(highlightHtml(null), '');
});

test('escapeHtml escapes the five characters HTML gives meaning to', () => {
  assert.equal(escapeHtml(`<a href="x" title='y'>&</a>`), '&lt;a href=&quot;x&quot; title=&#39;y&#39;&gt;&amp;&lt;/a&gt;');
});
