import type { Schemas, apiClient } from '../api/client';
import type { CalendarDay, IsoDate, YearMonth } from '../calendar/month';
import type { Sections } from '../api/site';
import type { Locale } from '../i18n/locales';
import type { EntryPoint } from './home';
import type { ListFilters } from './list-filters';
import type { MapFeatures } from './map';

/** What a page shows, by the kind of CMS page behind its path; `PageView` renders each. */
export type View =
  | {
      kind: 'home';
      home: Schemas['Home'];
      /** The featured practices and the next events as summaries, and the entry points (none in a preview). */
      practices?: Schemas['PracticeSummary'][];
      events?: Schemas['EventSummary'][];
      entryPoints?: EntryPoint[];
    }
  | { kind: 'practice'; practice: Schemas['PracticeDetail'] }
  | { kind: 'event'; event: Schemas['EventDetail'] }
  | { kind: 'partner'; partner: Schemas['PartnerDetail']; events?: Schemas['EventSummary'][] }
  | {
      kind: 'practices';
      list: Pick<Schemas['PaginatedPracticeSummaryList'], 'count' | 'results'>;
      page: number;
      pageSize: number;
      filters: ListFilters;
    }
  | { kind: 'events'; upcoming: Schemas['EventSummary'][]; past: Schemas['EventSummary'][]; filters: ListFilters }
  | {
      kind: 'event-calendar';
      /** The month shown and today, both in Europe/Warsaw. */
      month: YearMonth;
      today: IsoDate;
      /** Monday-first weeks with the events on their days; empty when the filters were not understood. */
      weeks: CalendarDay<Schemas['EventSummary']>[][];
      filters: ListFilters;
    }
  | {
      kind: 'map';
      features: MapFeatures;
      filters: ListFilters;
    }
  | { kind: 'partners'; partners: Schemas['PartnerSummary'][] }
  | { kind: 'standard'; page: Schemas['StandardPageDetail'] }
  | { kind: 'page' }
  | { kind: 'not-found' }
  | { kind: 'unavailable' };

export type TranslationLink = { locale: string; path: string };

/** One step of the trail from the home page to the current page (the page itself last). */
export type Breadcrumb = { title: string; path: string };

/** What a loader found: the view, and what the page's head needs to know about it. */
export interface Loaded {
  view: View;
  /** 400 when the visitor's query (a list's filters) was not understood; 200 otherwise. */
  status?: 400;
  title?: string;
  description?: string;
  /** The page's other languages (from the API's `translations`). */
  translations?: TranslationLink[];
  /** What the language switch adds to the translation's path: the same view and choices there ('' or '?…'). */
  switchQuery?: string;
  /** An absolute URL the API gave for this content: its origin is the portal's public one. */
  publicUrl?: string;
}

/** Everything a loader may use: the found page, the request, the typed client. */
export interface LoaderContext {
  api: ReturnType<typeof apiClient>;
  page: Schemas['FoundPage'];
  locale: Locale;
  path: string;
  url: URL;
  sections: Sections;
}

/** Loads one page type's content; `undefined` when the API no longer has it (a 404). */
export type Loader = (context: LoaderContext) => Promise<Loaded | undefined>;
