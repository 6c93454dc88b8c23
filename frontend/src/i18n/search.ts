import type { SearchProblem, SearchProblemReason } from '../search/params';
import type { Locale } from './locales';
import { defineStrings } from './strings';

/** The search page (src/views/SearchView.astro and its components). */
export const searchText = defineStrings({
  pl: {
    title: 'Szukaj',
    resultsTitle: (q: string) => `Wyniki wyszukiwania: „${q}”`,
    pageSuffix: (page: number) => `strona ${page}`,
    intro:
      'Szukaj dobrych praktyk, wydarzeń i partnerów projektu. Wpisz słowo, temat albo nazwę miejscowości: ' +
      'odmiana, wielkość liter i znaki diakrytyczne nie mają znaczenia (wspolpraca znajdzie współpracę), ' +
      'a nazwy miejscowości można wpisać po polsku lub po czesku (Ołomuniec albo Olomouc).',
    examples: 'Na przykład:',
    count: (n: number) =>
      `${n} ${n === 1 ? 'wynik' : n % 10 >= 2 && n % 10 <= 4 && (n % 100 < 12 || n % 100 > 14) ? 'wyniki' : 'wyników'}`,
    results: 'Wyniki',
    someWords: 'Żaden wynik nie zawiera wszystkich słów; pokazujemy te, które zawierają część z nich.',
    refine: 'Zawęź wyniki',
    type: 'Rodzaj',
    topic: 'Temat',
    agglomeration: 'Aglomeracja',
    chosen: 'wybrano, usuń filtr',
    clearFilters: 'Usuń wszystkie filtry',
    types: { practice: 'Dobre praktyki', event: 'Wydarzenia', partner: 'Partnerzy' } as Record<string, string>,
    typeOne: { practice: 'Dobra praktyka', event: 'Wydarzenie', partner: 'Partner' } as Record<string, string>,
    nothingFound: (q: string) => `Nic nie znaleźliśmy dla „${q}”`,
    nothingFoundFiltered: 'Z wybranymi filtrami nie ma wyników.',
    searchWithoutFilters: 'Szukaj bez filtrów',
    tipsHeading: 'Co można zrobić',
    tipSpelling: 'Sprawdź pisownię. Znaki diakrytyczne nie są potrzebne: „wspolpraca” znajdzie „współpracę”.',
    tipPlaces: 'Wpisz nazwę miejscowości w drugim języku, na przykład:',
    tipFewerWords: 'Użyj mniej słów albo słów ogólniejszych.',
    browseTopics: 'Przeglądaj dobre praktyki według tematu',
    browseSections: 'Albo przejdź do wykazu',
    placeExamples: ['Olomouc', 'Opolí', 'Krapkovice'],
    queryExamples: ['transport publiczny', 'rewitalizacja', 'wspolpraca'],
    problemTitle: 'Nie rozpoznaliśmy części adresu tego wyszukiwania',
    problemIntro: 'Wyników nie pokazaliśmy, bo tych parametrów nie rozumiemy:',
    query: 'Szukany tekst',
    page: 'Strona',
    parameter: 'Parametr',
    hints: {
      unknown: 'nie ma takiej wartości; wybierz ją z wyników wyszukiwania',
      'too-many': 'wybierz najwyżej 5 wartości',
      page: 'nie ma strony o takim numerze',
      'one-value': 'podaj tylko jedną wartość',
      'too-long': 'wpisz najwyżej 200 znaków',
      'no-letters': 'wpisz przynajmniej jedną literę lub cyfrę',
    } satisfies Record<SearchProblemReason, string>,
    withoutProblems: 'Szukaj bez tych parametrów',
    newSearch: 'Nowe wyszukiwanie',
  },
  cs: {
    title: 'Hledat',
    resultsTitle: (q: string) => `Výsledky hledání: „${q}“`,
    pageSuffix: (page: number) => `strana ${page}`,
    intro:
      'Hledejte příklady dobré praxe, akce a partnery projektu. Zadejte slovo, téma nebo název obce: ' +
      'na tvaru slova, velikosti písmen ani diakritice nezáleží (spoluprace najde spolupráci) ' +
      'a názvy obcí lze psát česky i polsky (Olomouc i Ołomuniec).',
    examples: 'Například:',
    count: (n: number) => `${n} ${n === 1 ? 'výsledek' : n >= 2 && n <= 4 ? 'výsledky' : 'výsledků'}`,
    results: 'Výsledky',
    someWords: 'Žádný výsledek neobsahuje všechna slova; zobrazujeme ty, které obsahují některá z nich.',
    refine: 'Upřesnit výsledky',
    type: 'Druh',
    topic: 'Téma',
    agglomeration: 'Aglomerace',
    chosen: 'vybráno, zrušit filtr',
    clearFilters: 'Zrušit všechny filtry',
    types: { practice: 'Dobrá praxe', event: 'Akce', partner: 'Partneři' },
    typeOne: { practice: 'Dobrá praxe', event: 'Akce', partner: 'Partner' },
    nothingFound: (q: string) => `Pro „${q}“ jsme nic nenašli`,
    nothingFoundFiltered: 'Se zvolenými filtry nejsou žádné výsledky.',
    searchWithoutFilters: 'Hledat bez filtrů',
    tipsHeading: 'Co můžete zkusit',
    tipSpelling: 'Zkontrolujte pravopis. Diakritika není nutná: „spoluprace“ najde „spolupráci“.',
    tipPlaces: 'Zadejte název obce v druhém jazyce, například:',
    tipFewerWords: 'Použijte méně slov nebo obecnější slova.',
    browseTopics: 'Procházet dobrou praxi podle témat',
    browseSections: 'Nebo přejděte na seznam',
    placeExamples: ['Ołomuniec', 'Opole', 'Krapkowice'],
    queryExamples: ['veřejná doprava', 'revitalizace', 'spoluprace'],
    problemTitle: 'Části adresy tohoto hledání nerozumíme',
    problemIntro: 'Výsledky jsme nezobrazili, protože těmto parametrům nerozumíme:',
    query: 'Hledaný text',
    page: 'Strana',
    parameter: 'Parametr',
    hints: {
      unknown: 'taková hodnota neexistuje; vyberte ji ve výsledcích hledání',
      'too-many': 'vyberte nejvýše 5 hodnot',
      page: 'strana s tímto číslem neexistuje',
      'one-value': 'zadejte jen jednu hodnotu',
      'too-long': 'zadejte nejvýše 200 znaků',
      'no-letters': 'zadejte alespoň jedno písmeno nebo číslici',
    },
    withoutProblems: 'Hledat bez těchto parametrů',
    newSearch: 'Nové hledání',
  },
});

type SearchText = ReturnType<typeof searchText>;

const PARAMETER_LABELS: Record<SearchProblem['name'], keyof SearchText> = {
  q: 'query',
  page: 'page',
  type: 'type',
  topic: 'topic',
  agglomeration: 'agglomeration',
  '': 'parameter',
};

/** What the visitor sees a problem's parameter called. */
export function parameterLabel(locale: Locale, name: SearchProblem['name']): string {
  return searchText(locale)[PARAMETER_LABELS[name]] as string;
}
