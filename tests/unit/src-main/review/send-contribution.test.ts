import { existsSync, statSync } from 'node:fs'
import { mkdir, readdir, rm } from 'node:fs/promises'
import path from 'node:path'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { AtelierError } from '../../../../src-shared/api/atelier-error.js'
import { contributionExportCommand } from '../../../../src-main/commands/contribution-export.js'
import { Repository } from '../../../../src-main/git/repository.js'
import { REVIEW_NOTES_REF } from '../../../../src-main/git/review-refs.js'
import {
  contributionFileName,
  sendContribution,
} from '../../../../src-main/review/send-contribution.js'
import { git, gitStatusCode, nativeRepository, writeFiles } from '../../../helpers/native-git.js'
import { tempDir } from '../../../helpers/temp-dir.js'

const text = (n: number) =>
  Array.from({ length: 60 }, (_, i) => `Paragraphe ${i} du cas ${n} : données ouvertes.`).join('\n')

/** A guide on `main` and a contribution `aminata` that changed one page, with a review note. */
async function guideWithContribution(): Promise<string> {
  const dir = await nativeRepository({ 'cas/senegal.md': text(1), 'cas/kenya.md': text(2) })
  git(dir, 'checkout', '-q', '-b', 'aminata')
  await writeFiles(dir, {
    'cas/senegal.md': text(1).replace('Paragraphe 30 ', 'Paragraphe 30 revu '),
  })
  git(dir, 'commit', '-q', '-am', 'Sénégal : une phrase revue')
  git(dir, 'notes', '--ref=atelier', 'add', '-m', 'À relire', 'HEAD')
  git(dir, 'checkout', '-q', 'main')
  await writeFiles(dir, { 'cas/kenya.md': `${text(2)}\nSuite.` })
  git(dir, 'commit', '-q', '-am', 'Kenya : une suite')
  return dir
}

async function receiverOf(dir: string): Promise<string> {
  const clone = path.join(await tempDir('atelier-receiver-'), 'clone')
  git(path.dirname(clone), 'clone', '-q', '--no-local', '--single-branch', '-b', 'main', dir, clone)
  return clone
}

async function contextOf(dir: string) {
  return (await Repository.find(dir))!.context
}

describe('sending a contribution', () => {
  it('writes the branch and its review notes as a thin file starting from the merge base', async () => {
    const dir = await guideWithContribution()
    const file = path.join(await tempDir(), 'envoi.bundle')
    const sent = await sendContribution(await contextOf(dir), {
      branch: 'aminata',
      full: false,
      file,
    })
    expect(sent.prerequisites).toEqual([git(dir, 'merge-base', 'main', 'aminata').trim()])
    expect(sent.refs).toEqual([
      { name: 'refs/heads/aminata', oid: git(dir, 'rev-parse', 'aminata').trim() },
      { name: REVIEW_NOTES_REF, oid: git(dir, 'rev-parse', REVIEW_NOTES_REF).trim() },
    ])
    expect(sent.bytes).toBe(statSync(file).size)
    const receiver = await receiverOf(dir)
    git(receiver, 'bundle', 'verify', '-q', file)
    git(
      receiver,
      'fetch',
      '-q',
      file,
      'refs/heads/aminata:refs/heads/recu/aminata',
      `${REVIEW_NOTES_REF}:${REVIEW_NOTES_REF}`,
    )
    git(receiver, 'fsck', '--strict', '--no-dangling')
    expect(git(receiver, 'notes', '--ref=atelier', 'show', 'recu/aminata')).toBe('À relire\n')
    expect(git(receiver, 'diff', '--name-only', 'main...recu/aminata')).toBe('cas/senegal.md\n')
  })

  it('sends a received branch under its own name, so it never moves the contributor’s branch', async () => {
    const dir = await guideWithContribution()
    git(dir, 'branch', '-m', 'aminata', 'recu/aminata')
    const file = path.join(await tempDir(), 'retour.bundle')
    const sent = await sendContribution(await contextOf(dir), {
      branch: 'recu/aminata',
      full: false,
      file,
    })
    expect(sent.refs[0]!.name).toBe('refs/heads/aminata')
    expect(git(dir, 'bundle', 'list-heads', file)).toContain(' refs/heads/aminata\n')
  })

  it('writes a complete file on request, and when the branch has nothing the main line lacks', async () => {
    const dir = await guideWithContribution()
    const folder = await tempDir()
    for (const [branch, full] of [
      ['aminata', true],
      ['main', false],
    ] as const) {
      const file = path.join(folder, `${branch}.bundle`)
      const sent = await sendContribution(await contextOf(dir), { branch, full, file })
      expect(sent.prerequisites).toEqual([])
      const empty = path.join(folder, `vide-${branch}`)
      await mkdir(empty)
      git(empty, 'init', '-q')
      git(empty, 'bundle', 'verify', '-q', file)
      git(empty, 'fetch', '-q', file, 'refs/heads/*:refs/heads/got/*')
      git(empty, 'fsck', '--strict', '--no-dangling')
      expect(git(empty, 'rev-parse', `got/${branch}`).trim()).toBe(
        git(dir, 'rev-parse', branch).trim(),
      )
    }
  })

  it('refuses a missing branch and a file inside .git, writing nothing', async () => {
    const dir = await guideWithContribution()
    const context = await contextOf(dir)
    const folder = await tempDir()
    await expect(
      sendContribution(context, {
        branch: 'personne',
        full: false,
        file: path.join(folder, 'x.bundle'),
      }),
    ).rejects.toMatchObject({ code: 'contribution-not-found' })
    await expect(
      sendContribution(context, {
        branch: 'aminata',
        full: false,
        file: path.join(dir, '.git', 'x.bundle'),
      }),
    ).rejects.toMatchObject({ code: 'git-folder' })
    await expect(
      sendContribution(context, {
        branch: 'aminata',
        full: false,
        file: path.join(folder, 'dossier-absent', 'x.bundle'),
      }),
    ).rejects.toMatchObject({ code: 'io' })
    expect(await readdir(folder)).toEqual([])
    expect(existsSync(path.join(dir, '.git', 'x.bundle'))).toBe(false)
  })

  it('refuses a repository missing an object with a French problem, leaving no file behind', async () => {
    const dir = await guideWithContribution()
    const blob = git(dir, 'rev-parse', 'aminata:cas/senegal.md').trim()
    await rm(path.join(dir, '.git', 'objects', blob.slice(0, 2), blob.slice(2)))
    const folder = await tempDir()
    await expect(
      sendContribution(await contextOf(dir), {
        branch: 'aminata',
        full: false,
        file: path.join(folder, 'x.bundle'),
      }),
    ).rejects.toMatchObject({ code: 'missing-object' })
    expect(await readdir(folder)).toEqual([])
  })
})

