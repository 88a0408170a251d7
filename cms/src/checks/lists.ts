// The word and number lists, as administrators keep them in the 发布检查 global.
import type { PayloadRequest } from 'payload'

import { defaultPublishChecks, type PublishCheckLists } from '../globals/publish-checks/defaults'

/**
 * The lists from the `publish-checks` global. A list left empty there falls back to its
 * defaults, so emptying a list by mistake never switches a check off.
 */
export async function loadLists(req: PayloadRequest): Promise<PublishCheckLists> {
  const stored = await req.payload.findGlobal({ slug: 'publish-checks', depth: 0, overrideAccess: true, req })
  return {
    bannedWords: stored.bannedWords?.length ? stored.bannedWords : defaultPublishChecks.bannedWords,
    correctionPairs: stored.correctionPairs?.length ? stored.correctionPairs : defaultPublishChecks.correctionPairs,
    allowedNumbers: stored.allowedNumbers?.length ? stored.allowedNumbers : defaultPublishChecks.allowedNumbers,
    // Empty is a real choice here: no name is public unless listed.
    allowedNames: stored.allowedNames ?? [],
  }
}
