// The inline script of ReaderSettings.astro, and its hash for the page's CSP. Pages rendered on
// demand (search, draft preview) must register the hash in their own frontmatter: their policy
// goes out as a response header before a component further down could add to it.
import { createHash } from 'node:crypto'

export const readerSettingsScript = `(function () {
  try {
    var root = document.documentElement
    // Shows the toolbar from the first paint (no layout shift when reader.js arrives).
    root.classList.add('reader-js')
    var get = function (key) { return localStorage.getItem('liushan:reader-' + key) }
    var scale = parseFloat(get('scale'))
    if ([1.15, 1.3, 1.5].indexOf(scale) > -1) root.style.setProperty('--reader-scale', String(scale))
    if (get('theme') === 'contrast') root.setAttribute('data-theme', 'contrast')
    if (get('care') === 'on') root.setAttribute('data-care', '')
    if (get('cursor') === 'large') root.setAttribute('data-cursor', 'large')
  } catch (e) {}
})()`

export const readerSettingsHash = `sha256-${createHash('sha256').update(readerSettingsScript).digest('base64')}`
