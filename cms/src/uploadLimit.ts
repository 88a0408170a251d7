// The one size limit for every upload (图片、刊用证明、Word 文档), as the README promises it.
import type { Config } from 'payload'

export const MAX_UPLOAD_MB = 20
export const MAX_UPLOAD_BYTES = MAX_UPLOAD_MB * 1024 * 1024

export const uploadTooLarge = `文件过大：上传的文件不能超过 ${MAX_UPLOAD_MB} MB，请压缩后再上传。未保存任何内容。`

/**
 * Payload's multipart parser (busboy) stops reading a file at the limit and answers 413 with
 * `responseOnLimit`, so an oversized upload is never held in memory whole. The request limit
 * leaves room for the form's other fields; it only matters for requests with several files.
 */
export const uploadConfig: NonNullable<Config['upload']> = {
  abortOnLimit: true,
  limits: { fileSize: MAX_UPLOAD_BYTES },
  requestSizeLimit: 3 * MAX_UPLOAD_BYTES,
  responseOnLimit: uploadTooLarge,
}
