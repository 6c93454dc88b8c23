import { defineStrings } from './strings';

/** The home page's own words: the entry points, the project's facts and the upcoming events. */
export const homeText = defineStrings({
  pl: {
    entryPoints: 'Na skróty',
    practicesLead: 'Sprawdzone rozwiązania z Aglomeracji Opolskiej i Aglomeracji Ołomunieckiej',
    eventsLead: 'Wizyty studyjne, staże i spotkania sieci współpracy',
    partnersLead: 'Instytucje z Polski i Czech, które realizują projekt',
    agglomerations: 'Aglomeracje projektu',
    projectAtAGlance: 'Projekt w skrócie',
    upcomingEvents: 'Nadchodzące wydarzenia',
    noUpcomingEvents: 'Obecnie nie planujemy kolejnych wydarzeń. Zobacz archiwum wydarzeń projektu.',
  },
  cs: {
    entryPoints: 'Rozcestník',
    practicesLead: 'Osvědčená řešení z Opolské a Olomoucké aglomerace',
    eventsLead: 'Studijní návštěvy, stáže a setkání sítě spolupráce',
    partnersLead: 'Instituce z Polska a Česka, které projekt realizují',
    agglomerations: 'Aglomerace projektu',
    projectAtAGlance: 'Projekt ve zkratce',
    upcomingEvents: 'Nadcházející akce',
    noUpcomingEvents: 'Další akce zatím nejsou naplánovány. Podívejte se do archivu akcí projektu.',
  },
});
