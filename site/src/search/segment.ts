// Chinese word segmentation for the search index, by jieba (@node-rs/jieba, with its own dictionary).
// Index and query are cut by the same segmenter, so a word in a query meets the same word in a text.
import { Jieba } from '@node-rs/jieba'
// With the file extension: the built server imports it through Node, which needs the full name.
import { dict } from '@node-rs/jieba/dict.js'

let jieba: Jieba | undefined
/** Loading the dictionary takes a moment: once per process. */
const segmenter = () => (jieba ??= Jieba.withDict(dict))

/** A token worth indexing or searching: it has a letter or digit (no punctuation, no space). */
const isWord = (token: string) => /[\p{L}\p{N}]/u.test(token)

/**
 * The words of a text for the index, separated by spaces. Search mode: a compound also yields its
 * parts (民法典 → 民法 法典 民法典), so a query for a part finds it.
 */
export function indexWords(text: string): string {
  return segmenter().cutForSearch(text.normalize('NFKC'), true).filter(isWord).join(' ')
}

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
