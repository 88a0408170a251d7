import { pinyin } from 'pinyin-pro'

const MAX_SYLLABLES = 12
const MAX_LENGTH = 80

/**
 * An ASCII, URL-safe slug for a (usually Chinese) title: Han characters become toneless pinyin
 * syllables, Latin letters and digits are kept, everything else separates words.
 * "诉源治理 2025 年" → "su-yuan-zhi-li-2025-nian".
 */
export function slugify(title: string): string {
  const syllables = pinyin(title, { toneType: 'none', type: 'array', nonZh: 'consecutive', v: true })
  const words = syllables
    .flatMap((part) => part.toLowerCase().split(/[^a-z0-9]+/))
    .filter(Boolean)
    .slice(0, MAX_SYLLABLES)
  return words.join('-').slice(0, MAX_LENGTH).replace(/-+$/, '')
}
