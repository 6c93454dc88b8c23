import { label, t } from '../i18n/dictionaries.ts';
import { formatRange } from '../i18n/format.ts';
import type { Locale } from '../i18n/locales';
import type { MapFeatures, MapKind } from '../loaders/map';
import type { PointKind } from './pins';
import type { MapPoint } from '../scripts/map';

/** One thing on the map page: its marker and its entry in the list under the map say the same. */
export type MapItem = Required<Pick<MapPoint, 'latitude' | 'longitude' | 'title' | 'path' | 'kind' | 'detail'>> &
  Pick<MapPoint, 'summary'> & { id: number };

/** A map kind's marker. */
export const KIND: Record<MapKind, PointKind> = { practices: 'practice', events: 'event', partners: 'partner' };

const joined = (...parts: (string | false | null | undefined)[]) => parts.filter(Boolean).join(' · ');

/** The features of each kind shown as items, in the API's order (practices and partners by title, events by start). */
export function mapItems(features: MapFeatures, locale: Locale): Partial<Record<MapKind, MapItem[]>> {
  const text = t(locale);
  const item = (kind: MapKind, feature: { geometry: { coordinates: number[] }; properties: { id: number; title: string; path: string } }) => ({
    id: feature.properties.id,
    kind: KIND[kind],
    title: feature.properties.title,
    path: feature.properties.path,
    longitude: feature.geometry.coordinates[0]!,
    latitude: feature.geometry.coordinates[1]!,
  });
  const items: Partial<Record<MapKind, MapItem[]>> = {};
  if (features.practices) {
    items.practices = features.practices.map((feature) => ({
      ...item('practices', feature),
      detail: joined(label(locale, feature.properties.agglomeration), feature.properties.municipality),
      summary: feature.properties.summary,
    }));
  }
  if (features.events) {
    items.events = features.events.map(({ properties: event, ...feature }) => ({
      ...item('events', { ...feature, properties: event }),
      detail: joined(
        formatRange(locale, event.start, event.end, event.is_all_day),
        event.city,
        label(locale, event.event_type),
        event.status === 'cancelled' && text.cancelled,
        event.status === 'postponed' && text.postponed,
      ),
    }));
  }
  if (features.partners) {
    items.partners = features.partners.map((feature) => ({
      ...item('partners', feature),
      detail: joined(feature.properties.short_name, label(locale, feature.properties.role), label(locale, feature.properties.country)),
    }));
  }
  return items;
}

/** The markers for the items: every item once, whatever its kind. */
export function mapPoints(items: Partial<Record<MapKind, MapItem[]>>): MapPoint[] {
  return Object.values(items).flatMap((list) =>
    list.map(({ latitude, longitude, title, path, kind, detail, summary }) => ({
      latitude,
      longitude,
      title,
      path,
      kind,
      detail,
      ...(summary && { summary }),
    })),
  );
}
