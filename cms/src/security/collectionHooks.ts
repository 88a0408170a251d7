import type { CollectionConfig } from 'payload'

import { cleanUploadFileName } from './fileNames'
import { capAnonymousLists } from './listLimits'
import { refuseMalformedRequests } from './requestShape'

/** Rules every collection gets, ahead of its own hooks: well-formed requests, list caps, clean names for uploads. */
export const withSecurityHooks = (collection: CollectionConfig): CollectionConfig => ({
  ...collection,
  hooks: {
    ...collection.hooks,
    beforeOperation: [refuseMalformedRequests, capAnonymousLists, ...(collection.upload ? [cleanUploadFileName] : []), ...(collection.hooks?.beforeOperation ?? [])],
  },
})
