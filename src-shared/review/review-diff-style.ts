import type { Language } from '../api/types.js'
import { translate } from '../i18n/translate.js'
import { UNCHANGED_CLASS } from './word-diff.js'

/**
 * The stylesheet of a rendered diff (`markWordChanges`' marks), for the
 * frame that shows it. Insertions and deletions differ without colour —
 * underline against strike-through, solid against dashed outlines around
 * images and table rows — and a screen reader hears where each starts and
 * ends: the words come from CSS generated content, visually hidden (WCAG's
 * technique C38 family), as screen readers do not announce `<ins>`/`<del>`
 * by default. The colours are those of the `theme` given, the scheme of the
 * page the marks sit on — never the system setting, which a frame inherits
 * from the app and which says nothing of the site's own colours.
 */
export function reviewDiffStyle(
  language: Language = 'fr',
  theme: 'light' | 'dark' = 'light',
): string {
  const say = (key: string) => cssString(` [${translate(language, `reviewDiff.${key}`)}] `)
  const colours = {
    light: `--atelier-ins-bg: #d8f5dd; --atelier-ins-fg: #0b3d17; --atelier-del-bg: #fde0dc; --atelier-del-fg: #5c0f08;`,
    dark: `--atelier-ins-bg: #12381d; --atelier-ins-fg: #c9f2d2; --atelier-del-bg: #4a1510; --atelier-del-fg: #ffd6d0;`,
  }
  return `
:root { color-scheme: ${theme}; ${colours[theme]} }
ins, [data-atelier-change='ins'] {
  background: var(--atelier-ins-bg); color: var(--atelier-ins-fg);
  text-decoration: underline; text-decoration-thickness: 0.12em; text-underline-offset: 0.15em;
}
del, [data-atelier-change='del'] {
  background: var(--atelier-del-bg); color: var(--atelier-del-fg);
  text-decoration: line-through; text-decoration-thickness: 0.1em;
}
ins img, ins video, ins iframe, tr[data-atelier-change='ins'] { outline: 3px solid currentColor; outline-offset: 2px; }
del img, del video, del iframe, tr[data-atelier-change='del'] { outline: 3px dashed currentColor; outline-offset: 2px; opacity: 0.7; }
ins::before, ins::after, del::before, del::after {
  position: absolute; width: 1px; height: 1px; margin: -1px; padding: 0; border: 0;
  overflow: hidden; clip-path: inset(50%); white-space: nowrap;
}
ins::before { content: ${say('insertionStart')}; }
ins::after { content: ${say('insertionEnd')}; }
del::before { content: ${say('deletionStart')}; }
del::after { content: ${say('deletionEnd')}; }
details.${UNCHANGED_CLASS} { border-block: 1px dashed currentColor; margin-block: 1em; opacity: 0.85; }
details.${UNCHANGED_CLASS} > summary { cursor: pointer; font-style: italic; padding-block: 0.3em; }
details.${UNCHANGED_CLASS}[open] { opacity: 1; }
@media (forced-colors: active) {
  ins, del { background: none; color: CanvasText; }
}
`
}

/** A CSS string literal: quotes and backslashes escaped, newlines dropped. */
function cssString(text: string): string {
  return `"${text.replace(/[\\"]/g, (c) => `\\${c}`).replace(/[\r\n]+/g, ' ')}"`
}
