// The 三审 rules without a database: every role × state × step, then the branches the table cannot show.
import { describe, expect, it } from 'vitest'

import { type Role, roles } from '../roles'
import { type WorkflowState, workflowStates } from './states'
import { decideTransition, type TransitionRequest } from './transitions'

const me = 1
const writer = 2
const otherSigner = 3

const request = (overrides: Partial<TransitionRequest>): TransitionRequest => ({
  from: 'draft',
  action: undefined,
  requestedStatus: 'draft',
  currentStatus: 'draft',
  draftSave: true,
  grade: 'normal',
  role: 'admin',
  userId: me,
  authorId: writer,
  firstSignerId: undefined,
  comment: '',
  ...overrides,
})

// How the admin sends each step: 保存草稿 is a draft save, 发布 / 发布更改 is not.
const saves = {
  edit: { action: undefined, requestedStatus: 'draft', draftSave: true },
  submit: { action: 'submit', requestedStatus: 'draft', draftSave: true },
  approve: { action: 'approve', requestedStatus: 'draft', draftSave: true },
  sign: { action: 'sign', requestedStatus: 'published', draftSave: false },
  publish: { action: undefined, requestedStatus: 'published', draftSave: false },
  return: { action: 'return', requestedStatus: 'draft', draftSave: true },
  withdraw: { action: 'withdraw', requestedStatus: 'draft', draftSave: false },
} as const satisfies Record<string, Partial<TransitionRequest>>
type Save = keyof typeof saves

// Who succeeds, on someone else's 一般 item with a comment given: c 通讯员, e 编辑, r 审核, s 签发, a 管理员.
const letters: Record<Role, string> = { contributor: 'c', editor: 'e', reviewer: 'r', approver: 's', admin: 'a' }
//                                     draft    returned submitted reviewed signed  published withdrawn
const table: Record<Save, string[]> = {
  edit:     ['cersa', 'cersa', 'rsa',    'sa',    'sa',   'sa',    'cersa'],
  submit:   ['cea',   'cea',   '',       '',      '',     '',      'cea'],
  approve:  ['',      '',      'ra',     '',      '',     '',      ''],
  sign:     ['',      '',      '',       'sa',    'sa',   '',      ''],
  publish:  ['',      '',      '',       'sa',    'sa',   'sa',    ''],
  return:   ['',      '',      'rsa',    'rsa',   'rsa',  '',      ''],
  withdraw: ['',      '',      '',       '',      '',     'sa',    ''],
}
// Where a successful step leaves the item, and the `_status` it sets.
const outcome: Record<Save, (from: WorkflowState) => { step: string | undefined; to: WorkflowState; status?: 'draft' | 'published' }> = {
  // A draft revision of a published item goes back through review; the public version stays.
  edit: (from) => ({ step: undefined, to: from === 'published' ? 'draft' : from }),
  submit: () => ({ step: 'submit', to: 'submitted' }),
  approve: () => ({ step: 'approve', to: 'reviewed' }),
  sign: () => ({ step: 'sign', to: 'published', status: 'published' }),
  publish: (from) => (from === 'published' ? { step: 'update', to: 'published', status: 'published' } : { step: 'publish', to: 'published', status: 'published' }),
  return: () => ({ step: 'return', to: 'returned' }),
  withdraw: () => ({ step: 'withdraw', to: 'withdrawn', status: 'draft' }),
}

describe('every role × state × step', () => {
  const cases = (Object.keys(table) as Save[]).flatMap((save) =>
    workflowStates.flatMap((from, column) => roles.map((role) => ({ save, from, role, allowed: table[save][column].includes(letters[role]) }))),
  )
  it.each(cases)('$save from $from by $role: allowed $allowed', ({ save, from, role, allowed }) => {
    const verdict = decideTransition(
      request({ ...saves[save], from, role, currentStatus: from === 'published' ? 'published' : 'draft', comment: '事实部分请核实。' }),
    )
    if (!allowed) {
      expect(verdict.ok).toBe(false)
      if (!verdict.ok) expect(verdict.message).toMatch(/[\u4e00-\u9fff]/)
      return
    }
    const { step, to, status } = outcome[save](from)
    expect(verdict).toEqual({ ok: true, step, to, ...(status ? { status } : {}) })
  })
})

