// Security specification: 三审 (submit → review → sign) cannot be skipped on any path.
// Each save is judged by what it does to the public version, never by what the request claims.
import type { CollectionSlug } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { paragraphsToLexical } from '../seed/lexical'
import { draftables, type SecurityWorld, startSecurityWorld } from '../testing/securityWorld'

let w: SecurityWorld
beforeAll(async () => {
  w = await startSecurityWorld()
})
afterAll(() => w?.t.close())

const publishers = ['approver', 'admin'] as const
const leaky = paragraphsToLexical(['当事人身份证号11010519491231002X，请联系13912345678。'])
const bodyField = (collection: CollectionSlug) => (collection === 'families' ? 'story' : 'body')

/** A reviewed item whose text would fail the pre-publish checks. */
async function leakyReviewed(collection: CollectionSlug, label: string) {
  const doc = await w.item(collection, label, 'reviewed')
  await w.t.payload.update({ collection, id: doc.id, draft: true, data: { [bodyField(collection)]: leaky } })
  return doc
}

/** Nothing public, nothing on record, the 审签状态 unchanged. */
async function expectUntouched(collection: CollectionSlug, id: number, state: string) {
  expect(await w.isPublic(collection, id)).toBe(false)
  expect((await w.latest(collection, id)).workflowState).toBe(state)
  expect(await w.trail(collection, id)).toHaveLength(0)
}

const chinese = (message: unknown) => expect(String(message)).toMatch(/[\u4e00-\u9fff]/)

describe('?draft=true does not turn a publish into a draft save', () => {
  describe.each(draftables)('%s', (collection) => {
    it.each(publishers)('%s cannot publish an unreviewed draft with ?draft=true and _status published', async (role) => {
      const doc = await w.item(collection, `draft-flag-${role}`, 'draft')
      const response = await w.rest.patch(`/${collection}/${doc.id}?draft=true`, { token: w.tokens[role], body: { _status: 'published' } })
      expect(response.status).toBe(403)
      chinese(response.json.errors?.[0]?.message)
      await expectUntouched(collection, doc.id, 'draft')
    })

    it.each(publishers)('%s: the pre-publish checks run on such a request', async (role) => {
      const doc = await leakyReviewed(collection, `draft-flag-checks-${role}`)
      const response = await w.rest.patch(`/${collection}/${doc.id}?draft=true`, { token: w.tokens[role], body: { _status: 'published' } })
      expect(response.status).toBe(400)
      expect(response.json.errors[0].message).toContain('发布前检查未通过')
      await expectUntouched(collection, doc.id, 'reviewed')
    })
  })

  it('on a reviewed, clean item the same request is the 签发 step, with its record', async () => {
    const doc = await w.item('news', 'draft-flag-clean', 'reviewed')
    const response = await w.rest.patch(`/news/${doc.id}?draft=true`, { token: w.tokens.approver, body: { _status: 'published' } })
    expect(response.status).toBe(200)
    expect(await w.isPublic('news', doc.id)).toBe(true)
    expect((await w.latest('news', doc.id)).workflowState).toBe('published')
    expect((await w.trail('news', doc.id)).map((r) => [r.action, r.fromState, r.toState, r.actorRole])).toEqual([
      ['publish', 'reviewed', 'published', 'approver'],
    ])
  })

  it('publishSpecificLocale-style options change nothing', async () => {
    const doc = await w.item('news', 'locale-flag', 'draft')
    const response = await w.rest.patch(`/news/${doc.id}?draft=true&publishSpecificLocale=zh&publishAllLocales=true`, {
      token: w.tokens.admin,
      body: { _status: 'published' },
    })
    expect(response.status).toBe(403)
    await expectUntouched('news', doc.id, 'draft')
  })

  it('creating with ?draft=true and _status published makes a draft, never a public item', async () => {
    const data = await w.t.payload.findByID({ collection: 'news', id: (await w.item('news', 'template', 'draft')).id, depth: 0, draft: true })
    const response = await w.rest.post('/news?draft=true', {
      token: w.tokens.admin,
      body: { title: '直接发布的新稿', column: data.column, publishedAt: data.publishedAt, body: data.body, _status: 'published' },
    })
    if (response.status < 300) {
      expect(await w.isPublic('news', response.json.doc.id)).toBe(false)
      expect(await w.trail('news', response.json.doc.id)).toHaveLength(0)
    } else {
      chinese(response.json.errors?.[0]?.message)
    }
  })
})

