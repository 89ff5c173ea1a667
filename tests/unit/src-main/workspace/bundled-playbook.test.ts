import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { Repository } from '../../../../src-main/git/repository.js'
import { preparePlaybook } from '../../../../src-main/packaging/prepare-playbook.js'
import { bundledStarterPlaybook } from '../../../../src-main/paths.js'
import { MemoryCredentials } from '../../../../src-main/sync/credentials.js'
import { pull } from '../../../../src-main/sync/pull.js'
import { ensureFirstPlaybook } from '../../../../src-main/workspace/bundled-playbook.js'
import { STARTER_FOLDER } from '../../../../src-main/workspace/starter-playbook.js'
import { nativeGit, startGitServer } from '../../../helpers/git-server.js'
import { git } from '../../../helpers/native-git.js'
import { tempDir } from '../../../helpers/temp-dir.js'
import { maintainersGuide, ORIGIN_URL } from '../packaging/playbook-fixture.js'
import { TOKEN, USER, withToken } from '../sync/sync-fixture.js'

/** An installer's `playbook/` resource made from `source`, and a fresh data folder. */
async function installer(source: string) {
  const playbookResource = path.join(await tempDir(), 'playbook')
  await preparePlaybook(source, playbookResource)
  return { starterBundle: bundledStarterPlaybook, playbookResource, dataDir: await tempDir() }
}

const refsOf = (dir: string, pattern: string) =>
  git(dir, 'for-each-ref', '--format=%(objectname) %(refname)', pattern)

