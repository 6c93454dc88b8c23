import type { Schemas } from '../api/client';
import { formText } from '../forms/fields.ts';

/**
 * The registration form: the fields an event asks (name, e-mail, country and kind of institution always;
 * the rest by the event's `questions`) and what the visitor sent. Field names are the API's
 * (`RegistrationRequest`), so the API's errors land on them and the error summary links to them.
 */
export type Question = Schemas['QuestionsEnum'];

export const TEXT_FIELDS = ['name', 'email', 'institution', 'position', 'needs', 'internship_period', 'internship_host'] as const;
export const CHOICE_FIELDS = ['country', 'institution_kind', 'visit_language'] as const;
export type TextFieldName = (typeof TEXT_FIELDS)[number];
export type ChoiceFieldName = (typeof CHOICE_FIELDS)[number];
export type FieldName = TextFieldName | ChoiceFieldName;

export interface RegistrationField {
  name: FieldName;
  kind: 'line' | 'text' | 'email' | 'choice';
  max: number;
  required: boolean;
}

const field = (name: FieldName, kind: RegistrationField['kind'], max: number, required = true): RegistrationField => ({
  name,
  kind,
  max,
  required,
});

const ALWAYS: RegistrationField[] = [
  field('name', 'line', 100),
  field('email', 'email', 254),
  field('country', 'choice', 2),
  field('institution_kind', 'choice', 24),
];
const BY_QUESTION: Record<Question, RegistrationField[]> = {
  institution: [field('institution', 'line', 200)],
  position: [field('position', 'line', 200, false)],
  visit_language: [field('visit_language', 'choice', 4)],
  needs: [field('needs', 'text', 1000, false)],
  internship: [field('internship_period', 'line', 200), field('internship_host', 'line', 200)],
};

/** The fields of an event's form, in order. */
export function fieldsFor(questions: readonly Question[]): RegistrationField[] {
  return [...ALWAYS, ...(Object.keys(BY_QUESTION) as Question[]).filter((q) => questions.includes(q)).flatMap((q) => BY_QUESTION[q])];
}

/** The choices of the choice fields, as the API takes them. */
export const CHOICES: Record<ChoiceFieldName, readonly string[]> = {
  country: ['PL', 'CZ'],
  institution_kind: ['public_administration', 'university', 'business_support', 'municipal_company', 'ngo', 'other'],
  visit_language: ['pl', 'cs', 'both'],
};

/** Every field the error summary may link to. */
export const FIELD_IDS: readonly string[] = [...TEXT_FIELDS, ...CHOICE_FIELDS, 'consent_to_processing'];

export type RegistrationValues = Record<FieldName, string> & { consent: boolean; token: string; website: string };

export const EMPTY_REGISTRATION: RegistrationValues = {
  ...(Object.fromEntries([...TEXT_FIELDS, ...CHOICE_FIELDS].map((name) => [name, ''])) as Record<FieldName, string>),
  consent: false,
  token: '',
  website: '',
};

/** Reads what the visitor sent; lengths are capped well above the API's limits, which then name the field. */
export function readRegistration(body: FormData): RegistrationValues {
  const values = { ...EMPTY_REGISTRATION };
  for (const name of [...TEXT_FIELDS, ...CHOICE_FIELDS]) values[name] = formText(body, name, 5000).trim();
  return { ...values, consent: body.get('consent_to_processing') === 'yes', token: formText(body, 'token', 500), website: formText(body, 'website', 1000) };
}

/** The API's request body for `values`, registering for `event` in `language`. */
export function registrationRequest(values: RegistrationValues, event: number, language: 'pl' | 'cs') {
  const { consent, token, website, ...answers } = values;
  return { ...answers, event, consent_to_processing: consent, language, token, website } as unknown as Schemas['RegistrationRequest'];
}
