import type { Schemas } from '../api/client';
import { homePath } from '../i18n/locales.ts';
import { searchPath } from '../search/paths.ts';
import type { Breadcrumb, View } from '../loaders/types';
import { describe, sharedImage, type SeoContext } from './meta.ts';
import { plainText } from './text.ts';

/**
 * What a page is, for search engines: schema.org nodes (JSON-LD) built from the same View the
 * page renders, so the structured data never says something the page does not show.
 */

type Node = { [key: string]: unknown };

const SCHEMA = 'https://schema.org';
const EVENT_STATUS: Record<string, string> = {
  scheduled: `${SCHEMA}/EventScheduled`,
  cancelled: `${SCHEMA}/EventCancelled`,
  postponed: `${SCHEMA}/EventPostponed`,
};
const AGGLOMERATION_COUNTRY: Record<string, string> = { opole: 'PL', olomouc: 'CZ' };

/** Drops empty values (null, '', [], typed-but-empty nodes), so a missing field is absent rather than blank. */
function prune(value: unknown): unknown {
  if (Array.isArray(value)) {
    const items = value.map(prune).filter((item) => item !== undefined);
    return items.length ? items : undefined;
  }
  if (value && typeof value === 'object') {
    const entries = Object.entries(value)
      .map(([key, item]) => [key, prune(item)] as const)
      .filter(([, item]) => item !== undefined);
    // A node that only names its type says nothing; one with an @id is a reference and stays.
    return entries.some(([key]) => key !== '@type') ? Object.fromEntries(entries) : undefined;
  }
  return value === null || value === '' ? undefined : value;
}

function oneLine(text: string): string {
  return text
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter(Boolean)
    .join(', ');
}

function geo(latitude: number | null, longitude: number | null): Node | undefined {
  return latitude !== null && longitude !== null ? { '@type': 'GeoCoordinates', latitude, longitude } : undefined;
}

function homeUrl(context: SeoContext): string {
  return `${context.origin}${homePath(context.locale)}`;
}

/** The project as an organisation; other nodes point at it by its @id. */
function project(context: SeoContext): Node {
  return { '@type': 'Organization', '@id': `${homeUrl(context)}#project`, name: context.siteName, url: homeUrl(context) };
}

function organisation(link: { title: string; url: string; short_name?: string }): Node {
  return { '@type': 'Organization', name: link.title, alternateName: link.short_name, url: link.url };
}

function imageObject(context: SeoContext): Node | undefined {
  const image = sharedImage(context);
  return image && { '@type': 'ImageObject', url: image.url, width: image.width, height: image.height, caption: image.alt };
}

function homeNodes(home: Schemas['Home'], context: SeoContext): Node[] {
  const description = describe(context.view, context.locale, context.description);
  const organisationNode: Node = {
    ...project(context),
    name: home.project_name,
    alternateName: home.project_acronym,
    description,
    foundingDate: home.period_start,
    dissolutionDate: home.period_end,
    member: home.partners.map(organisation),
    funding: { '@type': 'Grant', name: home.programme, description: home.co_financing },
  };
  const website: Node = {
    '@type': 'WebSite',
    '@id': `${homeUrl(context)}#website`,
    name: context.siteName,
    url: homeUrl(context),
    description,
    inLanguage: context.locale,
    publisher: { '@id': organisationNode['@id'] },
    // The site's search (src/pages/szukaj.astro, cs/hledat.astro), for engines that offer searching a site.
    potentialAction: {
      '@type': 'SearchAction',
      target: { '@type': 'EntryPoint', urlTemplate: `${context.origin}${searchPath(context.locale)}?q={search_term_string}` },
      'query-input': 'required name=search_term_string',
    },
  };
  return [organisationNode, website];
}

function practiceNode(practice: Schemas['PracticeDetail'], context: SeoContext): Node {
  const names = practice.topics.map((topic) => topic.name);
  return {
    '@type': 'Article',
    headline: practice.title.length > 110 ? `${practice.title.slice(0, 109)}…` : practice.title,
    name: practice.title,
    description: practice.summary,
    url: practice.url,
    mainEntityOfPage: practice.url,
    inLanguage: practice.locale,
    datePublished: practice.first_published_at,
    dateModified: practice.last_published_at,
    image: imageObject(context),
    about: names.map((name) => ({ '@type': 'Thing', name })),
    keywords: names.join(', '),
    spatialCoverage: {
      '@type': 'Place',
      name: practice.municipality,
      address: { '@type': 'PostalAddress', addressLocality: practice.municipality, addressCountry: AGGLOMERATION_COUNTRY[practice.agglomeration] },
      geo: geo(practice.latitude, practice.longitude),
    },
    temporalCoverage: `${practice.start_date}/${practice.end_date ?? '..'}`,
    author: practice.institutions.length ? practice.institutions.map(organisation) : project(context),
    publisher: project(context),
  };
}

