import { chmod, rm, symlink } from 'node:fs/promises'
import path from 'node:path'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { Repository } from '../../../../src-main/git/repository.js'
import { changedFiles, type ChangedFile } from '../../../../src-main/review/changed-files.js'
import { git, nativeRepository, writeFiles } from '../../../helpers/native-git.js'

/** What native git lists for `git diff --name-status base tip` (its defaults: renames on). */
function nativeChanges(dir: string, base: string, tip: string): ChangedFile[] {
  const fields = git(dir, 'diff', '--name-status', '-z', base, tip).split('\0')
  const changes: ChangedFile[] = []
  for (let i = 0; i < fields.length - 1;) {
    const status = fields[i++]!
    if (status.startsWith('R')) {
      const from = fields[i++]!
      changes.push({ path: fields[i++]!, from, change: 'renamed' })
    } else {
      const change = status === 'A' ? 'added' : status === 'D' ? 'deleted' : 'modified'
      changes.push({ path: fields[i++]!, change })
    }
  }
  return changes
}

async function changesOf(dir: string, base: string, tip: string): Promise<ChangedFile[]> {
  const repository = await Repository.find(dir)
  if (!repository) throw new Error('no repository')
  return changedFiles(repository.context, base, tip)
}

/** Lines of several lengths (some over git's 64-byte chunk), few enough to repeat across files. */
const LINES = [
  'Le gouvernement ouvert',
  '',
  '- une liste',
  'Un paragraphe assez long pour dépasser les soixante-quatre octets de git, avec des accents.',
  'title: Cas pratique',
  '{% include note.html %}',
  'x',
]
const text = fc
  .record({
    lines: fc.array(fc.constantFrom(...LINES), { maxLength: 14 }),
    crlf: fc.boolean(),
    finalNewline: fc.boolean(),
    binary: fc.boolean(),
  })
  .map(({ lines, crlf, finalNewline, binary }) => {
    const joined = lines.join(crlf ? '\r\n' : '\n') + (finalNewline ? '\n' : '')
    return binary ? Buffer.concat([Buffer.from([0, 1, 2]), Buffer.from(joined)]) : joined
  })
const filePath = fc
  .tuple(
    fc.constantFrom('', 'pages/', '_cas/', 'assets/img/', 'pages/é/'),
    fc.constantFrom('index.md', 'a.md', 'b.md', 'photo.png', 'notes.txt'),
  )
  .map(([dir, name]) => dir + name)
type Content = string | Buffer
const operation = fc.oneof(
  fc.constant({ kind: 'keep' as const }),
  fc.constant({ kind: 'delete' as const }),
  fc.record({ kind: fc.constant('edit' as const), content: text }),
  fc.record({
    kind: fc.constant('move' as const),
    to: filePath,
    edit: fc.option(fc.constantFrom(...LINES.filter(Boolean))),
  }),
)
const history = fc.record({
  base: fc.dictionary(filePath, text, { minKeys: 1, maxKeys: 8 }),
  operations: fc.array(operation, { minLength: 8, maxLength: 8 }),
  added: fc.dictionary(filePath, text, { maxKeys: 3 }),
})

function tipFiles(
  base: Record<string, Content>,
  operations: { kind: string; content?: Content; to?: string; edit?: string | null }[],
  added: Record<string, Content>,
): Map<string, Content> {
  const tip = new Map(Object.entries(base))
  Object.entries(base).forEach(([file, content], index) => {
    const op = operations[index % operations.length]!
    if (op.kind === 'delete') tip.delete(file)
    if (op.kind === 'edit') tip.set(file, op.content!)
    if (op.kind === 'move') {
      tip.delete(file)
      const edited = op.edit ? Buffer.concat([Buffer.from(content), Buffer.from(op.edit)]) : content
      tip.set(op.to!, edited)
    }
  })
  for (const [file, content] of Object.entries(added)) tip.set(file, content)
  // A path cannot be both a file and a folder.
  for (const file of [...tip.keys()]) {
    if ([...tip.keys()].some((other) => other.startsWith(`${file}/`))) tip.delete(file)
  }
  return tip
}

