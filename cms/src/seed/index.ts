import type { CollectionSlug, Payload } from 'payload'

import type { ReviewedCollection } from '../workflow/reviewed'
import { defaultPublishChecks } from '../globals/publish-checks/defaults'
import { columns } from './data/columns'
import { events } from './data/events'
import { families } from './data/families'
import { news } from './data/news'
import { outlets } from './data/outlets'
import { scoringRules } from './data/scoringRules'
import { sitePagesSeed, siteSettingsSeed } from './data/siteIdentity'
import { stories } from './data/stories'
import { submissions } from './data/submissions'
import type { SeedImage, SeedState } from './data/types'
import { workstations } from './data/workstations'
import { demoEmblemPng, demoGovMarkPng } from './emblem'
import { demoPhoto, demoPhotoAlt, demoPhotoCaption } from './images'
import { paragraphsToLexical } from './lexical'
import { seedOutsideMedia } from './outsideMedia'
import { seedTrail } from './trail'
import { seedShiftDays, shiftDateTime, shiftDay } from './relativeDates'
import { ensureDemoUsers } from './users'

type Log = (message: string) => void

export type SeedResult = { created: Record<string, number>; password?: string }

type Id = number

/**
 * Loads the demo content drawn from the court's 2025 half-year report. Idempotent: every item
 * has a fixed slug (or file name) and is only created when missing, so running it twice adds nothing.
 */
export async function seed(payload: Payload, log: Log = () => {}): Promise<SeedResult> {
  const created: Record<string, number> = {}
  const count = (collection: string) => (created[collection] = (created[collection] ?? 0) + 1)

  const findId = async (collection: CollectionSlug, field: string, value: string): Promise<Id | undefined> => {
    const { docs } = await payload.find({
      collection,
      where: { [field]: { equals: value } },
      limit: 1,
      depth: 0,
      draft: true,
      pagination: false,
    })
    return docs[0]?.id
  }

  const photo = async (key: string, image: SeedImage, owner: Id): Promise<Id> => {
    const filename = `${key}.jpg`
    const existing = await findId('media', 'filename', filename)
    if (existing !== undefined) return existing
    const data = await demoPhoto(key)
    const doc = await payload.create({
      collection: 'media',
      data: { alt: demoPhotoAlt(key), caption: demoPhotoCaption(image.caption), credit: image.credit ?? '演示网站示例配图', createdBy: owner },
      file: { data, mimetype: 'image/jpeg', name: filename, size: data.length },
    })
    count('media')
    return doc.id
  }

  /** Creates a review-track item in the state the demo needs, owned by the person who would have written it. */
  const upsertDraftable = async (collection: CollectionSlug, slug: string, state: SeedState, data: Record<string, unknown>) => {
    if ((await findId(collection, 'slug', slug)) !== undefined) return
    const published = state === 'published'
    const args = {
      collection,
      data: {
        ...data,
        slug,
        workflowState: state,
        _status: published ? 'published' : 'draft',
        createdBy: published ? users.ids.editor : users.ids.contributor,
      },
      draft: !published,
    }
    // Collection-generic code: Payload's per-collection typing cannot follow a runtime slug.
    const doc = await payload.create(args as Parameters<Payload['create']>[0])
    count(collection)
    const title = String(data.title ?? data.familyName)
    await seedTrail(payload, { collection: collection as ReviewedCollection, id: doc.id as Id, title, state, author: published ? 'editor' : 'contributor' }, users.ids)
  }

  log('账号：创建各角色演示账号…')
  const users = await ensureDemoUsers(payload)

  log(`栏目：${columns.length} 个…`)
  const columnIds: Record<string, Id> = {}
  for (const column of columns) {
    columnIds[column.slug] =
      (await findId('columns', 'slug', column.slug)) ??
      (await payload.create({ collection: 'columns', data: column }).then((doc) => (count('columns'), doc.id)))
  }

  log(`法官工作站：${workstations.length} 个…`)
  const stationIds: Record<string, Id> = {}
  for (const { intro, image, latitude, longitude, ...station } of workstations) {
    stationIds[station.slug] =
      (await findId('workstations', 'slug', station.slug)) ??
      (await payload
        .create({
          collection: 'workstations',
          data: {
            ...station,
            coordinates: { latitude, longitude },
            intro: paragraphsToLexical(intro),
            photos: [await photo(`workstation-${station.slug}`, image, users.ids.editor)],
          },
        })
        .then((doc) => (count('workstations'), doc.id)))
  }

  const shift = seedShiftDays()
  log(`新闻：${news.length} 篇…`)
  for (const { slug, state, body, column, writer, photographer, image, publishedAt, ...item } of news) {
    await upsertDraftable('news', slug, state, {
      ...item,
      publishedAt: shiftDateTime(publishedAt, shift),
      column: columnIds[column],
      body: paragraphsToLexical(body),
      byline: { writer, photographer },
      cover: await photo(`news-${slug}`, image, users.ids.editor),
    })
  }

  log(`普法活动：${events.length} 场…`)
  for (const { slug, state, body, image, startAt, endAt, ...event } of events) {
    await upsertDraftable('events', slug, state, {
      ...event,
      startAt: shiftDateTime(startAt, shift),
      ...(endAt ? { endAt: shiftDateTime(endAt, shift) } : {}),
      body: paragraphsToLexical(body),
      photos: [await photo(`event-${slug}`, image, users.ids.editor)],
    })
  }

  log(`廉洁家风示范户：${families.length} 户…`)
  for (const { slug, state, story, image, ...family } of families) {
    await upsertDraftable('families', slug, state, {
      ...family,
      story: paragraphsToLexical(story),
      photos: [await photo(`family-${slug}`, image, users.ids.editor)],
    })
  }

  log(`工作站故事：${stories.length} 篇…`)
  for (const { slug, state, body, workstation, image, date, ...story } of stories) {
    await upsertDraftable('stories', slug, state, {
      ...story,
      date: shiftDay(date, shift),
      workstation: stationIds[workstation],
      body: paragraphsToLexical(body),
      photos: [await photo(`story-${slug}`, image, users.ids.editor)],
    })
  }

  log(`外宣：${outlets.length} 家媒体与简报、${scoringRules.length} 个年度的积分规则、${submissions.length} 条报送记录…`)
  await seedOutsideMedia(payload, users.ids, count)

  log('站点设置与导航…')
  await seedGlobals(payload, columnIds, users.ids.admin)

  return { created, password: users.password }
}

