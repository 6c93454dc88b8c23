import { formText } from '../forms/fields.ts';
/** The "Ask about this practice" form as the visitor filled it in, read from the POSTed body. */
export interface EnquiryValues {
  name: string;
  email: string;
  message: string;
  shareAddress: boolean;
  consent: boolean;
  token: string;
  website: string;
}

export const EMPTY_VALUES: EnquiryValues = {
  name: '',
  email: '',
  message: '',
  shareAddress: false,
  consent: false,
  token: '',
  website: '',
};

/** The fields the form shows, in order: their ids are the API's field names, for the error summary's links. */
export const FIELDS = ['name', 'email', 'message', 'consent_to_share_address', 'consent_to_processing'] as const;

/** Reads what the visitor sent; lengths are capped well above the API's limits, which then name the field. */
export function readEnquiry(body: FormData): EnquiryValues {
  return {
    name: formText(body, 'name', 1000).trim(),
    email: formText(body, 'email', 1000).trim(),
    message: formText(body, 'message', 20000).trim(),
    shareAddress: body.get('consent_to_share_address') === 'yes',
    consent: body.get('consent_to_processing') === 'yes',
    token: formText(body, 'token', 500),
    website: formText(body, 'website', 1000),
  };
}

/** The API's request body for `values` about practice `practice`, in `language`. */
export function enquiryRequest(values: EnquiryValues, practice: number, language: 'pl' | 'cs') {
  return {
    practice,
    name: values.name,
    email: values.email,
    message: values.message,
    consent_to_share_address: values.shareAddress,
    consent_to_processing: values.consent,
    language,
    token: values.token,
    website: values.website,
  };
}
