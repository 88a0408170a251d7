// 适老化 reading aids for the portal toolbar (ReaderToolbar.astro): text size, high contrast and
// read aloud. No framework, no build step, ES5 so that old phone browsers run it too.
// Without JavaScript the toolbar stays hidden (see ReaderToolbar.astro), so no dead buttons show.
(function () {
  'use strict'

  var STEPS = [1, 1.15, 1.3, 1.5]
  var SCALE_KEY = 'liushan:reader-scale'
  var THEME_KEY = 'liushan:reader-theme'
  var root = document.documentElement
  var bar = document.querySelector('[data-reader-toolbar]')
  if (!bar) return

  function button(action) {
    return bar.querySelector('[data-reader-action="' + action + '"]')
  }
  var larger = button('larger')
  var smaller = button('smaller')
  var contrast = button('contrast')
  var speakButton = button('speak')
  var status = bar.querySelector('[data-reader-status]')

  function load(key) {
    try { return localStorage.getItem(key) } catch (e) { return null }
  }
  function save(key, value) {
    try {
      if (value === null) localStorage.removeItem(key)
      else localStorage.setItem(key, value)
    } catch (e) { /* private mode or storage disabled: the choice lasts for this page only */ }
  }

  // Polite announcements for screen reader users; cleared first so a repeat is spoken again.
  function announce(text) {
    if (!status) return
    status.textContent = ''
    setTimeout(function () { status.textContent = text }, 50)
  }

  // ---- Text size ----
  var step = Math.max(0, STEPS.indexOf(parseFloat(load(SCALE_KEY))))

  function applyScale(persist) {
    if (step === 0) root.style.removeProperty('--reader-scale')
    else root.style.setProperty('--reader-scale', String(STEPS[step]))
    larger.setAttribute('aria-disabled', String(step === STEPS.length - 1))
    smaller.setAttribute('aria-disabled', String(step === 0))
    if (persist) save(SCALE_KEY, step === 0 ? null : String(STEPS[step]))
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

  // ---- High contrast ----
  function applyTheme(on, persist) {
    if (on) root.setAttribute('data-theme', 'contrast')
    else root.removeAttribute('data-theme')
    contrast.setAttribute('aria-pressed', String(on))
    if (persist) save(THEME_KEY, on ? 'contrast' : null)
  }

  contrast.addEventListener('click', function () {
    var on = root.getAttribute('data-theme') !== 'contrast'
    applyTheme(on, true)
    announce(on ? '已开启高对比度' : '已关闭高对比度')
  })

  // Another tab changed a setting: follow it.
  window.addEventListener('storage', function (event) {
    if (event.key === SCALE_KEY) {
      step = Math.max(0, STEPS.indexOf(parseFloat(event.newValue)))
      applyScale(false)
    } else if (event.key === THEME_KEY) {
      applyTheme(event.newValue === 'contrast', false)
    }
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

  if (synth && typeof window.SpeechSynthesisUtterance === 'function' && readable) {
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

  applyScale(false)
  applyTheme(root.getAttribute('data-theme') === 'contrast', false)
})()
