import type { Locale } from '../i18n/locales';

/** The open-data page's path in each language: a portal page of its own, not one of the CMS's. */
export const OPEN_DATA_PATHS: Record<Locale, string> = { pl: '/otwarte-dane/', cs: '/cs/otevrena-data/' };

/** One file of a dataset: its language, format and where browsers download it. */
export interface Download {
  locale: string;
  format: string;
  href: string;
}

/** A dataset of the catalogue as the page shows it, in the visitor's language. */
export interface Dataset {
  key: string;
  title: string;
  description: string;
  /** The EU frequency code, e.g. MONTHLY, IRREG. */
  frequency: string;
  modified?: string;
  downloads: Download[];
}

export interface Catalog {
  title: string;
  description: string;
  licence: string;
  /** Where harvesters read the catalogue, as browsers reach the API. */
  catalogUrl: string;
  datasets: Dataset[];
}

const FORMAT_NAMES: Record<string, string> = { csv: 'CSV', json: 'JSON', geojson: 'GeoJSON' };

/** A file format as people write it (GeoJSON, not GEOJSON). */
export function formatName(format: string): string {
  return FORMAT_NAMES[format] ?? format.toUpperCase();
}

type Node = Record<string, unknown>;
type Text = { '@language'?: string; '@value'?: string };

function inLanguage(value: unknown, locale: Locale): string {
  const texts = (Array.isArray(value) ? value : [value]) as Text[];
  const text = texts.find((entry) => entry?.['@language'] === locale) ?? texts.find((entry) => entry?.['@language'] === 'en');
  return text?.['@value'] ?? '';
}

function idOf(value: unknown): string {
  return typeof value === 'object' && value !== null ? String((value as Node)['@id'] ?? '') : '';
}

function dateOf(value: unknown): string | undefined {
  return typeof value === 'object' && value !== null ? ((value as Node)['@value'] as string | undefined) : undefined;
}

/** The API's URL as browsers reach it: the catalogue names the host the portal asked, which may be an internal one. */
function publicUrl(url: string, publicApiUrl: string): string {
  const { pathname, search } = new URL(url);
  return new URL(`${pathname}${search}`, publicApiUrl).href;
}

/** A download's language and format, from its stable URL (…/opendata/<collection>/<locale>.<format>). */
function downloadOf(node: Node, publicApiUrl: string): Download | undefined {
  const url = idOf(node['dcat:downloadURL']);
  const match = /\/opendata\/[a-z_]+\/([a-z]{2})\.([a-z]+)$/.exec(url);
  if (!match) return undefined;
  return { locale: match[1], format: match[2], href: publicUrl(url, publicApiUrl) };
}

/**
 * The DCAT-AP catalogue (JSON-LD, as opendata/catalog.py writes it) read for the portal's open-data page:
 * the texts in `locale`, the downloads with browser-facing URLs. Anything it does not recognise is left out
 * rather than shown half-read.
 */
export function readCatalog(document: unknown, locale: Locale, publicApiUrl: string): Catalog {
  const root = (document ?? {}) as Node;
  const datasets = (Array.isArray(root['dcat:dataset']) ? root['dcat:dataset'] : []) as Node[];
  return {
    title: inLanguage(root['dct:title'], locale),
    description: inLanguage(root['dct:description'], locale),
    licence: idOf(root['dct:license']),
    catalogUrl: root['@id'] ? publicUrl(String(root['@id']), publicApiUrl) : '',
    datasets: datasets.map((dataset) => ({
      key: String(dataset['@id'] ?? '').split('#').pop() ?? '',
      title: inLanguage(dataset['dct:title'], locale),
      description: inLanguage(dataset['dct:description'], locale),
      frequency: idOf(dataset['dct:accrualPeriodicity']).split('/').pop() ?? '',
      modified: dateOf(dataset['dct:modified']),
      downloads: ((Array.isArray(dataset['dcat:distribution']) ? dataset['dcat:distribution'] : []) as Node[])
        .map((distribution) => downloadOf(distribution, publicApiUrl))
        .filter((download): download is Download => download !== undefined),
    })),
  };
}