describe('GraphQL follows the same rule', () => {
  it.each(publishers)('%s cannot publish an unreviewed draft with draft: true', async (role) => {
    const doc = await w.item('news', `graphql-draft-${role}`, 'draft')
    const { json } = await w.rest.graphql(
      `mutation { updateNewsItem(id: ${doc.id}, draft: true, data: { _status: published }) { id _status } }`,
      w.tokens[role],
    )
    expect(json.errors).toHaveLength(1)
    chinese(json.errors[0].message)
    await expectUntouched('news', doc.id, 'draft')
  })

  it('the checks run for a GraphQL publish of a reviewed item', async () => {
    const doc = await leakyReviewed('stories', 'graphql-checks')
    const { json } = await w.rest.graphql(
      `mutation { updateStory(id: ${doc.id}, draft: true, data: { _status: published }) { id _status } }`,
      w.tokens.approver,
    )
    expect(json.errors?.[0]?.message).toContain('发布前检查未通过')
    await expectUntouched('stories', doc.id, 'reviewed')
  })
})

describe('the Local API with a user follows the same rule', () => {
  it('draft: true with _status published is a publish, and refused on an unreviewed draft', async () => {
    const doc = await w.item('events', 'local-draft', 'draft')
    const user = await w.userDoc(w.staff.admin.id)
    await expect(
      w.t.payload.update({ collection: 'events', id: doc.id, draft: true, data: { _status: 'published' }, user, overrideAccess: false }),
    ).rejects.toThrow('须先经审核通过')
    await expectUntouched('events', doc.id, 'draft')
  })

  it('an unpublish without the 撤稿 step is refused even as draft: false', async () => {
    const doc = await w.item('families', 'local-unpublish', 'published')
    const user = await w.userDoc(w.staff.approver.id)
    await expect(
      w.t.payload.update({ collection: 'families', id: doc.id, data: { _status: 'draft' }, user, overrideAccess: false }),
    ).rejects.toThrow('撤稿')
    expect(await w.isPublic('families', doc.id)).toBe(true)
  })

  it('a draft revision of a published item (draft: true) leaves the public version alone', async () => {
    const doc = await w.item('families', 'local-revision', 'published')
    const user = await w.userDoc(w.staff.approver.id)
    await w.t.payload.update({ collection: 'families', id: doc.id, draft: true, data: { motto: '新的家训' }, user, overrideAccess: false })
    expect(await w.isPublic('families', doc.id)).toBe(true)
    expect((await w.rest.get(`/families/${doc.id}`)).json.motto).not.toBe('新的家训')
  })
})

describe('bulk updates follow the same rule', () => {
  it.each(publishers)('%s: PATCH /api/news?where=…&draft=true with _status published publishes nothing unreviewed', async (role) => {
    const doc = await w.item('news', `bulk-${role}`, 'draft')
    const response = await w.rest.patch(`/news?where[id][equals]=${doc.id}&draft=true`, { token: w.tokens[role], body: { _status: 'published' } })
    expect(response.json.docs ?? []).toHaveLength(0)
    chinese(response.json.errors?.[0]?.message)
    await expectUntouched('news', doc.id, 'draft')
  })
})

