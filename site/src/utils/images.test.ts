import { describe, expect, it } from 'vitest'

import { toSiteImage, toThumbnail } from './images'

const photo = {
  filename: '调解 现场.jpg',
  width: 4000,
  height: 3000,
  alt: '法官在村委会调解',
  credit: '办公室 孙某',
  sizes: {
    thumbnail: { filename: 't.webp', width: 400, height: 300 },
    card: { filename: 'c.webp', width: 800, height: 533 },
    hero: { filename: 'h.webp', width: 1600, height: 1200 },
  },
}

describe('toSiteImage', () => {
  it('offers only the generated WebP sizes, never the camera original', () => {
    const image = toSiteImage(photo)!
    expect(image).toMatchObject({ src: '/media/c.webp', width: 800, height: 533, alt: '法官在村委会调解', credit: '办公室 孙某' })
    expect(image.srcset).toBe('/media/c.webp 800w, /media/h.webp 1600w')
  })

  it('gives list thumbnails every size so small screens pick the 400px one', () => {
    const image = toThumbnail(photo)!
    expect(image.src).toBe('/media/t.webp')
    expect(image.srcset).toBe('/media/t.webp 400w, /media/c.webp 800w, /media/h.webp 1600w')
  })

  it('falls back to the original (URL-encoded) when no sizes exist, and skips unpopulated references', () => {
    expect(toSiteImage({ filename: '调解 现场.jpg', width: 640, height: 480, alt: '' })!.src).toBe('/media/%E8%B0%83%E8%A7%A3%20%E7%8E%B0%E5%9C%BA.jpg')
    expect(toSiteImage(42)).toBeUndefined()
    expect(toSiteImage(null)).toBeUndefined()
  })
})
