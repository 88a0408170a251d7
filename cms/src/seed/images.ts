import crypto from 'node:crypto'

import sharp from 'sharp'

const palettes = [
  { colours: ['#b3261e', '#f4c27a'], names: '深红到浅金色' },
  { colours: ['#1f4e79', '#9cc3e6'], names: '深蓝到浅蓝色' },
  { colours: ['#2e6b3a', '#c8e0b4'], names: '深绿到浅绿色' },
  { colours: ['#6b3e26', '#f1d3b3'], names: '棕色到米色' },
  { colours: ['#4a3b78', '#d6cdf0'], names: '深紫到淡紫色' },
]
const paletteOf = (key: string) => {
  const hash = crypto.createHash('sha256').update(key).digest()
  return { hash, palette: palettes[hash[0] % palettes.length] }
}

/** The alt text of demoPhoto(key): what the picture really shows, an abstract pattern. */
export const demoPhotoAlt = (key: string) =>
  `示例配图：${paletteOf(key).palette.names}渐变底色上叠着几个半透明圆形的抽象图案，不是现场照片`

/** The caption under a demo picture: says plainly it is not a photo of what the item reports. */
export const demoPhotoCaption = (topic: string) => `示例配图（抽象图案，非现场照片）：${topic}`

/**
 * A small abstract picture (no text, no real people) standing in for a press photo (示例配图), made at seed
 * time so no photos live in git. The same key always gives the same picture.
 */
export async function demoPhoto(key: string, width = 1200, height = 800): Promise<Buffer> {
  const { hash, palette } = paletteOf(key)
  const [dark, light] = palette.colours
  const shapes = Array.from({ length: 6 }, (_, i) => {
    const x = (hash[1 + i] / 255) * width
    const y = (hash[8 + i] / 255) * height
    const r = 60 + (hash[15 + i] / 255) * 220
    return `<circle cx="${x.toFixed(0)}" cy="${y.toFixed(0)}" r="${r.toFixed(0)}" fill="${i % 2 ? light : '#ffffff'}" fill-opacity="0.25"/>`
  }).join('')
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}">
    <defs><linearGradient id="g" x1="0" y1="0" x2="1" y2="1">
      <stop offset="0" stop-color="${dark}"/><stop offset="1" stop-color="${light}"/>
    </linearGradient></defs>
    <rect width="100%" height="100%" fill="url(#g)"/>${shapes}
    <rect x="0" y="${height * 0.72}" width="${width}" height="${height * 0.28}" fill="${dark}" fill-opacity="0.35"/>
  </svg>`
  return sharp(Buffer.from(svg)).jpeg({ quality: 78, mozjpeg: true }).toBuffer()
}
