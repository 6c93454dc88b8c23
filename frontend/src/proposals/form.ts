import { formText } from '../forms/fields.ts';
/**
 * The "Propose a good practice" form: its fields, in the order shown, and what the visitor sent.
 * Field names are the API's (`ProposalRequest`), so the API's errors land on them and the error
 * summary links to them.
 */
export interface ProposalField {
  name: TextFieldName;
  kind: 'line' | 'text' | 'email';
  /** The API's maximum (the browser's `maxlength`); the API checks it again. */
  max: number;
  required: boolean;
}

export const TEXT_FIELDS = [
  'title',
  'summary',
  'challenge',
  'solution',
  'resources',
  'timescale',
  'results',
  'difficulties',
  'transferability',
  'municipality',
  'latitude',
  'longitude',
  'institution',
  'contact_person',
  'name',
  'email',
  'organisation',
] as const;
export type TextFieldName = (typeof TEXT_FIELDS)[number];

const field = (name: TextFieldName, kind: ProposalField['kind'], max: number, required = false): ProposalField => ({
  name,
  kind,
  max,
  required,
});

/** The practice, grouped as the template groups it, then the proposer. */
export const PRACTICE_FIELDS: ProposalField[] = [
  field('title', 'line', 100, true),
  field('summary', 'text', 300, true),
  field('challenge', 'text', 5000, true),
  field('solution', 'text', 5000, true),
  field('results', 'text', 5000, true),
  field('transferability', 'text', 5000, true),
  field('difficulties', 'text', 5000),
  field('resources', 'text', 5000),
  field('timescale', 'line', 200),
];
export const PLACE_FIELDS: ProposalField[] = [
  field('municipality', 'line', 120, true),
  field('latitude', 'line', 20),
  field('longitude', 'line', 20),
  field('institution', 'line', 200),
  field('contact_person', 'line', 120),
];
export const PROPOSER_FIELDS: ProposalField[] = [
  field('name', 'line', 100, true),
  field('email', 'email', 254, true),
  field('organisation', 'line', 200),
];

/** Every field the error summary may link to. */
export const FIELD_IDS: readonly string[] = [...TEXT_FIELDS, 'partner', 'topics', 'consent_to_processing'];

export type ProposalValues = Record<TextFieldName, string> & {
  /** The chosen partner's id, '' for "another institution" (typed into `institution`). */
  partner: string;
  topics: string[];
  consent: boolean;
  token: string;
  website: string;
};

export const EMPTY_PROPOSAL: ProposalValues = {
  ...(Object.fromEntries(TEXT_FIELDS.map((name) => [name, ''])) as Record<TextFieldName, string>),
  partner: '',
  topics: [],
  consent: false,
  token: '',
  website: '',
};

/** Reads what the visitor sent; lengths are capped well above the API's limits, which then name the field. */
export function readProposal(body: FormData): ProposalValues {
  const texts = Object.fromEntries(TEXT_FIELDS.map((name) => [name, formText(body, name, 20000).trim()]));
  return {
    ...(texts as Record<TextFieldName, string>),
    partner: formText(body, 'partner', 20).trim(),
    topics: body
      .getAll('topics')
      .filter((value): value is string => typeof value === 'string')
      .slice(0, 20),
    consent: body.get('consent_to_processing') === 'yes',
    token: formText(body, 'token', 500),
    website: formText(body, 'website', 1000),
  };
}

/**
 * The API's request body for `values`, in `language`: empty coordinates and no partner are left out; a partner
 * that is not an id is sent as 0, which the API refuses naming the field.
 */
export function proposalRequest(values: ProposalValues, language: 'pl' | 'cs') {
  const { consent, topics, token, website, latitude, longitude, partner, ...texts } = values;
  return {
    ...texts,
    ...(partner ? { partner: /^\d{1,10}$/.test(partner) ? Number(partner) : 0 } : {}),
    ...(latitude || longitude ? { latitude: latitude || null, longitude: longitude || null } : {}),
    topics,
    consent_to_processing: consent,
    language,
    token,
    website,
  };
}
