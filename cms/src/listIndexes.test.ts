// Every list the admin and the API serve for a reviewed collection is read in index order: SQLite's
// plan for the list query has no sort of its own ("USE TEMP B-TREE FOR ORDER BY" at the top level),
// which at 10k items meant sorting every row, with its tags and relations, for each page.
import type { InStatement } from '@libsql/client'
import type { SQLiteAdapter } from '@payloadcms/db-sqlite'
import type { Payload, Where } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { refreshPlannerStats } from './plannerStats'
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

/** The plan of the statement that reads the page of items from `table`. */
async function listPlan(table: string, find: (payload: Payload) => Promise<unknown>): Promise<PlanRow[]> {
  captured = []
  await find(t.payload)
  const statements = captured
  captured = null
  const list = statements.find(({ sql }) => new RegExp(`^select .* from "${table}" "${table}" .*order by .* limit \\?`).test(sql))
  if (!list) throw new Error(`no list query on ${table} among:\n${statements.map(({ sql }) => sql.slice(0, 120)).join('\n')}`)
  const { rows } = await client.execute({ sql: `EXPLAIN QUERY PLAN ${list.sql}`, args: list.args })
  return rows as unknown as PlanRow[]
}

/** The top level of the plan: how the table itself is read, not its tags' and relations' subqueries. */
const topLevel = (plan: PlanRow[]) => plan.filter((row) => row.parent === 0).map((row) => row.detail)

const asUser = (role: keyof Staff) => ({ id: staff[role].id, collection: 'users', role }) as never

const cases: { who: string; draft: boolean; user?: keyof Staff; index: (collection: ReviewedCollection) => RegExp }[] = [
  // The admin's list view: latest versions, every item for editors, published or own for contributors.
  { who: 'editor (admin list, drafts)', draft: true, user: 'editor', index: (c) => new RegExp(`_${c}_v_latest_list_idx`) },
  { who: 'contributor (admin list, drafts)', draft: true, user: 'contributor', index: (c) => new RegExp(`_${c}_v_latest_list_idx`) },
  // The API's list: published items for anonymous readers, every item for staff.
  { who: 'anonymous reader', draft: false, index: () => /USING INDEX _status_\w+_createdAt_idx/ },
  { who: 'editor', draft: false, user: 'editor', index: () => /USING INDEX \w+_createdAt_idx/ },
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
    ...cases.map((c) => ({ ...c, index: c.draft ? c.index : () => /USING (COVERING )?INDEX \w+_createdAt_idx/ })),
    { who: 'contributor', draft: false, user: 'contributor', index: () => /USING (COVERING )?INDEX \w+_createdAt_idx/ },
  ]
  describe.each(reviewedCollections)('%s', (collection) => {
    it.each(analyzed)('lists for $who in index order', (c) => expectIndexOrder(collection, c))
  })
})
