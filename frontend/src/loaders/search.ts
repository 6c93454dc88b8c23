import { ApiUnavailable, apiClient, rejectedParameters, type Schemas } from '../api/client';
import { loadNavigation, NO_NAVIGATION, type Navigation } from '../api/site';
import { t } from '../i18n/dictionaries';
import { otherLocale, type Locale } from '../i18n/locales';
import { searchText } from '../i18n/search';
import { searchPath } from '../search/paths';
import {
  apiProblems,
  facetValues,
  NO_FACETS,
  PAGE_SIZE,
  pageProblems,
  readSearch,
  searchInOtherLanguage,
  withProblems,
  type SearchRequest,
} from '../search/params';

/** What the search page shows, with the status it answers and what its layout needs. */
export interface SearchPage {
  /** 200 (a form, results or none), 400 (something in the URL not understood), 503 (the API away). */
  status: 200 | 400 | 503;
  locale: Locale;
  path: string;
  title: string;
  request: SearchRequest;
  /** The API's answer, when a query was understood and asked. */
  results?: Schemas['SearchResults'];
  /** The locale's topics, to browse by when nothing is found (and to check topic facets against). */
  topics: Schemas['Topic'][];
  navigation: Navigation;
  /** The other language's search page with the same query. */
  alternatePath: string;
}

const TITLE_QUERY_LENGTH = 60;

function titleOf(locale: Locale, request: SearchRequest, status: SearchPage['status']): string {
  const text = searchText(locale);
  if (status === 503) return t(locale).unavailableTitle;
  if (!request.q || status !== 200) return text.title;
  const q = request.q.length > TITLE_QUERY_LENGTH ? `${request.q.slice(0, TITLE_QUERY_LENGTH)}…` : request.q;
  return request.page > 1 ? `${text.resultsTitle(q)} – ${text.pageSuffix(request.page)}` : text.resultsTitle(q);
}

/**
 * The search page of `locale` for the visitor's URL: the query and facets read and checked
 * against the locale's topics first (a 400 names what is wrong), then one `/api/v2/search/`.
 */
export async function loadSearch(url: URL, locale: Locale): Promise<SearchPage> {
  const other = otherLocale(locale);
  const page: SearchPage = {
    status: 200,
    locale,
    path: searchPath(locale),
    title: '',
    request: { q: '', page: 1, facets: NO_FACETS, problems: [] },
    topics: [],
    navigation: NO_NAVIGATION,
    alternatePath: searchPath(other),
  };
  try {
    const api = apiClient();
    const [navigation, topics, otherTopics] = await Promise.all([
      loadNavigation(locale),
      api.GET('/api/v2/topics/', { params: { query: { locale } } }),
      api.GET('/api/v2/topics/', { params: { query: { locale: other } } }),
    ]);
    page.navigation = navigation;
    page.topics = topics.data ?? [];
    let request = readSearch(url.searchParams, facetValues(page.topics.map((topic) => topic.slug)));
    page.alternatePath = `${searchPath(other)}${searchInOtherLanguage(request, (otherTopics.data ?? []).map((topic) => topic.slug))}`;
    if (!request.problems.length && request.q) {
      const answer = await api.GET('/api/v2/search/', {
        params: {
          query: {
            q: request.q,
            locale,
            ...request.facets,
            limit: PAGE_SIZE,
            offset: (request.page - 1) * PAGE_SIZE,
          },
        },
      });
      const errors = rejectedParameters(answer);
      if (errors) {
        request = withProblems(request, apiProblems(errors, url.searchParams));
      } else if (!answer.data) {
        throw new ApiUnavailable(`API answered ${answer.response.status} to a search`);
      } else {
        const beyond = pageProblems(request.page, answer.data.count);
        if (beyond.length) request = withProblems(request, beyond);
        else page.results = answer.data;
      }
    }
    page.request = request;
    page.status = request.problems.length ? 400 : 200;
  } catch (error) {
    if (!(error instanceof ApiUnavailable)) throw error;
    page.status = 503;
  }
  page.title = titleOf(locale, page.request, page.status);
  return page;
}

/** Headers of the search page: results and errors are answers, not pages to index; 503 says when to come back. */
export function searchHeaders(page: SearchPage): [string, string][] {
  const headers: [string, string][] = [];
  if (page.status === 503) headers.push(['Retry-After', '60']);
  if (page.request.q || page.status !== 200) headers.push(['X-Robots-Tag', 'noindex']);
  return headers;
}

/** What the page's layout is given: the header's box left out (the page has its own), hreflang for the bare form only. */
export function layoutProps(page: SearchPage) {
  const bareForm = page.status === 200 && !page.request.q;
  return {
    locale: page.locale,
    title: page.title,
    description: searchText(page.locale).intro,
    alternatePath: page.alternatePath,
    currentPath: page.path,
    navigation: page.navigation,
    headerSearch: false,
    alternates: bareForm
      ? [
          { locale: page.locale, path: page.path },
          { locale: otherLocale(page.locale), path: searchPath(otherLocale(page.locale)) },
        ]
      : [],
  };
}
