import { defineStrings } from './strings';

/** The editors' preview route (src/pages/api/preview.astro): its notice and its error messages. */
export const previewStrings = defineStrings({
  pl: {
    notice: 'Podgląd wersji roboczej: tej wersji strony nie opublikowano.',
    problemTitle: 'Podgląd niedostępny',
    missingToken: 'W tym adresie brakuje tokenu podglądu albo jest niepełny. Otwórz podgląd z panelu administracyjnego.',
    expiredToken: 'Ten link do podglądu wygasł albo jest nieprawidłowy. Naciśnij „Podgląd” w panelu administracyjnym ponownie.',
    pageGone: 'Strona lub wersja, której dotyczy ten podgląd, już nie istnieje.',
    unavailable: 'Serwis treści jest chwilowo niedostępny. Spróbuj ponownie za chwilę.',
  },
  cs: {
    notice: 'Náhled konceptu: tato verze stránky není zveřejněna.',
    problemTitle: 'Náhled není k dispozici',
    missingToken: 'V této adrese chybí token náhledu nebo je neúplný. Otevřete náhled z administrace.',
    expiredToken: 'Platnost tohoto odkazu na náhled vypršela nebo je neplatný. V administraci znovu stiskněte „Náhled“.',
    pageGone: 'Stránka nebo verze, které se tento náhled týká, již neexistuje.',
    unavailable: 'Obsahová služba je dočasně nedostupná. Zkuste to prosím za chvíli znovu.',
  },
});

export type PreviewProblem = 'missingToken' | 'expiredToken' | 'pageGone' | 'unavailable';
