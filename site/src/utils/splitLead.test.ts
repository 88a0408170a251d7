import { describe, expect, it } from 'vitest'

import { splitLead } from './splitLead'

describe('splitLead', () => {
  it('takes the opening paragraph off the body', () => {
    expect(splitLead('<p>第一段</p><h2>标题</h2><p>第二段</p>')).toEqual({ lead: '<p>第一段</p>', rest: '<h2>标题</h2><p>第二段</p>' })
  })

  it('leaves a body that does not open with a paragraph whole', () => {
    expect(splitLead('<h2>标题</h2><p>段落</p>')).toEqual({ lead: '', rest: '<h2>标题</h2><p>段落</p>' })
    expect(splitLead('')).toEqual({ lead: '', rest: '' })
  })
})
