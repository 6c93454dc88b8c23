import { problemOf, type FilterProblem, type ListFilters, type ProblemReason } from '../loaders/list-filters';
import type { Locale } from './locales';
import { defineStrings } from './strings';

/** The lists' filters, their error summary, calendar links, event cards' extras and partners' contacts. */
export const listText = defineStrings({
  pl: {
    filters: 'Filtry',
    skipToResults: 'Przejdź do wyników',
    results: 'Wyniki',
    topic: 'Temat',
    agglomeration: 'Aglomeracja',
    country: 'Kraj',
    anyCountry: 'Oba kraje',
    fundingSource: 'Źródło finansowania',
    years: 'Lata realizacji',
    yearFrom: 'Od roku',
    yearTo: 'Do roku',
    partner: 'Partner realizujący',
    anyPartner: 'Wszyscy partnerzy',
    validation: 'Walidacja ekspercka',
    validatedOnly: 'Tylko zweryfikowane przez ekspertów z Polski i Czech',
    eventType: 'Rodzaj wydarzenia',
    organiser: 'Organizator',
    anyOrganiser: 'Wszyscy organizatorzy',
    apply: 'Pokaż wyniki',
    clear: 'Wyczyść filtry',
    page: 'Strona',
    month: 'Miesiąc',
    view: 'Widok',
    show: 'Pokaż',
    upcoming: 'Tylko nadchodzące wydarzenia',
    noPractices: 'Żadna dobra praktyka nie spełnia wybranych warunków.',
    problemTitle: 'Nie rozpoznaliśmy części adresu tej strony',
    problemIntro: 'Lista nie została pokazana, bo tych filtrów nie rozumiemy:',
    unknownValue: 'nie ma takiej wartości; wybierz z listy',
    badYear: 'podaj rok od 1900 do 2100',
    yearOrder: 'rok końcowy nie może być wcześniejszy niż początkowy',
    badPage: 'nie ma strony o takim numerze',
    oneValue: 'wybierz tylko jedną wartość',
    badMonth: 'podaj miesiąc jako rok i miesiąc, RRRR-MM (np. 2026-12), z lat 1900–2100',
    badView: 'wybierz listę albo kalendarz miesiąca',
    unknownFilter: 'Filtr',
    withoutProblems: 'Pokaż wyniki z pozostałymi filtrami',
    allPractices: 'Pokaż wszystkie dobre praktyki',
    allEvents: 'Pokaż wszystkie wydarzenia',
    calendar: 'Kalendarz',
    addToCalendar: 'Dodaj do kalendarza (plik .ics)',
    subscribe: 'Subskrybuj kalendarz wszystkich wydarzeń',
    subscribeChosen: 'Subskrybuj kalendarz wybranych wydarzeń',
    openInCalendarApp: 'otwórz w aplikacji kalendarza',
    feedAddress: 'Adres kalendarza',
    webcalAddress: 'Ten sam adres dla aplikacji kalendarza (webcal)',
    subscribeHint: 'Ten adres można też wkleić w ustawieniach kalendarza (Google, Outlook, Apple): nowe wydarzenia pojawią się w nim same.',
    venue: 'Miejsce',
    registerFor: 'Zarejestruj się',
    contacts: 'Osoby do kontaktu',
    practicesInList: 'Dobre praktyki tego partnera w wykazie z filtrami',
    eventsInList: 'Wydarzenia tego partnera w kalendarzu wydarzeń',
  },
  cs: {
    filters: 'Filtry',
    skipToResults: 'Přejít na výsledky',
    results: 'Výsledky',
    topic: 'Téma',
    agglomeration: 'Aglomerace',
    country: 'Země',
    anyCountry: 'Obě země',
    fundingSource: 'Zdroj financování',
    years: 'Roky realizace',
    yearFrom: 'Od roku',
    yearTo: 'Do roku',
    partner: 'Realizující partner',
    anyPartner: 'Všichni partneři',
    validation: 'Odborné ověření',
    validatedOnly: 'Jen ověřené odborníky z Polska a Česka',
    eventType: 'Typ akce',
    organiser: 'Pořadatel',
    anyOrganiser: 'Všichni pořadatelé',
    apply: 'Zobrazit výsledky',
    clear: 'Zrušit filtry',
    page: 'Strana',
    month: 'Měsíc',
    view: 'Zobrazení',
    show: 'Zobrazit',
    upcoming: 'Jen nadcházející akce',
    noPractices: 'Zvoleným podmínkám neodpovídá žádný příklad dobré praxe.',
    problemTitle: 'Části adresy této stránky nerozumíme',
    problemIntro: 'Seznam jsme nezobrazili, protože těmto filtrům nerozumíme:',
    unknownValue: 'taková hodnota neexistuje; vyberte ze seznamu',
    badYear: 'zadejte rok od 1900 do 2100',
    yearOrder: 'koncový rok nemůže být dříve než počáteční',
    badPage: 'strana s tímto číslem neexistuje',
    oneValue: 'vyberte jen jednu hodnotu',
    badMonth: 'zadejte měsíc jako rok a měsíc, RRRR-MM (např. 2026-12), z let 1900–2100',
    badView: 'vyberte seznam, nebo měsíční kalendář',
    unknownFilter: 'Filtr',
    withoutProblems: 'Zobrazit výsledky s ostatními filtry',
    allPractices: 'Zobrazit všechny příklady dobré praxe',
    allEvents: 'Zobrazit všechny akce',
    calendar: 'Kalendář',
    addToCalendar: 'Přidat do kalendáře (soubor .ics)',
    subscribe: 'Odebírat kalendář všech akcí',
    subscribeChosen: 'Odebírat kalendář vybraných akcí',
    openInCalendarApp: 'otevřít v kalendářové aplikaci',
    feedAddress: 'Adresa kalendáře',
    webcalAddress: 'Tatáž adresa pro kalendářovou aplikaci (webcal)',
    subscribeHint: 'Tuto adresu lze vložit i do nastavení kalendáře (Google, Outlook, Apple): nové akce se v něm objeví samy.',
    venue: 'Místo',
    registerFor: 'Registrovat se',
    contacts: 'Kontaktní osoby',
    practicesInList: 'Dobrá praxe tohoto partnera v seznamu s filtry',
    eventsInList: 'Akce tohoto partnera v kalendáři akcí',
  },
});

