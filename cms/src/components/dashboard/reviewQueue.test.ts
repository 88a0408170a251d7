// The 审签 queue each role sees on the dashboard, queried from a real database.
import type { Payload } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import type { ReviewedCollection } from '../../workflow/reviewed'
import { createStaff, sampleData, type Staff } from '../../testing/fixtures'
import { startTestPayload, type TestPayload } from '../../testing/testPayload'
import type { WorkflowState } from '../../workflow/states'
import { waitsFor, loadReviewQueue, type QueueSection, type Viewer } from './reviewQueue'

let t: TestPayload
let staff: Staff
let secondApprover: Viewer
const ids: Record<string, number> = {}

type ItemOptions = { owner?: number; state?: WorkflowState; status?: 'draft' | 'published'; grade?: string; extra?: Record<string, unknown> }

/** Creates an item the way the system does (no user, so no workflow rules): exactly the state asked for. */
async function item(payload: Payload, collection: ReviewedCollection, label: string, options: ItemOptions = {}) {
  const data = { ...(await sampleData(payload, collection, label)), ...options.extra }
  const status = options.status ?? 'draft'
  const doc = await payload.create({
    collection,
    data: { ...data, createdBy: options.owner, _status: status, workflowState: options.state ?? status, grade: options.grade ?? 'normal' },
    draft: status === 'draft',
  } as Parameters<Payload['create']>[0])
  return doc.id as number
}

async function signoff(payload: Payload, collection: ReviewedCollection, docId: number, actor: Viewer & { name: string }, data: Record<string, unknown>) {
  await payload.create({
    collection: 'signoffs',
    data: { docCollection: collection, docId: String(docId), actor: actor.id, actorName: actor.name, actorRole: actor.role, ...data } as never,
    overrideAccess: true,
  })
}

const viewer = (role: keyof Staff): Viewer => ({ id: staff[role].id, role })
const titles = (section: QueueSection | undefined) => section?.items.map((i) => i.title).sort()
const section = (sections: QueueSection[], key: QueueSection['key']) => sections.find((s) => s.key === key)

