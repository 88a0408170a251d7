import type { SQLiteSchemaHook } from '@payloadcms/db-sqlite'
import { index } from '@payloadcms/db-sqlite/drizzle/sqlite-core'
import type { CollectionConfig } from 'payload'

import { type ReviewedCollection, reviewedCollections, reviewedTypes } from './workflow/reviewed'

/**
 * The list indexes of a reviewed collection's own table, in its list order (listSortField, then
 * createdAt, Payload's tie-break): without them SQLite sorted every row, with its tags and
 * relations, for each page (p95 139 ms at 10k news). The first serves the public
 * (`_status = published`), the second staff. Its trailing `_status` and `createdBy` let a
 * contributor's `_status = published OR createdBy = me` be checked in the index: without them each
 * row up to the page was read from the table for the check, and the count read the whole table
 * (about 150 ms per contributor list at 10k news).
 */
export const reviewedListIndexes = (collection: ReviewedCollection): CollectionConfig['indexes'] => {
  const sortField = reviewedTypes[collection].listSortField
  return [{ fields: ['_status', sortField, 'createdAt'] }, { fields: [sortField, 'createdAt', '_status', 'createdBy'] }]
}

/**
 * The admin's list view reads reviewed items with `draft: true`, that is from the versions table
 * (`_news_v`…): `WHERE latest = 1 [AND (version._status = 'published' OR version.createdBy = me)]
 * ORDER BY version.<listSortField> DESC, createdAt DESC` (the version row's own createdAt).
 * Without an index in that order SQLite sorted every latest version, bodies and tags included,
 * for each page (300–650 ms at 10k news). The trailing columns let a contributor's access filter
 * be checked in the index, without reading the rows it skips.
 */
export const indexReviewedLists: SQLiteSchemaHook = ({ schema, extendTable }) => {
  for (const collection of reviewedCollections) {
    const name = `_${collection}_v`
    const table = schema.tables[name]
    if (!table) continue
    const sortField = `version_${reviewedTypes[collection].listSortField}`
    extendTable({
      table,
      extraConfig: (columns) => ({
        latestListIdx: index(`${name}_latest_list_idx`).on(
          columns.latest,
          columns[sortField],
          columns.createdAt,
          columns.version__status,
          columns.version_createdBy,
        ),
      }),
    })
    for (const items of [collection, name]) indexSideTables(schema, extendTable, items)
  }
  return schema
}

/**
 * Every row of a list carries its hasMany values (tags: `<table>_texts`) and relations
 * (`<table>_rels`), each read in a subquery `WHERE parent_id = ? ORDER BY order`. Payload's own
 * indexes are (order, parent_id) and (parent_id) alone: SQLite stepped through every `order` value
 * or sorted each row's relations. (parent_id, order) answers both in one seek, in order.
 */
function indexSideTables(schema: Parameters<SQLiteSchemaHook>[0]['schema'], extendTable: Parameters<SQLiteSchemaHook>[0]['extendTable'], tableName: string) {
  for (const side of [`${tableName}_texts`, `${tableName}_rels`]) {
    const table = schema.tables[side]
    if (!table) continue
    extendTable({ table, extraConfig: (columns) => ({ parentOrderIdx: index(`${side}_parent_order_idx`).on(columns.parent, columns.order) }) })
  }
}
