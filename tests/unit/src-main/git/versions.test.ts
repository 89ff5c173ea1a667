import { readFile, rm } from 'node:fs/promises'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { AtelierError } from '../../../../src-shared/api/atelier-error.js'
import { formatPorcelain } from '../../../../src-main/git/porcelain.js'
import { Repository } from '../../../../src-main/git/repository.js'
import { runCli } from '../../../../src-main/cli.js'
import {
  git,
  gitStatusCode,
  nativePorcelain,
  nativeRepository,
  writeFiles,
} from '../../../helpers/native-git.js'

const AMINATA = { name: 'Aminata Diallo', email: 'aminata@example.org' }

async function open(dir: string): Promise<Repository> {
  const repository = await Repository.find(dir)
  if (!repository) throw new Error('no repository')
  return repository
}

/** After every operation: native git finds the repository sound and agrees on its status. */
async function expectSound(dir: string, repository: Repository): Promise<void> {
  expect(gitStatusCode(dir, 'fsck', '--strict', '--no-dangling')).toBe(0)
  expect(formatPorcelain(await repository.statusEntries())).toBe(nativePorcelain(dir))
}

async function errorCode(promise: Promise<unknown>): Promise<string> {
  try {
    await promise
  } catch (error) {
    if (error instanceof AtelierError) return error.code
    throw error
  }
  return 'no error'
}

const CASE = (country: string, body: string) =>
  `---\ntitle: Cas ${country}\npays: ${country} # pays concerné\n---\n\n${body}\n`

describe('saving a version', () => {
  it('records new, modified and deleted pages as one version', async () => {
    const dir = await nativeRepository({ 'a.md': 'a\n', 'b.md': 'b\n', 'c.md': 'c\n' })
    const repository = await open(dir)
    await writeFiles(dir, { 'a.md': 'a modifié\n', 'nouveau/d.md': 'd\n' })
    await rm(path.join(dir, 'b.md'))
    const oid = await repository.commit({ message: 'Mes changements', author: AMINATA })
    expect(git(dir, 'log', '-1', '--format=%H|%an|%ae|%s')).toBe(
      `${oid}|Aminata Diallo|aminata@example.org|Mes changements\n`,
    )
    expect(git(dir, 'show', '--name-status', '--format=', 'HEAD')).toBe(
      'M\ta.md\nD\tb.md\nA\tnouveau/d.md\n',
    )
    await expectSound(dir, repository)
    expect(await repository.statusEntries()).toEqual([])
  })

  it('records only the chosen pages', async () => {
    const dir = await nativeRepository({ 'a.md': 'a\n', 'b.md': 'b\n' })
    const repository = await open(dir)
    await writeFiles(dir, { 'a.md': 'a2\n', 'b.md': 'b2\n' })
    await repository.commit({ message: 'Seulement a', author: AMINATA, paths: ['a.md'] })
    expect(formatPorcelain(await repository.statusEntries())).toBe(' M b.md\n')
    await expectSound(dir, repository)
  })

  it('records a tracked page that a .gitignore rule matches', async () => {
    const dir = await nativeRepository({ 'brouillons/suivi.md': 'v1\n' })
    await writeFiles(dir, { '.gitignore': 'brouillons/\n', 'brouillons/suivi.md': 'v2\n' })
    const repository = await open(dir)
    await repository.commit({ message: 'Suivi', author: AMINATA })
    expect(git(dir, 'show', 'HEAD:brouillons/suivi.md')).toBe('v2\n')
    await expectSound(dir, repository)
  })

  it('refuses an empty version', async () => {
    const dir = await nativeRepository({ 'a.md': 'a\n' })
    const repository = await open(dir)
    expect(await errorCode(repository.commit({ message: 'Rien', author: AMINATA }))).toBe(
      'nothing-to-commit',
    )
  })

  it('records the first version of a new repository', async () => {
    const dir = await nativeRepository()
    await writeFiles(dir, { 'index.md': 'accueil\n' })
    const repository = await open(dir)
    await repository.commit({ message: 'Début', author: AMINATA })
    expect(git(dir, 'log', '--format=%s')).toBe('Début\n')
    await expectSound(dir, repository)
  })
})

