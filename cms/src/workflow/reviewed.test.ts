// The registry of reviewed content types says what the collections and the portal really are.
import type { CollectionConfig, Field } from 'payload'
import { describe, expect, it } from 'vitest'

import { docPath } from '../../../site/src/utils/paths'
import { Events } from '../collections/events'
import { Families } from '../collections/families'
import { News } from '../collections/news'
import { Signoffs } from '../collections/signoffs'
import { Stories } from '../collections/stories'
import { isReviewedCollection, reviewedCollections, reviewedTypes } from './reviewed'

const configs: Record<string, CollectionConfig> = { news: News, stories: Stories, events: Events, families: Families }

const topLevelFields = (fields: Field[]): Field[] =>
  fields.flatMap((field) => {
    if (field.type === 'tabs') return field.tabs.flatMap((tab) => ('name' in tab && tab.name ? [] : topLevelFields(tab.fields)))
    if ((field.type === 'row' || field.type === 'collapsible') && 'fields' in field) return topLevelFields(field.fields)
    return [field]
  })
const fieldNamed = (config: CollectionConfig, name: string) =>
  topLevelFields(config.fields).find((field) => 'name' in field && field.name === name)

describe('reviewed content types', () => {
  it('are exactly the collections with drafts and the workflow, in the registry', () => {
    expect(Object.keys(configs).sort()).toEqual([...reviewedCollections].sort())
    expect(isReviewedCollection('news')).toBe(true)
    expect(isReviewedCollection('media')).toBe(false)
  })

  it.each(reviewedCollections)('%s: its collection is named, titled and has the body the registry says', (collection) => {
    const config = configs[collection]
    const type = reviewedTypes[collection]
    expect(config.slug).toBe(collection)
    expect(config.labels).toEqual({ singular: type.label, plural: type.label })
    expect(config.admin?.useAsTitle).toBe(type.titleField)
    expect(fieldNamed(config, type.titleField)).toMatchObject({ type: 'text' })
    expect(fieldNamed(config, type.bodyField)).toMatchObject({ type: 'richText' })
    if (type.leadPhotoField) expect(fieldNamed(config, type.leadPhotoField)).toMatchObject({ type: 'upload' })
    if (type.dateField !== 'createdAt') expect(fieldNamed(config, type.dateField)).toMatchObject({ type: 'date' })
  })

  it.each(reviewedCollections)('%s: its portal page is the one site/src/utils/paths.ts builds', (collection) => {
    for (const slug of ['a-b', '2025-03-法院']) expect(reviewedTypes[collection].portalPath(slug)).toBe(docPath(collection, slug))
  })

  it('the 审签记录 offers every reviewed type as a 稿件类型', () => {
    const docCollection = Signoffs.fields.find((field) => 'name' in field && field.name === 'docCollection')
    expect(docCollection).toMatchObject({ options: reviewedCollections.map((value) => ({ value, label: reviewedTypes[value].kindLabel })) })
  })
})
