// Bad uploads are refused with a Chinese reason, and leave no file and no record behind.
import fs from 'node:fs'
import path from 'node:path'

import sharp from 'sharp'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { createStaff, testPassword } from '../../testing/fixtures'
import { restClient } from '../../testing/restClient'
import { startTestPayload, type TestPayload } from '../../testing/testPayload'
import { imageRuleMessages, MAX_FILE_BYTES } from './imageRules'

let t: TestPayload
let rest: ReturnType<typeof restClient>
let token: string

beforeAll(async () => {
  t = await startTestPayload()
  rest = restClient(t.config)
  const staff = await createStaff(t.payload)
  token = await rest.login(staff.editor.email, testPassword)
})
afterAll(() => t?.close())

const upload = (bytes: Buffer, filename: string, type: string) => {
  const form = new FormData()
  form.append('file', new Blob([new Uint8Array(bytes)], { type }), filename)
  form.append('_payload', JSON.stringify({ alt: '测试图片', caption: '说明' }))
  return rest.post('/media', { token, formData: form })
}

const storedFiles = () => (fs.existsSync(process.env.MEDIA_DIR!) ? fs.readdirSync(process.env.MEDIA_DIR!) : [])
const mediaCount = async () => (await t.payload.count({ collection: 'media' })).totalDocs

const photo = (width: number, height: number) =>
  sharp({ create: { width, height, channels: 3, background: '#2e6b3a' } }).jpeg({ quality: 90 }).toBuffer()

describe('refused uploads', () => {
  const cases: [string, () => Promise<[Buffer, string, string]>, string][] = [
    ['an SVG', async () => [Buffer.from('<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"><script>alert(1)</script></svg>'), 'logo.svg', 'image/svg+xml'], imageRuleMessages.wrongFormat],
    ['a text file renamed .jpg', async () => [Buffer.from('这不是图片，只是一段文字。'.repeat(20)), 'photo.jpg', 'image/jpeg'], imageRuleMessages.unreadable],
    ['a truncated JPEG', async () => {
      const whole = await photo(1600, 1200)
      return [whole.subarray(0, Math.floor(whole.length / 2)), 'cut.jpg', 'image/jpeg']
    }, imageRuleMessages.truncated],
    ['an oversized file', async () => [Buffer.concat([await photo(100, 100), Buffer.alloc(MAX_FILE_BYTES)]), 'huge.jpg', 'image/jpeg'], imageRuleMessages.tooLarge],
    ['a GIF', async () => [await sharp({ create: { width: 20, height: 20, channels: 3, background: '#000' } }).gif().toBuffer(), 'a.gif', 'image/gif'], imageRuleMessages.wrongFormat],
  ]

  it.each(cases)('%s', async (_name, make, message) => {
    const before = { files: storedFiles(), count: await mediaCount() }
    const [bytes, filename, type] = await make()
    const { status, json } = await upload(bytes, filename, type)
    expect(status).toBe(400)
    expect(json.errors[0].message).toBe(message)
    expect(storedFiles()).toEqual(before.files)
    expect(await mediaCount()).toBe(before.count)
  })

  it('a picture with too many pixels', async () => {
    // A flat-colour PNG compresses to a few KB, so only the pixel rule can catch it.
    const bytes = await sharp({ create: { width: 8000, height: 7000, channels: 3, background: '#fff' } }).png().toBuffer()
    const { status, json } = await upload(bytes, 'wide.png', 'image/png')
    expect(status).toBe(400)
    expect(json.errors[0].message).toBe(imageRuleMessages.tooManyPixels)
  })
})

describe('accepted uploads', () => {
  it('a JPEG gets thumbnail, card and hero sizes, each as WebP', async () => {
    const { status, json } = await upload(await photo(2000, 1500), '调解现场.jpg', 'image/jpeg')
    expect(status).toBe(201)
    const { sizes } = json.doc
    for (const name of ['thumbnail', 'card', 'hero']) {
      expect(sizes[name].mimeType).toBe('image/webp')
      expect(fs.existsSync(path.join(process.env.MEDIA_DIR!, sizes[name].filename))).toBe(true)
    }
    expect(sizes.hero.width).toBe(1600)
  })

  it('PNG, WebP and AVIF are accepted', async () => {
    const base = sharp({ create: { width: 300, height: 200, channels: 3, background: '#1f4e79' } })
    for (const [format, type] of [['png', 'image/png'], ['webp', 'image/webp'], ['avif', 'image/avif']] as const) {
      const bytes = await base.clone().toFormat(format).toBuffer()
      const { status } = await upload(bytes, `sample.${format}`, type)
      expect(status, format).toBe(201)
    }
  })

  it('alt text is required', async () => {
    const form = new FormData()
    form.append('file', new Blob([new Uint8Array(await photo(200, 100))], { type: 'image/jpeg' }), 'no-alt.jpg')
    form.append('_payload', JSON.stringify({ caption: '没有替代文字' }))
    const { status } = await rest.post('/media', { token, formData: form })
    expect(status).toBe(400)
  })
})
