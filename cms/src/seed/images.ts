import crypto from 'node:crypto'

import sharp from 'sharp'

const palettes = [
  ['#b3261e', '#f4c27a'],
  ['#1f4e79', '#9cc3e6'],
  ['#2e6b3a', '#c8e0b4'],
  ['#6b3e26', '#f1d3b3'],
  ['#4a3b78', '#d6cdf0'],
]

/**
 * A small abstract picture (no text, no real people) standing in for a press photo, made at seed
 * time so no photos live in git. The same key always gives the same picture.
 */
export async function demoPhoto(key: string, width = 1200, height = 800): Promise<Buffer> {
  const hash = crypto.createHash('sha256').update(key).digest()
  const [dark, light] = palettes[hash[0] % palettes.length]
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
