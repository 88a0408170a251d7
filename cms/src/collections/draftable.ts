import type { CollectionConfig } from 'payload'

import {
  createDraftOrPublish,
  deleteDraftOrPublished,
  publishedOrStaff,
  updateDraftOrPublish,
  versionsForStaff,
} from '../access'

/** Access and versioning shared by every collection whose items go through review before going public. */
export const draftable: Pick<CollectionConfig, 'access' | 'versions'> = {
  access: {
    read: publishedOrStaff,
    readVersions: versionsForStaff,
    create: createDraftOrPublish,
    update: updateDraftOrPublish,
    delete: deleteDraftOrPublished,
  },
  versions: { drafts: { schedulePublish: true }, maxPerDoc: 50 },
}
