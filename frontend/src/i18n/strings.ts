import type { Locale } from './locales';

/**
 * A feature's own strings in both languages, so each feature keeps its words beside it
 * (the Czech object must have exactly the Polish one's keys: the type says so).
 */
export function defineStrings<Strings extends object>(strings: { pl: Strings; cs: NoInfer<Strings> }) {
  return (locale: Locale): Strings => strings[locale];
}
