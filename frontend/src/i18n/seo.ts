import { defineStrings } from './strings.ts';

/**
 * What search engines, link previews and feed readers show for the portal: descriptions of
 * pages whose API item has no summary, and the titles of the feeds announced in every page's head.
 */
export const seoText = defineStrings({
  pl: {
    siteDescription:
      'Polsko-czeski portal dobrych praktyk w rozwoju obszarów aglomeracyjnych i współpracy transgranicznej Aglomeracji Opolskiej i Aglomeracji Ołomunieckiej.',
    practicesDescription:
      'Dobre praktyki w zakresie rozwoju obszarów aglomeracyjnych i współpracy transgranicznej z Aglomeracji Opolskiej i Aglomeracji Ołomunieckiej.',
    eventsDescription:
      'Wizyty studyjne, wymiany pracowników, spotkania sieci współpracy i konferencje projektu: nadchodzące i archiwalne.',
    partnersDescription: 'Partnerzy projektu i instytucje współpracujące z Polski i Czech.',
    feedPracticesRss: 'Dobre praktyki (RSS)',
    feedPracticesAtom: 'Dobre praktyki (Atom)',
    feedEventsRss: 'Wydarzenia (RSS)',
    feedEventsAtom: 'Wydarzenia (Atom)',
    feedEventsCalendar: 'Kalendarz wydarzeń (iCalendar)',
  },
  cs: {
    siteDescription:
      'Polsko-český portál dobré praxe v rozvoji aglomeračních oblastí a přeshraniční spolupráci Opolské aglomerace a Olomoucké aglomerace.',
    practicesDescription:
      'Příklady dobré praxe v rozvoji aglomeračních oblastí a přeshraniční spolupráci z Opolské aglomerace a Olomoucké aglomerace.',
    eventsDescription:
      'Studijní návštěvy, výměny pracovníků, setkání sítě spolupráce a konference projektu: nadcházející i uplynulé.',
    partnersDescription: 'Partneři projektu a spolupracující instituce z Polska a Česka.',
    feedPracticesRss: 'Dobrá praxe (RSS)',
    feedPracticesAtom: 'Dobrá praxe (Atom)',
    feedEventsRss: 'Akce (RSS)',
    feedEventsAtom: 'Akce (Atom)',
    feedEventsCalendar: 'Kalendář akcí (iCalendar)',
  },
});
