/**
 * `kramdown: { input: kramdown }`: kramdown's own parser instead of GFM's.
 * Every case of fixtures/input-cases.json is rendered with both inputs and
 * compared with what Jekyll 4.3's KramdownParser gave (fixtures/
 * input-expected.json, regenerate with `ruby tests/unit/src-main/preview/
 * markdown/fixtures/capture-input.rb`). Tests need no Ruby.
 */
import { readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'
import {
  kramdownOptions,
  renderMarkdown,
} from '../../../../../src-main/preview/markdown/render-markdown.js'

const fixtures = fileURLToPath(new URL('./fixtures/', import.meta.url))
const CASES = JSON.parse(readFileSync(`${fixtures}input-cases.json`, 'utf8')) as Record<
  string,
  string
>
const EXPECTED = JSON.parse(readFileSync(`${fixtures}input-expected.json`, 'utf8')) as Record<
  string,
  Record<string, string>
>

/** The `kramdown:` section each captured variant was rendered with. */
const VARIANTS: Record<string, Record<string, unknown>> = {
  GFM: {},
  kramdown: { input: 'kramdown' },
  kramdown_hard_wrap: { input: 'kramdown', hard_wrap: true },
  kramdown_auto_ids_off: { input: 'kramdown', auto_ids: false },
}

for (const [variant, config] of Object.entries(VARIANTS)) {
  describe(`kramdown: ${JSON.stringify(config)}`, () => {
    for (const [name, input] of Object.entries(CASES)) {
      it(name, () => {
        expect(renderMarkdown(input, kramdownOptions(config))).toBe(EXPECTED[variant]![name])
      })
    }
  })
}

describe('the two inputs', () => {
  it('were captured differently for most cases (the fixtures exercise the differences)', () => {
    const differing = Object.keys(CASES).filter(
      (name) => EXPECTED.GFM![name] !== EXPECTED.kramdown![name],
    )
    expect(differing.length).toBeGreaterThanOrEqual(20)
  })

  it('reads `input` as Jekyll does: only the first letter may change case', () => {
    expect(kramdownOptions({ input: 'kramdown' }).input).toBe('kramdown')
    expect(kramdownOptions({ input: 'Kramdown' }).input).toBe('kramdown')
    expect(kramdownOptions({ input: 'GFM' }).input).toBe('GFM')
  })
})
