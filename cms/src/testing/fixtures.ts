import type { CollectionSlug, Payload } from 'payload'
import sharp from 'sharp'

import type { Role } from '../roles'
import { paragraphsToLexical } from '../seed/lexical'
import type { Grade, WorkflowState } from '../workflow/states'

export const testPassword = 'test-Password-1'

export type Staff = Record<Role, { id: number; email: string }>

/** One account per role, created with the Local API (the system's own rights, no user). */
export async function createStaff(payload: Payload): Promise<Staff> {
  const staff = {} as Staff
  for (const role of ['admin', 'contributor', 'editor', 'reviewer', 'approver'] as Role[]) {
    const email = `${role}@test.example`
    const doc = await payload.create({ collection: 'users', data: { email, password: testPassword, name: role, role } })
    staff[role] = { id: doc.id, email }
  }
  return staff
}

export const tinyPng = () =>
  sharp({ create: { width: 40, height: 30, channels: 3, background: '#b3261e' } }).png().toBuffer()

/** Minimal valid data for each collection, so tests say only what they are about. */
export async function sampleData(payload: Payload, collection: CollectionSlug, label: string): Promise<Record<string, unknown>> {
  switch (collection) {
    case 'news': {
      const column = await ensure(payload, 'columns', { title: '测试栏目', slug: 'test-column' })
      return { title: `新闻 ${label}`, column, publishedAt: '2025-05-01T09:00:00+08:00', body: sampleBody(label) }
    }
    case 'stories': {
      const workstation = await ensure(payload, 'workstations', { name: '测试工作站', township: '测试镇', slug: 'test-station' })
      return { title: `故事 ${label}`, workstation, kind: 'mediation', date: '2025-05-01', body: sampleBody(label) }
    }
    case 'events':
      return { title: `活动 ${label}`, startAt: '2025-05-01T09:00:00+08:00', venueKind: 'school', format: 'lecture', body: sampleBody(label) }
    case 'families':
      return { familyName: `测某某家庭 ${label}`, year: 2025, motto: '清白做人，干净做事', story: sampleBody(label) }
    case 'columns':
      return { title: `栏目 ${label}` }
    case 'workstations':
      return { name: `工作站 ${label}`, township: '测试镇' }
    case 'users':
      return { email: `user-${label.replace(/\W+/g, '-')}@test.example`, password: testPassword, name: label, role: 'contributor' }
    default:
      throw new Error(`no sample data for ${collection}`)
  }
}

/** A body that passes the pre-publish checks. */
const sampleBody = (label: string) => paragraphsToLexical([`这是测试稿件“${label}”的正文，法官深入村镇开展普法宣传。`])

async function ensure(payload: Payload, collection: CollectionSlug, data: Record<string, unknown>) {
  const { docs } = await payload.find({ collection, where: { slug: { equals: data.slug } }, limit: 1 })
  return docs[0]?.id ?? (await payload.create({ collection, data })).id
}

/** Creates a document directly (no access control), as a given owner and status. */
export type AnyDoc = { id: number; slug?: string; _status?: string; [field: string]: unknown }

export async function createDoc(
  payload: Payload,
  collection: CollectionSlug,
  label: string,
  options: { owner?: number; status?: 'draft' | 'published'; state?: WorkflowState; grade?: Grade } = {},
): Promise<AnyDoc> {
  if (collection === 'media') {
    const data = await tinyPng()
    return payload.create({
      collection: 'media',
      data: { alt: `图片 ${label}`, createdBy: options.owner },
      file: { data, mimetype: 'image/png', name: `${label.replace(/\W+/g, '-')}.png`, size: data.length },
    }) as unknown as Promise<AnyDoc>
  }
  const data = await sampleData(payload, collection, label)
  const draft = options.status === 'draft'
  // Collection-generic code: Payload's per-collection typing cannot follow a runtime slug.
  const args = {
    collection,
    data: {
      ...data,
      createdBy: options.owner,
      ...(options.status ? { _status: options.status } : {}),
      ...(options.state ? { workflowState: options.state } : {}),
      ...(options.grade ? { grade: options.grade } : {}),
    },
    draft,
  }
  return payload.create(args as Parameters<Payload['create']>[0]) as unknown as Promise<AnyDoc>
}
