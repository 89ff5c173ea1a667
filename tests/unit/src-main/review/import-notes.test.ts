import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { runCli } from '../../../../src-main/cli.js'
import { Repository } from '../../../../src-main/git/repository.js'
import { RECEIVED_NOTES_REF } from '../../../../src-main/git/review-refs.js'
import { addComment } from '../../../../src-main/review/comments.js'
import { mergeReceivedNotes } from '../../../../src-main/review/merge-received-notes.js'
import { receiveContribution } from '../../../../src-main/review/receive-contribution.js'
import { git, gitStatusCode, nativeRepository, writeFiles } from '../../../helpers/native-git.js'
import { tempDir } from '../../../helpers/temp-dir.js'

/**
 * Received comments must reach the review notes native git shows, however
 * many files arrive in a row: each file's notes are merged, never replaced.
 */
const PAGE = 'cas/senegal.md'
const TEXT = '# Contexte\n\nPremier paragraphe.\n\nDeuxième paragraphe.\n'

async function open(dir: string): Promise<Repository> {
  const repository = await Repository.find(dir)
  if (!repository) throw new Error('no repository')
  return repository
}

async function cli(...args: string[]): Promise<{ code: number; out: string }> {
  let out = ''
  const code = await runCli(
    args,
    (text) => (out += text),
    (text) => (out += text),
  )
  return { code, out }
}

/** Two contributors, each on a clone of `guide`, each with a version and a comment of their own, exported by the CLI. */
async function twoFiles(guide: string): Promise<string[]> {
  const files: string[] = []
  const exchange = await tempDir('atelier-exchange-')
  for (const [name, word] of [
    ['aminata', 'Au Sénégal'],
    ['moussa', 'Au Mali'],
  ] as const) {
    const dir = path.join(await tempDir(`atelier-${name}-`), 'guide')
    git(guide, 'clone', '-q', guide, dir)
    git(dir, 'switch', '-q', '-c', name)
    await writeFiles(dir, { [PAGE]: TEXT.replace('Premier', `${word}, premier`) })
    git(dir, 'commit', '-q', '-am', `${name} : ${word}`)
    const repository = await open(dir)
    await addComment(
      repository.context,
      { branch: name, path: PAGE, blockIndex: 1, text: `Note de ${name}` },
      { name, email: `${name}@example.org` },
    )
    repository.context.objects.close()
    const file = path.join(exchange, `${name}.bundle`)
    expect((await cli('contribution', 'export', dir, file, '--branch', name)).code).toBe(0)
    files.push(file)
  }
  return files
}

describe('received notes', () => {
  it('the CLI merges each file’s comments into the review notes git log shows', async () => {
    const guide = await nativeRepository({ [PAGE]: TEXT })
    const [first, second] = await twoFiles(guide)
    expect((await cli('contribution', 'import', guide, first!)).code).toBe(0)
    expect((await cli('contribution', 'import', guide, second!)).code).toBe(0)
    const shown = git(guide, 'log', '--notes=atelier', '--format=%N', '--all')
    expect(shown).toContain('Note de aminata')
    expect(shown).toContain('Note de moussa')
    expect(gitStatusCode(guide, 'rev-parse', '-q', '--verify', RECEIVED_NOTES_REF)).toBe(1)
    expect(gitStatusCode(guide, 'fsck', '--strict')).toBe(0)
  })

  it('a second file never replaces notes still waiting to be merged', async () => {
    const guide = await nativeRepository({ [PAGE]: TEXT })
    const [first, second] = await twoFiles(guide)
    const repository = await open(guide)
    // As if the first merge never ran (the app closed in between).
    await receiveContribution(repository.context, first!)
    await receiveContribution(repository.context, second!)
    await mergeReceivedNotes(repository.context)
    const shown = git(guide, 'log', '--notes=atelier', '--format=%N', '--all')
    expect(shown).toContain('Note de aminata')
    expect(shown).toContain('Note de moussa')
    expect(gitStatusCode(guide, 'fsck', '--strict')).toBe(0)
  })

  it('an older file leaves the newer notes waiting as they are', async () => {
    const guide = await nativeRepository({ [PAGE]: TEXT })
    const dir = path.join(await tempDir('atelier-aminata-'), 'guide')
    git(guide, 'clone', '-q', guide, dir)
    git(dir, 'switch', '-q', '-c', 'aminata')
    await writeFiles(dir, { [PAGE]: TEXT.replace('Premier', 'Au Sénégal, premier') })
    git(dir, 'commit', '-q', '-am', 'Sénégal')
    const exchange = await tempDir('atelier-exchange-')
    const files: string[] = []
    for (const text of ['Première note', 'Seconde note']) {
      const repository = await open(dir)
      await addComment(
        repository.context,
        { branch: 'aminata', path: PAGE, blockIndex: 1, text },
        { name: 'Aminata', email: 'aminata@example.org' },
      )
      repository.context.objects.close()
      const file = path.join(exchange, `${files.length}.bundle`)
      expect((await cli('contribution', 'export', dir, file, '--branch', 'aminata')).code).toBe(0)
      files.push(file)
    }
    const repository = await open(guide)
    await receiveContribution(repository.context, files[1]!)
    const newer = git(guide, 'rev-parse', RECEIVED_NOTES_REF)
    await receiveContribution(repository.context, files[0]!)
    expect(git(guide, 'rev-parse', RECEIVED_NOTES_REF)).toBe(newer)
    expect(git(guide, 'rev-parse', RECEIVED_NOTES_REF).trim()).toBe(
      git(dir, 'rev-parse', 'refs/notes/atelier').trim(),
    )
  })
})
