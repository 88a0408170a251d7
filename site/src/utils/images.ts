// Photos: Payload has already made the sizes (thumbnail 400, card 800, hero ≤1600, WebP) with sharp;
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
type Size = { filename: string; width: number; height: number }

const usable = <T extends SizeDoc>(size: T | undefined): size is T & Size => Boolean(size?.filename && size.width && size.height)

const srcsetOf = (sizes: Size[]) => sizes.map((size) => `${mediaPath(size.filename)} ${size.width}w`).join(', ')

/**
 * A populated media document as the site's image description; undefined when not populated.
 * Only the generated WebP sizes are offered: the uploaded original may be a 20 MB camera file.
 */
export function toSiteImage(doc: unknown, preferred: 'card' | 'thumbnail' = 'card'): SiteImage | undefined {
  const media = doc as MediaDoc | null | undefined
  if (!media || typeof media !== 'object' || !usable(media)) return undefined
  const generated = (['thumbnail', 'card', 'hero'] as const).map((name) => media.sizes?.[name]).filter(usable)
  const offered = preferred === 'card' ? generated.filter((size) => size.width >= 800) : generated
  const main = (preferred === 'thumbnail' ? generated[0] : offered[0]) ?? media
  return {
    src: mediaPath(main.filename),
    width: main.width,
    height: main.height,
    alt: media.alt ?? '',
    caption: media.caption ?? undefined,
    credit: media.credit ?? undefined,
    srcset: srcsetOf(offered.length ? offered : [media]),
  }
}

export const toThumbnail = (doc: unknown) => toSiteImage(doc, 'thumbnail')
