import sharp from 'sharp'

/**
 * The demo's neutral mark: a balance in a ring, drawn with shapes only (no text, no national
 * emblem). A court replaces it with its own 院徽 in 站点设置. site/public/favicon.svg is the same drawing.
 */
export const demoEmblemSvg = `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 64 64" width="512" height="512">
  <rect width="64" height="64" fill="#9e1f17"/>
  <circle cx="32" cy="32" r="28" fill="none" stroke="#f2c14e" stroke-width="3"/>
  <g fill="none" stroke="#fff" stroke-width="2.6" stroke-linecap="round" stroke-linejoin="round">
    <path d="M32 15v30M17 21h30M23 47h18"/>
    <path d="M17 21l-6 13h12zM47 21l-6 13h12z"/>
  </g>
  <g fill="#fff"><path d="M11 34a6 3.5 0 0 0 12 0zM41 34a6 3.5 0 0 0 12 0z"/><circle cx="32" cy="15" r="2.6"/></g>
</svg>`

export const demoEmblemPng = (): Promise<Buffer> => sharp(Buffer.from(demoEmblemSvg)).png().toBuffer()

/** A neutral stand-in for the 党政机关网站标识: a red seal-like badge without any text. */
export const demoGovMarkPng = (): Promise<Buffer> =>
  sharp(
    Buffer.from(`<svg xmlns="http://www.w3.org/2000/svg" width="220" height="100" viewBox="0 0 110 50">
      <rect width="110" height="50" fill="#fff"/>
      <rect x="3" y="3" width="104" height="44" rx="4" fill="none" stroke="#c4161c" stroke-width="3"/>
      <circle cx="25" cy="25" r="14" fill="#c4161c"/>
      <circle cx="25" cy="25" r="7" fill="#fff"/>
      <path d="M48 17h50M48 25h50M48 33h36" stroke="#c4161c" stroke-width="4" stroke-linecap="round"/>
    </svg>`),
  )
    .png()
    .toBuffer()
