// /events/<slug>.ics: one 普法活动 as an iCalendar file. Times are written in UTC (…Z), so every
// calendar shows them correctly in its own zone; the CMS stores absolute instants already.
import type { APIRoute } from 'astro'
import { getEntry } from '../../content/store'
import { createEvent, type EventAttributes } from 'ics'

import { labelOf, zh } from '../../i18n/zh'
import { absoluteUrl, eventPath } from '../../utils/paths'


/**
 * RFC 5545 folds lines at 75 octets; the ics package counts characters, which lets Chinese lines
 * run to 200+ octets. Unfold, then refold by octets without splitting a character.
 */
function foldIcs(text: string): string {
  const encoder = new TextEncoder()
  return text
    .replace(/\r\n[ \t]/g, '')
    .split('\r\n')
    .map((line) => {
      const out: string[] = []
      let current = ''
      let octets = 0
      for (const char of line) {
        const size = encoder.encode(char).length
        const limit = out.length === 0 ? 75 : 74 // continuation lines start with a space
        if (octets + size > limit) {
          out.push(current)
          current = ''
          octets = 0
        }
        current += char
        octets += size
      }
      out.push(current)
      return out.join('\r\n ')
    })
    .join('\r\n')
}

export const GET: APIRoute = async ({ params, site }) => {
  const entry = await getEntry('events', params.slug ?? '')
  if (!entry) return new Response(null, { status: 404 })
  const { data } = entry
  const url = absoluteUrl(eventPath(entry.id), site)
  // `timestamp` (DTSTAMP) is read by ics but missing from its types.
  const attributes: EventAttributes & { timestamp: number } = {
    // Stable across rebuilds: the slug never changes once published.
    uid: `event-${entry.id}@${new URL(url).hostname}`,
    productId: 'liushan/portal',
    title: data.title,
    start: data.startAt.getTime(),
    startInputType: 'utc',
    startOutputType: 'utc',
    ...(data.endAt
      ? { end: data.endAt.getTime(), endInputType: 'utc' as const, endOutputType: 'utc' as const }
      : { duration: { hours: 2 } }), // the CMS has no end time: assume a two-hour session
    location: data.venue,
    description: [labelOf(zh.events.formats, data.format), data.organiser && `${zh.events.organiser}：${data.organiser}`, url].filter(Boolean).join('\n'),
    url,
    categories: [labelOf(zh.events.formats, data.format)],
    lastModified: data.updatedAt.getTime(),
    // DTSTAMP would default to the time of rendering; the same content must give the same file.
    timestamp: data.updatedAt.getTime(),
    status: 'CONFIRMED',
  }
  const { error, value } = createEvent(attributes)
  if (error || !value) throw new Error(`events/${entry.id}.ics: ${error?.message ?? 'no calendar output'}`)
  return new Response(foldIcs(value), { headers: { 'Content-Type': 'text/calendar; charset=utf-8' } })
}
