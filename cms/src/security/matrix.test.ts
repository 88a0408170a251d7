// Security specification: who may call each custom endpoint, global and system collection.
// (The review-track and plain collections' own matrix is in access/rights.test.ts.)
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { everyone, type SecurityWorld, startSecurityWorld, type Who } from '../testing/securityWorld'

let w: SecurityWorld
const ids: Record<string, number> = {}
let outletsMade = 0
beforeAll(async () => {
  w = await startSecurityWorld()
  ids.published = (await w.item('news', 'matrix-published', 'published')).id
  ids.draft = (await w.item('news', 'matrix-draft', 'draft')).id
  ids.outlet = (await w.t.payload.create({ collection: 'outlets', data: { name: '矩阵日报', level: 'provincial' } as never })).id as number
  ids.submission = (
    await w.t.payload.create({ collection: 'submissions', data: { item: { relationTo: 'news', value: ids.published }, outlet: ids.outlet, createdBy: w.staff.editor.id } as never })
  ).id as number
})
afterAll(() => w?.t.close())

const Y = true
const N = false
type Row = [anonymous: boolean, contributor: boolean, editor: boolean, reviewer: boolean, approver: boolean, admin: boolean]
type Call = { method: 'get' | 'post' | 'patch' | 'delete'; url: () => string; body?: () => unknown }

// Each row: anonymous, contributor, editor, reviewer, approver, admin (Y = a 2xx answer).
const calls: Record<string, [Call, Row]> = {
  'GET /signoffs':                          [{ method: 'get', url: () => '/signoffs' },                       [N, Y, Y, Y, Y, Y]],
  'POST /signoffs':                         [{ method: 'post', url: () => '/signoffs', body: () => ({ docCollection: 'news', docId: '1', action: 'publish', toState: 'published' }) }, [N, N, N, N, N, N]],
  // Another contributor wrote the item: its record is not this contributor's to print.
  'GET /signoffs/record/news/:id':          [{ method: 'get', url: () => `/signoffs/record/news/${ids.published}` }, [N, N, Y, Y, Y, Y]],
  'GET /submissions/stats':                 [{ method: 'get', url: () => '/submissions/stats?year=2025' },    [N, Y, Y, Y, Y, Y]],
  'GET /submissions/:id/package':           [{ method: 'get', url: () => `/submissions/${ids.submission}/package` }, [N, Y, Y, Y, Y, Y]],
  'GET /news/:id/package':                  [{ method: 'get', url: () => `/news/${ids.published}/package` },  [N, Y, Y, Y, Y, Y]],
  'GET /news/:id/package (draft)':          [{ method: 'get', url: () => `/news/${ids.draft}/package` },      [N, N, N, N, N, N]],
  // A session is no preview token.
  'GET /news/:id/preview-data':             [{ method: 'get', url: () => `/news/${ids.draft}/preview-data` }, [N, N, N, N, N, N]],
  'POST /news/import-docx (no file)':       [{ method: 'post', url: () => '/news/import-docx', body: () => ({}) }, [N, N, N, N, N, N]],
  'GET /payload-jobs/run':                  [{ method: 'get', url: () => '/payload-jobs/run' },              [N, N, N, N, N, Y]],
  'GET /payload-jobs':                      [{ method: 'get', url: () => '/payload-jobs' },                  [N, N, N, N, N, N]],
  // The portal's change queue and render lease: read by staff (站点状态) and admins; written by the CMS itself only.
  'GET /site-changes':                      [{ method: 'get', url: () => '/site-changes' },                  [N, Y, Y, Y, Y, Y]],
  'POST /site-changes':                     [{ method: 'post', url: () => '/site-changes', body: () => ({ kind: 'full', reason: '伪造' }) }, [N, N, N, N, N, N]],
  'GET /site-render-lease':                 [{ method: 'get', url: () => '/site-render-lease' },             [N, N, N, N, N, Y]],
  'POST /site-render-lease':                [{ method: 'post', url: () => '/site-render-lease', body: () => ({ name: 'portal', holder: 'evil', expiresAt: '2099-01-01T00:00:00Z' }) }, [N, N, N, N, N, N]],
  'POST /payload-jobs':                     [{ method: 'post', url: () => '/payload-jobs', body: () => ({ taskSlug: 'schedulePublish', input: {} }) }, [N, N, N, N, N, N]],
  'POST /users/unlock':                     [{ method: 'post', url: () => '/users/unlock', body: () => ({ email: 'writer@test.example' }) }, [N, N, N, N, N, Y]],
  'GET /payload-locked-documents':          [{ method: 'get', url: () => '/payload-locked-documents' },      [N, Y, Y, Y, Y, Y]],
  'GET /outlets':                           [{ method: 'get', url: () => '/outlets' },                       [Y, Y, Y, Y, Y, Y]],
  'POST /outlets':                          [{ method: 'post', url: () => `/outlets`, body: () => ({ name: `新媒体${++outletsMade}`, level: 'municipal' }) }, [N, N, Y, N, Y, Y]],
  'GET /scoring-rules':                     [{ method: 'get', url: () => '/scoring-rules' },                 [N, Y, Y, Y, Y, Y]],
  'GET /proofs':                            [{ method: 'get', url: () => '/proofs' },                        [N, Y, Y, Y, Y, Y]],
  'GET /globals/site-settings':             [{ method: 'get', url: () => '/globals/site-settings' },         [Y, Y, Y, Y, Y, Y]],
  'POST /globals/site-settings':            [{ method: 'post', url: () => '/globals/site-settings', body: () => ({}) }, [N, N, N, N, N, Y]],
  'GET /globals/navigation':                [{ method: 'get', url: () => '/globals/navigation' },            [Y, Y, Y, Y, Y, Y]],
  'POST /globals/navigation':               [{ method: 'post', url: () => '/globals/navigation', body: () => ({ items: [] }) }, [N, N, Y, N, Y, Y]],
  'GET /globals/publish-checks':            [{ method: 'get', url: () => '/globals/publish-checks' },        [N, Y, Y, Y, Y, Y]],
  'POST /globals/publish-checks':           [{ method: 'post', url: () => '/globals/publish-checks', body: () => ({}) }, [N, N, N, N, N, Y]],
}

const ok = (status: number) => status >= 200 && status < 300

describe('every custom endpoint, global and system collection, for every role', () => {
  it.each(Object.keys(calls))('%s', async (name) => {
    const [call, expected] = calls[name]
    const actual: boolean[] = []
    for (const role of everyone as Who[]) {
      actual.push(ok(await w.status(call.method, call.url(), w.tokens[role], call.body?.())))
    }
    expect(Object.fromEntries(everyone.map((role, i) => [role, actual[i]]))).toEqual(Object.fromEntries(everyone.map((role, i) => [role, expected[i]])))
  })
})
