// Every list the admin and the API serve for a reviewed collection is read in index order: SQLite's
// plan for the list query has no sort of its own ("USE TEMP B-TREE FOR ORDER BY" at the top level),
// which at 10k items meant sorting every row, with its tags and relations, for each page.
import type { InStatement } from '@libsql/client'
import type { SQLiteAdapter } from '@payloadcms/db-sqlite'
import type { Payload, Where } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { refreshPlannerStats } from './plannerStats'
import { idOf } from './relations'
import { createDoc, createStaff, type Staff } from './testing/fixtures'
import { startTestPayload, type TestPayload } from './testing/testPayload'
import { reviewedCollections, type ReviewedCollection } from './workflow/reviewed'

type Statement = Extract<InStatement, { sql: string }>
type PlanRow = { id: number; parent: number; detail: string }

let t: TestPayload
let staff: Staff
let client: SQLiteAdapter['client']
let captured: Statement[] | null = null

beforeAll(async () => {
  t = await startTestPayload()
  staff = await createStaff(t.payload)
  client = (t.payload.db as unknown as SQLiteAdapter).client
  // Records the statements Payload runs, to ask SQLite how it would run them.
  const execute = client.execute.bind(client)
  client.execute = ((statement: Statement) => {
    captured?.push(statement)
    return execute(statement)
  }) as typeof client.execute
  for (const collection of reviewedCollections) {
    await createDoc(t.payload, collection, 'published', { status: 'published' })
    await createDoc(t.payload, collection, 'draft', { status: 'draft', owner: staff.contributor.id })
  }
})
afterAll(() => t?.close())

/** The statements Payload runs for `find`. */
async function statementsOf(find: (payload: Payload) => Promise<unknown>): Promise<Statement[]> {
  captured = []
  await find(t.payload)
  const statements = captured
  captured = null
  return statements
}

/** SQLite's plan for the first of `statements` that matches `pattern`. */
async function planOf(statements: Statement[], pattern: RegExp): Promise<PlanRow[]> {
  const statement = statements.find(({ sql }) => pattern.test(sql))
  if (!statement) throw new Error(`no ${pattern} among:\n${statements.map(({ sql }) => sql.slice(0, 120)).join('\n')}`)
  const { rows } = await client.execute({ sql: `EXPLAIN QUERY PLAN ${statement.sql}`, args: statement.args })
  return rows as unknown as PlanRow[]
}

const listQuery = (table: string) => new RegExp(`^select .* from "${table}" "${table}" .*order by .* limit \\?`)

/** The plan of the statement that reads the page of items from `table`. */
const listPlan = async (table: string, find: (payload: Payload) => Promise<unknown>) => planOf(await statementsOf(find), listQuery(table))

/** The top level of the plan: how the table itself is read, not its tags' and relations' subqueries. */
const topLevel = (plan: PlanRow[]) => plan.filter((row) => row.parent === 0).map((row) => row.detail)

const asUser = (role: keyof Staff) => ({ id: staff[role].id, collection: 'users', role }) as never

const cases: { who: string; draft: boolean; user?: keyof Staff; index: (collection: ReviewedCollection) => RegExp }[] = [
  // The admin's list view: latest versions, every item for editors, published or own for contributors.
  { who: 'editor (admin list, drafts)', draft: true, user: 'editor', index: (c) => new RegExp(`_${c}_v_latest_list_idx`) },
  { who: 'contributor (admin list, drafts)', draft: true, user: 'contributor', index: (c) => new RegExp(`_${c}_v_latest_list_idx`) },
  // The API's list: published items for anonymous readers, every item for staff.
  { who: 'anonymous reader', draft: false, index: () => /USING INDEX _status_\w+_createdAt_idx/ },
  { who: 'editor', draft: false, user: 'editor', index: () => /USING INDEX \w*_createdAt\w*_idx/ },
]

type Case = (typeof cases)[number]

async function expectIndexOrder(collection: ReviewedCollection, { draft, user, index }: Case) {
  const table = draft ? `_${collection}_v` : collection
  const plan = await listPlan(table, (payload) =>
    payload.find({
      collection,
      draft,
      limit: 20,
      page: 2,
      depth: 0,
      overrideAccess: false,
      ...(user ? { user: asUser(user) } : {}),
      where: {} as Where,
    }),
  )
  const reads = topLevel(plan)
  expect(reads.join('\n')).toMatch(index(collection))
  expect(reads).not.toContain('USE TEMP B-TREE FOR ORDER BY')
}

describe.each(reviewedCollections)('%s', (collection) => {
  it.each(cases)('lists for $who in index order', (c) => expectIndexOrder(collection, c))
})