describe('history', () => {
  it('lists the versions of the workspace and of one page, and reads a page at a version', async () => {
    const dir = await nativeRepository({
      '_cas/benin.md': CASE('Bénin', 'Premier texte.'),
      'autre.md': 'x\n',
    })
    const repository = await open(dir)
    await writeFiles(dir, { '_cas/benin.md': CASE('Bénin', 'Texte revu.') })
    await repository.commit({ message: 'Cas du Bénin revu', author: AMINATA })
    await writeFiles(dir, { 'autre.md': 'y\n' })
    await repository.commit({ message: 'Autre page', author: AMINATA })

    const all = await repository.history()
    expect(all.map((v) => v.message)).toEqual([
      'Autre page',
      'Cas du Bénin revu',
      'Première version',
    ])
    expect(all.map((v) => v.oid)).toEqual(git(dir, 'log', '--format=%H').trim().split('\n'))
    expect(all[0]?.author).toBe('Aminata Diallo')
    const page = await repository.history({ path: '_cas/benin.md' })
    expect(page.map((v) => v.message)).toEqual(['Cas du Bénin revu', 'Première version'])
    expect(await repository.pageAt(page[1]!.oid, '_cas/benin.md')).toBe(
      CASE('Bénin', 'Premier texte.'),
    )
    expect(await repository.pageAt(page[1]!.oid, 'absente.md')).toBeNull()
  })

  it('compares two versions field by field and line by line', async () => {
    const dir = await nativeRepository({
      'cas.md': CASE('Bénin', 'Ligne commune.\nAncienne ligne.'),
    })
    const repository = await open(dir)
    await writeFiles(dir, { 'cas.md': CASE('Togo', 'Ligne commune.\nNouvelle ligne.') })
    const comparison = await repository.compare('cas.md', 'HEAD')
    expect(comparison.fields).toEqual([
      { key: 'title', before: 'Cas Bénin', after: 'Cas Togo' },
      { key: 'pays', before: 'Bénin', after: 'Togo' },
    ])
    expect(comparison.body.filter((line) => line.kind !== 'same')).toEqual([
      { kind: 'removed', text: 'Ancienne ligne.' },
      { kind: 'added', text: 'Nouvelle ligne.' },
    ])
  })

  it('restores a page as a new change, without rewriting history', async () => {
    const dir = await nativeRepository({ 'cas.md': 'version 1\n' })
    const repository = await open(dir)
    const first = git(dir, 'rev-parse', 'HEAD').trim()
    await writeFiles(dir, { 'cas.md': 'version 2\n' })
    await repository.commit({ message: 'v2', author: AMINATA })
    await repository.restore('cas.md', first)
    expect(await readFile(path.join(dir, 'cas.md'), 'utf8')).toBe('version 1\n')
    expect(formatPorcelain(await repository.statusEntries())).toBe(' M cas.md\n')
    expect(git(dir, 'log', '--format=%s')).toBe('v2\nPremière version\n')
    await expectSound(dir, repository)
  })
})