type ListText = ReturnType<typeof listText>;

/** A filter's URL parameter → its label's key ('' and parameters no list has fall back to "Filter"). */
const FILTER_LABELS: Record<string, keyof ListText> = {
  topic: 'topic',
  agglomeration: 'agglomeration',
  country: 'country',
  funding_source: 'fundingSource',
  year_from: 'yearFrom',
  year_to: 'yearTo',
  partner: 'partner',
  validated: 'validation',
  type: 'eventType',
  organiser: 'organiser',
  page: 'page',
  month: 'month',
  view: 'view',
  show: 'show',
  upcoming: 'upcoming',
};

const PROBLEM_HINTS: Record<ProblemReason, keyof ListText> = {
  unknown: 'unknownValue',
  year: 'badYear',
  'year-order': 'yearOrder',
  page: 'badPage',
  'one-value': 'oneValue',
  month: 'badMonth',
  view: 'badView',
};

export function filterLabel(locale: Locale, name: string): string {
  return listText(locale)[FILTER_LABELS[name] ?? 'unknownFilter'];
}

/** What is wrong with a filter, said as a hint to fix it. */
export function problemHint(locale: Locale, problem: FilterProblem): string {
  return listText(locale)[PROBLEM_HINTS[problem.reason]];
}

/** The hint shown under the filter `name` when its value was not understood; undefined when it was. */
export function fieldHint(locale: Locale, filters: ListFilters, name: string): string | undefined {
  const problem = problemOf(filters, name);
  return problem && problemHint(locale, problem);
}
