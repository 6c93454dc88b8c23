/** One page of a list endpoint, as openapi-fetch returns it (`data` absent on a 4xx). */
export type FetchPage<Item> = (offset: number) => Promise<{ data?: { count: number; next?: string | null; results: Item[] } }>;

/**
 * Every item of a paginated list endpoint, page after page until its count is reached: a list
 * never fits one page for certain (the API gives at most 100 items a request).
 */
export async function everyItem<Item>(fetchPage: FetchPage<Item>): Promise<Item[]> {
  const items: Item[] = [];
  for (;;) {
    const { data } = await fetchPage(items.length);
    if (!data) throw new Error('The API refused a list request.');
    items.push(...data.results);
    if (!data.next || data.results.length === 0 || items.length >= data.count) return items;
  }
}
