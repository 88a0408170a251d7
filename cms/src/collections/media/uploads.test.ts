// Bad uploads are refused with a Chinese reason, and leave no file and no record behind.
import fs from 'node:fs'
import path from 'node:path'

import sharp from 'sharp'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { type EditorSession, startAsEditor } from '../../testing/editorSession'
import type { TestPayload } from '../../testing/testPayload'
import { uploadTooLarge } from '../../uploadLimit'
import { imageRuleMessages, MAX_FILE_BYTES } from './imageRules'

let t: TestPayload
let rest: EditorSession['rest']
let token: string

beforeAll(async () => {
  ;({ t, rest, token } = await startAsEditor())
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

  it('an oversized file: 413, the limit named in Chinese', async () => {
    const before = { files: storedFiles(), count: await mediaCount() }
    const bytes = Buffer.concat([await photo(100, 100), Buffer.alloc(MAX_FILE_BYTES)])
    const { status, json } = await upload(bytes, 'huge.jpg', 'image/jpeg')
    expect({ status, message: json.errors[0].message }).toEqual({ status: 413, message: uploadTooLarge })
    expect(uploadTooLarge).toContain('不能超过 20 MB')
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

  it('a transparent PNG or WebP keeps its format and its transparency, in the original and the sizes', async () => {
    // A logo: transparent all round, an opaque red square in the middle.
    const logo = sharp({ create: { width: 600, height: 600, channels: 4, background: { r: 0, g: 0, b: 0, alpha: 0 } } }).composite([
      { input: { create: { width: 200, height: 200, channels: 4, background: '#c00000' } }, left: 200, top: 200 },
    ])
    for (const [format, type] of [['png', 'image/png'], ['webp', 'image/webp']] as const) {
      const { status, json } = await upload(await logo.clone().toFormat(format, format === 'webp' ? { lossless: true } : {}).toBuffer(), `logo.${format}`, type)
      expect(status, format).toBe(201)
      expect(json.doc.mimeType).toBe(type)
      for (const filename of [json.doc.filename, json.doc.sizes.card.filename]) {
        const { data, info } = await sharp(path.join(process.env.MEDIA_DIR!, filename)).ensureAlpha().raw().toBuffer({ resolveWithObject: true })
        expect(info.channels).toBe(4)
        expect(data[3], `${filename}: the corner stays transparent`).toBe(0)
        const middle = ((info.height >> 1) * info.width + (info.width >> 1)) * 4
        expect([...data.subarray(middle, middle + 4)], `${filename}: the middle stays red`).toEqual([
          expect.closeTo(0xc0, -1.5),
          expect.closeTo(0, -1.5),
          expect.closeTo(0, -1.5),
          255,
        ])
      }
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
