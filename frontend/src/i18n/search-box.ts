import { defineStrings } from './strings.ts';

/**
 * The header's search box and its suggestions (src/components/SearchBox.astro and the island in
 * src/scripts/search-box.ts, which bundles these: keep them few).
 */
export const searchBoxStrings = defineStrings({
  pl: {
    landmark: 'Wyszukiwarka portalu',
    label: 'Szukaj w portalu',
    hint: 'dobre praktyki, wydarzenia, partnerzy',
    button: 'Szukaj',
    suggestions: 'Podpowiedzi',
    /** Said by screen readers when suggestions arrive (a polite live region). */
    count: (n: number) => (n === 0 ? 'Brak podpowiedzi' : `${n} ${n === 1 ? 'podpowiedź' : 'podpowiedzi'}`),
    keys: 'Strzałki w górę i w dół wybierają, Enter otwiera.',
    practice: 'dobra praktyka',
    event: 'wydarzenie',
    partner: 'partner',
  },
  cs: {
    landmark: 'Vyhledávání na portálu',
    label: 'Hledat na portálu',
    hint: 'dobrá praxe, akce, partneři',
    button: 'Hledat',
    suggestions: 'Návrhy',
    count: (n: number) => (n === 0 ? 'Žádné návrhy' : `${n} ${n === 1 ? 'návrh' : n >= 2 && n <= 4 ? 'návrhy' : 'návrhů'}`),
    keys: 'Šipkami nahoru a dolů vyberete, Enter otevře.',
    practice: 'dobrá praxe',
    event: 'akce',
    partner: 'partner',
  },
});
