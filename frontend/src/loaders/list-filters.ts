/**
 * A list's filters as the visitor's URL gives them: read against the options the API offers,
 * every value that is not understood named (the page then answers 400 and says which), and
 * the understood ones written back as a clean query string for paging and calendar links.
 *
 * The rule: a known parameter with a value we do not understand is an error the visitor sees;
 * a parameter no list knows (utm_source, fbclid...) is ignored; an empty one means "any".
 */

export interface FilterOption {
  value: string;
  label: string;
}

/** How a filter is asked for: several of a list, one of a list, or a year. */
export type FilterSpec =
  | { name: string; kind: 'checkboxes' | 'select'; options: FilterOption[] }
  | { name: string; kind: 'year' };

export type FilterField = FilterSpec & {
  /** What the visitor chose and we understood. */
  values: string[];
};

export type ProblemReason = 'unknown' | 'year' | 'year-order' | 'page' | 'one-value' | 'month' | 'view';

export interface FilterProblem {
  /** The portal's URL parameter ('' when the API named one the portal does not know). */
  name: string;
  /** What the visitor sent, shortened for display. */
  value: string;
  reason: ProblemReason;
}

export interface ListFilters {
  fields: FilterField[];
  problems: FilterProblem[];
  /** The understood choices, '' or '?name=value&…', in the form's order, for paging and calendar links. */
  query: string;
}

const SHOWN_LENGTH = 40;
const MAX_PAGE = 9999;
const MAX_REPORTED = 3;
const [FIRST_YEAR, LAST_YEAR] = [1900, 2100];

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

function readField(spec: FilterSpec, raw: string[], problems: FilterProblem[]): string[] {
  if (spec.kind !== 'checkboxes' && raw.length > 1) {
    problems.push({ name: spec.name, value: shown(raw.join(',')), reason: 'one-value' });
    return [];
  }
  if (spec.kind === 'year') {
    const good = raw.filter((value) => /^\d{4}$/.test(value) && +value >= FIRST_YEAR && +value <= LAST_YEAR);
    if (good.length < raw.length) problems.push({ name: spec.name, value: shown(raw[0]!), reason: 'year' });
    return good;
  }
  const known = new Set(spec.options.map((option) => option.value));
  const unknown = raw.filter((value) => !known.has(value));
  // A few are enough to say what is wrong; a 10 kB list of them would only bury the page.
  for (const value of unknown.slice(0, MAX_REPORTED)) problems.push({ name: spec.name, value: shown(value), reason: 'unknown' });
  return [...new Set(raw.filter((value) => known.has(value)))];
}

export function readFilters(params: URLSearchParams, specs: FilterSpec[]): ListFilters {
  const problems: FilterProblem[] = [];
  const fields = specs.map((spec) => ({ ...spec, values: readField(spec, valuesOf(params, spec.name), problems) }));
  const [from, to] = ['year_from', 'year_to'].map((name) => fields.find((field) => field.name === name));
  if (from?.values[0] && to?.values[0] && +from.values[0] > +to.values[0]) {
    problems.push({ name: 'year_to', value: to.values[0], reason: 'year-order' });
  }
  return withProblems({ fields, problems: [], query: '' }, problems);
}

/**
 * The filters with these problems added: a filter with a problem leaves the query, so the
 * "results with the other filters" link and paging never carry it on.
 */
export function withProblems(filters: ListFilters, problems: FilterProblem[]): ListFilters {
  const all = [...filters.problems, ...problems];
  const wrong = new Set(all.map((problem) => problem.name));
  const fields = filters.fields.map((field) => (wrong.has(field.name) ? { ...field, values: [] } : field));
  const query = new URLSearchParams(fields.flatMap((field) => field.values.map((value) => [field.name, value])));
  return { fields, problems: all, query: query.size ? `?${query}` : '' };
}

/** The page number asked for (1 when none), or the problem when it is not a whole number from 1 to 9999. */
export function readPage(params: URLSearchParams): { page: number; problems: FilterProblem[] } {
  const raw = valuesOf(params, 'page');
  if (raw.length === 0) return { page: 1, problems: [] };
  if (raw.length === 1 && /^\d{1,4}$/.test(raw[0]!) && +raw[0]! >= 1 && +raw[0]! <= MAX_PAGE) {
    return { page: +raw[0]!, problems: [] };
  }
  const reason = raw.length > 1 ? 'one-value' : 'page';
  return { page: 1, problems: [{ name: 'page', value: shown(raw.join(',')), reason }] };
}

/** A page past the last one is a problem (the first page always exists, even empty). */
export function pageProblems(page: number, pages: number): FilterProblem[] {
  return page > Math.max(1, pages) ? [{ name: 'page', value: String(page), reason: 'page' }] : [];
}

/** The choices of one filter, by its portal name. */
export function chosen(filters: ListFilters, name: string): string[] {
  return fieldOf(filters, name).values;
}

/**
 * The problems of an API 400 (`errors`: API parameter → messages), named by the portal's
 * parameters, so a check the portal did not make itself still reaches the visitor as such.
 */
export function apiProblems(
  errors: Record<string, string[]>,
  portalNames: Record<string, string>,
  params: URLSearchParams,
): FilterProblem[] {
  const names = Object.keys(errors);
  return (names.length ? names : ['']).map((apiName) => {
    const name = portalNames[apiName] ?? '';
    return { name, value: name ? shown(params.getAll(name).join(',')) : '', reason: 'unknown' };
  });
}

/** Options from an enum of the API's schema: all of its codes (the `satisfies` keeps the list complete). */
export function enumOptions<Code extends string>(
  codes: Record<Code, true>,
  label: (code: Code) => string,
): FilterOption[] {
  return (Object.keys(codes) as Code[]).map((code) => ({ value: code, label: label(code) }));
}

/** One filter's options and choices, by its portal name (no options for a year). */
export function fieldOf(filters: ListFilters, name: string): { options: FilterOption[]; values: string[] } {
  const field = filters.fields.find((candidate) => candidate.name === name);
  return { options: field && 'options' in field ? field.options : [], values: field?.values ?? [] };
}

export function problemOf(filters: ListFilters, name: string): FilterProblem | undefined {
  return filters.problems.find((problem) => problem.name === name);
}
