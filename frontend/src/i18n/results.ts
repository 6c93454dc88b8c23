import { defineStrings } from './strings';

/** The Results page (src/views/ResultsView.astro): the project's figures from /api/v2/stats/. */
export const resultsText = defineStrings({
  pl: {
    title: 'Wyniki',
    description: 'Rezultaty projektu w liczbach: dobre praktyki według tematu, aglomeracji, kraju i źródła finansowania, wydarzenia i pytania zadane o praktyki.',
    intro: 'Liczby z portalu, aktualne w chwili wyświetlenia strony. Każdy wykres ma obok tabelę z tymi samymi danymi.',
    label: 'Kategoria',
    count: 'Liczba',
    share: 'Udział',
    total: 'Razem',
    withheld: '—',
    /** Under a figure of people ({min}: the smallest count published). */
    withheldNote:
      '— oznacza liczbę utajnioną: nie publikujemy liczb osób mniejszych niż {min} ani liczb, z których dałoby się je wyliczyć z sumy.',
    /** Under a figure where one item may be counted in several rows. */
    overlapNote: 'Jedna praktyka może należeć do kilku kategorii, dlatego suma wierszy może być większa od liczby praktyk.',
    nothing: 'Na razie brak danych.',
    totalOf: 'Razem: {count}',
  },
  cs: {
    title: 'Výsledky',
    description: 'Výsledky projektu v číslech: dobrá praxe podle tématu, aglomerace, země a zdroje financování, akce a dotazy položené k dobré praxi.',
    intro: 'Čísla z portálu, aktuální v okamžiku zobrazení stránky. Ke každému grafu patří tabulka se stejnými údaji.',
    label: 'Kategorie',
    count: 'Počet',
    share: 'Podíl',
    total: 'Celkem',
    withheld: '—',
    withheldNote:
      '— znamená skrytý počet: nezveřejňujeme počty osob menší než {min} ani počty, z nichž by se daly dopočítat ze součtu.',
    overlapNote: 'Jedna dobrá praxe může patřit do několika kategorií, proto může být součet řádků větší než počet praxí.',
    nothing: 'Zatím žádné údaje.',
    totalOf: 'Celkem: {count}',
  },
});
