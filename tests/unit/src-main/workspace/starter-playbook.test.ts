import { execFileSync } from 'node:child_process'
import { readFile, writeFile } from 'node:fs/promises'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { bundledStarterPlaybook } from '../../../../src-main/paths.js'
import {
  ensureStarterPlaybook,
  STARTER_FOLDER,
} from '../../../../src-main/workspace/starter-playbook.js'
import { tempDir } from '../../../helpers/temp-dir.js'

const git = (cwd: string, ...args: string[]) => execFileSync('git', args, { cwd, encoding: 'utf8' })

describe('ensureStarterPlaybook', () => {
  it('copies the playbook as a repository with one clean first version that native git accepts', async () => {
    const dataDir = await tempDir()
    const playbook = await ensureStarterPlaybook(bundledStarterPlaybook, dataDir)
    expect(playbook).toBe(path.join(dataDir, STARTER_FOLDER))
    expect(git(playbook, 'log', '--format=%an|%s').trim()).toBe(
      'Atelier|Guide de départ fourni avec Atelier',
    )
    expect(git(playbook, 'status', '--porcelain')).toBe('')
    expect(git(playbook, 'branch', '--show-current').trim()).toBe('main')
    git(playbook, 'fsck', '--strict')
  })

  it('installs the built-in theme in the copy, so that Jekyll alone can publish it', async () => {
    const playbook = await ensureStarterPlaybook(bundledStarterPlaybook, await tempDir())
    const tracked = git(playbook, 'ls-files').split('\n')
    for (const file of [
      '_layouts/default.html',
      '_layouts/theme.html',
      '_includes/navigation.html',
      'assets/css/style.css',
      'assets/fonts/atkinson-hyperlegible-latin-400-normal.woff2',
      'index.md',
      '_config.yml',
    ])
      expect(tracked).toContain(file)
  })

  it('leaves the user’s copy alone on later launches', async () => {
    const dataDir = await tempDir()
    const playbook = await ensureStarterPlaybook(bundledStarterPlaybook, dataDir)
    await writeFile(path.join(playbook, 'index.md'), 'modifié par l’utilisateur\n')
    await ensureStarterPlaybook(bundledStarterPlaybook, dataDir)
    expect(await readFile(path.join(playbook, 'index.md'), 'utf8')).toBe(
      'modifié par l’utilisateur\n',
    )
  })
})
