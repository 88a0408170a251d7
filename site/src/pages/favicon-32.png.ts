// /favicon-32.png: the browser tab icon, from the emblem in 站点设置.
import type { APIRoute } from 'astro'
import { getEntry } from '../content/store'

import { iconPng } from '../utils/icons'

export const GET: APIRoute = async () => {
  const emblem = (await getEntry('settings', 'site-settings'))?.data.emblem
  return new Response(await iconPng(emblem?.filename, 32), { headers: { 'Content-Type': 'image/png' } })
}
