import { label } from '../i18n/dictionaries';
import type { Locale } from '../i18n/locales';
import type { MapArea } from '../scripts/map';

/**
 * The two agglomerations as the map page draws them on the outline: a circle around the
 * municipalities each brings together, named. Approximate on purpose (the legend says so):
 * the bundled outline has no municipal borders, and a circle of the right place and size is
 * what a visitor needs to read the map without tiles.
 *
 * Opole Agglomeration: 21 municipalities around Opole, from Murów and Popielów in the north to
 * Zdzieszowice and Leśnica in the south, Niemodlin in the west to Kolonowskie in the east.
 * Olomouc Agglomeration (its ITI area): Olomouc with the districts of Olomouc, Prostějov and
 * Přerov around it.
 */
const AGGLOMERATIONS = [
  { code: 'opole', latitude: 50.63, longitude: 17.98, radiusKm: 28 },
  { code: 'olomouc', latitude: 49.52, longitude: 17.27, radiusKm: 36 },
] as const;

export function agglomerationAreas(locale: Locale): MapArea[] {
  return AGGLOMERATIONS.map((area) => ({ ...area, name: label(locale, area.code) }));
}