function eventNode(event: Schemas['EventDetail'], context: SeoContext): Node {
  // All-day events are dates; the others keep the API's Europe/Warsaw offset, so the time zone travels with them.
  const when = (iso: string) => (event.is_all_day ? iso.slice(0, 10) : iso);
  return {
    '@type': 'Event',
    name: event.title,
    description: event.summary,
    url: event.url,
    inLanguage: event.locale,
    startDate: when(event.start),
    endDate: when(event.end),
    eventStatus: EVENT_STATUS[event.status],
    eventAttendanceMode: `${SCHEMA}/OfflineEventAttendanceMode`,
    location: {
      '@type': 'Place',
      name: event.venue_name || event.city,
      address: {
        '@type': 'PostalAddress',
        streetAddress: oneLine(event.venue_address),
        addressLocality: event.city,
        addressCountry: event.country,
      },
      geo: geo(event.latitude, event.longitude),
    },
    organizer: event.organiser ? organisation(event.organiser) : project(context),
    maximumAttendeeCapacity: event.capacity,
    about: event.related_practices.map((practice) => ({ '@type': 'CreativeWork', name: practice.title, url: practice.url })),
  };
}

function partnerNode(partner: Schemas['PartnerDetail'], context: SeoContext): Node {
  return {
    '@type': 'Organization',
    '@id': `${partner.url}#organization`,
    name: partner.title,
    alternateName: partner.short_name,
    url: partner.website || partner.url,
    mainEntityOfPage: partner.url,
    description: plainText(partner.description),
    logo: imageObject(context),
    address: { '@type': 'PostalAddress', streetAddress: oneLine(partner.address), addressCountry: partner.country },
    location: { '@type': 'Place', geo: geo(partner.latitude, partner.longitude) },
    email: partner.email,
    telephone: partner.phone,
    contactPoint: partner.contacts.map((contact) => ({
      '@type': 'ContactPoint',
      name: contact.name,
      contactType: contact.position,
      email: contact.email,
      telephone: contact.phone,
    })),
    memberOf: partner.role === 'cooperating_institution' ? undefined : project(context),
  };
}

function collection(items: { title: string; url: string }[], context: SeoContext): Node {
  return {
    '@type': 'CollectionPage',
    name: context.title,
    url: context.url,
    inLanguage: context.locale,
    description: describe(context.view, context.locale, context.description),
    isPartOf: { '@id': `${homeUrl(context)}#website` },
    mainEntity: {
      '@type': 'ItemList',
      itemListElement: items.map((item, index) => ({ '@type': 'ListItem', position: index + 1, name: item.title, url: item.url })),
    },
  };
}

function viewNodes(view: View, context: SeoContext): Node[] {
  switch (view.kind) {
    case 'home':
      return homeNodes(view.home, context);
    case 'practice':
      return [practiceNode(view.practice, context)];
    case 'event':
      return [eventNode(view.event, context)];
    case 'partner':
      return [partnerNode(view.partner, context)];
    case 'practices':
      return [collection(view.list.results, context)];
    case 'events':
      return [collection([...view.upcoming, ...view.past], context)];
    case 'partners':
      return [collection(view.partners, context)];
    case 'standard':
      return [
        {
          '@type': 'WebPage',
          name: view.page.title,
          url: view.page.url,
          description: describe(view, context.locale, context.description),
          inLanguage: view.page.locale,
          datePublished: view.page.first_published_at,
          dateModified: view.page.last_published_at,
          isPartOf: { '@id': `${homeUrl(context)}#website` },
        },
      ];
    case 'page':
      return [{ '@type': 'WebPage', name: context.title, url: context.url, inLanguage: context.locale }];
    default:
      return [];
  }
}

/** The trail from the home page to this one, as search results show it. */
export function breadcrumbList(crumbs: Breadcrumb[] | undefined, origin: string): Node | undefined {
  if (!crumbs?.length) return undefined;
  return {
    '@type': 'BreadcrumbList',
    itemListElement: crumbs.map((crumb, index) => ({
      '@type': 'ListItem',
      position: index + 1,
      name: crumb.title,
      item: `${origin}${crumb.path}`,
    })),
  };
}

/** Every schema.org node for the page, each a complete JSON-LD document; none for error pages. */
export function structuredData(context: SeoContext): Node[] {
  if (!context.url) return [];
  const nodes = [...viewNodes(context.view, context), breadcrumbList(context.breadcrumbs, context.origin)];
  return nodes.flatMap((node) => {
    const pruned = node && prune(node);
    return pruned ? [{ '@context': SCHEMA, ...(pruned as Node) }] : [];
  });
}