describe('the 审签 queue', () => {
  beforeAll(async () => {
    t = await startTestPayload()
    const p = t.payload
    staff = await createStaff(p)
    const approver2 = await p.create({ collection: 'users', data: { email: 'approver2@test.example', password: 'test-Password-1', name: '第二签发人', role: 'approver' } })
    secondApprover = { id: approver2.id, role: 'approver' }

    // Waiting for review: a contributor's news, a reviewer's own story, an item nobody entered.
    ids.submittedNews = await item(p, 'news', 'q-submitted', { owner: staff.contributor.id, state: 'submitted' })
    ids.reviewersStory = await item(p, 'stories', 'q-reviewers-own', { owner: staff.reviewer.id, state: 'submitted' })
    ids.orphanEvent = await item(p, 'events', 'q-no-author', { state: 'submitted' })
    // A published item whose newer draft was submitted: the draft's state is what counts.
    ids.revised = await item(p, 'news', 'q-revised', { owner: staff.editor.id, status: 'published' })
    await p.update({ collection: 'news', id: ids.revised, data: { workflowState: 'submitted' }, draft: true })

    // Waiting for sign-off.
    ids.reviewedEvent = await item(p, 'events', 'q-reviewed', { owner: staff.contributor.id, state: 'reviewed' })
    ids.approversFamily = await item(p, 'families', 'q-approvers-own', { owner: staff.approver.id, state: 'reviewed' })
    ids.signedNews = await item(p, 'news', 'q-signed-once', { owner: staff.editor.id, state: 'signed', grade: 'sensitive' })
    await signoff(p, 'news', ids.signedNews, { ...viewer('approver'), name: '签发人甲' }, { action: 'sign', fromState: 'reviewed', toState: 'signed' })

    // Returned to its author, twice: the latest reason is the one that matters.
    ids.returnedNews = await item(p, 'news', 'q-returned', { owner: staff.contributor.id, state: 'returned' })
    const reviewer = { ...viewer('reviewer'), name: '审核人乙' }
    await signoff(p, 'news', ids.returnedNews, reviewer, { action: 'return', fromState: 'submitted', toState: 'returned', comment: '旧意见' })
    await signoff(p, 'news', ids.returnedNews, { ...viewer('contributor'), name: '通讯员' }, { action: 'submit', fromState: 'returned', toState: 'submitted' })
    await signoff(p, 'news', ids.returnedNews, reviewer, { action: 'return', fromState: 'submitted', toState: 'returned', comment: '请补充当事人同意公开的说明' })
    ids.othersReturned = await item(p, 'stories', 'q-editors-returned', { owner: staff.editor.id, state: 'returned' })

    // Not waiting for anyone.
    await item(p, 'news', 'q-draft', { owner: staff.contributor.id })
    await item(p, 'families', 'q-published', { owner: staff.contributor.id, status: 'published' })
  })
  afterAll(() => t?.close())

  it('shows each role only the sections it acts on', async () => {
    const keys = async (v: Viewer) => (await loadReviewQueue(t.payload, v)).map((s) => s.key)
    expect(await keys(viewer('contributor'))).toEqual(['returned', 'mine'])
    expect(await keys(viewer('editor'))).toEqual(['returned', 'mine'])
    expect(await keys(viewer('reviewer'))).toEqual(['review', 'returned', 'mine'])
    expect(await keys(viewer('approver'))).toEqual(['sign', 'returned', 'mine'])
    expect(await keys(viewer('admin'))).toEqual(['review', 'sign', 'returned', 'mine'])
    expect(await keys({ id: 999, role: null })).toEqual([])
  })

  it('待我审核: submitted items, latest draft state, never the reviewer’s own', async () => {
    const review = section(await loadReviewQueue(t.payload, viewer('reviewer')), 'review')
    expect(titles(review)).toEqual(['新闻 q-revised', '新闻 q-submitted', '活动 q-no-author'])
    expect(review?.total).toBe(3)
    const forAdmin = section(await loadReviewQueue(t.payload, viewer('admin')), 'review')
    expect(titles(forAdmin)).toEqual(['故事 q-reviewers-own', '新闻 q-revised', '新闻 q-submitted', '活动 q-no-author'])
  })

  it('待我签发: reviewed and signed items, not one’s own, not a second signature on one’s own first', async () => {
    const sign = section(await loadReviewQueue(t.payload, viewer('approver')), 'sign')
    expect(titles(sign)).toEqual(['活动 q-reviewed'])
    expect(sign?.total).toBe(1)
    const forSecond = section(await loadReviewQueue(t.payload, secondApprover), 'sign')
    expect(titles(forSecond)).toEqual(['新闻 q-signed-once', '活动 q-reviewed', '测某某家庭 q-approvers-own'])
    const signed = forSecond?.items.find((i) => i.id === ids.signedNews)
    expect(signed).toMatchObject({ collection: 'news', collectionLabel: '新闻', state: 'signed', grade: 'sensitive' })
  })

  it('被退回: the viewer’s own returned items, with the latest reason and who gave it', async () => {
    const returned = section(await loadReviewQueue(t.payload, viewer('contributor')), 'returned')
    expect(returned?.total).toBe(1)
    expect(returned?.items[0]).toMatchObject({
      id: ids.returnedNews,
      title: '新闻 q-returned',
      comment: '请补充当事人同意公开的说明',
      returnedBy: '审核人乙',
    })
    expect(titles(section(await loadReviewQueue(t.payload, viewer('editor')), 'returned'))).toEqual(['故事 q-editors-returned'])
    expect(section(await loadReviewQueue(t.payload, viewer('admin')), 'returned')?.total).toBe(0)
  })

  it('我的稿件: all the viewer’s own items, with their state and whom they wait for', async () => {
    const mine = section(await loadReviewQueue(t.payload, viewer('contributor')), 'mine')
    expect(mine?.items.length).toBeGreaterThan(1)
    expect(mine?.items.every((item) => item.waitsFor)).toBe(true)
    expect(mine?.items.find((item) => item.id === ids.returnedNews)).toMatchObject({ state: 'returned', waitsFor: '您：按退回意见修改后重新提交' })
    expect(waitsFor('submitted')).toBe('审核人')
    expect(waitsFor('reviewed')).toBe('签发人')
    expect(waitsFor('signed')).toBe('另一位签发人复签')
  })

  it('counts everything but lists at most the first few per collection', async () => {
    const review = section(await loadReviewQueue(t.payload, viewer('reviewer'), { limitPerCollection: 1 }), 'review')
    expect(review?.total).toBe(3)
    expect(review?.items).toHaveLength(2) // one news, one event
  })

  // Last: it adds an item the other tests do not expect.
  it('counts out the items a signer signed first even when they are not among those listed', async () => {
    const again = await item(t.payload, 'news', 'q-signed-again', { owner: staff.editor.id, state: 'signed', grade: 'sensitive' })
    await signoff(t.payload, 'news', again, { ...viewer('approver'), name: '签发人甲' }, { action: 'sign', fromState: 'reviewed', toState: 'signed' })
    const sign = section(await loadReviewQueue(t.payload, viewer('approver'), { limitPerCollection: 1 }), 'sign')
    expect(titles(sign)).toEqual(['活动 q-reviewed'])
    expect(sign?.total).toBe(1)
    expect(section(await loadReviewQueue(t.payload, secondApprover, { limitPerCollection: 1 }), 'sign')?.total).toBe(4)
  })
})
