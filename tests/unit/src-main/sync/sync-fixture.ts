import { readdir, readFile, stat } from 'node:fs/promises'
import path from 'node:path'
import { afterEach, beforeEach } from 'vitest'
import { MemoryCredentials } from '../../../../src-main/sync/credentials.js'
import { nativeGit, startGitServer, type GitServer } from '../../../helpers/git-server.js'
import { nativeRepository } from '../../../helpers/native-git.js'

export const USER = 'ana'
export const TOKEN = 'jeton-tres-secret-42'

/** A server per test, holding `guide.git` made by native git from a few pages and two lines. */
export function useServer(): { server: () => GitServer; source: () => string } {
  let server: GitServer
  let source: string
  beforeEach(async () => {
    server = await startGitServer({ user: USER, token: TOKEN })
    source = await nativeRepository({
      '_config.yml': 'title: Guide\n',
      'index.md': '---\ntitle: Accueil\n---\nBonjour\n',
      '_themes/eau.md': '---\ntitle: Eau\n---\nL’eau potable.\n'.repeat(50),
    })
    await nativeGit(source, 'checkout', '-q', '-b', 'aminata')
    await nativeGit(source, 'commit', '-q', '--allow-empty', '-m', 'Contribution')
    await nativeGit(source, 'checkout', '-q', 'main')
    await nativeGit(source, 'commit', '-q', '--allow-empty', '-m', 'Deuxième version')
    server.create('guide', source)
  })
  afterEach(() => server.close())
  return { server: () => server, source: () => source }
}

export function withToken(origin: string): MemoryCredentials {
  const store = new MemoryCredentials()
  store.set(origin, { username: USER, password: TOKEN })
  return store
}

/** Native refs of a repository, `oid ref` per line (HEAD and remote HEAD left out). */
export async function refs(dir: string, pattern: string): Promise<string> {
  return nativeGit(dir, 'for-each-ref', '--format=%(objectname) %(refname)', pattern)
}

export async function fsck(dir: string): Promise<void> {
  await nativeGit(dir, 'fsck', '--strict', '--no-progress')
}

/** Every file's bytes under `.git` (and the folder's own names), to find a leaked secret. */
export async function everyFileUnder(dir: string): Promise<string> {
  let all = ''
  for (const entry of await readdir(dir, { recursive: true })) {
    const file = path.join(dir, entry)
    if ((await stat(file)).isFile())
      all += `${entry}\n${(await readFile(file)).toString('latin1')}\n`
  }
  return all
}
