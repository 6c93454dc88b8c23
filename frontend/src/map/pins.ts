/** What kind of thing a point on a map is: its pin's colour and inner mark. */
export type PointKind = 'practice' | 'event' | 'partner';

export const POINT_KINDS: PointKind[] = ['practice', 'event', 'partner'];

/** Each kind its colour and, so that colour is never the only difference, its own mark inside the pin. */
const MARKS: Record<PointKind, { colour: string; mark: string }> = {
  practice: { colour: '#b3261e', mark: '<circle cx="14" cy="14" r="5" fill="#ffffff"/>' },
  event: { colour: '#0b4f8a', mark: '<rect x="9" y="9" width="10" height="10" fill="#ffffff"/>' },
  partner: { colour: '#1e6b34', mark: '<path d="M14 8l6 10H8z" fill="#ffffff"/>' },
};

/** A pin's size in px; its tip, the point it marks, is the bottom centre. */
export const PIN_SIZE = { width: 28, height: 40 } as const;

/** A pin's shapes in its own 28 × 40 box, to draw inside an SVG of any size. */
export function pinShapes(kind: PointKind): string {
  const { colour, mark } = MARKS[kind];
  return `<path d="M14 1C6.8 1 1 6.8 1 14c0 9.6 13 25 13 25s13-15.4 13-25C27 6.8 21.2 1 14 1z" fill="${colour}" stroke="#ffffff" stroke-width="2"/>
${mark}`;
}

/** A pin's SVG: the marker on the map, and the same in the map page's legend (no Leaflet needed here). */
export function pinSvg(kind: PointKind): string {
  return `<svg viewBox="0 0 28 40" width="28" height="40" aria-hidden="true" focusable="false">
${pinShapes(kind)}</svg>`;
}
