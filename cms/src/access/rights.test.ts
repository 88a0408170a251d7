// Every role's rights on every collection, exercised through the REST API the admin and site use.
import type { CollectionSlug } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import type { Role } from '../roles'
import { createDoc, createStaff, sampleData, type Staff, testPassword, tinyPng } from '../testing/fixtures'
import { restClient } from '../testing/restClient'
import { startTestPayload, type TestPayload } from '../testing/testPayload'

type Who = Role | 'anonymous'
const Y = true
const N = false

// Review-track collections: operations on someone else's items, one's own, and published ones.
const draftableOps = ['create', 'readPublished', 'readDraft', 'readOwn', 'updateDraft', 'updateOwn', 'updatePublished', 'deleteDraft', 'deleteOwn', 'publish'] as const
type DraftableOp = (typeof draftableOps)[number]
const draftableRights: Record<Who, Partial<Record<DraftableOp, boolean>>> = {
  //            create readPub readDraft readOwn updDraft updOwn updPub delDraft delOwn publish
  anonymous:   { create: N, readPublished: Y, readDraft: N, updateDraft: N, updatePublished: N, deleteDraft: N, publish: N },
  contributor: { create: Y, readPublished: Y, readDraft: N, readOwn: Y, updateDraft: N, updateOwn: Y, updatePublished: N, deleteDraft: N, deleteOwn: Y, publish: N },
  editor:      { create: Y, readPublished: Y, readDraft: Y, readOwn: Y, updateDraft: Y, updateOwn: Y, updatePublished: N, deleteDraft: Y, deleteOwn: Y, publish: N },
  reviewer:    { create: Y, readPublished: Y, readDraft: Y, readOwn: Y, updateDraft: Y, updateOwn: Y, updatePublished: N, deleteDraft: N, deleteOwn: N, publish: N },
  approver:    { create: Y, readPublished: Y, readDraft: Y, readOwn: Y, updateDraft: Y, updateOwn: Y, updatePublished: Y, deleteDraft: Y, deleteOwn: Y, publish: Y },
  admin:       { create: Y, readPublished: Y, readDraft: Y, readOwn: Y, updateDraft: Y, updateOwn: Y, updatePublished: Y, deleteDraft: Y, deleteOwn: Y, publish: Y },
}

// Other collections: create, read, update and delete of an item someone else made.
type PlainOp = 'create' | 'read' | 'update' | 'delete'
type PlainRights = Record<Who, [boolean, boolean, boolean, boolean]>
const plainRights: Record<'columns' | 'workstations' | 'media' | 'users', PlainRights> = {
  //                         create read update delete
  columns:      { anonymous: [N, Y, N, N], contributor: [N, Y, N, N], editor: [Y, Y, Y, N], reviewer: [N, Y, N, N], approver: [Y, Y, Y, N], admin: [Y, Y, Y, Y] },
  workstations: { anonymous: [N, Y, N, N], contributor: [N, Y, N, N], editor: [Y, Y, Y, N], reviewer: [N, Y, N, N], approver: [Y, Y, Y, N], admin: [Y, Y, Y, Y] },
  media:        { anonymous: [N, Y, N, N], contributor: [Y, Y, N, N], editor: [Y, Y, Y, Y], reviewer: [Y, Y, Y, N], approver: [Y, Y, Y, Y], admin: [Y, Y, Y, Y] },
  users:        { anonymous: [N, N, N, N], contributor: [N, Y, N, N], editor: [N, Y, N, N], reviewer: [N, Y, N, N], approver: [N, Y, N, N], admin: [Y, Y, Y, Y] },
}

const who: Who[] = ['anonymous', 'contributor', 'editor', 'reviewer', 'approver', 'admin']
const draftables: CollectionSlug[] = ['news', 'stories', 'events', 'families']

let t: TestPayload
let rest: ReturnType<typeof restClient>
let staff: Staff
const tokens: Partial<Record<Who, string>> = {}

beforeAll(async () => {
  t = await startTestPayload()
  rest = restClient(t.config)
  staff = await createStaff(t.payload)
  for (const role of Object.keys(staff) as Role[]) tokens[role] = await rest.login(staff[role].email, testPassword)
})
afterAll(() => t?.close())

const ok = (status: number) => status >= 200 && status < 300

