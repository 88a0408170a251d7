import type { CollectionConfig } from 'payload'

import { hasRole, signedIn, staff } from '../../access'
import { createdByField } from '../../fields/createdBy'
import { linkField } from '../../fields/url'
import { rebuildSiteOnCoverageChange, rebuildSiteOnCoverageDelete } from '../../siteBuild/hooks'
import { reviewedCollections } from '../../workflow/reviewed'
import { enforceSubmissionRules } from './hooks/enforceSubmissionRules'
import { submissionPackageEndpoint } from './packageEndpoint'
import { submissionStatsEndpoint } from '../../outsideMedia/statsEndpoint'
import { submissionStatuses } from '../../outsideMedia/statuses'
import { updateSubmission } from '../../outsideMedia/whoMayRecord'

/** Adopted or published coverage is public (the portal's 媒体聚焦); everything else is staff work. */
const coverageOrStaff = ({ req }: { req: { user?: unknown } }) =>
  req.user ? true : { status: { in: ['adopted', 'published'] } }

/** 外宣报送: one story sent to one outlet, and what became of it. */
export const Submissions: CollectionConfig = {
  slug: 'submissions',
  labels: { singular: '外宣报送', plural: '外宣报送' },
  access: { read: coverageOrStaff, create: staff, update: updateSubmission, delete: hasRole('editor', 'approver', 'admin') },
  admin: {
    group: '外宣',
    useAsTitle: 'title',
    defaultColumns: ['title', 'outlet', 'status', 'submittedAt', 'points'],
    description: '向媒体和简报报送的稿件及其采用、刊发情况，按年度积分规则计分。',
    // “下载报送材料包”: the item as a 公文-style .docx, its photos and the 报送单, in one .zip.
    components: { edit: { beforeDocumentControls: ['/components/PackageButton#PackageButton'] } },
  },
  defaultSort: '-submittedAt',
  hooks: {
    // Status path, required dates, published items only, default title, points: every save.
    beforeChange: [enforceSubmissionRules],
    // Adopted and published records are on the portal's 媒体聚焦 page.
    afterChange: [rebuildSiteOnCoverageChange],
    afterDelete: [rebuildSiteOnCoverageDelete],
  },
  endpoints: [
    // The year's 外宣统计, JSON or CSV: GET /api/submissions/stats?year=2025&format=csv
    submissionStatsEndpoint,
    // The 报送材料包 of one record: GET /api/submissions/<id>/package
    submissionPackageEndpoint,
  ],
  fields: [
    {
      name: 'title',
      type: 'text',
      label: '标题',
      required: true,
      admin: { description: '留空则取所报送稿件的标题。' },
      // Left empty, the hook fills it in from the item before the record is stored.
      validate: () => true as const,
    },
    {
      name: 'item',
      type: 'relationship',
      relationTo: [...reviewedCollections],
      label: '报送稿件',
      required: true,
      admin: { description: '只能报送已发布的稿件。' },
      // The picker offers published items (and the one already chosen, which may since have been withdrawn).
      filterOptions: ({ data, relationTo }) => {
        const chosen = (data as { item?: { relationTo?: string; value?: unknown } } | undefined)?.item
        const chosenId = chosen?.value && typeof chosen.value === 'object' ? (chosen.value as { id?: unknown }).id : chosen?.value
        const published = { _status: { equals: 'published' } }
        return chosen?.relationTo === relationTo && chosenId != null ? { or: [published, { id: { equals: chosenId } }] } : published
      },
    },
    { name: 'outlet', type: 'relationship', relationTo: 'outlets', label: '报送媒体', required: true, index: true },
    {
      name: 'kind',
      type: 'select',
      label: '报送类型',
      required: true,
      defaultValue: 'information',
      options: [
        { label: '信息', value: 'information' },
        { label: '稿件', value: 'article' },
      ],
      access: { read: signedIn },
    },
    // Readable by all: it is the default sort, and anonymous callers may only sort by fields they can read.
    {
      name: 'submittedAt',
      type: 'date',
      label: '报送日期',
      index: true,
      admin: { description: '改为“已报送”时如未填写，自动填为当天；未采用后重新报送时更新为当天。' },
    },
    {
      name: 'authors',
      type: 'array',
      label: '作者',
      labels: { singular: '作者', plural: '作者' },
      access: { read: signedIn },
      fields: [
        { name: 'name', type: 'text', label: '姓名', required: true },
        {
          name: 'role',
          type: 'select',
          label: '身份',
          defaultValue: 'writer',
          options: [
            { label: '撰稿人', value: 'writer' },
            { label: '通讯员', value: 'correspondent' },
          ],
        },
        { name: 'user', type: 'relationship', relationTo: 'users', label: '对应账号' },
      ],
    },
    { name: 'signedOffBy', type: 'relationship', relationTo: 'users', label: '审签人', access: { read: signedIn } },
    {
      name: 'status',
      type: 'select',
      label: '状态',
      required: true,
      defaultValue: 'pending',
      index: true,
      options: [...submissionStatuses],
      admin: { description: '待报送 → 已报送 → 已采用、已刊发或未采用；已采用的可再改为已刊发，未采用的可重新报送。' },
    },
    {
      name: 'publishedOn',
      type: 'date',
      label: '采用/刊发日期',
      index: true,
      admin: { description: '状态为“已采用”“已刊发”时必填，不能早于报送日期；积分按此日期所在年度计算。' },
    },
    { name: 'issue', type: 'text', label: '期号' },
    { name: 'page', type: 'text', label: '版面' },
    linkField('web', { name: 'url', label: '链接' }),
    { name: 'proof', type: 'upload', relationTo: 'proofs', label: '刊用证明', access: { read: signedIn } },
    { name: 'leaderInstruction', type: 'checkbox', label: '获领导批示', defaultValue: false, access: { read: signedIn } },
    { name: 'leaderNote', type: 'textarea', label: '批示内容', access: { read: signedIn } },
    {
      name: 'points',
      type: 'number',
      label: '积分',
      access: { read: signedIn },
      admin: {
        readOnly: true,
        position: 'sidebar',
        description: '保存时按采用/刊发日期所在年度的积分规则自动计算（媒体级别与采用情况的分值，另加领导批示分）；待报送、已报送、未采用的记录，以及当年没有积分规则时为 0。',
      },
    },
    createdByField,
  ],
}
