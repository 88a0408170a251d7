import type { CollectionConfig } from 'payload'

import { admins, roleOf, staff } from '../../access'
import { roleLabels, roleOptions } from '../../roles'
import { servedOverHttps } from '../../security/origins'
import { enforcePasswordRule } from '../../security/passwords'
import { makeFirstUserAdmin } from './hooks/makeFirstUserAdmin'

export const Users: CollectionConfig = {
  slug: 'users',
  labels: { singular: '用户', plural: '用户' },
  auth: {
    maxLoginAttempts: 10,
    lockTime: 10 * 60 * 1000,
    // Over https the session cookie must never be sent over plain http.
    cookies: { secure: servedOverHttps() },
  },
  access: {
    // Staff see colleagues' names (bylines, sign-off); only admins manage accounts.
    read: staff,
    create: admins,
    update: ({ req: { user } }) => {
      if (!user) return false
      return roleOf(user) === 'admin' ? true : { id: { equals: user.id } }
    },
    delete: admins,
    // Lifting a brute-force lockout is an admin's decision, not any colleague's.
    unlock: admins,
    admin: staff,
  },
  admin: {
    group: '系统',
    useAsTitle: 'name',
    defaultColumns: ['name', 'email', 'role'],
    description: `角色：${Object.values(roleLabels).join('、')}。只有签发和管理员可以发布内容。`,
  },
  hooks: { beforeOperation: [enforcePasswordRule], beforeChange: [makeFirstUserAdmin] },
  // A colleague filled in on an item (录入人, 签发人) is a name and a role, not the account: the
  // lists staff page through carry no e-mail, session or lock fields of others (populate.test.ts).
  defaultPopulate: { name: true, role: true },
  fields: [
    { name: 'name', type: 'text', label: '姓名', required: true },
    {
      name: 'role',
      type: 'select',
      label: '角色',
      required: true,
      defaultValue: 'contributor',
      options: roleOptions,
      saveToJWT: true,
      access: {
        // Nobody promotes themselves: only admins set roles.
        create: ({ req: { user } }) => roleOf(user) === 'admin',
        update: ({ req: { user } }) => roleOf(user) === 'admin',
      },
    },
    { name: 'department', type: 'text', label: '部门' },
  ],
}