describe('branches the table does not show', () => {
  it('a withdrawn item can be resubmitted by its author and goes back to 待审核', () => {
    expect(decideTransition(request({ from: 'withdrawn', action: 'submit', role: 'contributor', authorId: me }))).toEqual({ ok: true, step: 'submit', to: 'submitted' })
  })

  it('a draft revision of a published item returns to 草稿 and leaves the public version alone', () => {
    const verdict = decideTransition(request({ from: 'published', currentStatus: 'published', role: 'approver' }))
    expect(verdict).toEqual({ ok: true, step: undefined, to: 'draft' })
    expect(decideTransition(request({ from: 'published', currentStatus: 'published', role: 'editor' })).ok).toBe(false)
  })

  it('a new item starts as a draft and may not be created published', () => {
    expect(decideTransition(request({ from: undefined, role: 'contributor', authorId: me }))).toEqual({ ok: true, step: undefined, to: 'draft' })
    expect(decideTransition(request({ from: undefined, requestedStatus: 'published', draftSave: false, authorId: me })).ok).toBe(false)
  })

  it('nobody approves or signs their own item, not even an admin', () => {
    expect(decideTransition(request({ from: 'submitted', action: 'approve', authorId: me })).ok).toBe(false)
    expect(decideTransition(request({ ...saves.sign, from: 'reviewed', authorId: me })).ok).toBe(false)
    expect(decideTransition(request({ ...saves.publish, from: 'reviewed', authorId: me })).ok).toBe(false)
  })

  it('a 敏感 item needs two different signers', () => {
    const sensitive = { grade: 'sensitive' as const, role: 'approver' as const }
    expect(decideTransition(request({ ...sensitive, ...saves.publish, from: 'reviewed' })).ok).toBe(false)
    expect(decideTransition(request({ ...sensitive, action: 'sign', from: 'reviewed' }))).toEqual({ ok: true, step: 'sign', to: 'signed' })
    expect(decideTransition(request({ ...sensitive, ...saves.publish, from: 'signed', firstSignerId: me })).ok).toBe(false)
    expect(decideTransition(request({ ...sensitive, ...saves.publish, from: 'signed', firstSignerId: otherSigner }))).toEqual({
      ok: true,
      step: 'publish',
      to: 'published',
      status: 'published',
    })
  })

  it('returning and withdrawing need a comment', () => {
    expect(decideTransition(request({ ...saves.return, from: 'submitted', comment: '  ' })).ok).toBe(false)
    expect(decideTransition(request({ ...saves.withdraw, from: 'published', currentStatus: 'published' })).ok).toBe(false)
  })

  it('each step is saved the way it means: no signing a 一般 item as a draft, no withdrawing as a draft, no publishing a submission', () => {
    expect(decideTransition(request({ action: 'sign', from: 'reviewed' })).ok).toBe(false)
    expect(decideTransition(request({ action: 'withdraw', from: 'published', currentStatus: 'published', comment: '理由' })).ok).toBe(false)
    expect(decideTransition(request({ action: 'submit', requestedStatus: 'published', draftSave: false })).ok).toBe(false)
    expect(decideTransition(request({ action: 'approve', from: 'submitted', requestedStatus: 'published', draftSave: false })).ok).toBe(false)
  })

  it('taking a published item down without 撤稿 is refused', () => {
    expect(decideTransition(request({ from: 'published', currentStatus: 'published', requestedStatus: 'draft', draftSave: false })).ok).toBe(false)
  })

  it('the grade is the author’s before submission and its own recorded step after it', () => {
    expect(decideTransition(request({ from: 'draft', role: 'contributor', authorId: me, requestedGrade: 'sensitive' }))).toEqual({ ok: true, step: undefined, to: 'draft' })
    expect(decideTransition(request({ from: 'submitted', role: 'reviewer', requestedGrade: 'sensitive' }))).toEqual({ ok: true, step: 'regrade', to: 'submitted' })
    expect(decideTransition(request({ from: 'reviewed', role: 'reviewer', requestedGrade: 'sensitive' })).ok).toBe(false)
    expect(decideTransition(request({ from: 'reviewed', role: 'approver', requestedGrade: 'sensitive' }))).toEqual({ ok: true, step: 'regrade', to: 'reviewed' })
    expect(decideTransition(request({ from: 'published', currentStatus: 'published', role: 'admin', requestedGrade: 'sensitive' })).ok).toBe(false)
    expect(decideTransition(request({ from: 'submitted', action: 'approve', role: 'admin', requestedGrade: 'sensitive' })).ok).toBe(false)
  })
})
