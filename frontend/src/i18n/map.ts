import { defineStrings } from './strings';

/** What visitors read on and around a map, in both languages. */
export const mapStrings = defineStrings({
  pl: {
    location: 'Lokalizacja',
    coordinates: 'Współrzędne',
    north: 'N',
    south: 'S',
    east: 'E',
    west: 'W',
    /** The map's accessible name: "Mapa: <title>". */
    mapOf: 'Mapa',
    zoomIn: 'Przybliż',
    zoomOut: 'Oddal',
    closePopup: 'Zamknij opis',
    outline: 'Kontury Polski i Czech: Natural Earth',
    pageAddress: 'Adres strony',
  },
  cs: {
    location: 'Poloha',
    coordinates: 'Souřadnice',
    north: 's. š.',
    south: 'j. š.',
    east: 'v. d.',
    west: 'z. d.',
    mapOf: 'Mapa',
    zoomIn: 'Přiblížit',
    zoomOut: 'Oddálit',
    closePopup: 'Zavřít popis',
    outline: 'Obrysy Polska a Česka: Natural Earth',
    pageAddress: 'Adresa stránky',
  },
});
