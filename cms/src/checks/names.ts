// 当事人隐名: full names of the parties of a case, found where court writing puts them
// (原告张三、被告人李四光、学生王小明), each with its 隐名 form (张某, 李某某).
import { Jieba, type TaggedWord } from '@node-rs/jieba'
import { dict } from '@node-rs/jieba/dict'

import { surnameAt } from './surnames'

/**
 * Words after which a name is a party's (or a minor's, or a party's relative's). Court staff
 * (法官、书记员、院长…) and bylines are not here: their names after their own role are public.
 */
export const partyRoles = [
  '原告', '被告', '被告人', '当事人', '申请人', '被申请人', '上诉人', '被上诉人', '第三人', '被害人', '受害人', '罪犯',
  '犯罪嫌疑人', '嫌疑人', '被执行人', '申请执行人', '再审申请人', '被申诉人', '申诉人', '原审被告人', '原审原告', '原审被告',
  '被告单位', '未成年人', '未成年', '学生', '小学生', '中学生', '初中生', '高中生', '孩子', '儿童', '女童', '男童', '少年',
  '女儿', '儿子', '养女', '养子', '之女', '之子',
]

/** Single characters that end a name: they begin what is said about the person (张三诉…、李四在…). */
const afterName = new Set('在的被与和及诉称因向于将对为系是等了未不经已仍曾也都又就从自把给到时后前均并所之其该以由现说今即犯同案家拒无要请述')
/** Tags of two-character words that cannot be a given name: verbs, adverbs, times, numbers… */
const notGivenTags = /^(v|vn|vd|vg|d|dg|p|c|u|r|f|t|m|q|l|x|eng|ad|an|s)/
/** Words jieba may read as a name, or that start with a surname, that follow a role word in court writing. */
const notNames = new Set(['陈述', '全部', '高度', '时代', '单位', '方面', '双方', '本人', '一方', '申请', '应当', '明知', '安全', '成长', '家属', '家长', '代表', '孩子', '公司'])

let jieba: Jieba | undefined
/** jieba with its dictionary, loaded once per process (the dictionary takes a moment to read). */
const tagger = () => (jieba ??= Jieba.withDict(dict))

const numerals = /[一二三四五六七八九十百千万亿两几多数半余]/u
const han = /^\p{Script=Han}+$/u
const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
const roleMatcher = new RegExp([...partyRoles].sort((a, b) => b.length - a.length).map(escape).join('|'), 'gu')

export type NameHit = { name: string; start: number; end: number; role: string }

/** 张三 → 张某, 李四光 → 李某某, 欧阳明 → 欧阳某: the surname, and 某 for each character of the given name. */
export function anonymised(name: string): string {
  const surname = surnameAt(name, 0) ?? name[0]
  return surname + '某'.repeat(Math.max(1, name.length - surname.length))
}

/** The words of `text` by where they start. */
function wordsByStart(text: string): Map<number, TaggedWord> {
  const byStart = new Map<number, TaggedWord>()
  let at = 0
  for (const word of tagger().tag(text)) {
    byStart.set(at, word)
    at += word.word.length
  }
  return byStart
}

/** The given name after `surname` at `at`, or undefined when what follows is not a name. */
function givenNameAt(text: string, at: number, surname: string, words: Map<number, TaggedWord>): string | undefined {
  const word = words.get(at)
  if (word && word.word.length > surname.length && word.word.startsWith(surname)) {
    // jieba read surname and more as one word: a name (王建军/nr), or a word such as 明知、曾多次.
    let given = word.word.slice(surname.length)
    // 万里 is tagged as a number word; 多次 is one.
    // Only a word jieba tags as a name (or a place, as 于洋; 万里 as a number) is one; any other word
    // here is a thing of the party's (信息、房产、车辆), seldom a name (方圆、文静 are missed).
    const nameLike = /^(nr|ns|nz)/.test(word.tag) || (word.tag === 'm' && !numerals.test(given))
    const wrongTag = !nameLike
    if (word.word.length > surname.length + 2 || wrongTag || notNames.has(word.word)) return undefined
    // 姚明|辉, 诸葛亮|亮: a one-character given name may run on by one character.
    const next = text[at + word.word.length]
    const nextWord = words.get(at + word.word.length)
    if (given.length === 1 && next && han.test(next) && !afterName.has(next) && nextWord?.word.length === 1) given += next
    return given
  }
  // The surname stands alone: read the given name from what follows, as jieba splits it there.
  const surnameIsFunctionWord = word?.word === surname && /^(p|c|d|u|r)/.test(word.tag) // 向、于、曾
  let given = ''
  for (const { word: piece, tag } of tagger().tag(text.slice(at + surname.length, at + surname.length + 6))) {
    if (!han.test(piece)) break
    if (piece.length === 1) {
      if (afterName.has(piece)) break
      given += piece
    } else if (piece.length === 2 && !given && !notGivenTags.test(tag) && !(surnameIsFunctionWord && !tag.startsWith('nr'))) {
      given = piece
    }
    if (piece.length > 1 || given.length >= 2) break
  }
  if (!given || notNames.has(surname + given)) return undefined
  return given
}

/** The full names standing in a party role in `text`; names in 某-form are not reported. */
export function findPartyNames(text: string): NameHit[] {
  if (!text) return []
  const hits: NameHit[] = []
  let words: Map<number, TaggedWord> | undefined
  for (const match of text.matchAll(roleMatcher)) {
    let at = match.index + match[0].length
    // 原告张三、李四和王五: one role, several names.
    for (;;) {
      const surname = surnameAt(text, at)
      if (!surname) break
      let end = at + surname.length
      if (text[end] === '某') {
        while (text[end] === '某') end += 1
      } else {
        words ??= wordsByStart(text)
        const given = givenNameAt(text, at, surname, words)
        if (!given) break
        end += given.length
        hits.push({ name: surname + given, start: at, end, role: match[0] })
      }
      if (!'、和及'.includes(text[end] ?? '') || !text[end]) break
      at = end + 1
    }
  }
  return hits
}
