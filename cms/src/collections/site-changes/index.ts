import type { CollectionConfig } from 'payload'

import { staff } from '../../access'
import { retryChangeEndpoint } from '../../siteBuild/retry'

/**
 * 门户更新记录: the durable queue of public changes (written by the hooks in siteBuild/hooks.ts in
 * the same transaction as the change) and, once rendered, what the render did. The renderer
 * (siteBuild/renderer.ts) is the only writer after that; nobody edits these over the API.
 */
export const SiteChanges: CollectionConfig = {
  slug: 'site-changes',
  labels: { singular: '门户更新记录', plural: '门户更新记录' },
  access: { read: staff, create: () => false, update: () => false, delete: () => false },
  admin: { hidden: true, useAsTitle: 'reason' },
  defaultSort: '-createdAt',
  endpoints: [retryChangeEndpoint],
  fields: [
    // What changed: a document (`doc:news:12`), a global (`global:navigation`), or a full render (`full`).
    { name: 'key', type: 'text', required: true, index: true },
    { name: 'kind', type: 'select', required: true, options: ['doc', 'global', 'full'] },
    { name: 'targetCollection', type: 'text' },
    { name: 'targetId', type: 'text' },
    { name: 'globalSlug', type: 'text' },
    /** For people: 新闻 #12 已发布. */
    { name: 'reason', type: 'text', required: true },
    { name: 'state', type: 'select', required: true, defaultValue: 'pending', index: true, options: ['pending', 'rendering', 'done', 'failed'] },
    { name: 'attempts', type: 'number', defaultValue: 0 },
    /** The worker request (seq) it was rendered in; changes coalesced into one render share it. */
    { name: 'batch', type: 'number' },
    { name: 'holder', type: 'text' },
    { name: 'startedAt', type: 'date' },
    { name: 'finishedAt', type: 'date' },
    { name: 'pages', type: 'number' },
    { name: 'removed', type: 'number' },
    { name: 'ms', type: 'number' },
    { name: 'urls', type: 'json' },
    /** Chinese reason of a failure. */
    { name: 'error', type: 'text' },
    /** Nightly check: pages that differ between a fresh full render and the incremental state. */
    { name: 'differences', type: 'json' },
  ],
}
