import { describe, expect, it } from 'vitest'

import { neighbours, related } from './neighbours'

describe('neighbours', () => {
  it('gives the newer and older items around one in a newest-first list', () => {
    expect(neighbours(['c', 'b', 'a'], 'b')).toEqual({ newer: 'c', older: 'a' })
    expect(neighbours(['c', 'b', 'a'], 'c')).toEqual({ newer: undefined, older: 'b' })
    expect(neighbours(['c'], 'x')).toEqual({})
  })
})

describe('related', () => {
  it('ranks by score, keeps list order on ties, and leaves out the item itself and zero scores', () => {
    const items = ['a1', 'b1', 'a2', 'a3', 'c1']
    const score = (x: string) => (x.startsWith('a') ? 2 : x.startsWith('b') ? 1 : 0)
    expect(related(items, 'a2', score)).toEqual(['a1', 'a3', 'b1'])
    expect(related(items, 'a2', score, 1)).toEqual(['a1'])
  })
})
