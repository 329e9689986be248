// Links between the views of the extension page (search.html): the search (#q=…), an entity page
// (?entity=…) and the reader (?article=…). Relative, so they work under any extension origin.
export const entityHref = (entityId: string): string => `?entity=${encodeURIComponent(entityId)}`;
export const articleHref = (articleId: string): string => `?article=${encodeURIComponent(articleId)}`;
export const searchHref = (query: string): string =>
  query ? `./search.html#q=${encodeURIComponent(query)}` : './search.html';

export type View =
  | { view: 'search' }
  | { view: 'entity'; entityId: string }
  | { view: 'article'; articleId: string };

/** Which view a location.search asks for. */
export function viewOf(search: string): View {
  const params = new URLSearchParams(search);
  const entityId = params.get('entity');
  if (entityId) return { view: 'entity', entityId };
  const articleId = params.get('article');
  if (articleId) return { view: 'article', articleId };
  return { view: 'search' };
}