// With statistics the planner may pick either list index (both read in order); without them a
// contributor's `published OR own` merged two single-column indexes and sorted every match.
// The server writes them at start (instrumentation.ts); these run after the cases above.
describe('with planner statistics (ANALYZE, as the server runs at start)', () => {
  beforeAll(() => refreshPlannerStats(t.payload))
  const analyzed: Case[] = [
    ...cases.map((c) => ({ ...c, index: c.draft ? c.index : () => /USING (COVERING )?INDEX \w*_createdAt\w*_idx/ })),
    { who: 'contributor', draft: false, user: 'contributor', index: () => /USING (COVERING )?INDEX \w*_createdAt\w*_idx/ },
  ]
  describe.each(reviewedCollections)('%s', (collection) => {
    it.each(analyzed)('lists for $who in index order', (c) => expectIndexOrder(collection, c))
  })
})

// A contributor's API list (`_status = published OR createdBy = me`, no draft) on an archive of
// thousands: the page is read in index order and the check is made in the index (its trailing
// `_status` and `createdBy`, reviewedListIndexes), the count reads an index, not the table, and
// each row's tags and relations are one seek each (indexSideTables).
// Before, SQLite read each row up to the page from the table for the check and counted by reading
// the whole table (about 150 ms per request at 10k news). The planner's choice depends on the
// statistics of a big table, so these copy the published item a few thousand times first.
describe('a contributor\'s list over thousands of published items (ANALYZE)', () => {
  const copies = 3000
  beforeAll(async () => {
    for (const collection of reviewedCollections) {
      await createDoc(t.payload, collection, 'colleague-draft', { status: 'draft', owner: staff.editor.id })
      await copyPublished(collection, copies)
    }
    await refreshPlannerStats(t.payload)
  })

  // The index answers the same question as the table did: published items and the contributor's own, nothing else.
  it.each(reviewedCollections)('%s: the contributor still sees exactly the published items and their own', async (collection) => {
    const seen = await t.payload.find({ collection, pagination: false, depth: 0, overrideAccess: false, user: asUser('contributor') })
    const all = await t.payload.find({ collection, pagination: false, depth: 0 })
    const allowed = all.docs.filter((doc) => doc._status === 'published' || idOf(doc.createdBy) === staff.contributor.id)
    expect(allowed.length).toBe(all.docs.length - 1)
    expect(seen.docs.map((doc) => doc.id).sort()).toEqual(allowed.map((doc) => doc.id).sort())
    const { totalDocs } = await t.payload.count({ collection, overrideAccess: false, user: asUser('contributor') })
    expect(totalDocs).toBe(allowed.length)
  })

  it.each(reviewedCollections)('%s: the page and the count are read from an index that holds the check', async (collection) => {
    const statements = await statementsOf((payload) =>
      payload.find({ collection, limit: 20, page: 50, depth: 0, overrideAccess: false, user: asUser('contributor') }),
    )
    const count = await planOf(statements, new RegExp(`^select count\\(\\*\\) from "${collection}"`))
    expect(topLevel(count).join('\n')).toMatch(/USING COVERING INDEX/)

    const plan = await planOf(statements, listQuery(collection))
    const reads = topLevel(plan)
    // Nor is any row's tags or relations sorted or found by stepping through every order value.
    expect(plan.map((row) => row.detail).join('\n')).not.toMatch(/USE TEMP B-TREE|ANY\(/)
    const used = reads.join('\n').match(/^SCAN \w+ USING INDEX (\w+)$/m)?.[1]
    expect(used, reads.join('\n')).toBeDefined()
    const { rows } = await client.execute(`PRAGMA index_info("${used}")`)
    expect(rows.map((row) => row.name)).toEqual(expect.arrayContaining(['_status', 'created_by_id']))
  })
})

/** `copies` copies of the collection's published item, written straight into its table (unique columns made unique). */
async function copyPublished(table: ReviewedCollection, copies: number) {
  const quote = (name: unknown) => `"${String(name)}"`
  const columns = (await client.execute(`PRAGMA table_info(${quote(table)})`)).rows.map((row) => String(row.name)).filter((name) => name !== 'id')
  const unique = new Set<string>()
  for (const index of (await client.execute(`PRAGMA index_list(${quote(table)})`)).rows) {
    if (!index.unique) continue
    for (const column of (await client.execute(`PRAGMA index_info(${quote(index.name)})`)).rows) unique.add(String(column.name))
  }
  const values = columns.map((name) => (unique.has(name) ? `${quote(name)} || '-' || n` : quote(name)))
  await client.execute({
    sql:
      `WITH RECURSIVE seq(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM seq WHERE n < ?) ` +
      `INSERT INTO ${quote(table)} (${columns.map(quote).join(', ')}) SELECT ${values.join(', ')} FROM ${quote(table)}, seq ` +
      `WHERE ${quote(table)}.id = (SELECT min(id) FROM ${quote(table)} WHERE _status = 'published')`,
    args: [copies],
  })
}
