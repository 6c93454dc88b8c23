import type { Loader } from './types';

// One loader per detail page type: the API's item, its summary as the description, its translations.

export const loadPractice: Loader = async ({ api, page }) => {
  const { data } = await api.GET('/api/v2/practices/{id}/', { params: { path: { id: page.id } } });
  if (!data) return undefined;
  return {
    view: { kind: 'practice', practice: data },
    description: data.summary,
    translations: data.translations,
    publicUrl: data.url,
  };
};

export const loadEvent: Loader = async ({ api, page }) => {
  const { data } = await api.GET('/api/v2/events/{id}/', { params: { path: { id: page.id } } });
  if (!data) return undefined;
  return { view: { kind: 'event', event: data }, description: data.summary, translations: data.translations, publicUrl: data.url };
};

/** A partner, with the events it organises as summaries (their dates), latest first. */
export const loadPartner: Loader = async ({ api, page, locale }) => {
  const [{ data }, events] = await Promise.all([
    api.GET('/api/v2/partners/{id}/', { params: { path: { id: page.id } } }),
    api.GET('/api/v2/events/', { params: { query: { locale, organiser: page.id, ordering: ['-start'], limit: 100 } } }),
  ]);
  if (!data) return undefined;
  return {
    view: { kind: 'partner', partner: data, events: events.data?.results },
    translations: data.translations,
    publicUrl: data.url,
  };
};
