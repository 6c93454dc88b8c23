import type { Locale } from '../i18n/locales';

/**
 * The "Propose a good practice" form of each language: not a CMS page, its own route files
 * (src/pages/zaproponuj-praktyke.astro, src/pages/cs/navrhnout-praxi.astro), linked from the practice list.
 */
export const PROPOSAL_PATHS: Record<Locale, string> = { pl: '/zaproponuj-praktyke/', cs: '/cs/navrhnout-praxi/' };
