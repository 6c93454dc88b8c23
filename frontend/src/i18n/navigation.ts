import { defineStrings } from './strings';

/** Breadcrumbs and the footer's links (src/components/Breadcrumbs.astro, SiteFooter.astro). */
export const navigationStrings = defineStrings({
  pl: {
    breadcrumbs: 'Ścieżka nawigacji',
    footerLinks: 'Informacje o portalu',
  },
  cs: {
    breadcrumbs: 'Drobečková navigace',
    footerLinks: 'Informace o portálu',
  },
});