describe('contributions', () => {
  it('creates, lists, switches and deletes once merged', async () => {
    const dir = await nativeRepository({ 'a.md': 'a\n' })
    const repository = await open(dir)
    expect(await repository.createContribution('Aminata Diallo', { switchTo: true })).toBe(
      'Aminata-Diallo',
    )
    expect(git(dir, 'branch', '--show-current')).toBe('Aminata-Diallo\n')
    await writeFiles(dir, { 'a.md': 'a par Aminata\n' })
    await repository.commit({ message: 'Travail d’Aminata', author: AMINATA })
    await repository.switchContribution('main')
    expect(await readFile(path.join(dir, 'a.md'), 'utf8')).toBe('a\n')
    const list = await repository.contributions()
    expect(list.map((c) => [c.name, c.current, c.merged])).toEqual([
      ['Aminata-Diallo', false, false],
      ['main', true, true],
    ])
    expect(await errorCode(repository.deleteContribution('Aminata-Diallo'))).toBe(
      'contribution-not-merged',
    )
    expect(await errorCode(repository.deleteContribution('main'))).toBe('contribution-current')
    expect(await errorCode(repository.createContribution('main', { switchTo: false }))).toBe(
      'contribution-exists',
    )
    expect(await errorCode(repository.createContribution('..', { switchTo: false }))).toBe(
      'contribution-name',
    )

    expect(await repository.merge('Aminata-Diallo', AMINATA)).toEqual({
      kind: 'fast-forward',
      oid: git(dir, 'rev-parse', 'Aminata-Diallo').trim(),
    })
    expect(await readFile(path.join(dir, 'a.md'), 'utf8')).toBe('a par Aminata\n')
    await repository.deleteContribution('Aminata-Diallo')
    expect(git(dir, 'branch', '--format=%(refname:short)')).toBe('main\n')
    await expectSound(dir, repository)
  })

  it('carries unsaved changes when switching, or refuses naming the pages', async () => {
    const dir = await nativeRepository({ 'a.md': 'a\n', 'b.md': 'b\n' })
    const repository = await open(dir)
    await repository.createContribution('ousmane', { switchTo: true })
    await writeFiles(dir, { 'b.md': 'b par Ousmane\n' })
    await repository.commit({ message: 'b', author: AMINATA })
    await writeFiles(dir, { 'a.md': 'a non enregistré\n' })
    await repository.switchContribution('main')
    expect(await readFile(path.join(dir, 'a.md'), 'utf8')).toBe('a non enregistré\n')
    await writeFiles(dir, { 'b.md': 'b non enregistré\n' })
    let refusal: AtelierError | null = null
    await repository.switchContribution('ousmane').catch((error: AtelierError) => {
      refusal = error
    })
    expect(refusal).toMatchObject({ code: 'unsaved-changes', detail: 'b.md' })
    expect(git(dir, 'branch', '--show-current')).toBe('main\n')
    await expectSound(dir, repository)
  })

  it('merges three ways into a version with two parents', async () => {
    const dir = await nativeRepository({ 'a.md': 'a\n', 'b.md': 'b\n' })
    const repository = await open(dir)
    await repository.createContribution('fatou', { switchTo: true })
    await writeFiles(dir, { 'b.md': 'b par Fatou\n' })
    await repository.commit({ message: 'Fatou', author: AMINATA })
    await repository.switchContribution('main')
    await writeFiles(dir, { 'a.md': 'a sur main\n' })
    await repository.commit({ message: 'main', author: AMINATA })
    const outcome = await repository.merge('fatou', AMINATA)
    expect(outcome.kind).toBe('merged')
    expect(git(dir, 'log', '--merges', '--format=%s')).toBe(
      'Fusion de la contribution « fatou » dans « main »\n',
    )
    expect(await readFile(path.join(dir, 'b.md'), 'utf8')).toBe('b par Fatou\n')
    expect(await readFile(path.join(dir, 'a.md'), 'utf8')).toBe('a sur main\n')
    await expectSound(dir, repository)
  })

  async function conflicted(): Promise<{ dir: string; repository: Repository }> {
    const dir = await nativeRepository({ 'cas.md': 'début\ncommun\nfin\n', 'autre.md': 'x\n' })
    const repository = await open(dir)
    await repository.createContribution('fatou', { switchTo: true })
    await writeFiles(dir, {
      'cas.md': 'début\nversion de Fatou\nfin\n',
      'autre.md': 'x par Fatou\n',
    })
    await repository.commit({ message: 'Fatou', author: AMINATA })
    await repository.switchContribution('main')
    await writeFiles(dir, { 'cas.md': 'début\nma version\nfin\n' })
    await repository.commit({ message: 'Moi', author: AMINATA })
    const outcome = await repository.merge('fatou', AMINATA)
    expect(outcome).toEqual({ kind: 'conflicts', conflicts: ['cas.md'] })
    return { dir, repository }
  }

  it('lists conflicts as git does and keeps mine', async () => {
    const { dir, repository } = await conflicted()
    expect(nativePorcelain(dir)).toBe('M  autre.md\nUU cas.md\n')
    await expectSound(dir, repository)
    const status = await repository.status()
    expect(status.merge).toEqual({ contribution: 'fatou', conflicts: ['cas.md'] })
    const texts = await repository.conflict('cas.md')
    expect(texts.mine).toBe('début\nma version\nfin\n')
    expect(texts.theirs).toBe('début\nversion de Fatou\nfin\n')
    expect(texts.merged).toContain('<<<<<<<')
    expect(await errorCode(repository.commit({ message: 'trop tôt', author: AMINATA }))).toBe(
      'conflicts-remain',
    )
    await repository.resolve('cas.md', { choice: 'mine' })
    await repository.commit({ message: 'Fusion', author: AMINATA })
    expect(await readFile(path.join(dir, 'cas.md'), 'utf8')).toBe('début\nma version\nfin\n')
    expect(git(dir, 'log', '-1', '--format=%P').trim().split(' ')).toHaveLength(2)
    expect(await readFile(path.join(dir, 'autre.md'), 'utf8')).toBe('x par Fatou\n')
    expect((await repository.status()).merge).toBeNull()
    await expectSound(dir, repository)
  })

  it('keeps theirs', async () => {
    const { dir, repository } = await conflicted()
    await repository.resolve('cas.md', { choice: 'theirs' })
    await repository.commit({ message: 'Fusion', author: AMINATA })
    expect(await readFile(path.join(dir, 'cas.md'), 'utf8')).toBe('début\nversion de Fatou\nfin\n')
    await expectSound(dir, repository)
  })

  it('takes an edited merged text', async () => {
    const { dir, repository } = await conflicted()
    await repository.resolve('cas.md', { choice: 'text', text: 'début\nles deux versions\nfin\n' })
    await repository.commit({ message: 'Fusion', author: AMINATA })
    expect(git(dir, 'show', 'HEAD:cas.md')).toBe('début\nles deux versions\nfin\n')
    await expectSound(dir, repository)
  })

  it('gives up a merge and goes back as before', async () => {
    const { dir, repository } = await conflicted()
    await repository.abortMerge()
    expect(await readFile(path.join(dir, 'cas.md'), 'utf8')).toBe('début\nma version\nfin\n')
    expect(await readFile(path.join(dir, 'autre.md'), 'utf8')).toBe('x\n')
    expect((await repository.status()).merge).toBeNull()
    await expectSound(dir, repository)
    expect(nativePorcelain(dir)).toBe('')
  })
})

