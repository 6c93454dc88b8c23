/**
 * Who may frame the editors' preview: the CMS admin's origins, from CMS_ADMIN_ORIGIN (space- or
 * comma-separated), else the origin of the public API URL, where the admin lives next to the API.
 * Plain TypeScript without Astro imports, so `npm test` runs it under Node directly.
 */
export function frameAncestors(adminOrigins: string, publicApiUrl: string): string {
  const origins = adminOrigins.split(/[\s,]+/).filter(Boolean).flatMap(originOf);
  if (origins.length === 0) origins.push(...originOf(publicApiUrl));
  // Nobody at all rather than anybody, when neither is a URL.
  return `frame-ancestors ${origins.length ? [...new Set(origins)].join(' ') : "'none'"}`;
}

function originOf(url: string): string[] {
  try {
    const { origin } = new URL(url);
    return origin.startsWith('http') ? [origin] : [];
  } catch {
    console.warn(`CMS_ADMIN_ORIGIN: not a URL, ignored: ${url}`);
    return [];
  }
}
