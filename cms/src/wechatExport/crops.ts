// The 公众号 cover (2.35:1) and its square thumbnail, cut around the focal point chosen in the
// media item (Payload's focalX/focalY, in percent; the centre when none was chosen).
import sharp from 'sharp'

export type Crop = { data: Uint8Array; width: number; height: number }

export const coverRatio = 2.35
/** Output sizes: WeChat shows the cover at 900 × 383 and the thumbnail at 200 × 200 or more. */
export const coverWidth = 900
export const thumbnailSize = 500

/** The largest `ratio` rectangle inside width × height, centred on the focal point as far as the edges allow. */
export function cropBox(width: number, height: number, ratio: number, focalX = 50, focalY = 50) {
  const cropWidth = Math.min(width, Math.round(height * ratio))
  const cropHeight = Math.min(height, Math.round(cropWidth / ratio))
  const clamp = (value: number, max: number) => Math.max(0, Math.min(max, Math.round(value)))
  return {
    left: clamp((width * focalX) / 100 - cropWidth / 2, width - cropWidth),
    top: clamp((height * focalY) / 100 - cropHeight / 2, height - cropHeight),
    width: cropWidth,
    height: cropHeight,
  }
}

async function cropTo(data: Uint8Array, ratio: number, outWidth: number, focal: { x?: number | null; y?: number | null }): Promise<Crop> {
  const upright = await sharp(data).rotate().toBuffer({ resolveWithObject: true })
  const box = cropBox(upright.info.width, upright.info.height, ratio, focal.x ?? 50, focal.y ?? 50)
  const { data: out, info } = await sharp(upright.data)
    .extract(box)
    .resize({ width: outWidth, height: Math.round(outWidth / ratio), fit: 'fill' })
    .jpeg({ quality: 88, mozjpeg: true })
    .toBuffer({ resolveWithObject: true })
  return { data: new Uint8Array(out), width: info.width, height: info.height }
}

export const coverCrop = (data: Uint8Array, focal: { x?: number | null; y?: number | null }) => cropTo(data, coverRatio, coverWidth, focal)
export const thumbnailCrop = (data: Uint8Array, focal: { x?: number | null; y?: number | null }) => cropTo(data, 1, thumbnailSize, focal)

/** A photo for the article: upright, at most 1080 px wide, JPEG. */
export async function articleImage(data: Uint8Array): Promise<Crop> {
  const { data: out, info } = await sharp(data)
    .rotate()
    .resize({ width: 1080, withoutEnlargement: true })
    .jpeg({ quality: 85, mozjpeg: true })
    .toBuffer({ resolveWithObject: true })
  return { data: new Uint8Array(out), width: info.width, height: info.height }
}