async function seedGlobals(payload: Payload, columnIds: Record<string, Id>, owner: Id) {
  const settings = await payload.findGlobal({ slug: 'site-settings', depth: 0 })
  if (!settings.address) {
    const { govMarkUrl, ...identity } = siteSettingsSeed
    const image = async (filename: string, alt: string, data: Buffer) =>
      (await payload.find({ collection: 'media', where: { filename: { equals: filename } }, limit: 1, depth: 0 })).docs[0]?.id ??
      (await payload.create({ collection: 'media', data: { alt, credit: '演示标志', createdBy: owner }, file: { data, mimetype: 'image/png', name: filename, size: data.length } })).id
    await payload.updateGlobal({
      slug: 'site-settings',
      data: {
        ...identity,
        emblem: await image('demo-emblem.png', '示例标志：红底金色圆环中的白色天平图形', await demoEmblemPng()),
        govMark: { image: await image('demo-gov-mark.png', '示例：党政机关网站标识占位图（红框白底图形）', await demoGovMarkPng()), url: govMarkUrl },
      },
    })
  }
  const pages = await payload.findGlobal({ slug: 'site-pages', depth: 0 })
  if (!pages.about) {
    const { about, guide, culture, ...intros } = sitePagesSeed
    await payload.updateGlobal({
      slug: 'site-pages',
      data: { ...intros, about: paragraphsToLexical(about), guide: paragraphsToLexical(guide), culture: paragraphsToLexical(culture) },
    })
  }
  await seedPublishChecks(payload)
  const navigation = await payload.findGlobal({ slug: 'navigation' })
  if (!navigation.items?.length) {
    await payload.updateGlobal({
      slug: 'navigation',
      data: {
        items: [
          ...columns.map((column) => ({ label: column.title, column: columnIds[column.slug] as number })),
          { label: '法官工作站', url: '/workstations' },
          { label: '普法活动', url: '/events' },
          { label: '廉洁家风', url: '/families' },
        ],
      },
    })
  }
}

/** Fills the 发布检查 lists with the defaults once; administrators maintain them from then on. */
export async function seedPublishChecks(payload: Payload): Promise<boolean> {
  const checks = await payload.findGlobal({ slug: 'publish-checks' })
  if (checks.bannedWords?.length || checks.correctionPairs?.length || checks.allowedNumbers?.length) return false
  await payload.updateGlobal({ slug: 'publish-checks', data: defaultPublishChecks })
  return true
}
