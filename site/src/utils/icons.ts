// Browser and home-screen icons made at build time from the emblem uploaded in 站点设置
// (or, without one, from the demo mark in public/favicon.svg), so they always match the header.
import fs from 'node:fs/promises'
import path from 'node:path'

import sharp from 'sharp'

import fallbackSvg from '../../public/favicon.svg?raw'

const mediaDir = () => path.resolve(process.env.MEDIA_DIR ?? path.resolve(process.cwd(), '../media'))

/** A square PNG of the emblem at `size` pixels, on white so it reads on any home screen. */
export async function iconPng(emblemFilename: string | undefined, size: number): Promise<Uint8Array<ArrayBuffer>> {
  let source: Buffer = Buffer.from(fallbackSvg)
  if (emblemFilename && !/[\\/]/.test(emblemFilename)) {
    try {
      source = await fs.readFile(path.join(mediaDir(), emblemFilename))
    } catch {
      // Missing on this machine (copyMedia warns about it too): the demo mark instead of no icon.
    }
  }
  const png = await sharp(source).resize(size, size, { fit: 'contain', background: '#ffffff' }).flatten({ background: '#ffffff' }).png().toBuffer()
  return new Uint8Array(png)
}
