import { describe, expect, it } from 'vitest'

import { safeHref, telHref, webHref } from './safeHref'

const hostile = ['javascript:alert(1)', 'JAVASCRIPT:alert(1)', 'java\tscript:alert(1)', ' javascript:alert(1)', 'data:text/html,x', 'vbscript:x', '//evil.example/', '/\\evil.example/', 'https:evil.example']

describe('safeHref', () => {
  it.each(hostile)('replaces %j with the fallback', (value) => {
    expect(safeHref(value)).toBe('/')
    expect(webHref(value)).toBeUndefined()
  })
  it('keeps portal paths and web addresses', () => {
    expect(safeHref('/workstations')).toBe('/workstations')
    expect(safeHref(' https://www.ahcourt.gov.cn/ ')).toBe('https://www.ahcourt.gov.cn/')
    expect(webHref('/workstations')).toBeUndefined()
    expect(safeHref(undefined, '#')).toBe('#')
  })
})

describe('telHref', () => {
  it('keeps only the digits of a number', () => {
    expect(telHref('0551-1234 5678')).toBe('tel:055112345678')
    expect(telHref('0000-6120000（示例）')).toBe('tel:00006120000')
    expect(telHref('javascript:alert(1)')).toBeUndefined()
  })
})