describe('CLI', () => {
  async function cli(...args: string[]): Promise<{ code: number; out: string; err: string }> {
    let out = ''
    let err = ''
    const code = await runCli(
      args,
      (text) => (out += text),
      (text) => (err += text),
    )
    return { code, out, err }
  }

  it('status --porcelain prints exactly what git prints', async () => {
    const dir = await nativeRepository({ 'é.md': 'a\n', 'b.md': 'b\n' })
    await writeFiles(dir, { 'é.md': 'changé\n', 'Bénin cas.md': 'x\n' })
    await rm(path.join(dir, 'b.md'))
    const result = await cli('status', dir, '--porcelain')
    expect(result).toEqual({ code: 0, out: nativePorcelain(dir), err: '' })
    expect((await cli('status', dir)).out).toContain('Modifiée')
  })

  it('commit records every change with the given author, and log lists it', async () => {
    const dir = await nativeRepository({ 'a.md': 'a\n', 'b.md': 'b\n' })
    await writeFiles(dir, { 'a.md': 'a2\n', 'c.md': 'c\n' })
    await rm(path.join(dir, 'b.md'))
    const done = await cli(
      'commit',
      dir,
      '-m',
      'Depuis la ligne de commande',
      '--author',
      'Ousmane Sow <ousmane@example.org>',
    )
    expect(done.code).toBe(0)
    expect(nativePorcelain(dir)).toBe('')
    expect(git(dir, 'log', '-1', '--format=%an <%ae> %s')).toBe(
      'Ousmane Sow <ousmane@example.org> Depuis la ligne de commande\n',
    )
    const log = JSON.parse((await cli('log', dir, '--json')).out) as {
      versions: { oid: string; message: string }[]
    }
    expect(log.versions.map((v) => v.oid)).toEqual(
      git(dir, 'log', '--format=%H').trim().split('\n'),
    )
    const empty = await cli('commit', dir, '-m', 'Rien', '--author', 'A <a@b.c>')
    expect(empty.code).toBe(1)
    expect(empty.err).toContain('Rien à enregistrer')
  })

  it('explains in French when the folder has no history', async () => {
    const notRepo = await cli('log', '/')
    expect(notRepo.code).toBe(1)
    expect(notRepo.err).toContain('pas encore d’historique')
  })
})