async function commitFiles(dir: string, files: Map<string, Content>): Promise<string> {
  for (const entry of git(dir, 'ls-files', '-z').split('\0').filter(Boolean)) {
    await rm(path.join(dir, entry), { force: true })
  }
  await writeFiles(dir, Object.fromEntries(files))
  git(dir, 'add', '-A')
  git(dir, 'commit', '-q', '--allow-empty', '-m', 'Contribution')
  return git(dir, 'rev-parse', 'HEAD').trim()
}

describe('changedFiles', () => {
  it('lists what native git diff lists, renames included, on random histories', async () => {
    await fc.assert(
      fc.asyncProperty(history, async ({ base, operations, added }) => {
        const dir = await nativeRepository()
        const baseOid = await commitFiles(dir, new Map(Object.entries(base)))
        const tipOid = await commitFiles(dir, tipFiles(base, operations, added))
        expect(await changesOf(dir, baseOid, tipOid)).toEqual(nativeChanges(dir, baseOid, tipOid))
      }),
      { numRuns: 60 },
    )
  }, 240_000)

  it('agrees with git on how similar a moved and edited file must be', async () => {
    const name = fc.constantFrom('pages/a.md', 'cas/a.md', 'cas/b.md', 'autre/c.md')
    await fc.assert(
      fc.asyncProperty(
        fc.uniqueArray(fc.tuple(name, text), { minLength: 1, maxLength: 2, selector: (e) => e[0] }),
        fc.uniqueArray(fc.tuple(name, text), { minLength: 1, maxLength: 2, selector: (e) => e[0] }),
        async (before, after) => {
          const dir = await nativeRepository()
          const baseOid = await commitFiles(dir, new Map(before))
          const tipOid = await commitFiles(dir, new Map(after))
          expect(await changesOf(dir, baseOid, tipOid)).toEqual(nativeChanges(dir, baseOid, tipOid))
        },
      ),
      { numRuns: 80 },
    )
  }, 240_000)

  it('counts a file made executable or turned into a link as modified, and pairs links only with links', async () => {
    const dir = await nativeRepository({
      'script.sh': 'echo un\n',
      'cible.md': 'cible.md',
      'autre.md': 'x\n',
    })
    const baseOid = git(dir, 'rev-parse', 'HEAD').trim()
    await chmod(path.join(dir, 'script.sh'), 0o755)
    await rm(path.join(dir, 'cible.md'))
    await symlink('cible.md', path.join(dir, 'lien.md'))
    await rm(path.join(dir, 'autre.md'))
    await symlink('script.sh', path.join(dir, 'autre.md'))
    git(dir, 'add', '-A')
    git(dir, 'commit', '-q', '-m', 'Modes')
    const tipOid = git(dir, 'rev-parse', 'HEAD').trim()
    expect(await changesOf(dir, baseOid, tipOid)).toEqual(nativeChanges(dir, baseOid, tipOid))
  })

  it('pairs a moved page with its most similar source, as git does', async () => {
    const long = (word: string) =>
      Array.from({ length: 20 }, (_, i) => `Ligne ${i} du cas ${word}\n`).join('')
    const dir = await nativeRepository({
      'pages/a.md': long('un'),
      'pages/b.md': long('deux'),
      'empty.md': '',
    })
    const baseOid = git(dir, 'rev-parse', 'HEAD').trim()
    const moved = new Map<string, Content>([
      ['cas/a.md', long('un').replace('Ligne 3', 'Ligne trois')],
      ['cas/autre.md', long('deux')],
      ['vide.md', ''],
    ])
    const tipOid = await commitFiles(dir, moved)
    const changes = await changesOf(dir, baseOid, tipOid)
    expect(changes).toEqual(nativeChanges(dir, baseOid, tipOid))
    expect(changes.filter((change) => change.change === 'renamed')).toHaveLength(3)
  })
})
