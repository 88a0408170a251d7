import { describe, expect, it } from 'vitest'

import { pageWindow } from './pageWindow'

describe('pageWindow', () => {
  it('shows the first, the last and two either side of the current page, with gaps', () => {
    expect(pageWindow(1, 1)).toEqual([1])
    expect(pageWindow(3, 5)).toEqual([1, 2, 3, 4, 5])
    expect(pageWindow(10, 43)).toEqual([1, 'gap', 8, 9, 10, 11, 12, 'gap', 43])
    expect(pageWindow(1, 9)).toEqual([1, 2, 3, 'gap', 9])
    expect(pageWindow(5, 9)).toEqual([1, 'gap', 3, 4, 5, 6, 7, 'gap', 9])
  })
})