describe('ensureFirstPlaybook (first launch of an installer)', () => {
  it('clones the carried guide with no network: native git finds it whole, clean, on origin', async () => {
    const source = await maintainersGuide({ origin: ORIGIN_URL })
    const options = await installer(source)
    const guide = await ensureFirstPlaybook(options)

    expect(guide).toBe(path.join(options.dataDir, 'repo'))
    expect(await readdir(options.dataDir)).toEqual(['repo'])
    git(guide, 'fsck', '--strict', '--no-progress')
    expect(git(guide, 'status', '--porcelain')).toBe('')
    expect(git(guide, 'remote', 'get-url', 'origin').trim()).toBe(ORIGIN_URL)
    expect(git(guide, 'branch', '--show-current').trim()).toBe('main')
    expect(git(guide, 'log', '--format=%H %an %s')).toBe(git(source, 'log', '--format=%H %an %s'))
    expect(git(guide, 'ls-files')).toBe(git(source, 'ls-files'))
    expect(await readFile(path.join(guide, 'assets/logo.bin'))).toEqual(
      Buffer.from([0, 1, 2, 3, 255]),
    )
    // Laid out as `git clone` would: the host's lines, its HEAD, the line followed.
    expect(refsOf(guide, 'refs/remotes/origin/aminata')).toBe(
      refsOf(source, 'refs/heads/aminata').replace('refs/heads/', 'refs/remotes/origin/'),
    )
    expect(git(guide, 'rev-parse', '--abbrev-ref', 'origin/HEAD').trim()).toBe('origin/main')
    expect(git(guide, 'rev-parse', '--abbrev-ref', 'main@{upstream}').trim()).toBe('origin/main')
    expect(refsOf(guide, 'refs/heads')).toBe(refsOf(source, 'refs/heads/main'))
    expect(refsOf(guide, 'refs/tags')).toBe(refsOf(source, 'refs/tags/v1'))
    expect(git(guide, 'notes', '--ref=atelier', 'show', 'HEAD')).toBe('{"decision":"approuvee"}\n')
    expect(refsOf(guide, 'refs/atelier')).toBe('')
    // The whole history kept as the one pack it came in, not thousands of loose objects.
    expect(git(guide, 'count-objects', '-v')).toMatch(/^count: 0\n[\s\S]*^packs: 1$/m)
  })

  it('leaves the user’s copy alone on later launches', async () => {
    const options = await installer(await maintainersGuide({ origin: ORIGIN_URL }))
    const guide = await ensureFirstPlaybook(options)
    await writeFile(path.join(guide, 'accueil.md'), 'modifié par l’utilisateur\n')
    git(guide, 'commit', '-q', '-am', 'Ma version')
    const head = git(guide, 'rev-parse', 'HEAD')
    expect(await ensureFirstPlaybook(options)).toBe(guide)
    expect(git(guide, 'rev-parse', 'HEAD')).toBe(head)
    expect(await readFile(path.join(guide, 'accueil.md'), 'utf8')).toBe(
      'modifié par l’utilisateur\n',
    )
  })

  it('keeps the lines of a guide packed with no origin as its own, with no remote', async () => {
    const source = await maintainersGuide()
    const guide = await ensureFirstPlaybook(await installer(source))
    git(guide, 'fsck', '--strict', '--no-progress')
    expect(git(guide, 'status', '--porcelain')).toBe('')
    expect(git(guide, 'remote')).toBe('')
    expect(refsOf(guide, 'refs/heads')).toBe(refsOf(source, 'refs/heads'))
    expect(git(guide, 'branch', '--show-current').trim()).toBe('main')
  })

  it('opens the starter playbook as before when the installer carries no guide', async () => {
    const empty = path.join(await tempDir(), 'playbook')
    await mkdir(empty)
    for (const playbookResource of [null, empty]) {
      const dataDir = await tempDir()
      const guide = await ensureFirstPlaybook({
        starterBundle: bundledStarterPlaybook,
        playbookResource,
        dataDir,
      })
      expect(guide).toBe(path.join(dataDir, STARTER_FOLDER))
      expect(git(guide, 'log', '--format=%s').trim()).toBe('Guide de départ fourni avec Atelier')
    }
  })

  it('refuses a damaged manifest rather than opening something else', async () => {
    const options = await installer(await maintainersGuide())
    await writeFile(path.join(options.playbookResource, 'playbook.json'), '{"folder":"../x"}')
    await expect(ensureFirstPlaybook(options)).rejects.toThrow()
    expect(await readdir(options.dataDir)).toEqual([])
  })

  it('leaves nothing behind when the carried bundle is damaged', async () => {
    const options = await installer(await maintainersGuide())
    const bundle = path.join(options.playbookResource, 'guide.bundle')
    const bytes = await readFile(bundle)
    await writeFile(bundle, bytes.subarray(0, bytes.length - 100))
    await expect(ensureFirstPlaybook(options)).rejects.toThrow(/bundle/)
    expect(await readdir(options.dataDir)).toEqual([])
  })

  it('later receives from origin: « Recevoir les nouveautés » brings a version pushed there', async () => {
    const server = await startGitServer({ user: USER, token: TOKEN })
    try {
      server.create('guide-eau', await maintainersGuide())
      const playbookResource = path.join(await tempDir(), 'playbook')
      await preparePlaybook(server.url('guide-eau'), playbookResource, {
        credentials: withToken(server.origin),
      })
      const guide = await ensureFirstPlaybook({
        starterBundle: bundledStarterPlaybook,
        playbookResource,
        dataDir: await tempDir(),
      })
      expect(git(guide, 'remote', 'get-url', 'origin').trim()).toBe(server.url('guide-eau'))

      const native = path.join(await tempDir(), 'native')
      await nativeGit(path.dirname(native), 'clone', '-q', server.url('guide-eau'), native)
      await writeFile(path.join(native, 'accueil.md'), '---\ntitle: Accueil\n---\nBonjour à tous\n')
      await nativeGit(native, 'commit', '-q', '-am', 'Salutation')
      const pushUrl = server.url('guide-eau').replace('http://', `http://${USER}:${TOKEN}@`)
      await nativeGit(native, 'push', '-q', pushUrl, 'main')

      const repository = (await Repository.find(guide))!
      const report = await pull(repository, {
        credentials: new MemoryCredentials(),
        author: { name: 'Awa', email: 'awa@example.org' },
      })
      repository.context.objects.close()
      const serverMain = (await nativeGit(server.bare('guide-eau'), 'rev-parse', 'main')).trim()
      expect(report.outcome).toMatchObject({ kind: 'fast-forward', oid: serverMain })
      expect(git(guide, 'rev-parse', 'HEAD').trim()).toBe(serverMain)
      expect(git(guide, 'status', '--porcelain')).toBe('')
      git(guide, 'fsck', '--strict', '--no-progress')
    } finally {
      await server.close()
    }
  })
})
