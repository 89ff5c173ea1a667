import { describe, expect, it } from 'vitest'
import { reviewDiffStyle } from '../../../../src-shared/review/review-diff-style.js'

/** WCAG 2 relative luminance and contrast ratio of two `#rrggbb` colours. */
function contrast(a: string, b: string): number {
  const luminance = (hex: string) => {
    const [r, g, b] = [1, 3, 5].map((at) => {
      const c = parseInt(hex.slice(at, at + 2), 16) / 255
      return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4
    })
    return 0.2126 * r! + 0.7152 * g! + 0.0722 * b!
  }
  const [light, dark] = [luminance(a), luminance(b)].sort((x, y) => y - x)
  return (light! + 0.05) / (dark! + 0.05)
}

function rule(css: string, selector: string): string {
  const at = css.indexOf(`\n${selector} {`)
  expect(at).toBeGreaterThanOrEqual(0)
  return css.slice(at, css.indexOf('}', at))
}

describe('reviewDiffStyle', () => {
  const css = reviewDiffStyle('fr')

  it('tells insertions from deletions without colour', () => {
    expect(rule(css, "ins, [data-atelier-change='ins']")).toContain('text-decoration: underline')
    expect(rule(css, "del, [data-atelier-change='del']")).toContain('text-decoration: line-through')
    expect(css).toMatch(/ins img[^{]*\{ outline: 3px solid/)
    expect(css).toMatch(/del img[^{]*\{ outline: 3px dashed/)
  })

  it('announces where changes start and end, in the reader’s language, visually hidden', () => {
    expect(rule(css, 'ins::before')).toContain('content: " [début d’insertion] "')
    expect(rule(css, 'del::after')).toContain('content: " [fin de suppression] "')
    expect(rule(reviewDiffStyle('en'), 'ins::before')).toContain('insertion start')
    expect(rule(css, 'ins::before, ins::after, del::before, del::after')).toContain(
      'clip-path: inset(50%)',
    )
  })

  it('keeps marked text readable (contrast at least 4.5:1) in light and dark schemes', () => {
    for (const theme of ['light', 'dark'] as const) {
      const schemes = [
        ...reviewDiffStyle('fr', theme).matchAll(
          /--atelier-ins-bg: (#\w+); --atelier-ins-fg: (#\w+); --atelier-del-bg: (#\w+); --atelier-del-fg: (#\w+);/g,
        ),
      ]
      expect(schemes).toHaveLength(1)
      for (const [, insBg, insFg, delBg, delFg] of schemes) {
        expect(contrast(insBg!, insFg!)).toBeGreaterThanOrEqual(4.5)
        expect(contrast(delBg!, delFg!)).toBeGreaterThanOrEqual(4.5)
      }
    }
  })

  it('takes its colours from the theme it is given, never from the system setting', () => {
    const light = reviewDiffStyle('fr', 'light')
    const dark = reviewDiffStyle('fr', 'dark')
    expect(light).not.toContain('prefers-color-scheme')
    expect(dark).not.toContain('prefers-color-scheme')
    const background = (sheet: string) => /--atelier-ins-bg: (#\w+);/.exec(sheet)![1]!
    // Light marks are light backgrounds, dark ones dark: contrast with the other scheme's text.
    expect(contrast(background(light), '#000000')).toBeGreaterThan(
      contrast(background(dark), '#000000'),
    )
  })
})
