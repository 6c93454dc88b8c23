import { defineStrings } from './strings';

/** The open-data page (src/views/OpenDataView.astro) and its footer link. */
export const openDataText = defineStrings({
  pl: {
    link: 'Otwarte dane',
    title: 'Otwarte dane',
    description: 'Dobre praktyki, wydarzenia, partnerzy i tematy portalu do pobrania w formatach CSV, JSON i GeoJSON, na licencji CC BY 4.0.',
    licence: 'Dane są udostępniane na licencji',
    licenceName: 'Creative Commons Uznanie autorstwa 4.0 (CC BY 4.0)',
    attribution: 'Wykorzystując je, podaj źródło: Stowarzyszenie Aglomeracja Opolska, portal Agglomerations4Borderlands.',
    catalogue: 'Katalog DCAT-AP (JSON-LD) dla portali danych, np. dane.gov.pl, data.gov.cz i data.europa.eu:',
    downloads: 'Pliki do pobrania',
    inLanguage: { pl: 'po polsku', cs: 'po czesku' } as Record<string, string>,
    updated: 'Ostatnia zmiana',
    frequency: 'Aktualizacja',
    frequencies: { MONTHLY: 'co miesiąc', WEEKLY: 'co tydzień', IRREG: 'nieregularnie' } as Record<string, string>,
    formats: 'CSV (UTF-8, z wierszem nagłówka), JSON i GeoJSON (współrzędne WGS 84); zawsze pełny, aktualny zbiór.',
    empty: 'Katalog jest chwilowo pusty.',
  },
  cs: {
    link: 'Otevřená data',
    title: 'Otevřená data',
    description: 'Dobrá praxe, akce, partneři a témata portálu ke stažení ve formátech CSV, JSON a GeoJSON pod licencí CC BY 4.0.',
    licence: 'Data jsou poskytována pod licencí',
    licenceName: 'Creative Commons Uveďte původ 4.0 (CC BY 4.0)',
    attribution: 'Při jejich využití uveďte zdroj: Sdružení Opolská aglomerace, portál Agglomerations4Borderlands.',
    catalogue: 'Katalog DCAT-AP (JSON-LD) pro datové portály, např. data.gov.cz, dane.gov.pl a data.europa.eu:',
    downloads: 'Soubory ke stažení',
    inLanguage: { pl: 'polsky', cs: 'česky' } as Record<string, string>,
    updated: 'Poslední změna',
    frequency: 'Aktualizace',
    frequencies: { MONTHLY: 'měsíčně', WEEKLY: 'týdně', IRREG: 'nepravidelně' } as Record<string, string>,
    formats: 'CSV (UTF-8, s řádkem záhlaví), JSON a GeoJSON (souřadnice WGS 84); vždy celý, aktuální soubor.',
    empty: 'Katalog je dočasně prázdný.',
  },
});
