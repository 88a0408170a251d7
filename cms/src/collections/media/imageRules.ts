import sharp from 'sharp'

import { MAX_UPLOAD_BYTES, MAX_UPLOAD_MB } from '../../uploadLimit'

export const MAX_FILE_BYTES = MAX_UPLOAD_BYTES
export const MAX_PIXELS = 50_000_000

export const acceptedMimeTypes = ['image/jpeg', 'image/png', 'image/webp', 'image/avif']

const acceptedFormats = new Set(['jpeg', 'png', 'webp', 'avif'])

export const imageRuleMessages = {
  empty: '没有收到图片文件，请重新选择。',
  tooLarge: `图片文件过大：单张不能超过 ${MAX_UPLOAD_MB} MB，请压缩后再上传。`,
  unreadable: '文件不是有效的图片（可能只是改了扩展名，或文件已损坏），未保存。',
  wrongFormat: '仅支持 JPEG、PNG、WebP、AVIF 格式的图片（不接受 SVG、GIF 等格式）。',
  tooManyPixels: `图片像素过大：不能超过 ${MAX_PIXELS / 1_000_000} 百万像素，请缩小尺寸后再上传。`,
  truncated: '图片文件不完整或已损坏（可能上传中断），请重新导出后再上传。',
}

/** Returns a Chinese reason why the bytes are not an acceptable photo, or null when they are. */
export async function findImageProblem(bytes: Buffer | undefined): Promise<string | null> {
  if (!bytes || bytes.length === 0) return imageRuleMessages.empty
  if (bytes.length > MAX_FILE_BYTES) return imageRuleMessages.tooLarge

  let format: string | undefined
  let pixels: number
  try {
    const meta = await sharp(bytes, { limitInputPixels: false }).metadata()
    // libvips reports AVIF as HEIF with AV1 compression; plain HEIC is not accepted.
    format = meta.format === 'heif' && meta.compression === 'av1' ? 'avif' : meta.format
    pixels = (meta.width ?? 0) * (meta.height ?? 0)
  } catch {
    return imageRuleMessages.unreadable
  }
  if (!format || !acceptedFormats.has(format)) return imageRuleMessages.wrongFormat
  if (pixels > MAX_PIXELS) return imageRuleMessages.tooManyPixels

  try {
    // Decoding (shrunk on load, so cheap) catches files cut off part-way.
    await sharp(bytes, { failOn: 'truncated' }).resize(64).toBuffer()
  } catch {
    return imageRuleMessages.truncated
  }
  return null
}
