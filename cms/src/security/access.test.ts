// Security specification: what a malicious insider (each demo role) must not be able to do
// to other people's work, accounts and locks, through the real REST handlers.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { paragraphsToLexical } from '../seed/lexical'
import { signPreviewToken } from '../preview/previewToken'
import { previewSecret } from '../preview/previewToken'
import { testPassword } from '../testing/fixtures'
import { type SecurityWorld, startSecurityWorld } from '../testing/securityWorld'

let w: SecurityWorld
beforeAll(async () => {
  w = await startSecurityWorld()
})
afterAll(() => w?.t.close())

const chinese = (message: unknown) => expect(String(message)).toMatch(/[\u4e00-\u9fff]/)

describe('only admins lift a login lockout, and the lockout does not reveal whether an account exists', () => {
  it('a contributor cannot unlock an account; an admin can', async () => {
    for (const role of ['contributor', 'editor', 'reviewer', 'approver'] as const) {
      const response = await w.rest.post('/users/unlock', { token: w.tokens[role], body: { email: w.staff.admin.email } })
      expect(response.status, role).toBe(403)
    }
    expect((await w.rest.post('/users/unlock', { token: w.tokens.admin, body: { email: w.writer.email } })).status).toBe(200)
  })

  it('a locked account and an unknown one get the same answer', async () => {
    const victim = await w.t.payload.create({ collection: 'users', data: { email: 'victim@test.example', password: testPassword, name: '李某', role: 'contributor' } })
    const answers = async (email: string) => {
      const seen = new Set<string>()
      for (let attempt = 0; attempt < 11; attempt++) {
        const { status, json } = await w.rest.post('/users/login', { body: { email, password: 'wrong-Password-9' } })
        seen.add(`${status} ${json.errors?.[0]?.message}`)
      }
      return [...seen]
    }
    const known = await answers(victim.email)
    const unknown = await answers('nobody@test.example')
    expect(known).toEqual(unknown)
    expect(known).toHaveLength(1)
    chinese(known[0])
  })
})

describe('document locks (payload-locked-documents) are one’s own, for what one may edit', () => {
  const lock = (token: string | undefined, docId: number, user: number) =>
    w.rest.post('/payload-locked-documents', { token, body: { document: { relationTo: 'news', value: docId }, user: { relationTo: 'users', value: user } } })

  it('nobody locks a document in someone else’s name', async () => {
    const doc = await w.item('news', 'lock-forged', 'draft')
    const response = await lock(w.tokens.editor, doc.id, w.staff.approver.id)
    expect(response.status).toBe(403)
    // The approver can still save.
    expect((await w.rest.patch(`/news/${doc.id}?draft=true`, { token: w.tokens.approver, body: { title: '照常保存' } })).status).toBe(200)
  })

  it('nobody locks a document they may not edit', async () => {
    const doc = await w.item('news', 'lock-foreign', 'draft', { owner: w.staff.editor.id })
    expect((await lock(w.tokens.contributor, doc.id, w.staff.contributor.id)).status).toBe(403)
    expect((await lock(w.tokens.editor, doc.id, w.staff.editor.id)).status).toBe(201)
  })

  it('only the owner or an admin removes a lock, and nobody hands it to a third person', async () => {
    const doc = await w.item('news', 'lock-owned', 'draft')
    const created = await lock(w.tokens.editor, doc.id, w.staff.editor.id)
    expect(created.status).toBe(201)
    const id = created.json.doc.id
    expect((await w.rest.patch(`/payload-locked-documents/${id}`, { token: w.tokens.editor, body: { user: { relationTo: 'users', value: w.staff.reviewer.id } } })).status).toBe(403)
    expect((await w.rest.delete(`/payload-locked-documents/${id}`, { token: w.tokens.reviewer })).status).toBe(403)
    expect((await w.rest.delete(`/payload-locked-documents/${id}`, { token: w.tokens.admin })).status).toBe(200)
  })
})

