import { GraphQLError, Kind, type ASTNode, type FragmentDefinitionNode, type SelectionSetNode, type ValidationRule } from 'graphql'

// Nothing of ours uses GraphQL (the admin and the portal use REST), so its limits can be tight:
// a request that would make the server do far more work than one page of content is refused
// before anything runs.
export const graphQLLimits = { maxAliases: 20, maxDepth: 8, maxComplexity: 600 }

/** Refuses a request naming more than `max` aliases: each one runs its own query. */
export const maxAliasesRule =
  (max = graphQLLimits.maxAliases): ValidationRule =>
  (context) => {
    let aliases = 0
    return {
      Field(node) {
        if (!node.alias) return
        aliases++
        if (aliases === max + 1) context.reportError(new GraphQLError(`GraphQL 请求中的别名过多：最多 ${max} 个，请分成几次请求。`, { nodes: [node] }))
      },
    }
  }

/** Refuses selections nested deeper than `max` levels, following fragments. */
export const maxDepthRule =
  (max = graphQLLimits.maxDepth): ValidationRule =>
  (context) => {
    const fragments = new Map<string, FragmentDefinitionNode>()
    for (const definition of context.getDocument().definitions) {
      if (definition.kind === Kind.FRAGMENT_DEFINITION) fragments.set(definition.name.value, definition)
    }
    const depthOf = (set: SelectionSetNode | undefined, seen: Set<string>): number => {
      if (!set) return 0
      let deepest = 0
      for (const selection of set.selections) {
        if (selection.kind === Kind.FIELD) deepest = Math.max(deepest, selection.selectionSet ? 1 + depthOf(selection.selectionSet, seen) : 1)
        else if (selection.kind === Kind.INLINE_FRAGMENT) deepest = Math.max(deepest, depthOf(selection.selectionSet, seen))
        else {
          const name = selection.name.value
          if (seen.has(name)) continue // a fragment cycle; graphql's own rules refuse it
          deepest = Math.max(deepest, depthOf(fragments.get(name)?.selectionSet, new Set([...seen, name])))
        }
        if (deepest > max) return deepest
      }
      return deepest
    }
    return {
      OperationDefinition(node) {
        if (depthOf(node.selectionSet, new Set()) > max) {
          context.reportError(new GraphQLError(`GraphQL 请求嵌套过深：最多 ${max} 层。`, { nodes: [node as ASTNode] }))
        }
      },
    }
  }
