/**
 * A search as the visitor's URL gives it (`?q=&type=&topic=&agglomeration=&page=`): read and
 * checked before the API is asked, every part not understood named (the page then answers 400
 * and says which), and written back as links that keep the query: facets, paging, the other
 * language's search page.
 *
 * The rule, as on the lists: a known parameter with a value we do not understand is an error the
 * visitor sees; a parameter the search does not know (utm_source, fbclid...) is ignored.
 * Plain TypeScript without Astro imports, so `npm test` runs it under Node directly.
 */

/** The API's own bounds (search/views.py): at most 200 characters, 5 values per facet. */
export const MAX_QUERY_LENGTH = 200;
export const MAX_FACET_VALUES = 5;
export const PAGE_SIZE = 10;
const MAX_PAGE = 9999;
const SHOWN_LENGTH = 40;
const MAX_REPORTED = 3;
/** What the API counts as a letter or digit (search/text.py SEARCHABLE): a query needs one. */
const SEARCHABLE = /[0-9A-Za-zÀ-ÖØ-öø-ſ]/;

export const FACETS = ['type', 'topic', 'agglomeration'] as const;
export type FacetName = (typeof FACETS)[number];
export type Facets = Record<FacetName, string[]>;

export const SEARCH_TYPES = ['practice', 'event', 'partner'] as const;
export const AGGLOMERATIONS = ['opole', 'olomouc', 'cross_border'] as const;

export type SearchProblemReason = 'unknown' | 'too-many' | 'page' | 'one-value' | 'too-long' | 'no-letters';

export interface SearchProblem {
  /** The URL parameter ('' when the API named one the portal does not know). */
  name: 'q' | 'page' | FacetName | '';
  /** What the visitor sent, shortened for display. */
  value: string;
  reason: SearchProblemReason;
}

export interface SearchRequest {
  /** The query, trimmed; '' when there is none (the page then shows the form and guidance). */
  q: string;
  page: number;
  facets: Facets;
  problems: SearchProblem[];
}

/** The values every facet may take: types and agglomerations are the API's codes, topics the locale's slugs. */
export type FacetValues = Record<FacetName, readonly string[]>;

export function facetValues(topicSlugs: readonly string[]): FacetValues {
  return { type: SEARCH_TYPES, topic: topicSlugs, agglomeration: AGGLOMERATIONS };
}

function shown(value: string): string {
  return value.length > SHOWN_LENGTH ? `${value.slice(0, SHOWN_LENGTH)}…` : value;
}

/** Every value of a parameter, repeated (`a=x&a=y`) or comma-separated (`a=x,y`), blanks dropped. */
function valuesOf(params: URLSearchParams, name: string): string[] {
  return params
    .getAll(name)
    .flatMap((value) => value.split(','))
    .map((value) => value.trim())
    .filter(Boolean);
}

function readQuery(params: URLSearchParams, problems: SearchProblem[]): string {
  const raw = params.getAll('q').map((value) => value.trim());
  const given = raw.filter(Boolean);
  if (new Set(given).size > 1) {
    problems.push({ name: 'q', value: shown(given.join(', ')), reason: 'one-value' });
    return '';
  }
  const q = given[0] ?? '';
  if (q.length > MAX_QUERY_LENGTH) problems.push({ name: 'q', value: shown(q), reason: 'too-long' });
  else if (q && !SEARCHABLE.test(q)) problems.push({ name: 'q', value: shown(q), reason: 'no-letters' });
  else return q;
  return '';
}

function readFacet(params: URLSearchParams, name: FacetName, allowed: readonly string[], problems: SearchProblem[]): string[] {
  const values = [...new Set(valuesOf(params, name))];
  const known = new Set(allowed);
  const unknown = values.filter((value) => !known.has(value));
  // A few are enough to say what is wrong; a 10 kB list of them would only bury the page.
  for (const value of unknown.slice(0, MAX_REPORTED)) problems.push({ name, value: shown(value), reason: 'unknown' });
  if (unknown.length) return [];
  if (values.length > MAX_FACET_VALUES) {
    problems.push({ name, value: shown(values.join(',')), reason: 'too-many' });
    return [];
  }
  return values;
}