describe.each(draftables)('%s (review track)', (collection) => {
  it.each(who)('%s', async (role) => {
    const token = tokens[role]
    const me = role === 'anonymous' ? undefined : staff[role].id
    const other = staff.editor.id === me ? staff.reviewer.id : staff.editor.id
    const mk = (label: string, owner: number | undefined, status: 'draft' | 'published') =>
      createDoc(t.payload, collection, `${role}-${label}`, { owner, status })

    const othersDraft = await mk('others-draft', other, 'draft')
    const published = await mk('published', other, 'published')
    const data = await sampleData(t.payload, collection, `${role}-created`)
    const actual: Partial<Record<DraftableOp, boolean>> = {}

    const created = await rest.post(`/${collection}?draft=true`, { token, body: { ...data, _status: 'draft' } })
    actual.create = ok(created.status)
    actual.readPublished = ok((await rest.get(`/${collection}/${published.id}`, { token })).status)
    actual.readDraft = ok((await rest.get(`/${collection}/${othersDraft.id}?draft=true`, { token })).status)
    actual.updateDraft = ok((await rest.patch(`/${collection}/${othersDraft.id}?draft=true`, { token, body: { _status: 'draft' } })).status)
    actual.updatePublished = ok((await rest.patch(`/${collection}/${published.id}`, { token, body: {} })).status)
    // Publishing is the last step of review (see workflow/workflow.test.ts), so it is tried on an approved item.
    const approved = await createDoc(t.payload, collection, `${role}-approved`, { owner: other, status: 'draft', state: 'reviewed' })
    actual.publish = ok((await rest.patch(`/${collection}/${approved.id}`, { token, body: { _status: 'published' } })).status)
    actual.deleteDraft = ok((await rest.delete(`/${collection}/${(await mk('to-delete', other, 'draft')).id}`, { token })).status)
    if (me !== undefined) {
      const own = await mk('own', me, 'draft')
      actual.readOwn = ok((await rest.get(`/${collection}/${own.id}?draft=true`, { token })).status)
      actual.updateOwn = ok((await rest.patch(`/${collection}/${own.id}?draft=true`, { token, body: { _status: 'draft' } })).status)
      actual.deleteOwn = ok((await rest.delete(`/${collection}/${own.id}`, { token })).status)
    }
    expect(actual).toEqual(draftableRights[role])

    // A refused publish leaves the item unpublished.
    const after = (await t.payload.findByID({ collection, id: approved.id, draft: false })) as { _status?: string }
    expect(after._status).toBe(draftableRights[role].publish ? 'published' : 'draft')
  })
})

describe.each(Object.keys(plainRights) as (keyof typeof plainRights)[])('%s', (collection) => {
  it.each(who)('%s', async (role) => {
    const token = tokens[role]
    const existing = await createDoc(t.payload, collection, `${role}-existing`, { owner: staff.admin.id })
    const victim = await createDoc(t.payload, collection, `${role}-victim`, { owner: staff.admin.id })

    let created
    if (collection === 'media') {
      const form = new FormData()
      form.append('file', new Blob([new Uint8Array(await tinyPng())], { type: 'image/png' }), `${role}-upload.png`)
      form.append('_payload', JSON.stringify({ alt: '测试图片' }))
      created = await rest.post('/media', { token, formData: form })
    } else {
      created = await rest.post(`/${collection}`, { token, body: await sampleData(t.payload, collection, `${role}-new`) })
    }
    const patch = collection === 'media' ? { alt: '改过的说明' } : collection === 'users' ? { name: '改过的名字' } : { [collection === 'columns' ? 'description' : 'address']: '已修改' }
    const actual: [boolean, boolean, boolean, boolean] = [
      ok(created.status),
      ok((await rest.get(`/${collection}/${existing.id}`, { token })).status),
      ok((await rest.patch(`/${collection}/${existing.id}`, { token, body: patch })).status),
      ok((await rest.delete(`/${collection}/${victim.id}`, { token })).status),
    ]
    expect(actual).toEqual(plainRights[collection][role])
  })
})

describe('ownership and self-service', () => {
  it('a contributor may edit the photos they uploaded but not others', async () => {
    const token = tokens.contributor
    const mine = await createDoc(t.payload, 'media', 'contributor-own-photo', { owner: staff.contributor.id })
    expect((await rest.patch(`/media/${mine.id}`, { token, body: { alt: '我的照片' } })).status).toBe(200)
  })

  it('staff update their own profile but cannot promote themselves', async () => {
    const token = tokens.contributor
    const self = await rest.patch(`/users/${staff.contributor.id}`, { token, body: { name: '张某（通讯员）', role: 'admin' } })
    expect(self.status).toBe(200)
    const user = await t.payload.findByID({ collection: 'users', id: staff.contributor.id })
    expect(user.name).toBe('张某（通讯员）')
    expect(user.role).toBe('contributor')
  })

  it('nobody signs themselves up once accounts exist', async () => {
    const signUp = await rest.post('/users', { body: { email: 'stranger@test.example', password: testPassword, name: '陌生人' } })
    expect(signUp.status).toBe(403)
  })

  it('only admins change site settings; editors manage navigation and the standing pages', async () => {
    const settings = (role: Who) => rest.post('/globals/site-settings', { token: tokens[role], body: { phone: '0000-1111111' } })
    const navigation = (role: Who) => rest.post('/globals/navigation', { token: tokens[role], body: { items: [] } })
    const pages = (role: Who) => rest.post('/globals/site-pages', { token: tokens[role], body: { aboutIntro: '法院概况导语' } })
    expect([(await pages('anonymous')).status, (await pages('contributor')).status, (await pages('reviewer')).status, (await pages('editor')).status]).toEqual([403, 403, 403, 200])
    expect([(await settings('anonymous')).status, (await settings('editor')).status, (await settings('admin')).status]).toEqual([403, 403, 200])
    expect([(await navigation('contributor')).status, (await navigation('reviewer')).status, (await navigation('editor')).status]).toEqual([403, 403, 200])
  })
})
