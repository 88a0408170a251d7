import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'

import { describe, expect, it } from 'vitest'

import { previewSecret, signPreviewToken, verifyPreviewToken } from './previewToken'

const secret = 'a-test-secret'
const now = 1_800_000_000
const claims = { collection: 'news', id: '42', exp: now + 3600 }

describe('preview tokens', () => {
  it('round-trips the claims of a fresh token', () => {
    const token = signPreviewToken(claims, secret)
    expect(token).toMatch(/^[\w-]+\.[\w-]+$/)
    expect(verifyPreviewToken(token, secret, now)).toEqual(claims)
  })

  it('carries numeric ids as strings', () => {
    expect(verifyPreviewToken(signPreviewToken({ ...claims, id: 7 }, secret), secret, now)?.id).toBe('7')
  })

  it('refuses expired tokens', () => {
    const token = signPreviewToken({ ...claims, exp: now - 1 }, secret)
    expect(verifyPreviewToken(token, secret, now)).toBeNull()
    expect(verifyPreviewToken(signPreviewToken(claims, secret), secret, claims.exp)).toBeNull()
  })

  it('refuses another secret, and no secret at all', () => {
    const token = signPreviewToken(claims, secret)
    expect(verifyPreviewToken(token, 'another-secret', now)).toBeNull()
    expect(verifyPreviewToken(token, undefined, now)).toBeNull()
    expect(verifyPreviewToken(token, '', now)).toBeNull()
  })

  it('refuses a change to any single character', () => {
    const token = signPreviewToken(claims, secret)
    for (let i = 0; i < token.length; i++) {
      for (const c of ['A', 'B', 'f', 'g', '_', '-', '.']) {
        if (token[i] === c) continue
        const tampered = token.slice(0, i) + c + token.slice(i + 1)
        expect(verifyPreviewToken(tampered, secret, now), `${i}:${c}`).toBeNull()
      }
    }
  })

  it('refuses claims re-encoded with the original signature', () => {
    const [, signature] = signPreviewToken(claims, secret).split('.')
    const forged = Buffer.from(JSON.stringify({ ...claims, id: '43' })).toString('base64url')
    expect(verifyPreviewToken(`${forged}.${signature}`, secret, now)).toBeNull()
  })

  it('refuses malformed input without throwing', () => {
    const good = signPreviewToken(claims, secret)
    for (const bad of [undefined, null, 42, '', '.', 'forged.token', `${good}.x`, `${good} `, 'x'.repeat(5000)]) {
      expect(verifyPreviewToken(bad, secret, now)).toBeNull()
    }
    const wrongShape = Buffer.from(JSON.stringify({ collection: 'news', id: 42, exp: 'soon' })).toString('base64url')
    const signed = signPreviewToken(claims, secret).split('.')[1]
    expect(verifyPreviewToken(`${wrongShape}.${signed}`, secret, now)).toBeNull()
  })

  it('takes PREVIEW_SECRET, else the CMS secret file found above the working directory', () => {
    expect(previewSecret({ PREVIEW_SECRET: 'from-env' }, '/')).toBe('from-env')
    const root = fs.mkdtempSync(path.join(os.tmpdir(), 'preview-secret-'))
    try {
      fs.mkdirSync(path.join(root, 'cms', 'data'), { recursive: true })
      fs.mkdirSync(path.join(root, 'site', 'dist'), { recursive: true })
      fs.writeFileSync(path.join(root, 'cms', 'data', 'payload-secret'), 'from-file\n')
      expect(previewSecret({}, path.join(root, 'site', 'dist'))).toBe('from-file')
      expect(previewSecret({}, os.tmpdir())).toBeUndefined()
    } finally {
      fs.rmSync(root, { recursive: true, force: true })
    }
  })
})
