// The 三审 workflow through the APIs people use: every step by every role, allowed and refused.
import type { CollectionSlug } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import type { Role } from '../roles'
import { type AnyDoc, createDoc, createStaff, sampleData, type Staff, testPassword } from '../testing/fixtures'
import { restClient } from '../testing/restClient'
import { paragraphsToLexical } from '../seed/lexical'
import { startTestPayload, type TestPayload } from '../testing/testPayload'
import type { WorkflowState } from './states'

type Who = Role | 'anonymous'
const who: Who[] = ['anonymous', 'contributor', 'editor', 'reviewer', 'approver', 'admin']

let t: TestPayload
let rest: ReturnType<typeof restClient>
let staff: Staff
/** A second contributor who writes the items the others act on. */
let writer: { id: number; email: string }
const tokens: Partial<Record<Who | 'writer', string>> = {}

beforeAll(async () => {
  t = await startTestPayload()
  rest = restClient(t.config)
  staff = await createStaff(t.payload)
  const doc = await t.payload.create({ collection: 'users', data: { email: 'writer@test.example', password: testPassword, name: '王某某', role: 'contributor' } })
  writer = { id: doc.id, email: doc.email }
  for (const role of Object.keys(staff) as Role[]) tokens[role] = await rest.login(staff[role].email, testPassword)
  tokens.writer = await rest.login(writer.email, testPassword)
})
afterAll(() => t?.close())

const item = (collection: CollectionSlug, label: string, state: WorkflowState, owner = writer.id, grade?: 'sensitive') =>
  createDoc(t.payload, collection, label, { owner, state, status: state === 'published' ? 'published' : 'draft', grade })

const latest = async (collection: CollectionSlug, id: number) =>
  (await t.payload.findByID({ collection, id, draft: true })) as unknown as AnyDoc & { workflowState: string; _status: string }

const trail = async (collection: string, id: number) =>
  (await t.payload.find({ collection: 'signoffs', where: { docCollection: { equals: collection }, docId: { equals: String(id) } }, sort: 'createdAt' })).docs

// How each step is asked for over REST: the admin's 保存草稿 is ?draft=true, its 发布 is _status: published.
const steps = {
  submit: { from: 'draft', to: 'submitted', url: '?draft=true', body: { workflowAction: 'submit' } },
  approve: { from: 'submitted', to: 'reviewed', url: '?draft=true', body: { workflowAction: 'approve' } },
  publish: { from: 'reviewed', to: 'published', url: '', body: { _status: 'published' } },
  return: { from: 'submitted', to: 'returned', url: '?draft=true', body: { workflowAction: 'return', workflowComment: '事实部分请核实后再报。' } },
  withdraw: { from: 'published', to: 'withdrawn', url: '', body: { workflowAction: 'withdraw', workflowComment: '当事人申请，依法撤下。' } },
} as const satisfies Record<string, { from: WorkflowState; to: WorkflowState; url: string; body: Record<string, unknown> }>
type StepName = keyof typeof steps

const Y = true
const N = false
// On an item written by someone else (a contributor may act only on their own items).
const allowed: Record<Who, Record<StepName, boolean>> = {
  anonymous:   { submit: N, approve: N, publish: N, return: N, withdraw: N },
  contributor: { submit: N, approve: N, publish: N, return: N, withdraw: N },
  editor:      { submit: Y, approve: N, publish: N, return: N, withdraw: N },
  reviewer:    { submit: N, approve: Y, publish: N, return: Y, withdraw: N },
  approver:    { submit: N, approve: N, publish: Y, return: Y, withdraw: Y },
  admin:       { submit: Y, approve: Y, publish: Y, return: Y, withdraw: Y },
}

describe.each(['news', 'stories', 'events', 'families'] as const)('%s: each step by each role over REST', (collection) => {
  it.each(who)('%s', async (role) => {
    const actual = {} as Record<StepName, boolean>
    for (const [name, step] of Object.entries(steps) as [StepName, (typeof steps)[StepName]][]) {
      const doc = await item(collection, `${role}-${name}`, step.from)
      const response = await rest.patch(`/${collection}/${doc.id}${step.url}`, { token: tokens[role as Who], body: step.body })
      const after = await latest(collection, doc.id)
      actual[name] = response.status === 200
      // Allowed: the state moved and the step is on record. Refused: nothing changed.
      if (actual[name]) {
        expect(after.workflowState).toBe(step.to)
        const rows = await trail(collection, doc.id)
        expect(rows.map((r) => [r.action, r.fromState, r.toState, r.actorRole])).toEqual([[name, step.from, step.to, role]])
      } else {
        expect(response.status, JSON.stringify(response.json)).toBe(403)
        expect(after.workflowState).toBe(step.from)
        expect(await trail(collection, doc.id)).toHaveLength(0)
      }
    }
    expect(actual).toEqual(allowed[role as Who])
  })
})

