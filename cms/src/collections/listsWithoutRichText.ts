import type { CollectionBeforeOperationHook } from 'payload'

/** The query parameter a REST list caller adds to get the rich text too: `GET /api/news?withRichText=true`. */
export const withRichTextParam = 'withRichText'

/**
 * A REST list (`GET /api/<collection>`) leaves out the collection's top-level rich-text fields
 * (正文, 家风故事, 简介) unless the caller asks for them, with `withRichText=true` or a `select` of
 * its own. A list view shows titles, dates and states; the bodies were most of every answer
 * (about 5 KB of Lexical JSON per news item) and most of its cost: reading, parsing, walking
 * and serialising them took about a third of a 10k list request (README, 列表接口实测 第六轮).
 * One document by id, GraphQL (which selects its own fields), the Local API and the relations
 * Payload fills in (`depth`) are unchanged.
 */
export const leaveRichTextOutOfLists: CollectionBeforeOperationHook = ({ args, collection, operation, req }) => {
  if (operation !== 'read' || req.payloadAPI !== 'REST') return args
  const list = args as { id?: unknown; select?: unknown; currentDepth?: unknown }
  if (list.id !== undefined || list.select !== undefined || typeof list.currentDepth === 'number') return args
  if (req.query?.[withRichTextParam] === 'true') return args
  const richText = collection.fields.filter((field) => field.type === 'richText' && 'name' in field).map((field) => (field as { name: string }).name)
  if (!richText.length) return args
  return { ...args, select: Object.fromEntries(richText.map((name) => [name, false])) }
}
