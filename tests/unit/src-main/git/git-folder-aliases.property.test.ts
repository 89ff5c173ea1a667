import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { AtelierError } from '../../../../src-shared/api/atelier-error.js'
import { isGitFolderName } from '../../../../src-main/fs/safe-path.js'
import { checkedLinks } from '../../../../src-main/git/received-objects.js'
import '../../../helpers/fast-check-seed.js'

/**
 * Every name a disk answers to as git's own folder, generated rather than listed: the
 * spellings of `.git` and its 8.3 short name, in any case, with the code points HFS+
 * ignores anywhere, Windows' trailing dots and spaces, an NTFS stream suffix. Each
 * must be git's folder for the path gate and refused in a received tree (a tree naming
 * it would let a checkout write into `.git/hooks`). Names that only look alike are kept.
 */
const HFS_IGNORED = [
  '\u200c',
  '\u200d',
  '\u200e',
  '\u200f',
  '\u202a',
  '\u202e',
  '\u206a',
  '\u206f',
  '\ufeff',
]

const alias = fc
  .record({
    base: fc.constantFrom('.git', 'git~1'),
    upper: fc.array(fc.boolean(), { minLength: 5, maxLength: 5 }),
    inserts: fc.array(fc.tuple(fc.nat(5), fc.constantFrom(...HFS_IGNORED)), { maxLength: 3 }),
    trailing: fc.constantFrom('', '.', ' ', '. .', '::$INDEX_ALLOCATION', ':x'),
  })
  .map(({ base, upper, inserts, trailing }) => {
    let name = [...base].map((char, at) => (upper[at] ? char.toUpperCase() : char)).join('')
    for (const [at, mark] of inserts) {
      const place = at % (name.length + 1)
      name = name.slice(0, place) + mark + name.slice(place)
    }
    return name + trailing
  })

function treeNaming(name: string): Buffer {
  return Buffer.concat([Buffer.from(`100644 ${name}\0`, 'utf8'), Buffer.alloc(20, 1)])
}

function refused(name: string): boolean {
  try {
    checkedLinks('0'.repeat(40), { type: 'tree', content: treeNaming(name) })
    return false
  } catch (error) {
    return error instanceof AtelierError && error.code === 'bundle-corrupt'
  }
}

describe('names of git’s folder, however a disk spells them', () => {
  it('are git’s folder for the gate and refused in a received tree', () => {
    fc.assert(
      fc.property(alias, (name) => {
        expect(isGitFolderName(name)).toBe(true)
        expect(refused(name)).toBe(true)
      }),
      { numRuns: 500 },
    )
  })

  it('keeps the names that only look like it', () => {
    for (const name of [
      '.github',
      '.gitignore',
      'git',
      '.gi',
      'git~2',
      '.git-x',
      'a.git',
      '\u200c.gitx',
    ]) {
      expect(isGitFolderName(name)).toBe(false)
      expect(refused(name)).toBe(false)
    }
  })
})