describe('the whole path and its record', () => {
  it('通讯员 submits, 审核 approves, 签发 publishes; the public sees it only then', async () => {
    const created = await rest.post('/news?draft=true', {
      token: tokens.contributor,
      body: { ...(await sampleNews('path')), _status: 'draft', workflowAction: 'submit' },
    })
    expect(created.status).toBe(201)
    const id = created.json.doc.id as number
    expect((await rest.get(`/news/${id}`)).status).toBe(404)
    expect((await rest.patch(`/news/${id}?draft=true`, { token: tokens.reviewer, body: { workflowAction: 'approve', workflowComment: '同意。' } })).status).toBe(200)
    expect((await rest.get(`/news/${id}`)).status).toBe(404)
    expect((await rest.patch(`/news/${id}`, { token: tokens.approver, body: { _status: 'published' } })).status).toBe(200)
    expect((await rest.get(`/news/${id}`)).status).toBe(200)

    const rows = await trail('news', id)
    expect(rows.map((r) => [r.action, r.fromState ?? null, r.toState, r.actorRole, r.actorName])).toEqual([
      ['submit', null, 'submitted', 'contributor', 'contributor'],
      ['approve', 'submitted', 'reviewed', 'reviewer', 'reviewer'],
      ['publish', 'reviewed', 'published', 'approver', 'approver'],
    ])
    expect(rows[1].comment).toBe('同意。')
  })

  it('a return needs a comment and sends the item back to its author, who may edit and resubmit', async () => {
    const doc = await item('news', 'returned', 'submitted')
    const bare = await rest.patch(`/news/${doc.id}?draft=true`, { token: tokens.reviewer, body: { workflowAction: 'return' } })
    expect(bare.status).toBe(403)
    expect(bare.json.errors[0].message).toContain('必须填写审签意见')

    expect((await rest.patch(`/news/${doc.id}?draft=true`, { token: tokens.reviewer, body: { workflowAction: 'return', workflowComment: '标题过长。' } })).status).toBe(200)
    expect((await latest('news', doc.id)).workflowState).toBe('returned')
    const resubmit = await rest.patch(`/news/${doc.id}?draft=true`, { token: tokens.writer, body: { title: '改短的标题', workflowAction: 'submit' } })
    expect(resubmit.status).toBe(200)
    expect((await latest('news', doc.id)).workflowState).toBe('submitted')
  })

  it('authors cannot change an item while it is under review', async () => {
    const doc = await item('news', 'locked', 'submitted')
    const edit = await rest.patch(`/news/${doc.id}?draft=true`, { token: tokens.writer, body: { title: '偷偷改的标题' } })
    expect(edit.status).toBe(403)
    expect((await latest('news', doc.id)).title).not.toBe('偷偷改的标题')
  })

  it('steps out of order are refused: no publishing a draft, no approving twice', async () => {
    const draft = await item('events', 'order-draft', 'draft')
    const publish = await rest.patch(`/events/${draft.id}`, { token: tokens.approver, body: { _status: 'published' } })
    expect(publish.status).toBe(403)
    expect(publish.json.errors[0].message).toContain('须先经审核通过')
    const reviewed = await item('events', 'order-reviewed', 'reviewed')
    expect((await rest.patch(`/events/${reviewed.id}?draft=true`, { token: tokens.reviewer, body: { workflowAction: 'approve' } })).status).toBe(403)
  })

  it('new items cannot be created published, not even by an admin', async () => {
    const response = await rest.post('/news', { token: tokens.admin, body: { ...(await sampleNews('direct')), _status: 'published' } })
    expect(response.status).toBe(403)
    expect((await t.payload.count({ collection: 'news', where: { title: { equals: '新闻 direct' } } })).totalDocs).toBe(0)
  })

  it('withdrawing needs a reason, takes the item off the public API and is recorded', async () => {
    const doc = await item('families', 'withdraw', 'published')
    expect((await rest.get(`/families/${doc.id}`)).status).toBe(200)
    const bare = await rest.patch(`/families/${doc.id}`, { token: tokens.approver, body: { workflowAction: 'withdraw' } })
    expect(bare.json.errors[0].message).toContain('撤稿理由')
    // Payload's own 取消发布 is not a way around the reason.
    expect((await rest.patch(`/families/${doc.id}`, { token: tokens.approver, body: { _status: 'draft' } })).status).toBe(403)
    expect((await rest.get(`/families/${doc.id}`)).status).toBe(200)

    const done = await rest.patch(`/families/${doc.id}`, { token: tokens.approver, body: { workflowAction: 'withdraw', workflowComment: '涉及个人信息。' } })
    expect(done.status).toBe(200)
    expect((await rest.get(`/families/${doc.id}`)).status).toBe(404)
    expect((await trail('families', doc.id)).map((r) => [r.action, r.toState, r.comment])).toEqual([['withdraw', 'withdrawn', '涉及个人信息。']])
  })
})

