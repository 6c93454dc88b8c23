import type { Loader } from './types';

/** A standard page (about, contact, the accessibility statement): its intro describes it unless editors wrote one. */
export const loadStandard: Loader = async ({ api, page }) => {
  const { data } = await api.GET('/api/v2/standard-pages/{id}/', { params: { path: { id: page.id } } });
  if (!data) return undefined;
  return {
    view: { kind: 'standard', page: data },
    description: data.search_description || data.intro || undefined,
    translations: data.translations,
    publicUrl: data.url,
  };
};
