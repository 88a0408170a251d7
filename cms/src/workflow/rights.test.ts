// stepsAllowed must say exactly what decideTransition lets through, for every combination.
import { describe, expect, it } from 'vitest'

import { roles } from '../roles'
import { type AllowedStep, scopesByRole, stepsAllowed } from './rights'
import { grades, workflowActions, workflowStates } from './states'
import { decideTransition } from './transitions'

const people = [1, 2, 3]
const maybe = <T>(values: T[]) => [undefined, ...values]

describe('stepsAllowed agrees with decideTransition', () => {
  it('for every role, state, grade, author and first signer, over every save that can be sent', () => {
    let checked = 0
    for (const role of roles)
      for (const state of maybe([...workflowStates]))
        for (const grade of grades)
          for (const authorId of maybe(people))
            for (const firstSignerId of maybe(people)) {
              const context = { role, userId: 1, state, authorId, firstSignerId, grade }
              const claimed = stepsAllowed(context)
              const possible = new Set<AllowedStep>()
              for (const action of maybe([...workflowActions]))
                for (const requestedStatus of maybe(['draft', 'published'] as const))
                  for (const currentStatus of maybe(['draft', 'published'] as const))
                    for (const draftSave of [true, false])
                      for (const requestedGrade of maybe([...grades]))
                        for (const comment of ['', '理由']) {
                          const verdict = decideTransition({ from: state, action, requestedStatus, currentStatus, draftSave, grade, requestedGrade, role, userId: 1, authorId, firstSignerId, comment })
                          if (verdict.ok) possible.add(verdict.step ?? 'edit')
                          checked++
                        }
              expect([...possible].sort(), JSON.stringify(context)).toEqual([...claimed].sort())
            }
    expect(checked).toBe(5 * 8 * 3 * 4 * 4 * (6 * 3 * 3 * 2 * 4 * 2))
  })
})

describe('scopesByRole: what each role has to do, for queries', () => {
  it('审核 approves submitted items of others; 签发 signs reviewed and signed items of others', () => {
    expect(scopesByRole.reviewer.approve).toEqual({ states: ['submitted'], ownItems: false })
    expect(scopesByRole.reviewer.sign).toBeUndefined()
    expect(scopesByRole.approver.sign).toEqual({ states: ['reviewed', 'signed'], ownItems: false })
    expect(scopesByRole.approver.publish).toEqual({ states: ['reviewed', 'signed'], ownItems: false })
    expect(scopesByRole.approver.approve).toBeUndefined()
    expect(scopesByRole.admin.approve).toEqual({ states: ['submitted'], ownItems: false })
    expect(scopesByRole.contributor.submit).toEqual({ states: ['draft', 'returned', 'withdrawn'], ownItems: true })
    expect(scopesByRole.editor.approve).toBeUndefined()
  })

  it('a signer who gave the first signature of a 敏感 item may not give the second', () => {
    const context = { role: 'approver' as const, userId: 1, state: 'signed' as const, authorId: 2, grade: 'sensitive' as const }
    expect(stepsAllowed({ ...context, firstSignerId: 1 })).not.toContain('publish')
    expect(stepsAllowed({ ...context, firstSignerId: 3 })).toEqual(expect.arrayContaining(['sign', 'publish']))
  })
})
