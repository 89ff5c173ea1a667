import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import {
  PlaybookSourceError,
  preparePlaybook,
  preparePlaybookFromEnvironment,
} from '../../../../src-main/packaging/prepare-playbook.js'
import { startGitServer } from '../../../helpers/git-server.js'
import { git } from '../../../helpers/native-git.js'
import { tempDir } from '../../../helpers/temp-dir.js'
import { TOKEN, USER, withToken } from '../sync/sync-fixture.js'
import { maintainersGuide, ORIGIN_URL } from './playbook-fixture.js'

/** `oid ref` per line, origin's HEAD (a name for another ref) left out. */
const refsOf = (dir: string, pattern: string) =>
  git(dir, 'for-each-ref', '--format=%(objectname) %(refname)', pattern)
    .split('\n')
    .filter((line) => !line.endsWith('/HEAD'))
    .join('\n')

describe('preparePlaybook (npm run dist with ATELIER_PLAYBOOK)', () => {
  it('packs a folder as a complete bundle that native git verifies and clones to the same HEAD', async () => {
    const source = await maintainersGuide({ origin: ORIGIN_URL })
    const out = path.join(await tempDir(), 'playbook')
    const prepared = await preparePlaybook(source, out)

    expect(prepared.manifest).toEqual({
      name: 'repo',
      folder: 'repo',
      branch: 'main',
      origin: ORIGIN_URL,
    })
    expect(JSON.parse(await readFile(path.join(out, 'playbook.json'), 'utf8'))).toEqual(
      prepared.manifest,
    )
    expect((await readdir(out)).sort()).toEqual(['guide.bundle', 'playbook.json'])
    const empty = await tempDir()
    git(empty, 'init', '-q')
    // A complete file: it needs nothing the receiver should already have.
    expect(git(empty, 'bundle', 'verify', prepared.bundle)).toMatch(/records a complete history/)

    const clone = path.join(await tempDir(), 'clone')
    git(path.dirname(clone), 'clone', '-q', prepared.bundle, clone)
    expect(git(clone, 'rev-parse', 'HEAD')).toBe(git(source, 'rev-parse', 'HEAD'))
    expect(git(clone, 'branch', '--show-current').trim()).toBe('main')
    expect(git(clone, 'log', '--format=%H %s', 'HEAD')).toBe(git(source, 'log', '--format=%H %s'))
    expect(refsOf(clone, 'refs/remotes/origin/aminata')).toBe(
      refsOf(source, 'refs/heads/aminata').replace('refs/heads/', 'refs/remotes/origin/'),
    )
    expect(refsOf(clone, 'refs/tags')).toBe(refsOf(source, 'refs/tags/v1'))
    expect(git(clone, 'status', '--porcelain')).toBe('')
    git(clone, 'fsck', '--strict', '--no-progress')
    // Review notes travel too; the annotated tag is named as left out.
    expect(git(empty, 'bundle', 'list-heads', prepared.bundle)).toContain('refs/notes/atelier')
    expect(prepared.tagsLeftOut).toEqual(['v1-annotee'])
  })

  it('records no origin for a folder that has none, or whose origin is not HTTP(S)', async () => {
    const out = path.join(await tempDir(), 'playbook')
    expect((await preparePlaybook(await maintainersGuide(), out)).manifest.origin).toBeNull()
    const ssh = await preparePlaybook(
      await maintainersGuide({ origin: 'git@exemple.org:guides/eau.git' }),
      out,
    )
    expect(ssh.manifest.origin).toBeNull()
    expect(ssh.originLeftOut).toBe('git@exemple.org:guides/eau.git')
  })

  it('packs a guide from its address, with every line of the host, origin without credentials', async () => {
    const server = await startGitServer({ user: USER, token: TOKEN })
    try {
      const source = await maintainersGuide()
      server.create('guide-eau', source)
      const out = path.join(await tempDir(), 'playbook')
      const typed = server.url('guide-eau').replace('http://', `http://${USER}:${TOKEN}@`)
      const prepared = await preparePlaybook(typed, out, {
        credentials: withToken(server.origin),
      })
      expect(prepared.manifest).toEqual({
        name: 'guide-eau',
        folder: 'guide-eau',
        branch: 'main',
        origin: server.url('guide-eau'),
      })
      expect(await readFile(path.join(out, 'playbook.json'), 'utf8')).not.toContain(TOKEN)

      const clone = path.join(await tempDir(), 'clone')
      git(path.dirname(clone), 'clone', '-q', prepared.bundle, clone)
      expect(refsOf(clone, 'refs/remotes/origin')).toBe(
        refsOf(server.bare('guide-eau'), 'refs/heads').replaceAll(
          'refs/heads/',
          'refs/remotes/origin/',
        ),
      )
      expect(git(clone, 'rev-parse', 'HEAD')).toBe(git(source, 'rev-parse', 'main'))
      git(clone, 'fsck', '--strict', '--no-progress')
    } finally {
      await server.close()
    }
  })

  it('refuses in French what is not a repository, and carries no earlier guide', async () => {
    const out = path.join(await tempDir(), 'playbook')
    await preparePlaybook(await maintainersGuide(), out)
    const plain = await tempDir()
    const source = await maintainersGuide()
    await mkdir(path.join(source, 'pages'))
    for (const folder of [plain, path.join(plain, 'absent'), path.join(source, 'pages')]) {
      const refused = preparePlaybook(folder, out)
      await expect(refused).rejects.toBeInstanceOf(PlaybookSourceError)
      await expect(refused).rejects.toThrow(/n’est pas un dépôt git/)
    }
    expect(await readdir(out).catch(() => [])).toEqual([])
    await expect(preparePlaybook('ftp://exemple.org/guide.git', out)).rejects.toThrow(
      /Seules les adresses HTTPS/,
    )
  })

  it('refuses a guide with changes not saved as a version, naming them', async () => {
    const source = await maintainersGuide()
    await writeFile(path.join(source, 'accueil.md'), 'modifié\n')
    await writeFile(path.join(source, 'nouvelle.md'), 'nouvelle page\n')
    await expect(preparePlaybook(source, path.join(await tempDir(), 'p'))).rejects.toThrow(
      /pas enregistrées comme version \(accueil\.md, nouvelle\.md\)/,
    )
  })

  it('without ATELIER_PLAYBOOK, leaves an empty folder: the installer opens the starter playbook', async () => {
    const out = path.join(await tempDir(), 'playbook')
    await preparePlaybook(await maintainersGuide(), out)
    const printed: string[] = []
    expect(await preparePlaybookFromEnvironment({}, out, (line) => printed.push(line))).toBeNull()
    expect(await readdir(out)).toEqual([])
    expect(printed).toEqual([expect.stringMatching(/guide de départ/)])

    const source = await maintainersGuide({ origin: ORIGIN_URL })
    const prepared = await preparePlaybookFromEnvironment(
      { ATELIER_PLAYBOOK: source },
      out,
      (line) => printed.push(line),
    )
    expect(prepared?.manifest.origin).toBe(ORIGIN_URL)
    expect(printed.at(-1)).toMatch(
      /^Guide « repo » emballé dans .*guide\.bundle \(\d+(,\d)? Ko\) ; origine : https:\/\/exemple\.org\/guides\/guide-eau\.git\.$/,
    )
    expect(printed.at(-2)).toBe('Étiquettes annotées laissées de côté : v1-annotee.')
  })
})
