import type { CollectionConfig } from 'payload'

import { leaveRichTextOutOfLists } from '../collections/listsWithoutRichText'
import { cleanUploadFileName } from './fileNames'
import { capAnonymousLists } from './listLimits'
import { refuseMalformedRequests } from './requestShape'

/** Rules every collection gets, ahead of its own hooks: well-formed requests, list caps, REST lists without rich text, clean names for uploads. */
export const withSecurityHooks = (collection: CollectionConfig): CollectionConfig => ({
  ...collection,
  hooks: {
    ...collection.hooks,
    beforeOperation: [refuseMalformedRequests, capAnonymousLists, leaveRichTextOutOfLists, ...(collection.upload ? [cleanUploadFileName] : []), ...(collection.hooks?.beforeOperation ?? [])],
  },
})