describe('restoring a version follows the same rule', () => {
  it('a withdrawn item cannot be put back online by restoring its published version', async () => {
    const doc = await w.item('news', 'restore-withdrawn', 'reviewed')
    expect((await w.rest.patch(`/news/${doc.id}`, { token: w.tokens.approver, body: { _status: 'published' } })).status).toBe(200)
    const { docs } = await w.t.payload.findVersions({ collection: 'news', where: { parent: { equals: doc.id }, 'version._status': { equals: 'published' } } })
    const published = docs[0]
    expect(published).toBeDefined()
    const withdraw = await w.rest.patch(`/news/${doc.id}`, { token: w.tokens.approver, body: { workflowAction: 'withdraw', workflowComment: '依法撤下。' } })
    expect(withdraw.status).toBe(200)
    expect(await w.isPublic('news', doc.id)).toBe(false)

    for (const role of ['approver', 'admin'] as const) {
      const response = await w.rest.post(`/news/versions/${published.id}`, { token: w.tokens[role] })
      expect(response.status, role).toBe(403)
      chinese(response.json.errors?.[0]?.message)
      expect(await w.isPublic('news', doc.id)).toBe(false)
    }
    // Restored as a draft it is working material again, still withdrawn and off the portal.
    expect((await w.rest.post(`/news/versions/${published.id}?draft=true`, { token: w.tokens.admin })).status).toBe(200)
    {
      expect(await w.isPublic('news', doc.id)).toBe(false)
      expect((await w.latest('news', doc.id)).workflowState).toBe('withdrawn')
    }
    expect((await w.trail('news', doc.id)).map((r) => r.action)).toEqual(['publish', 'withdraw'])
  })

  it('restoring an unreviewed draft version over a published item neither publishes it nor unpublishes without 撤稿', async () => {
    const doc = await w.item('news', 'restore-draft', 'published')
    const user = await w.userDoc(w.staff.approver.id)
    await w.t.payload.update({ collection: 'news', id: doc.id, draft: true, data: { body: leaky }, user, overrideAccess: false })
    const { docs } = await w.t.payload.findVersions({ collection: 'news', where: { parent: { equals: doc.id }, 'version._status': { equals: 'draft' } }, sort: '-updatedAt' })
    const response = await w.rest.post(`/news/versions/${docs[0].id}`, { token: w.tokens.approver })
    expect(response.status).toBe(403)
    chinese(response.json.errors[0].message)
    const live = await w.rest.get(`/news/${doc.id}`)
    expect(live.status).toBe(200)
    expect(JSON.stringify(live.json)).not.toContain('11010519491231002X')
  })

  it('a plain save over a pending draft revision does not unpublish the item without 撤稿', async () => {
    const doc = await w.item('stories', 'pending-revision', 'published')
    const user = await w.userDoc(w.staff.approver.id)
    await w.t.payload.update({ collection: 'stories', id: doc.id, draft: true, data: { title: '待审的修改' }, user, overrideAccess: false })
    for (const body of [{ _status: 'draft' }, { title: '再改一次' }]) {
      const response = await w.rest.patch(`/stories/${doc.id}`, { token: w.tokens.approver, body })
      expect(response.status, JSON.stringify(body)).toBe(403)
      expect(await w.isPublic('stories', doc.id)).toBe(true)
    }
  })
})

