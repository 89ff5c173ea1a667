import { cp, readFile, writeFile } from 'node:fs/promises'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { bundledStarterPlaybook } from '../../../../src-main/paths.js'
import { dispatch as untypedDispatch } from '../../../../src-main/ipc/dispatch.js'
import type { HandlerTable } from '../../../../src-main/ipc/handler.js'
import type { CallOutput } from '../../../../src-shared/api/contract.js'
import type { CallName } from '../../../../src-shared/api/names.js'
import type { CallResult } from '../../../../src-shared/api/types.js'
import { git, nativeRepository, writeFiles } from '../../../helpers/native-git.js'
import { openSession } from '../../../helpers/session.js'
import { tempDir } from '../../../helpers/temp-dir.js'

async function dispatch<K extends CallName>(
  handlers: HandlerTable,
  name: K,
  input: unknown,
): Promise<CallResult<CallOutput<K>>> {
  return (await untypedDispatch(handlers, name, input)) as CallResult<CallOutput<K>>
}

const PNG = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 1, 2, 3, 4])
const FRAME_ANCESTORS = "'self'"

describe('review.diff frames', () => {
  it('show an image the contribution adds, though the checked-out files do not have it', async () => {
    const repo = await nativeRepository({
      '_config.yml': 'title: Guide\n',
      'acces.md': '---\ntitle: Accès\n---\n\nLe droit de savoir.\n',
    })
    git(repo, 'switch', '-q', '-c', 'recu/aminata')
    await writeFiles(repo, {
      'uploads/carte.png': PNG,
      'acces.md': '---\ntitle: Accès\n---\n\nLe droit de savoir.\n\n![Carte](/uploads/carte.png)\n',
    })
    git(repo, 'add', '-A')
    git(repo, 'commit', '-q', '-m', 'Une carte')
    git(repo, 'switch', '-q', 'main')
    const { handlers, session } = await openSession(repo)
    session.preview = { origin: 'http://preview.invalid', frameAncestors: FRAME_ANCESTORS }
    const service = session.requireFolder().preview(FRAME_ANCESTORS)

    const diff = await dispatch(handlers, 'review.diff', { branch: 'recu/aminata' })
    if (!diff.ok) throw new Error(JSON.stringify(diff))
    const page = diff.value.pages.find((item) => item.path === 'acces.md')!
    expect(page.images.added).toEqual(['/uploads/carte.png'])
    for (const frame of [page.frames!.inline, page.frames!.after]) {
      const held = await service.serve(new URL(frame).pathname)
      const source = /<img [^>]*src="([^"]+)"/.exec(String(held.body))![1]!
      const image = await service.serve(source)
      expect(image.status).toBe(200)
      expect(image.type).toBe('image/png')
      expect(Buffer.compare(Buffer.from(image.body), PNG)).toBe(0)
    }
    // The JSON answer keeps the page's own address; the work tree is untouched.
    expect(page.html).toContain('src="/uploads/carte.png"')
    expect(git(repo, 'status', '--porcelain')).toBe('')
  })
})

describe('review.comparePublished', () => {
  it('labels the settings as the open folder’s _atelier.yml does, with the frames', async () => {
    const repo = path.join(await tempDir('atelier-compare-'), 'guide')
    await cp(bundledStarterPlaybook, repo, { recursive: true })
    git(repo, 'init', '-q', '-b', 'main')
    git(repo, 'add', '-A')
    git(repo, 'commit', '-q', '-m', 'Guide')
    const page = '_themes/acces-information.md'
    const text = await readFile(path.join(repo, page), 'utf8')
    await writeFile(path.join(repo, page), text.replace(/^title: .*$/m, 'title: Un autre titre'))
    const { handlers, session } = await openSession(repo)
    session.preview = { origin: 'http://preview.invalid', frameAncestors: FRAME_ANCESTORS }
    const compared = await dispatch(handlers, 'review.comparePublished', {
      path: page,
      from: 'HEAD',
    })
    if (!compared.ok || !compared.value) throw new Error(JSON.stringify(compared))
    expect(compared.value.fields).toEqual([
      expect.objectContaining({ key: 'title', label: 'Titre', after: 'Un autre titre' }),
    ])
    expect(compared.value.frames?.before).toMatch(/^http:\/\/preview\.invalid\//)
  })
})
