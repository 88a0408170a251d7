// Site search (contract B of issue 12): the index file, and the site's items as search documents.
export { openSearchIndex, PER_PAGE } from './searchIndex'
export { searchKey, toSearchDoc, type SearchableItem } from './searchDoc'
export { searchIndexPath } from './indexPath'
export type { SearchDoc, SearchHit, SearchIndex, SearchResult } from './types'
