// Shapes of the demo content. Bodies are lists of paragraphs; a paragraph starting with "## " is a heading.

/** Where an item stands in review: draft (草稿), submitted (待审核), reviewed (待签发), published (已发布). */
export type SeedState = 'draft' | 'submitted' | 'reviewed' | 'published'

/** What a demo picture stands for; the picture itself is an abstract 示例配图 (see images.ts), described as such. */
export type SeedImage = { caption: string; credit?: string }

export type ColumnSeed = { slug: string; title: string; description: string; order: number }

export type WorkstationSeed = {
  slug: string
  name: string
  township: string
  address: string
  judges: { name: string; title: string }[]
  phone: string
  serviceDays: string
  foundedAt: string // ISO date
  intro: string[]
  latitude?: number
  longitude?: number
  image: SeedImage
}

export type NewsSeed = {
  slug: string
  title: string
  column: string // a ColumnSeed slug
  summary: string
  body: string[]
  tags: string[]
  writer: string
  photographer?: string
  publishedAt: string // ISO datetime
  state: SeedState
  image: SeedImage
}

export type EventSeed = {
  slug: string
  title: string
  startAt: string
  endAt: string
  venueKind: 'community' | 'village' | 'school' | 'enterprise' | 'other'
  venue: string
  format: 'legal-advice' | 'lecture' | 'civil-code' | 'open-day' | 'other'
  organiser: string
  audienceSize: number
  body: string[]
  state: SeedState
  image: SeedImage
}

export type FamilySeed = {
  slug: string
  familyName: string // 张某某家庭
  relation: string
  year: number
  motto: string
  story: string[]
  state: SeedState
  image: SeedImage
}

export type StorySeed = {
  slug: string
  title: string
  workstation: string // a WorkstationSeed slug
  kind: 'mediation' | 'circuit-trial' | 'guiding-mediators' | 'legal-advice' | 'law-promotion'
  date: string
  body: string[]
  outcome: string
  state: SeedState
  image: SeedImage
}

export type OutletSeed = {
  name: string
  level: 'national' | 'provincial' | 'municipal' | 'county' | 'internal'
  kind: 'media' | 'bulletin'
  website?: string
  contact: string
  notes?: string
}

export type ScoringRulesSeed = {
  year: number
  rules: { level: OutletSeed['level']; outcome: 'adopted' | 'published'; points: number }[]
  instructionBonus: number
  notes: string
}

/** One status change of a 外宣报送 record, with the date it stores (YYYY-MM-DD, Beijing): 报送日期 or 采用/刊发日期. */
export type SubmissionStep = { status: 'submitted' | 'adopted' | 'published'; on: string } | { status: 'rejected' }

export type SubmissionSeed = {
  item: { collection: 'news' | 'stories' | 'events' | 'families'; slug: string }
  outlet: string // an OutletSeed name
  kind: 'information' | 'article'
  /** `user` links the author to the demo account of that role. */
  authors: { name: string; role?: 'writer' | 'correspondent'; user?: 'editor' | 'contributor' }[]
  /** The record's history in order; empty for a record still 待报送. */
  steps: SubmissionStep[]
  issue?: string
  page?: string
  leaderInstruction?: boolean
  leaderNote?: string
}
