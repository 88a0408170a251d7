import type { Access, AccessArgs, AccessResult, Where } from 'payload'

import type { Role } from '../roles'

type MaybeUser = { id: number | string; role?: Role | null } | null | undefined

export const roleOf = (user: MaybeUser): Role | undefined => user?.role ?? undefined

export const hasRole =
  (...allowed: Role[]) =>
  ({ req: { user } }: AccessArgs): boolean => {
    const role = roleOf(user)
    return role !== undefined && allowed.includes(role)
  }

export const anyone: Access = () => true

/** Field-level: hides internal fields (contacts, notes, points) from anonymous readers. */
export const signedIn = ({ req }: { req: { user?: unknown } }): boolean => Boolean(req.user)

export const staff = hasRole('contributor', 'editor', 'reviewer', 'approver', 'admin')

export const admins = hasRole('admin')

/** Who maintains the site's structure: columns, workstations, navigation. */
export const siteManagers = hasRole('editor', 'approver', 'admin')

/** Roles whose sign-off may make content public. */
export const canPublish = (user: MaybeUser): boolean => {
  const role = roleOf(user)
  return role === 'approver' || role === 'admin'
}

export const publishedOnly: Where = { _status: { equals: 'published' } }

const ownedBy = (user: NonNullable<MaybeUser>): Where => ({ createdBy: { equals: user.id } })

const isPublishing = (data: unknown): boolean =>
  (data as { _status?: string } | undefined)?._status === 'published'

/** Anonymous readers see published documents only; contributors also their own; other staff all. */
export const publishedOrStaff: Access = ({ req: { user } }): AccessResult => {
  const role = roleOf(user)
  if (!user || !role) return publishedOnly
  if (role === 'contributor') return { or: [publishedOnly, ownedBy(user)] }
  return true
}

/** Draft versions are working material: never for anonymous readers. */
export const versionsForStaff: Access = ({ req: { user } }): AccessResult => {
  const role = roleOf(user)
  if (!user || !role) return false
  if (role === 'contributor') return { 'version.createdBy': { equals: user.id } }
  return true
}

/** Every staff member may write a draft; only approvers and admins may publish. */
export const createDraftOrPublish: Access = ({ req: { user }, data }) => {
  if (!roleOf(user)) return false
  return isPublishing(data) ? canPublish(user) : true
}

/**
 * Contributors edit their own unpublished items; editors, reviewers and approvers edit all;
 * publishing (or changing a published item) needs an approver or admin.
 */
export const updateDraftOrPublish: Access = ({ req: { user }, data }): AccessResult => {
  const role = roleOf(user)
  if (!user || !role) return false
  if (isPublishing(data) && !canPublish(user)) return false
  if (role === 'contributor') {
    return { and: [ownedBy(user), { _status: { not_equals: 'published' } }] }
  }
  if (role === 'editor' || role === 'reviewer') return { _status: { not_equals: 'published' } }
  return true
}

/** Items that never went public may be deleted by their author or an editor; published ones by approvers. */
export const deleteDraftOrPublished: Access = ({ req: { user } }): AccessResult => {
  const role = roleOf(user)
  if (!user || !role || role === 'reviewer') return false
  if (role === 'contributor') {
    return { and: [ownedBy(user), { _status: { not_equals: 'published' } }] }
  }
  if (role === 'editor') return { _status: { not_equals: 'published' } }
  return true
}
