import type { PublishCheck } from '../../payload-types'

export type PublishCheckLists = Required<{
  [K in 'bannedWords' | 'correctionPairs' | 'allowedNumbers' | 'allowedNames']: NonNullable<PublishCheck[K]>
}>

/**
 * The lists the pre-publish checks start with. The seed copies them into the 发布检查 global,
 * where administrators maintain them; a list left empty there falls back to these. Every entry
 * is wrong wherever it appears in court publicity, so a match is always worth stopping for.
 */
export const defaultPublishChecks: PublishCheckLists = {
  bannedWords: [
    { word: '推上被告席', note: '民事、行政案件中原告与被告诉讼地位平等，不使用带主观色彩的说法' },
    { word: '绝密★', note: '涉密文件的密级标志，涉密内容不得公开' },
    { word: '机密★', note: '涉密文件的密级标志，涉密内容不得公开' },
    { word: '秘密★', note: '涉密文件的密级标志，涉密内容不得公开' },
    { word: '内部资料', note: '内部资料不得公开发布' },
  ],
  correctionPairs: [
    // Political expressions (政治性表述)
    { wrong: '扫黑险恶', right: '扫黑除恶' },
    { wrong: '打黑除恶', right: '扫黑除恶' },
    { wrong: '中国特色的社会主义', right: '中国特色社会主义' },
    { wrong: '一路一带', right: '一带一路' },
    { wrong: '依法制国', right: '依法治国' },
    { wrong: '当家做主', right: '当家作主' },
    { wrong: '脱贫攻艰', right: '脱贫攻坚' },
    { wrong: '峰桥经验', right: '枫桥经验' },
    { wrong: '台湾总统', right: '台湾地区领导人' },
    { wrong: '台湾政府', right: '台湾当局' },
    { wrong: '北朝鲜', right: '朝鲜' },
    { wrong: '南朝鲜', right: '韩国' },
    // Courts, procuratorates and their people
    { wrong: '人名法院', right: '人民法院' },
    { wrong: '最高人民法庭', right: '最高人民法院' },
    { wrong: '人民检查院', right: '人民检察院' },
    { wrong: '人民陪审团', right: '人民陪审员' },
    { wrong: '人民陪审官', right: '人民陪审员' },
    { wrong: '人民调节员', right: '人民调解员' },
    { wrong: '诉前调节', right: '诉前调解' },
    { wrong: '调节协议', right: '调解协议' },
    { wrong: '辨护人', right: '辩护人' },
    { wrong: '法庭辨论', right: '法庭辩论' },
    { wrong: '黑社会', right: '黑社会性质组织' },
    { wrong: '村长', right: '村主任' },
    // Legal and official wording
    { wrong: '权力义务', right: '权利义务' },
    { wrong: '权力和义务', right: '权利和义务' },
    { wrong: '法制宣传', right: '法治宣传' },
    { wrong: '截止目前', right: '截至目前' },
    { wrong: '截止到目前', right: '截至目前' },
    // Respectful terms for people with disabilities
    { wrong: '残废人', right: '残疾人' },
    { wrong: '瞎子', right: '盲人' },
    { wrong: '聋子', right: '聋人' },
  ],
  allowedNumbers: [{ number: '12368', note: '全国法院诉讼服务热线' }],
  allowedNames: [],
}

/**
 * Correct words that contain a listed mistake: “该村长期”、“乡村长效” are not about a 村长.
 * A mistake found inside one of these (or inside its own correct form, as 黑社会 inside
 * 黑社会性质组织) is not reported.
 */
export const notMistakes: string[] = [
  '黑社会性质',
  ...['期', '效', '廊', '者', '寿', '年', '远', '久', '辈'].map((next) => `村长${next}`),
]
