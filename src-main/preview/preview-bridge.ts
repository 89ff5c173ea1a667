import { randomBytes } from 'node:crypto'

/**
 * The one script the preview frame runs: Atelier's own, allowed by a nonce
 * that changes with every response, while the page's scripts, `on…=`
 * attributes and `javascript:` links stay blocked by the policy. The frame is
 * sandboxed without `allow-same-origin` (an opaque origin), so the bridge can
 * reach nothing but `parent`, and only through `postMessage`:
 *
 * - to the workbench: `ready` (the page shown), `link` (a link was clicked:
 *   the workbench decides where the frame goes, or opens the page in the
 *   editor with Ctrl/Cmd), `scroll`, and the answers to `render`;
 * - from the workbench (checked: `event.source === parent`): `render` (a new
 *   version of the page, swapped in place: no reload, the scroll stays) and
 *   `scroll` (back where the reader was after a reload).
 *
 * Inserted HTML goes through the fragment parser (`<template>`), whose
 * scripts are marked as already run, and the policy applies to it as well.
 * Plain ES2020, kept as text: it is sent as is, never bundled.
 */
export const PREVIEW_BRIDGE_SCRIPT = `(() => {
  'use strict'
  const bridge = document.currentScript
  const tag = 'atelier-preview'
  const post = (message) => parent.postMessage(Object.assign({ [tag]: true }, message), '*')

  document.addEventListener('click', (event) => {
    const link = event.target instanceof Element ? event.target.closest('a, area') : null
    const href = link && (link.getAttribute('href') ?? link.getAttributeNS('http://www.w3.org/1999/xlink', 'href'))
    if (href === null || event.button !== 0) return
    let url
    try {
      url = new URL(href, location.href)
    } catch {
      event.preventDefault()
      return
    }
    const internal = url.origin === location.origin && url.protocol === location.protocol
    if (internal && url.pathname === location.pathname && url.hash) {
      // A place in this page: no need to leave it.
      event.preventDefault()
      location.hash = url.hash
      return
    }
    // Nothing leaves the preview by itself: external links do nothing, internal ones are
    // followed by the workbench, which loads the frame again (or opens the page).
    event.preventDefault()
    if (!internal) return
    post({
      type: 'link',
      href: url.pathname + url.search + url.hash,
      ctrlKey: event.ctrlKey,
      metaKey: event.metaKey,
    })
  }, true)
  document.addEventListener('auxclick', (event) => {
    if (event.target instanceof Element && event.target.closest('a, area')) event.preventDefault()
  }, true)

  const headOf = (head) =>
    Array.from(head.children)
      .filter((node) => node !== bridge && node.localName !== 'title')
      .map((node) => node.outerHTML)
      .join('\\n')

  const syncAttributes = (from, to) => {
    for (const { name } of Array.from(from.attributes)) if (!to.hasAttribute(name)) from.removeAttribute(name)
    for (const { name, value } of Array.from(to.attributes)) {
      if (from.getAttribute(name) !== value) from.setAttribute(name, value)
    }
  }

  // Only what changed is replaced: images, fonts and the scroll stay where they are.
  const morph = (from, to) => {
    const old = Array.from(from.childNodes)
    const next = Array.from(to.childNodes)
    let start = 0
    while (start < old.length && start < next.length && old[start].isEqualNode(next[start])) start++
    let oldEnd = old.length
    let nextEnd = next.length
    while (oldEnd > start && nextEnd > start && old[oldEnd - 1].isEqualNode(next[nextEnd - 1])) {
      oldEnd--
      nextEnd--
    }
    if (oldEnd - start === 1 && nextEnd - start === 1 && old[start].nodeType === 1 &&
        old[start].nodeName === next[start].nodeName && old[start].localName !== 'script') {
      syncAttributes(old[start], next[start])
      morph(old[start], next[start])
      return
    }
    const anchor = old[oldEnd] || null
    for (let index = start; index < oldEnd; index++) old[index].remove()
    for (let index = start; index < nextEnd; index++) from.insertBefore(document.importNode(next[index], true), anchor)
  }

  const render = (html, id) => {
    const next = new DOMParser().parseFromString(html, 'text/html')
    if (headOf(next.head) !== headOf(document.head)) {
      // Other stylesheets or settings in the head: only a reload shows them right.
      post({ type: 'stale', id })
      return
    }
    // The fragment parser marks scripts as already run; the policy would block them anyway.
    const body = document.createElement('template')
    body.innerHTML = next.body.innerHTML
    if (document.title !== next.title) document.title = next.title
    syncAttributes(document.body, next.body)
    morph(document.body, body.content)
    post({ type: 'rendered', id })
  }

  addEventListener('message', (event) => {
    if (event.source !== parent || event.source === window) return
    const data = event.data
    if (!data || data[tag] !== true) return
    if (data.type === 'render' && typeof data.html === 'string') render(data.html, data.id)
    else if (data.type === 'scroll' && typeof data.x === 'number' && typeof data.y === 'number') scrollTo(data.x, data.y)
  })

  let scrollQueued = false
  addEventListener('scroll', () => {
    if (scrollQueued) return
    scrollQueued = true
    setTimeout(() => {
      scrollQueued = false
      post({ type: 'scroll', x: scrollX, y: scrollY })
    }, 100)
  }, { passive: true })

  post({ type: 'ready', path: location.pathname })
})()`

/**
 * A `<meta http-equiv="refresh">` would take the frame elsewhere by itself
 * (the sandbox lets it once scripts are allowed): it is kept, inert. Applied
 * to what the frame loads and to what is swapped in, since a refresh tag also
 * acts when inserted.
 */
export function withoutAutoRefresh(html: string): string {
  return html.replace(/<meta\b[^>]*>/gi, (tag) =>
    /\shttp-equiv\s*=\s*["']?\s*refresh\b/i.test(tag)
      ? tag.replace(/\shttp-equiv\s*=/i, ' data-atelier-http-equiv=')
      : tag,
  )
}

/** A fresh nonce for one response (never reused: a page cannot guess the next one). */
export function createNonce(): string {
  return randomBytes(16).toString('base64')
}

/**
 * Puts the bridge at the start of the document's head (or where the head
 * would begin when the page has none), carrying the response's nonce.
 */
export function injectPreviewBridge(html: string, nonce: string): string {
  const script = `<script nonce="${nonce}">${PREVIEW_BRIDGE_SCRIPT}</script>`
  const head = /<head(?:\s[^>]*)?>/i.exec(html)
  if (head) {
    // After the charset declaration when it opens the head (it belongs in the first 1024 bytes).
    const after = head.index + head[0].length
    const charset = /^\s*<meta\s+charset\s*=[^>]*>/i.exec(html.slice(after))
    return insertAt(html, after + (charset?.[0].length ?? 0), script)
  }
  const start = /<html(?:\s[^>]*)?>|<!doctype[^>]*>/gi
  let at = 0
  for (let match = start.exec(html); match; match = start.exec(html)) {
    // Only the doctype and the html tag at the very start, past leading blanks and comments.
    if (/\S/.test(html.slice(at, match.index).replace(/<!--[\s\S]*?-->/g, ''))) break
    at = match.index + match[0].length
  }
  return insertAt(html, at, script)
}

function insertAt(html: string, index: number, text: string): string {
  return html.slice(0, index) + text + html.slice(index)
}
