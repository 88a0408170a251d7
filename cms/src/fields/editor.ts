import { createServerFeature, LinkFeature, lexicalEditor } from '@payloadcms/richtext-lexical'
import { type TextFieldSingleValidation, ValidationError } from 'payload'

import { linkProblem, validateLink } from './url'

type Node = { type?: string; fields?: { linkType?: string; url?: unknown }; children?: Node[] }

const isInternal = (siblingData: unknown) => (siblingData as { linkType?: string } | undefined)?.linkType === 'internal'

/** Every typed (not internal) link address in a Lexical document, wherever it sits. */
function* linkUrls(node: Node | undefined): Generator<string> {
  if (!node || typeof node !== 'object') return
  if ((node.type === 'link' || node.type === 'autolink') && !isInternal(node.fields)) yield String(node.fields?.url ?? '')
  for (const child of Array.isArray(node.children) ? node.children : []) yield* linkUrls(child)
}

/**
 * Drafts skip field validation, yet a draft's body is shown in the preview, and link nodes sent
 * without ids skip the link's own field hooks: this hook sees the whole document on every save.
 */
const RefuseHostileLinks = createServerFeature({
  key: 'refuseHostileLinks',
  feature: {
    hooks: {
      beforeChange: [
        ({ value, path, field, req }) => {
          const root = (value as { root?: Node } | null)?.root
          for (const url of linkUrls(root)) {
            const problem = url ? linkProblem(url, 'anyLink') : '链接地址为空'
            if (!problem) continue
            const label = typeof field.label === 'string' ? field.label : field.name
            throw new ValidationError(
              { errors: [{ path: path.join('.'), message: `${label}中的链接“${url.slice(0, 80)}”不能使用：${problem}` }], req },
              req.t,
            )
          }
          return value
        },
      ],
    },
  },
})

/**
 * The rich-text editor of every body field. Links typed or pasted into an article obey the
 * same rule as every other link field (see ./url): no javascript:, data: or //other.host.
 */
export const editor = lexicalEditor({
  features: ({ defaultFeatures }) => [
    ...defaultFeatures.map((feature) =>
      feature.key === 'link'
        ? LinkFeature({
            // The link dialog shows the rule on the address field itself.
            fields: ({ defaultFields }) =>
              defaultFields.map((field) => {
                if (field.name !== 'url' || field.type !== 'text') return field
                const anyLink = validateLink('anyLink')
                const validate: TextFieldSingleValidation = (value, options) => {
                  if (isInternal(options.siblingData)) return true
                  return value ? anyLink(value, options) : '请填写链接地址'
                }
                return { ...field, hasMany: false, validate } as typeof field
              }),
          })
        : feature,
    ),
    RefuseHostileLinks(),
  ],
})
