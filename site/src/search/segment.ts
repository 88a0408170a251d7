// Chinese word segmentation for the search index, by jieba (@node-rs/jieba, with its own dictionary).
// Index and query are cut by the same segmenter, so a word in a query meets the same word in a text.
import { Jieba } from '@node-rs/jieba'
// With the file extension: the built server imports it through Node, which needs the full name.
import { dict } from '@node-rs/jieba/dict.js'

let jieba: Jieba | undefined
/** Loading the dictionary takes a moment: once per process (and once per segmenter thread). */
const segmenter = () => (jieba ??= Jieba.withDict(dict))

/** Loads the dictionary now (the render worker at start), so the first update after a publish does not wait for it. */
export const warmSegmenter = () => void segmenter()

/**
 * The words of a text for the index, separated by spaces. Search mode: a compound also yields its
 * parts (民法典 → 民法 法典 民法典), so a query for a part finds it. Punctuation tokens stay in:
 * FTS5's unicode61 tokenizer drops them as separators, cheaper than filtering them here.
 *
 * Kept as source text, because the segmenter threads (segmentThreads.ts) run the very same code.
 */
export const INDEX_WORDS_SOURCE = `(jieba, text) => jieba.cutForSearch(text.normalize('NFKC'), true).join(' ')`
const indexWordsWith = new Function(`return ${INDEX_WORDS_SOURCE}`)() as (jieba: Jieba, text: string) => string

export const indexWords = (text: string): string => indexWordsWith(segmenter(), text)

/** A token worth searching: it has a letter or digit (no punctuation, no space). */
const isWord = (token: string) => /[\p{L}\p{N}]/u.test(token)

/** The words of a query, each once, in order (廉洁家风 → 廉洁, 家风). */
export function queryWords(query: string): string[] {
  const words = segmenter()
    .cut(query.normalize('NFKC'), true)
    .map((word) => word.trim().toLowerCase())
    .filter(isWord)
  return [...new Set(words)]
}

/** A text cut into words, in order, with nothing left out: joined they give the text back. */
export const cutText = (text: string): string[] => segmenter().cut(text, true)
