import { describe, expect, it } from 'vitest'

import { PREVIEW_TTL_SECONDS, previewUrl, signPreviewToken, verifyPreviewToken } from './previewToken'

const secret = 'a-test-secret'
const now = 1_800_000_000

describe('preview tokens (CMS side)', () => {
  it('signs claims that verify, and only with the same secret, before they expire', () => {
    const token = signPreviewToken({ collection: 'news', id: 3, exp: now + 60 }, secret)
    expect(verifyPreviewToken(token, secret, now)).toEqual({ collection: 'news', id: '3', exp: now + 60 })
    expect(verifyPreviewToken(token, 'other', now)).toBeNull()
    expect(verifyPreviewToken(token, secret, now + 60)).toBeNull()
    expect(verifyPreviewToken(`${token.slice(0, -1)}${token.endsWith('A') ? 'B' : 'A'}`, secret, now)).toBeNull()
  })

  it('builds an hour-long signed link to the site, none for unsaved items', () => {
    const saved = { PREVIEW_SECRET: process.env.PREVIEW_SECRET, SITE_URL: process.env.SITE_URL }
    process.env.PREVIEW_SECRET = secret
    process.env.SITE_URL = 'https://portal.example/'
    try {
      const createdAt = '2026-01-02T03:04:05.000Z'
      const url = new URL(previewUrl('stories', { id: 12, createdAt }, 7, now)!)
      expect(url.origin + url.pathname).toBe('https://portal.example/preview/stories/12')
      expect(verifyPreviewToken(url.searchParams.get('token'), secret, now)).toEqual({
        collection: 'stories',
        id: '12',
        exp: now + PREVIEW_TTL_SECONDS,
        uid: '7',
        v: createdAt,
      })
      expect(previewUrl('stories', undefined, 7, now)).toBeNull()
      expect(previewUrl('stories', { id: 12, createdAt }, undefined, now)).toBeNull()
    } finally {
      for (const [key, value] of Object.entries(saved)) {
        if (value === undefined) delete process.env[key]
        else process.env[key] = value
      }
    }
  })
})
