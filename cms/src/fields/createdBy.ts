import type { Field } from 'payload'

/** Who entered the item; contributors' rights follow it. Set once, on create. */
export const createdByField: Field = {
  name: 'createdBy',
  type: 'relationship',
  relationTo: 'users',
  label: '录入人',
  admin: { position: 'sidebar', readOnly: true },
  hooks: {
    beforeChange: [
      ({ operation, req, value, originalDoc }) =>
        operation === 'create' ? (req.user?.id ?? value) : originalDoc?.createdBy ?? value,
    ],
  },
}
