import { execFileSync } from 'node:child_process'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { Repository } from '../../../../src-main/git/repository.js'
import { paintHistory } from '../../../../src-main/git/history-paint.js'
import { git, nativeRepository } from '../../../helpers/native-git.js'

/**
 * Differential: on random histories (merges included), the contribution's
 * base and own versions are what `git merge-base --all` and
 * `git rev-list main..tip` say.
 */
describe('a contribution’s base and versions agree with native git', () => {
  // Commit i (from 1) has one or two parents among the earlier ones; dates increase.
  const history = fc.integer({ min: 2, max: 14 }).chain((n) =>
    fc.tuple(
      fc.constant(n),
      fc.array(fc.tuple(fc.nat(), fc.option(fc.nat(), { nil: undefined })), {
        minLength: n,
        maxLength: n,
      }),
      fc.nat(),
      fc.nat(),
      fc.boolean(),
    ),
  )

  it('for random histories', async () => {
    await fc.assert(
      fc.asyncProperty(history, async ([n, parents, mainAt, tipAt, sameDates]) => {
        const dir = await nativeRepository()
        const lines: string[] = []
        for (let i = 1; i <= n; i++) {
          const date = sameDates ? 1_700_000_000 : 1_700_000_000 + i * 60
          lines.push(`commit refs/heads/c${i}`, `mark :${i}`)
          lines.push(`committer N <n@example.org> ${date} +0000`, `data ${`v${i}`.length}`, `v${i}`)
          const [first, second] = parents[i - 1]!
          if (i > 1) {
            const p = (first % (i - 1)) + 1
            lines.push(`from :${p}`)
            if (second !== undefined && i > 2) {
              const q = (second % (i - 1)) + 1
              if (q !== p) lines.push(`merge :${q}`)
            }
          }
          lines.push(`M 644 inline f${i}.md`, 'data 2', `${i}`)
        }
        execFileSync('git', ['fast-import', '--quiet'], {
          cwd: dir,
          input: lines.join('\n') + '\n',
        })
        const main = `c${(mainAt % n) + 1}`
        const tip = `c${(tipAt % n) + 1}`
        const oid = (ref: string) => git(dir, 'rev-parse', ref).trim()
        const repository = await Repository.find(dir)
        const found = paintHistory(repository!.context, oid(tip), oid(main))
        const bases = git(dir, 'merge-base', '--all', main, tip).trim().split('\n')
        expect(bases).toContain(found.base)
        const own = git(dir, 'rev-list', `${main}..${tip}`).trim()
        expect(found.commits.map((c) => c.oid).sort()).toEqual(
          own === '' ? [] : own.split('\n').sort(),
        )
      }),
      { numRuns: 40 },
    )
  }, 120_000)
})
