import type { CollectionConfig } from 'payload'

import { cleanUploadFileName } from './fileNames'
import { capAnonymousLists } from './listLimits'

/** Rules every collection gets, ahead of its own hooks: list caps, and clean names for uploads. */
export const withSecurityHooks = (collection: CollectionConfig): CollectionConfig => ({
  ...collection,
  hooks: {
    ...collection.hooks,
    beforeOperation: [capAnonymousLists, ...(collection.upload ? [cleanUploadFileName] : []), ...(collection.hooks?.beforeOperation ?? [])],
  },
})
