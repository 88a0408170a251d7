// Who wrote an item (createdBy), filled in at depth 1 for staff, is the colleague's name and role,
// not their account: never their login sessions, e-mail or lock state.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { createStaff, sampleData, testPassword, type Staff } from '../../testing/fixtures'
import { restClient } from '../../testing/restClient'
import { startTestPayload, type TestPayload } from '../../testing/testPayload'

let t: TestPayload
let rest: ReturnType<typeof restClient>
let staff: Staff
let newsId: number

beforeAll(async () => {
  t = await startTestPayload()
  rest = restClient(t.config)
  staff = await createStaff(t.payload)
  const contributor = await rest.login(staff.contributor.email, testPassword)
  const made = await rest.post('/news?draft=true', { token: contributor, body: { ...(await sampleData(t.payload, 'news', 'byline')), _status: 'draft' } })
  expect(made.status).toBe(201)
  newsId = made.json.doc.id
})
afterAll(() => t?.close())

describe('a populated author', () => {
  it.each(['editor', 'reviewer', 'approver'] as const)('shows %s a colleague’s name and role only', async (who) => {
    const token = await rest.login(staff[who].email, testPassword)
    const list = await rest.get('/news?depth=1&draft=true', { token })
    const item = await rest.get(`/news/${newsId}?depth=1&draft=true`, { token })
    for (const doc of [list.json.docs.find((d: { id: number }) => d.id === newsId), item.json]) {
      expect(doc.createdBy).toStrictEqual({ id: staff.contributor.id, name: 'contributor', role: 'contributor', collection: 'users' })
    }
  })
})