describe('scheduled publishing (定时发布) follows the same rule', () => {
  const schedule = (id: number, user?: number) =>
    w.t.payload.jobs.queue({
      task: 'schedulePublish',
      input: { type: 'publish', doc: { relationTo: 'news', value: String(id) }, ...(user ? { user: { relationTo: 'users', value: user } } : {}) },
      waitUntil: new Date(Date.now() - 1000),
    } as never)

  it('a scheduled publish of an unreviewed draft, or of one that fails the checks, publishes nothing', async () => {
    const unreviewed = await w.item('news', 'scheduled-draft', 'draft')
    const leakyDoc = await leakyReviewed('news', 'scheduled-leaky')
    await schedule(unreviewed.id, w.staff.admin.id)
    await schedule(leakyDoc.id, w.staff.approver.id)
    await w.t.payload.jobs.run()
    await expectUntouched('news', unreviewed.id, 'draft')
    await expectUntouched('news', leakyDoc.id, 'reviewed')
  })

  it('staff cannot queue or run jobs over REST, not even a signer', async () => {
    const doc = await w.item('news', 'scheduled-rest', 'draft')
    for (const role of ['contributor', 'editor', 'reviewer', 'approver'] as const) {
      const queued = await w.rest.post('/payload-jobs', {
        token: w.tokens[role],
        body: { taskSlug: 'schedulePublish', input: { type: 'publish', doc: { relationTo: 'news', value: String(doc.id) } } },
      })
      expect(queued.status, role).toBe(403)
      expect((await w.rest.get('/payload-jobs/run', { token: w.tokens[role] })).status, role).toBe(401)
    }
    expect((await w.rest.get('/payload-jobs/run', { token: w.tokens.admin })).status).toBe(200)
    await expectUntouched('news', doc.id, 'draft')
  })
})

describe('敏感 items: the stored grade counts and regrading is its own recorded step', () => {
  it('a signer cannot dodge the second signature by sending grade normal with the publish', async () => {
    for (const query of ['', '?draft=true']) {
      const doc = await w.item('news', `grade-dodge${query}`, 'reviewed', { grade: 'sensitive' })
      const response = await w.rest.patch(`/news/${doc.id}${query}`, { token: w.tokens.approver, body: { _status: 'published', grade: 'normal' } })
      expect(response.status).toBe(403)
      chinese(response.json.errors[0].message)
      expect(await w.isPublic('news', doc.id)).toBe(false)
      expect((await w.latest('news', doc.id)).grade).toBe('sensitive')
      expect(await w.trail('news', doc.id)).toHaveLength(0)
    }
  })

  it('a signer cannot regrade in the same request as a 签发', async () => {
    const doc = await w.item('news', 'grade-with-sign', 'reviewed', { grade: 'sensitive' })
    const response = await w.rest.patch(`/news/${doc.id}?draft=true`, { token: w.tokens.approver, body: { workflowAction: 'sign', grade: 'normal' } })
    expect(response.status).toBe(403)
    expect(response.json.errors[0].message).toContain('稿件等级')
    expect((await w.latest('news', doc.id)).grade).toBe('sensitive')
  })

  it('authors and editors cannot regrade a submitted item; a reviewer can, and it is recorded', async () => {
    const doc = await w.item('news', 'grade-submitted', 'submitted', { grade: 'sensitive' })
    for (const who of ['writer', 'editor'] as const) {
      const response = await w.rest.patch(`/news/${doc.id}?draft=true`, { token: w.tokens[who], body: { grade: 'normal' } })
      expect(response.status, who).toBe(403)
    }
    expect((await w.latest('news', doc.id)).grade).toBe('sensitive')
    const regrade = await w.rest.patch(`/news/${doc.id}?draft=true`, { token: w.tokens.reviewer, body: { grade: 'normal', workflowComment: '不涉敏感内容。' } })
    expect(regrade.status).toBe(200)
    expect((await w.latest('news', doc.id)).grade).toBe('normal')
    expect((await w.latest('news', doc.id)).workflowState).toBe('submitted')
    expect((await w.trail('news', doc.id)).map((r) => [r.action, r.fromState, r.toState, r.actorRole, r.comment])).toEqual([
      ['regrade', 'submitted', 'submitted', 'reviewer', '稿件等级由“敏感”改为“一般”\n不涉敏感内容。'],
    ])
  })

  it('the author may still set the grade of their own draft before submitting', async () => {
    const doc = await w.item('news', 'grade-draft', 'draft')
    expect((await w.rest.patch(`/news/${doc.id}?draft=true`, { token: w.tokens.writer, body: { grade: 'sensitive' } })).status).toBe(200)
    expect((await w.latest('news', doc.id)).grade).toBe('sensitive')
  })
})