describe('the base of a contribution', () => {
  it('is what git merge-base --all finds, over random histories with merges both ways', async () => {
    const step = fc.record({
      on: fc.constantFrom('main', 'branche'),
      merge: fc.boolean(),
      file: fc.constantFrom('a.md', 'b.md', 'c.md'),
    })
    await fc.assert(
      fc.asyncProperty(fc.array(step, { minLength: 1, maxLength: 8 }), async (steps) => {
        const dir = await nativeRepository({ 'a.md': 'a\n', 'b.md': 'b\n', 'c.md': 'c\n' })
        git(dir, 'branch', 'branche')
        for (const [i, s] of steps.entries()) {
          git(dir, 'checkout', '-q', s.on)
          const other = s.on === 'main' ? 'branche' : 'main'
          if (
            s.merge &&
            gitStatusCode(dir, 'merge', '-q', '--no-edit', '-X', 'ours', other) === 0
          ) {
            continue
          }
          gitStatusCode(dir, 'merge', '--abort')
          await writeFiles(dir, { [s.file]: `${s.file} ${i}\n` })
          git(dir, 'commit', '-q', '-am', `Étape ${i}`)
        }
        const file = path.join(await tempDir(), 'f.bundle')
        const sent = await sendContribution(await contextOf(dir), {
          branch: 'branche',
          full: false,
          file,
        })
        const tip = git(dir, 'rev-parse', 'branche').trim()
        const bases = git(dir, 'merge-base', '--all', 'main', 'branche').trim().split('\n')
        expect([...sent.prerequisites].sort()).toEqual(bases.includes(tip) ? [] : bases.sort())
        const receiver = await receiverOf(dir)
        git(receiver, 'bundle', 'verify', '-q', file)
      }),
      { numRuns: 10 },
    )
  }, 120_000)
})

describe('contribution file name', () => {
  it('names the file after the person and the day', () => {
    expect(contributionFileName('Aminata Diallo', new Date(2026, 11, 2, 12))).toBe(
      'contribution-aminata-diallo-2026-12-02.bundle',
    )
    expect(contributionFileName('Éloïse Cœur-Dœuvre', new Date(2027, 0, 9))).toBe(
      'contribution-eloise-coeur-doeuvre-2027-01-09.bundle',
    )
    expect(contributionFileName('  ', new Date(2027, 0, 9))).toBe('contribution-2027-01-09.bundle')
  })

  it('gives, for any name, a short name of letters, digits and hyphens that every system accepts', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 200 }), (person) => {
        const name = contributionFileName(person, new Date(2026, 11, 2))
        expect(name).toMatch(/^contribution-([a-z0-9]+(-[a-z0-9]+)*-)?2026-12-02\.bundle$/)
        expect(name.length).toBeLessThanOrEqual(80)
      }),
    )
  })
})

describe('contribution export command', () => {
  it('writes the current branch and prints the file and its size', async () => {
    const dir = await guideWithContribution()
    git(dir, 'checkout', '-q', 'aminata')
    const file = path.join(await tempDir(), 'cli.bundle')
    let printed = ''
    const usage = (t: string): never => {
      throw new Error(`usage: ${t}`)
    }
    const code = await contributionExportCommand([dir, file], (t) => (printed += t), usage)
    expect(code).toBe(0)
    expect(printed).toContain(file)
    expect(printed).toMatch(/\d+(,\d)? (o|Ko)/)
    const receiver = await receiverOf(dir)
    expect(gitStatusCode(receiver, 'bundle', 'verify', '-q', file)).toBe(0)
    expect(git(dir, 'bundle', 'list-heads', file)).toContain(' refs/heads/aminata\n')
    await expect(
      contributionExportCommand([dir, file, '--branch', 'personne'], () => {}, usage),
    ).rejects.toBeInstanceOf(AtelierError)
    await expect(contributionExportCommand([dir], () => {}, usage)).rejects.toThrow('usage:')
  })
})