describe('nobody signs off their own work', () => {
  it('a reviewer cannot approve, nor an approver sign, nor an admin either, an item they wrote', async () => {
    const byReviewer = await item('stories', 'self-review', 'submitted', staff.reviewer.id)
    const review = await rest.patch(`/stories/${byReviewer.id}?draft=true`, { token: tokens.reviewer, body: { workflowAction: 'approve' } })
    expect(review.status).toBe(403)
    expect(review.json.errors[0].message).toContain('不能审核自己撰写的稿件')

    const byApprover = await item('stories', 'self-sign', 'reviewed', staff.approver.id)
    const sign = await rest.patch(`/stories/${byApprover.id}`, { token: tokens.approver, body: { _status: 'published' } })
    expect(sign.status).toBe(403)
    expect(sign.json.errors[0].message).toContain('不能签发自己撰写的稿件')

    const byAdmin = await item('stories', 'self-admin', 'submitted', staff.admin.id)
    expect((await rest.patch(`/stories/${byAdmin.id}?draft=true`, { token: tokens.admin, body: { workflowAction: 'approve' } })).status).toBe(403)
    for (const doc of [byReviewer, byAdmin]) expect((await latest('stories', doc.id)).workflowState).toBe('submitted')
    expect((await latest('stories', byApprover.id))._status).toBe('draft')
  })
})

describe('敏感 items need two different signers', () => {
  it('the first 签发 holds the item for a second signer, who must be someone else', async () => {
    const doc = await item('news', 'sensitive', 'reviewed', writer.id, 'sensitive')
    const oneStep = await rest.patch(`/news/${doc.id}`, { token: tokens.approver, body: { _status: 'published' } })
    expect(oneStep.status).toBe(403)
    expect(oneStep.json.errors[0].message).toContain('两位签发人')

    expect((await rest.patch(`/news/${doc.id}?draft=true`, { token: tokens.approver, body: { workflowAction: 'sign' } })).status).toBe(200)
    expect((await latest('news', doc.id)).workflowState).toBe('signed')
    expect((await rest.get(`/news/${doc.id}`)).status).toBe(404)

    const again = await rest.patch(`/news/${doc.id}`, { token: tokens.approver, body: { _status: 'published' } })
    expect(again.status).toBe(403)
    expect(again.json.errors[0].message).toContain('另一位签发人')

    expect((await rest.patch(`/news/${doc.id}`, { token: tokens.admin, body: { _status: 'published' } })).status).toBe(200)
    expect((await rest.get(`/news/${doc.id}`)).status).toBe(200)
    expect((await trail('news', doc.id)).map((r) => [r.action, r.toState, r.actorRole])).toEqual([
      ['sign', 'signed', 'approver'],
      ['publish', 'published', 'admin'],
    ])
  })
})

describe('the rules hold on every API, not only REST', () => {
  it('GraphQL: a reviewer cannot publish', async () => {
    const doc = await item('news', 'graphql', 'reviewed')
    const { json } = await rest.graphql(`mutation { updateNewsItem(id: ${doc.id}, data: { _status: published }) { id _status } }`, tokens.reviewer)
    expect(json.errors).toHaveLength(1)
    expect((await latest('news', doc.id))._status).toBe('draft')
  })

  it('Local API with a user: the same refusal', async () => {
    const doc = await item('news', 'local', 'submitted')
    const user = await t.payload.findByID({ collection: 'users', id: staff.editor.id })
    await expect(
      t.payload.update({ collection: 'news', id: doc.id, data: { workflowAction: 'approve' } as never, user, overrideAccess: false }),
    ).rejects.toThrow('您的角色不能进行“审核通过”操作')
    expect((await latest('news', doc.id)).workflowState).toBe('submitted')
  })
})

