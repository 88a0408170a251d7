import { REST_DELETE, REST_GET, REST_PATCH, REST_POST } from '@payloadcms/next/routes'
import type { CollectionSlug, SanitizedConfig } from 'payload'

import type { Role } from '../roles'
import type { Grade, WorkflowState } from '../workflow/states'
import { type AnyDoc, createDoc, createStaff, type Staff, testPassword } from './fixtures'
import { restClient } from './restClient'
import { startTestPayload, type TestPayload } from './testPayload'

export type Who = Role | 'anonymous'
export const everyone: Who[] = ['anonymous', 'contributor', 'editor', 'reviewer', 'approver', 'admin']
export const draftables = ['news', 'stories', 'events', 'families'] as const

/**
 * What the security tests attack: a real Payload with one account per role, a second contributor
 * (`writer`) who wrote the items the others act on, and everyone's REST token.
 */
export async function startSecurityWorld() {
  const t: TestPayload = await startTestPayload()
  const rest = restClient(t.config)
  const staff: Staff = await createStaff(t.payload)
  const writerDoc = await t.payload.create({
    collection: 'users',
    data: { email: 'writer@test.example', password: testPassword, name: '王某某', role: 'contributor' },
  })
  const writer = { id: writerDoc.id as number, email: writerDoc.email as string }
  const tokens: Partial<Record<Who | 'writer', string>> = {}
  for (const role of Object.keys(staff) as Role[]) tokens[role] = await rest.login(staff[role].email, testPassword)
  tokens.writer = await rest.login(writer.email, testPassword)

  const item = (collection: CollectionSlug, label: string, state: WorkflowState, options: { owner?: number; grade?: Grade } = {}) =>
    createDoc(t.payload, collection, label, {
      owner: options.owner ?? writer.id,
      state,
      status: state === 'published' ? 'published' : 'draft',
      grade: options.grade,
    })

  /** The newest version, draft or not, as the admin would open it. */
  const latest = async (collection: CollectionSlug, id: number) =>
    (await t.payload.findByID({ collection, id, draft: true })) as unknown as AnyDoc & { workflowState: string; grade: string }

  /** Whether anonymous readers get the item, by id or in the public list. */
  const isPublic = async (collection: CollectionSlug, id: number) => {
    const one = await rest.get(`/${collection}/${id}`)
    const list = await rest.get(`/${collection}?where[id][equals]=${id}`)
    return one.status === 200 || list.json.totalDocs > 0
  }

  const trail = async (collection: string, id: number) =>
    (
      await t.payload.find({
        collection: 'signoffs',
        where: { docCollection: { equals: collection }, docId: { equals: String(id) } },
        sort: 'createdAt',
      })
    ).docs

  const userDoc = (id: number) => t.payload.findByID({ collection: 'users', id })

  return { t, rest, status: statusClient(t.config), staff, writer, tokens, item, latest, isPublic, trail, userDoc }
}

export type SecurityWorld = Awaited<ReturnType<typeof startSecurityWorld>>

/** The status of one call to the real route handlers, whatever the body is (zip, HTML, CSV, JSON). */
function statusClient(config: SanitizedConfig) {
  const handlers = { get: REST_GET(config), post: REST_POST(config), patch: REST_PATCH(config), delete: REST_DELETE(config) }
  return async (method: keyof typeof handlers, url: string, token?: string, body?: unknown) => {
    const headers = new Headers({ 'Accept-Language': 'zh' })
    if (token) headers.set('Authorization', `JWT ${token}`)
    if (body !== undefined) headers.set('Content-Type', 'application/json')
    const request = new Request(`http://localhost:3000/api${url}`, { method: method.toUpperCase(), headers, body: body !== undefined ? JSON.stringify(body) : undefined })
    const slug = url.split('?')[0].split('/').filter(Boolean)
    const response = await handlers[method](request, { params: Promise.resolve({ slug }) })
    await response.arrayBuffer()
    return response.status
  }
}
