// 适老化 reading aids for the portal header (ReaderToolbar.astro): text size, high contrast, 长者模式,
// large cursor, reading guide (十字线), read aloud (whole article or the selection). No framework, no
// build step, ES5 so that old phone browsers run it too. Every aid is off until chosen and is saved
// in localStorage ('liushan:reader-*'); ReaderSettings.astro applies the saved ones before first paint.
// Without JavaScript the tools stay hidden (see global.css), so no dead buttons show.
(function () {
  'use strict'

  var STEPS = [1, 1.15, 1.3, 1.5]
  var PREFIX = 'liushan:reader-'
  var root = document.documentElement
  var bar = document.querySelector('[data-reader-toolbar]')
  if (!bar) return

  function button(action) {
    return bar.querySelector('[data-reader-action="' + action + '"]')
  }
  var larger = button('larger')
  var smaller = button('smaller')
  var speakButton = button('speak')
  var selectSpeakButton = button('select-speak')
  var status = bar.querySelector('[data-reader-status]')

  function load(key) {
    try { return localStorage.getItem(PREFIX + key) } catch (e) { return null }
  }
  function save(key, value) {
    try {
      if (value === null) localStorage.removeItem(PREFIX + key)
      else localStorage.setItem(PREFIX + key, value)
    } catch (e) { /* private mode or storage disabled: the choice lasts for this page only */ }
  }

  // Polite announcements for screen reader users; cleared first so a repeat is spoken again.
  function announce(text) {
    if (!status) return
    status.textContent = ''
    setTimeout(function () { status.textContent = text }, 50)
  }

  // ---- The header's drop-down sheets (菜单, 无障碍): one open at a time, Escape closes ----
  var drops = document.querySelectorAll('[data-header-drop]')
  function closeDrops(except) {
    for (var i = 0; i < drops.length; i++) if (drops[i] !== except) drops[i].open = false
  }
  for (var d = 0; d < drops.length; d++) {
    drops[d].addEventListener('toggle', function (event) { if (event.target.open) closeDrops(event.target) })
  }
  document.addEventListener('keydown', function (event) {
    if (event.key !== 'Escape') return
    for (var i = 0; i < drops.length; i++) {
      if (drops[i].open) {
        drops[i].open = false
        drops[i].querySelector('summary').focus()
      }
    }
  })

  // ---- Text size ----
  var step = Math.max(0, STEPS.indexOf(parseFloat(load('scale'))))

  function applyScale(persist) {
    if (step === 0) root.style.removeProperty('--reader-scale')
    else root.style.setProperty('--reader-scale', String(STEPS[step]))
    larger.setAttribute('aria-disabled', String(step === STEPS.length - 1))
    smaller.setAttribute('aria-disabled', String(step === 0))
    if (persist) save('scale', step === 0 ? null : String(STEPS[step]))
  }

  function setStep(next) {
    if (next < 0 || next >= STEPS.length) {
      announce(next < 0 ? '已是标准字号' : '已是最大字号')
      return
    }
    step = next
    applyScale(true)
    announce(step === 0 ? '字号已恢复标准' : '字号 ' + Math.round(STEPS[step] * 100) + '%')
  }

  larger.addEventListener('click', function () { setStep(step + 1) })
  smaller.addEventListener('click', function () { setStep(step - 1) })
  button('reset').addEventListener('click', function () { setStep(0) })

  // ---- On/off aids: each one an attribute on <html> and a saved value ----
  var toggles = {
    contrast: { key: 'theme', value: 'contrast', attr: 'data-theme', on: '已开启高对比度', off: '已关闭高对比度' },
    care: { key: 'care', value: 'on', attr: 'data-care', on: '已开启长者模式', off: '已关闭长者模式' },
    cursor: { key: 'cursor', value: 'large', attr: 'data-cursor', on: '已开启大鼠标', off: '已关闭大鼠标' },
    guide: { key: 'guide', value: 'on', on: '已开启十字线', off: '已关闭十字线' },
    'select-speak': { key: 'select-speak', value: 'on', on: '已开启划词朗读，选中文字即朗读', off: '已关闭划词朗读' },
  }
  var state = {}

  function applyToggle(name, on, persist) {
    var t = toggles[name]
    state[name] = on
    if (t.attr) {
      if (on) root.setAttribute(t.attr, t.attr === 'data-care' ? '' : t.value)
      else root.removeAttribute(t.attr)
    }
    var b = button(name)
    if (b) b.setAttribute('aria-pressed', String(on))
    if (name === 'guide') showGuide(on)
    if (persist) save(t.key, on ? t.value : null)
  }

  function bindToggle(name) {
    var b = button(name)
    if (!b) return
    b.addEventListener('click', function () {
      var on = !state[name]
      applyToggle(name, on, true)
      announce(on ? toggles[name].on : toggles[name].off)
    })
  }

  // ---- 十字线: lines following the pointer, or the focused element for keyboard users ----
  var guide = document.querySelector('[data-reading-guide]')
  function placeGuide(x, y) {
    if (!guide) return
    guide.style.setProperty('--guide-x', x + 'px')
    guide.style.setProperty('--guide-y', y + 'px')
  }
  function showGuide(on) {
    if (guide) guide.hidden = !on
  }
  document.addEventListener('mousemove', function (event) { if (state.guide) placeGuide(event.clientX, event.clientY) })
  document.addEventListener('focusin', function (event) {
    if (!state.guide || !event.target.getBoundingClientRect) return
    var box = event.target.getBoundingClientRect()
    placeGuide(box.left, box.bottom + 2)
  })

  // Another tab changed a setting: follow it.
  window.addEventListener('storage', function (event) {
    if (!event.key || event.key.indexOf(PREFIX) !== 0) return
    var key = event.key.slice(PREFIX.length)
    if (key === 'scale') {
      step = Math.max(0, STEPS.indexOf(parseFloat(event.newValue)))
      applyScale(false)
      return
    }
    for (var name in toggles) if (toggles[name].key === key) applyToggle(name, event.newValue === toggles[name].value, false)
  })

  // ---- Read aloud ----
  var synth = window.speechSynthesis
  var readable = document.querySelector('[data-readable]')
  var session = 0
  var speaking = false

  // Sentences of at most ~120 characters: some browsers stop long utterances part way.
  function chunks(text) {
    var sentences = text.replace(/\s+/g, ' ').match(/[^。！？!?；;]+[。！？!?；;”」）)]*/g) || []
    var out = []
    var current = ''
    for (var i = 0; i < sentences.length; i++) {
      var sentence = sentences[i].trim()
      while (sentence.length > 160) {
        var cut = sentence.lastIndexOf('，', 120)
        if (cut < 40) cut = 120
        out.push(sentence.slice(0, cut + 1))
        sentence = sentence.slice(cut + 1)
      }
      if (current && current.length + sentence.length > 120) {
        out.push(current)
        current = ''
      }
      current += sentence
    }
    if (current.trim()) out.push(current)
    return out
  }

  function chineseVoice() {
    var voices = synth.getVoices() || []
    var fallback = null
    for (var i = 0; i < voices.length; i++) {
      var lang = (voices[i].lang || '').replace('_', '-').toLowerCase()
      if (lang === 'zh-cn') return voices[i]
      if (!fallback && lang.indexOf('zh') === 0 && lang !== 'zh-tw' && lang !== 'zh-hk') fallback = voices[i]
    }
    return fallback
  }

  function textToRead() {
    // The page title first when it sits outside the marked article text.
    var heading = document.querySelector('main h1')
    var title = heading && !readable.contains(heading) ? heading.innerText + '。' : ''
    return title + (readable.innerText || readable.textContent || '')
  }

  function setSpeaking(on) {
    speaking = on
    speakButton.textContent = on ? '停止朗读' : '朗读全文'
  }

  function stop() {
    session++
    synth.cancel()
    setSpeaking(false)
  }

  function speak() {
    stop()
    var parts = chunks(textToRead())
    if (!parts.length) return
    var mine = session
    var voice = chineseVoice()
    var finished = function () {
      if (mine !== session) return
      setSpeaking(false)
      announce('朗读结束')
    }
    // Stopping bumps the session, so the errors cancel() raises are ignored; a real failure stops all.
    var failed = function () {
      if (mine !== session) return
      stop()
      announce('朗读未能进行，您的浏览器或系统可能没有可用的中文语音')
    }
    for (var i = 0; i < parts.length; i++) {
      var utterance = new window.SpeechSynthesisUtterance(parts[i])
      utterance.lang = 'zh-CN'
      if (voice) utterance.voice = voice
      utterance.rate = 0.9
      utterance.onerror = failed
      if (i === parts.length - 1) utterance.onend = finished
      synth.speak(utterance)
    }
    setSpeaking(true)
  }

  var canSpeak = Boolean(synth && typeof window.SpeechSynthesisUtterance === 'function')

  // 划词朗读: read the selected text once the selection settles (mouse up, or keys that select).
  function speakSelection() {
    if (!state['select-speak'] || !canSpeak) return
    var text = String(window.getSelection ? window.getSelection() : '').trim()
    if (!text || text.length > 2000) return
    session++
    synth.cancel()
    var utterance = new window.SpeechSynthesisUtterance(text)
    utterance.lang = 'zh-CN'
    var voice = chineseVoice()
    if (voice) utterance.voice = voice
    utterance.rate = 0.9
    synth.speak(utterance)
  }
  if (canSpeak && selectSpeakButton) {
    selectSpeakButton.hidden = false
    document.addEventListener('mouseup', function () { setTimeout(speakSelection, 0) })
    document.addEventListener('keyup', function (event) { if (event.shiftKey) speakSelection() })
  }

  if (canSpeak && readable) {
    speakButton.hidden = false
    speakButton.addEventListener('click', function () {
      if (speaking) {
        stop()
        announce('已停止朗读')
      } else {
        speak()
      }
    })
    // Some browsers load their voices late; asking once starts that.
    synth.getVoices()
    window.addEventListener('pagehide', function () { if (speaking) stop() })
  }

  for (var name in toggles) {
    bindToggle(name)
    applyToggle(name, load(toggles[name].key) === toggles[name].value, false)
  }
  applyScale(false)
})()
