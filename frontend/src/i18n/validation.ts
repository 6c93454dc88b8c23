import { defineStrings } from './strings';

/** A validated practice's mark and its experts' opinions (PracticeValidation), and the cards' badge (PracticeCard). */
export const validationStrings = defineStrings({
  pl: {
    heading: 'Zweryfikowana przez ekspertów z Polski i Czech',
    badge: 'Zweryfikowana przez ekspertów',
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
    badge: 'Ověřeno odborníky',
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