describe('pre-publish checks block 签发', () => {
  it('names the ID number, phone, bank card, banned word and the image without alt it found, and publishes nothing', async () => {
    const photo = await createDoc(t.payload, 'media', 'no-alt-photo')
    // Alt text is required on upload; an image that lost it later (e.g. imported) must still be caught.
    await t.payload.db.updateOne({ collection: 'media', id: photo.id, data: { alt: '' } })
    const doc = await item('news', 'checks', 'reviewed')
    await t.payload.update({
      collection: 'news',
      id: doc.id,
      draft: true,
      data: {
        cover: photo.id,
        body: paragraphsToLexical([
          '当事人身份证号11010519491231002X，电话13912345678。',
          '执行款已转入账户6222020200112345679（示例），扫黑险恶专项斗争持续推进。',
        ]),
      },
    })
    const response = await rest.patch(`/news/${doc.id}`, { token: tokens.approver, body: { _status: 'published' } })
    expect(response.status).toBe(400)
    const message = response.json.errors[0].message as string
    expect(message).toContain('发布前检查未通过')
    for (const found of ['110105', '139', '6222', '扫黑险恶', '扫黑除恶', 'no-alt-photo', '正文第1段', '正文第2段']) expect(message).toContain(found)
    expect((await rest.get(`/news/${doc.id}`)).status).toBe(404)
    expect(await trail('news', doc.id)).toHaveLength(0)
  })
})

describe('typography warnings', () => {
  it('do not block 签发 and are kept in the 审签记录', async () => {
    const doc = await item('news', 'typography', 'reviewed')
    await t.payload.update({ collection: 'news', id: doc.id, draft: true, data: { body: paragraphsToLexical(['法官走进社区,开展普法宣传。。']) } })
    expect((await rest.patch(`/news/${doc.id}`, { token: tokens.approver, body: { _status: 'published' } })).status).toBe(200)
    const [row] = await trail('news', doc.id)
    expect(row.comment).toContain('发布检查提示')
    expect(row.comment).toContain('正文第1段')
  })
})

describe('发布时间 at 签发', () => {
  it('an empty 发布时间 becomes the moment of 签发; one filled in is kept', async () => {
    const undated = await item('news', 'undated', 'reviewed')
    await t.payload.update({ collection: 'news', id: undated.id, data: { publishedAt: null }, draft: true })
    const before = Date.now()
    const { status, json } = await rest.patch(`/news/${undated.id}`, { body: { _status: 'published' }, token: tokens.approver })
    expect(status, JSON.stringify(json)).toBe(200)
    const signedAt = new Date(String((await latest('news', undated.id)).publishedAt)).getTime()
    expect(signedAt).toBeGreaterThanOrEqual(before - 1000)
    expect(signedAt).toBeLessThanOrEqual(Date.now() + 1000)

    const dated = await item('news', 'dated', 'reviewed')
    const chosen = (await latest('news', dated.id)).publishedAt
    await rest.patch(`/news/${dated.id}`, { body: { _status: 'published' }, token: tokens.approver })
    expect((await latest('news', dated.id)).publishedAt).toBe(chosen)
  })
})

describe('scheduled publishing (定时发布)', () => {
  it('an approved item scheduled by a signer is published by the job runner, as that signer', async () => {
    const doc = await item('news', 'scheduled', 'reviewed')
    await t.payload.jobs.queue({
      task: 'schedulePublish',
      input: { type: 'publish', doc: { relationTo: 'news', value: String(doc.id) }, user: { relationTo: 'users', value: staff.approver.id } },
      waitUntil: new Date(Date.now() - 1000),
    } as never)
    expect((await rest.get(`/news/${doc.id}`)).status).toBe(404)
    await t.payload.jobs.run()
    expect((await rest.get(`/news/${doc.id}`)).status).toBe(200)
    expect((await trail('news', doc.id)).map((r) => [r.action, r.actorRole])).toEqual([['publish', 'approver']])
  })

  /** Payload's own scheduled-publish job for `id`, due now, run as the approver who scheduled it. */
  const runScheduledPublish = async (id: number | string) => {
    await t.payload.jobs.queue({
      task: 'schedulePublish',
      input: { type: 'publish', doc: { relationTo: 'news', value: String(id) }, user: { relationTo: 'users', value: staff.approver.id } },
      waitUntil: new Date(Date.now() - 1000),
    } as never)
    await t.payload.jobs.run()
  }

  it('a scheduled item without a 发布时间 is still stopped by the pre-publish check', async () => {
    const doc = await item('news', 'scheduled-undated', 'reviewed')
    await t.payload.update({ collection: 'news', id: doc.id, data: { publishedAt: null }, draft: true })
    await runScheduledPublish(doc.id)
    expect((await latest('news', doc.id))._status).toBe('draft')
  })

  it('a scheduled item that was not approved stays unpublished', async () => {
    const doc = await item('news', 'scheduled-unreviewed', 'submitted')
    await runScheduledPublish(doc.id)
    expect((await latest('news', doc.id))._status).toBe('draft')
  })
})

const sampleNews = (label: string) => sampleData(t.payload, 'news', label)
