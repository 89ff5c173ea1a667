import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import '../../helpers/fast-check-seed.js'
import { parseFrontMatterYaml } from '../../../src-main/site/front-matter.js'
import { MAX_YAML_NESTING, tooDeeplyNested } from '../../../src-shared/front-matter/yaml-nesting.js'

const LIMIT = 250 * 1024

/**
 * Hostile front matter nested deep enough to exhaust the YAML parser's stack. Parsed in this
 * very process: before the guard, the closed brackets killed it (V8's fatal out-of-memory in
 * its regexp compiler, reached through the stack overflow), so reaching `expect` is the test.
 */
const HOSTILE: Record<string, string> = {
  'closed brackets': `title: ${'['.repeat(LIMIT / 2)}${']'.repeat(LIMIT / 2)}\n`,
  'unclosed brackets': `title: ${'['.repeat(LIMIT)}\n`,
  'flow mappings': `title: ${'{a: '.repeat(LIMIT / 4)}\n`,
  'compact sequences': `${'- '.repeat(LIMIT / 2)}x\n`,
  indentation: Array.from({ length: 700 }, (_, i) => `${' '.repeat(i)}k:`).join('\n'),
  // A `]` in quotes or a comment closes nothing: counted by characters, these hid the nesting.
  'closers in quotes': `title: ${'["]",'.repeat(20000)}1${']'.repeat(20000)}\n`,
  'closers in comments': `title:\n${'  [ # ]\n'.repeat(3000)}  1\n${'  ]\n'.repeat(3000)}`,
}

describe('front matter nested too deep', () => {
  for (const [shape, yaml] of Object.entries(HOSTILE)) {
    it(`is a French problem with its line, quickly, not a crash: ${shape}`, () => {
      // Found by the gate itself, never left to the parser's stack.
      expect(tooDeeplyNested(yaml)).not.toBeNull()
      const started = performance.now()
      const read = parseFrontMatterYaml(`# réglages\n${yaml}`, 2)
      expect(performance.now() - started).toBeLessThan(500)
      expect(read).toMatchObject({ kind: 'problem', problem: { code: 'yaml' } })
      if (read.kind === 'problem') {
        expect(read.problem.message).toMatch(/mal écrits/)
        expect(read.problem.line).toBeGreaterThanOrEqual(3)
      }
    })
  }

  it('leaves settings nested as deep as people write them to the parser', () => {
    const nested = `hero:\n  liens:\n    - titre: A\n      cibles: [a, [b, {c: d}]]\n    - ? x\n      : y\n`
    expect(tooDeeplyNested(nested)).toBeNull()
    expect(parseFrontMatterYaml(nested, 2).kind).toBe('data')
    // Up to the limit, the parser still decides (and reads it).
    const atLimit = `t: ${'['.repeat(MAX_YAML_NESTING - 1)}${']'.repeat(MAX_YAML_NESTING - 1)}\n`
    expect(tooDeeplyNested(atLimit)).toBeNull()
    expect(parseFrontMatterYaml(atLimit, 2).kind).toBe('data')
  })

  it('names the line where the nesting goes too deep', () => {
    const yaml = `a: 1\nb: ${'['.repeat(150)}\n  ${'['.repeat(100)}\n`
    expect(tooDeeplyNested(yaml)).toBe(3)
  })

  it('finds any nesting past the limit, whatever quotes and comments hold, and no shallow one', () => {
    // Items a hostile page puts between the brackets: closers and openers inside quoted
    // strings and comments, which close and open nothing.
    const noise = fc.constantFrom('', '"]", ', "'}', ", '" [ {", ', "'a''[', ", 'x, ', ' # ] }\n  ')
    const nested = fc.oneof(fc.integer({ min: 1, max: 190 }), fc.integer({ min: 201, max: 400 }))
    fc.assert(
      fc.property(nested, fc.array(noise, { minLength: 1, maxLength: 400 }), (depth, items) => {
        let yaml = 'titre: '
        for (let level = 0; level < depth; level++) yaml += `[${items[level % items.length]}`
        yaml += `1${']'.repeat(depth)}\n`
        expect(tooDeeplyNested(yaml) !== null).toBe(depth > MAX_YAML_NESTING)
      }),
      { numRuns: 300 },
    )
  })
})
