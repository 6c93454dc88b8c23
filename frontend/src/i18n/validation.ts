import { defineStrings } from './strings';

/** A validated practice's mark and its experts' opinions (components/PracticeValidation.astro). */
export const validationStrings = defineStrings({
  pl: {
    heading: 'Zweryfikowana przez ekspertów z Polski i Czech',
    validatedOn: 'Zweryfikowana',
    validatedBy: 'Zweryfikowali',
    country: { PL: 'Polska', CZ: 'Czechy' },
    scores: 'Oceny (1–5)',
    relevance: 'Znaczenie dla rozwoju aglomeracji lub współpracy transgranicznej',
    evidence: 'Udokumentowane rezultaty',
    transferability: 'Możliwość przeniesienia na drugą stronę granicy',
    participation: 'Partycypacja',
  },
  cs: {
    heading: 'Ověřeno odborníky z Polska a Česka',
    validatedOn: 'Ověřeno',
    validatedBy: 'Ověřili',
    country: { PL: 'Polsko', CZ: 'Česko' },
    scores: 'Hodnocení (1–5)',
    relevance: 'Význam pro rozvoj aglomerace nebo přeshraniční spolupráci',
    evidence: 'Doložené výsledky',
    transferability: 'Přenositelnost na druhou stranu hranice',
    participation: 'Participace',
  },
});
