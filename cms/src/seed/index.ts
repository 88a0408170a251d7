import type { CollectionSlug, Payload } from 'payload'

import type { ReviewedCollection } from '../collections/signoffs'
import { defaultPublishChecks } from '../globals/publish-checks/defaults'
import { columns } from './data/columns'
import { events } from './data/events'
import { families } from './data/families'
import { news } from './data/news'
import { outlets } from './data/outlets'
import { scoringRules } from './data/scoringRules'
import { stories } from './data/stories'
import { submissions } from './data/submissions'
import type { SeedImage, SeedState } from './data/types'
import { workstations } from './data/workstations'
import { demoPhoto } from './images'
import { paragraphsToLexical } from './lexical'
import { seedOutsideMedia } from './outsideMedia'
import { seedTrail } from './trail'
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
      data: { alt: image.alt, caption: image.caption, credit: image.credit ?? '湖西县人民法院（示例图片）', createdBy: owner },
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

  log(`新闻：${news.length} 篇…`)
  for (const { slug, state, body, column, writer, photographer, image, ...item } of news) {
    await upsertDraftable('news', slug, state, {
      ...item,
      column: columnIds[column],
      body: paragraphsToLexical(body),
      byline: { writer, photographer },
      cover: await photo(`news-${slug}`, image, users.ids.editor),
    })
  }

  log(`普法活动：${events.length} 场…`)
  for (const { slug, state, body, image, ...event } of events) {
    await upsertDraftable('events', slug, state, {
      ...event,
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
  for (const { slug, state, body, workstation, image, ...story } of stories) {
    await upsertDraftable('stories', slug, state, {
      ...story,
      workstation: stationIds[workstation],
      body: paragraphsToLexical(body),
      photos: [await photo(`story-${slug}`, image, users.ids.editor)],
    })
  }

  log(`外宣：${outlets.length} 家媒体与简报、${scoringRules.length} 个年度的积分规则、${submissions.length} 条报送记录…`)
  await seedOutsideMedia(payload, users.ids, count)

  log('站点设置与导航…')
  await seedGlobals(payload, columnIds)

  return { created, password: users.password }
}

async function seedGlobals(payload: Payload, columnIds: Record<string, Id>) {
  const settings = await payload.findGlobal({ slug: 'site-settings' })
  if (!settings.address) {
    await payload.updateGlobal({
      slug: 'site-settings',
      data: {
        courtName: '湖西县人民法院',
        siteTitle: '湖西县人民法院 · 六善法院',
        address: '湖西县人民路 1 号（示例）',
        phone: '0000-6120000（示例）',
        icp: 'X ICP备00000000号-1（示例）',
        publicSecurityRecord: 'X 公网安备 00000000000000 号（示例）',
        siteCode: '0000000000（示例）',
        sponsor: '湖西县人民法院',
      },
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