function readPage(params: URLSearchParams, problems: SearchProblem[]): number {
  const raw = valuesOf(params, 'page');
  if (raw.length === 0) return 1;
  if (raw.length === 1 && /^\d{1,4}$/.test(raw[0]!) && +raw[0]! >= 1 && +raw[0]! <= MAX_PAGE) return +raw[0]!;
  problems.push({ name: 'page', value: shown(raw.join(',')), reason: raw.length > 1 ? 'one-value' : 'page' });
  return 1;
}

/** The search a URL asks for, with whatever in it is not understood named in `problems`. */
export function readSearch(params: URLSearchParams, allowed: FacetValues): SearchRequest {
  const problems: SearchProblem[] = [];
  const q = readQuery(params, problems);
  const facets = Object.fromEntries(
    FACETS.map((name) => [name, readFacet(params, name, allowed[name], problems)]),
  ) as Facets;
  const page = readPage(params, problems);
  return { q, page, facets, problems };
}

/** The request with more problems (an API 400 read back, a page past the last). */
export function withProblems(request: SearchRequest, problems: SearchProblem[]): SearchRequest {
  const wrong = new Set(problems.map((problem) => problem.name));
  const facets = Object.fromEntries(FACETS.map((name) => [name, wrong.has(name) ? [] : request.facets[name]])) as Facets;
  return { ...request, facets, page: wrong.has('page') ? 1 : request.page, problems: [...request.problems, ...problems] };
}

/** The API's parameter names → the portal's, for reading an API 400 back. */
const API_NAMES: Record<string, SearchProblem['name']> = { q: 'q', type: 'type', topic: 'topic', agglomeration: 'agglomeration', offset: 'page' };

/** The problems of an API 400 (`errors`: API parameter → messages), named by the portal's parameters. */
export function apiProblems(errors: Record<string, string[]>, params: URLSearchParams): SearchProblem[] {
  const names = Object.keys(errors);
  return (names.length ? names : ['']).map((apiName) => {
    const name = API_NAMES[apiName] ?? '';
    return { name, value: name ? shown(params.getAll(name).join(',')) : '', reason: 'unknown' };
  });
}

/** A page past the last one is a problem (the first page always exists, even empty). */
export function pageProblems(page: number, count: number): SearchProblem[] {
  return page > Math.max(1, Math.ceil(count / PAGE_SIZE)) ? [{ name: 'page', value: String(page), reason: 'page' }] : [];
}

export interface SearchState {
  q: string;
  facets: Facets;
  page?: number;
}

/** '' or '?q=…&type=…&topic=…&agglomeration=…[&page=n]': the state as a URL's query, in one order. */
export function searchQuery({ q, facets, page = 1 }: SearchState): string {
  const params = new URLSearchParams();
  if (q) params.append('q', q);
  for (const name of FACETS) for (const value of facets[name]) params.append(name, value);
  if (page > 1) params.append('page', String(page));
  return params.size ? `?${params}` : '';
}

/** The facets with `value` of `name` chosen when it was not, and left out when it was. */
export function toggled(facets: Facets, name: FacetName, value: string): Facets {
  const values = facets[name];
  return { ...facets, [name]: values.includes(value) ? values.filter((chosen) => chosen !== value) : [...values, value] };
}

export const NO_FACETS: Facets = { type: [], topic: [], agglomeration: [] };

export function hasFacets(facets: Facets): boolean {
  return FACETS.some((name) => facets[name].length > 0);
}

/**
 * The same search on the other language's page: the query, the types and agglomerations (codes
 * both languages share) and those topics the other language has too; from the first page.
 */
export function searchInOtherLanguage(request: SearchRequest, otherTopics: readonly string[]): string {
  const topics = new Set(otherTopics);
  const facets = { ...request.facets, topic: request.facets.topic.filter((slug) => topics.has(slug)) };
  return searchQuery({ q: request.q, facets });
}
