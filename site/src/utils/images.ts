// Photos: Payload has already made the sizes (thumbnail 400, card 800, hero 1600, WebP) with sharp;
// the site publishes those files under /media and describes them for <img srcset>.

export type SiteImage = {
  src: string
  width: number
  height: number
  alt: string
  caption?: string
  credit?: string
  srcset: string
}

export const mediaPath = (filename: string) => `/media/${encodeURIComponent(filename)}`

type SizeDoc = { filename?: string | null; width?: number | null; height?: number | null }
type MediaDoc = SizeDoc & { alt?: string; caption?: string | null; credit?: string | null; sizes?: Record<string, SizeDoc> }

/** A populated media document as the site's image description; undefined when not populated. */
export function toSiteImage(doc: unknown): SiteImage | undefined {
  const media = doc as MediaDoc | null | undefined
  if (!media || typeof media !== 'object' || !media.filename) return undefined
  const candidates = [media.sizes?.card, media.sizes?.hero, media]
    .filter((size): size is Required<SizeDoc> => Boolean(size?.filename && size.width && size.height))
  const widths = new Map(candidates.map((size) => [size.width, size]))
  const main = media.sizes?.card?.filename ? media.sizes.card : media
  return {
    src: mediaPath(main.filename!),
    width: main.width ?? 800,
    height: main.height ?? 533,
    alt: media.alt ?? '',
    caption: media.caption ?? undefined,
    credit: media.credit ?? undefined,
    srcset: [...widths.values()].map((size) => `${mediaPath(size.filename)} ${size.width}w`).join(', '),
  }
}

export function toThumbnail(doc: unknown): SiteImage | undefined {
  const image = toSiteImage(doc)
  const thumb = (doc as MediaDoc | undefined)?.sizes?.thumbnail
  if (!image || !thumb?.filename) return image
  return { ...image, src: mediaPath(thumb.filename), width: thumb.width ?? 400, height: thumb.height ?? 300 }
}