describe('外宣报送: contributors write their own 待报送 records; outcomes and 批示 are the office’s', () => {
  let outlet: number
  let published: number
  beforeAll(async () => {
    outlet = (await w.t.payload.create({ collection: 'outlets', data: { name: '测试日报', level: 'provincial' } as never })).id as number
    published = (await w.item('news', 'submitted-item', 'published')).id
  })
  const record = (owner: number, status: 'pending' | 'submitted' = 'pending') =>
    w.t.payload.create({
      collection: 'submissions',
      data: { item: { relationTo: 'news', value: published }, outlet, status, submittedAt: status === 'pending' ? undefined : '2025-05-02', createdBy: owner } as never,
    })

  it('a contributor cannot record an outcome or a 批示, on anyone’s record', async () => {
    const others = await record(w.staff.editor.id, 'submitted')
    const mine = await record(w.staff.contributor.id)
    for (const [id, body] of [
      [others.id, { status: 'adopted', publishedOn: '2025-05-03' }],
      [others.id, { leaderInstruction: true }],
      [mine.id, { status: 'submitted' }],
      [mine.id, { leaderInstruction: true, leaderNote: '写得好' }],
    ] as const) {
      const response = await w.rest.patch(`/submissions/${id}`, { token: w.tokens.contributor, body })
      expect(response.status, JSON.stringify(body)).toBe(403)
    }
    const after = await w.t.payload.findByID({ collection: 'submissions', id: others.id })
    expect([after.status, after.leaderInstruction, after.points]).toEqual(['submitted', false, 0])
    expect((await w.t.payload.findByID({ collection: 'submissions', id: mine.id })).leaderInstruction).toBe(false)
  })

  it('a contributor creates only 待报送 records without 批示', async () => {
    const base = { item: { relationTo: 'news', value: published }, outlet }
    expect((await w.rest.post('/submissions', { token: w.tokens.contributor, body: { ...base, status: 'adopted', submittedAt: '2025-05-01', publishedOn: '2025-05-02' } })).status).toBe(400)
    expect((await w.rest.post('/submissions', { token: w.tokens.contributor, body: { ...base, leaderInstruction: true } })).status).toBe(403)
    const ok = await w.rest.post('/submissions', { token: w.tokens.contributor, body: { ...base, title: '我的报送' } })
    expect(ok.status).toBe(201)
    expect((await w.rest.patch(`/submissions/${ok.json.doc.id}`, { token: w.tokens.contributor, body: { title: '改个标题' } })).status).toBe(200)
  })

  it('an editor records the outcome and the 批示', async () => {
    const doc = await record(w.staff.contributor.id, 'submitted')
    const response = await w.rest.patch(`/submissions/${doc.id}`, { token: w.tokens.editor, body: { status: 'adopted', publishedOn: '2025-05-03', leaderInstruction: true } })
    expect(response.status).toBe(200)
  })
})

describe('every read respects the caller’s access, also indirect ones', () => {
  const secretTitle = '他人未发布稿件标题'
  let foreignDraft: number
  beforeAll(async () => {
    foreignDraft = (await w.t.payload.create({ collection: 'news', draft: true, data: { ...(await draftData()), title: secretTitle, createdBy: w.staff.editor.id } as never })).id as number
    const user = await w.userDoc(w.staff.editor.id)
    await w.t.payload.update({ collection: 'news', id: foreignDraft, draft: true, data: { workflowAction: 'submit', workflowComment: '内部意见：涉密' } as never, user, overrideAccess: false })
  })
  const draftData = async () => {
    const doc = await w.item('news', 'template', 'draft')
    const { id: _id, createdAt: _c, updatedAt: _u, ...rest } = (await w.t.payload.findByID({ collection: 'news', id: doc.id, depth: 0, draft: true })) as unknown as Record<string, unknown>
    return rest
  }

  it('the 审签记录 list shows a contributor only the steps on their own items', async () => {
    const response = await w.rest.get('/signoffs?limit=100', { token: w.tokens.contributor })
    expect(response.status).toBe(200)
    expect(JSON.stringify(response.json)).not.toContain(secretTitle)
    expect(JSON.stringify(response.json)).not.toContain('内部意见')
    expect(JSON.stringify((await w.rest.get('/signoffs?limit=100', { token: w.tokens.reviewer })).json)).toContain(secretTitle)
  })

  it('a preview of one’s own draft does not bring in others’ drafts it links to', async () => {
    const mine = await w.t.payload.create({
      collection: 'news',
      draft: true,
      data: {
        ...(await draftData()),
        title: '我的草稿',
        createdBy: w.staff.contributor.id,
        body: {
          root: {
            type: 'root', version: 1, direction: 'ltr', format: '', indent: 0,
            children: [
              ...(paragraphsToLexical(['正文。']) as { root: { children: unknown[] } }).root.children,
              { type: 'relationship', version: 2, format: '', relationTo: 'news', value: foreignDraft },
            ],
          },
        },
      } as never,
    })
    const token = signPreviewToken(
      { collection: 'news', id: mine.id, exp: Date.now() / 1000 + 600, uid: w.staff.contributor.id, v: String(mine.createdAt) } as never,
      previewSecret(),
    )
    const response = await w.rest.get(`/news/${mine.id}/preview-data?token=${token}`)
    expect(response.status).toBe(200)
    expect(response.json.title).toBe('我的草稿')
    expect(JSON.stringify(response.json)).not.toContain(secretTitle)
  })

  it('the 报送材料包 of someone else’s draft does not tell its title', async () => {
    const response = await w.rest.get(`/news/${foreignDraft}/package`, { token: w.tokens.contributor })
    expect(response.status).toBe(404)
    expect(JSON.stringify(response.json)).not.toContain(secretTitle)
  })
})
