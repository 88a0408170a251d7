import type { CollectionConfig } from 'payload'

import {
  createDraftOrPublish,
  deleteDraftOrPublished,
  publishedOrStaff,
  updateDraftOrPublish,
  versionsForStaff,
} from '../access'
import { notePublicStateBeforeSave, rebuildSiteOnPublish, rebuildSiteOnUnpublishedDelete } from '../siteBuild/hooks'
import { enforceWorkflow, noteDraftArgument, recordSignoff } from '../workflow/enforceWorkflow'

/** Access and versioning shared by every collection whose items go through review before going public. */
export const draftable: Pick<CollectionConfig, 'access' | 'hooks' | 'versions'> = {
  access: {
    read: publishedOrStaff,
    readVersions: versionsForStaff,
    create: createDraftOrPublish,
    update: updateDraftOrPublish,
    delete: deleteDraftOrPublished,
  },
  hooks: {
    beforeOperation: [noteDraftArgument],
    beforeChange: [enforceWorkflow, notePublicStateBeforeSave],
    afterChange: [recordSignoff, rebuildSiteOnPublish],
    afterDelete: [rebuildSiteOnUnpublishedDelete],
  },
  versions: { drafts: { schedulePublish: true }, maxPerDoc: 50 },
}
