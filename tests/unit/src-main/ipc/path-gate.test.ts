import { createHash } from 'node:crypto'
import { lstat, mkdir, readdir, readFile, readlink, rm, symlink, writeFile } from 'node:fs/promises'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import type { z } from 'zod'
import { dispatch } from '../../../../src-main/ipc/dispatch.js'
import { contract } from '../../../../src-shared/api/contract.js'
import { callNames, type CallName } from '../../../../src-shared/api/names.js'
import type { ErrorCode } from '../../../../src-shared/api/types.js'
import { git } from '../../../helpers/native-git.js'
import { openSession } from '../../../helpers/session.js'
import { tempDir } from '../../../helpers/temp-dir.js'

/**
 * One gate for every path: every string a call takes is classified here, so a
 * new call (or a new field) that carries a path cannot be added without being
 * listed — and, when it names a workspace file, tried with every hostile path.
 */
type Field =
  /** Names a file of the workspace: must be refused on every hostile path. */
  | { kind: 'workspace-path'; input: (value: string) => unknown }
  /** Not a workspace path, but it reaches the disk in some way: tried all the same, must touch nothing. */
  | { kind: 'sanitised'; input: (value: string) => unknown; why: string }
  /** A path with its own rule, tested in its own suite. */
  | { kind: 'own-rule'; why: string }
  /** Never a path. */
  | { kind: 'not-a-path' }

const SECRET = 'SECRET-HORS-DU-GUIDE'
const png = Buffer.from('89504e470d0a1a0a', 'hex').toString('base64')

const fields: { [K in CallName]: Record<string, Field> } = {
  'app.info': {},
  'settings.get': {},
  'settings.setLanguage': {},
  'settings.setAutosave': {},
  'workspace.current': {},
  'workspace.open': { path: { kind: 'own-rule', why: 'only folders the user chose' } },
  'workspace.chooseFolder': {},
  'workspace.contentTypes': {},
  'workspace.problems': {},
  'pages.index': {},
  'pages.read': { path: { kind: 'workspace-path', input: (p) => ({ path: p }) } },
  'pages.save': {
    path: {
      kind: 'workspace-path',
      input: (p) => ({ path: p, text: 'PIRATE', base: 'absent' }),
    },
    text: { kind: 'not-a-path' },
    base: { kind: 'not-a-path' },
  },
  'pages.create': {
    collection: {
      kind: 'sanitised',
      input: (c) => ({ collection: c, title: 'Nouvelle' }),
      why: 'a collection name looked up in the index',
    },
    title: {
      kind: 'sanitised',
      input: (t) => ({ collection: 'pages', title: t }),
      why: 'slugified into a file name',
    },
    'values.*': { kind: 'not-a-path' },
  },
  'pages.rename': {
    path: { kind: 'workspace-path', input: (p) => ({ path: p, newName: 'renomme' }) },
    newName: {
      kind: 'sanitised',
      input: (n) => ({ path: 'index.md', newName: n }),
      why: 'a file name in the same folder',
    },
  },
  'pages.delete': { path: { kind: 'workspace-path', input: (p) => ({ path: p }) } },
  'media.add': {
    name: {
      kind: 'sanitised',
      input: (n) => ({ name: `${n}.png`, data: png }),
      why: 'slugified into the media folder',
    },
    data: { kind: 'not-a-path' },
  },
  'journal.record': {
    path: { kind: 'workspace-path', input: (p) => ({ path: p, text: 'PIRATE' }) },
    text: { kind: 'not-a-path' },
    base: { kind: 'not-a-path' },
  },
  'journal.discard': { path: { kind: 'workspace-path', input: (p) => ({ path: p }) } },
  'journal.list': {},
  'shell.openExternal': { url: { kind: 'not-a-path' } },
  'settings.setAuthor': { name: { kind: 'not-a-path' }, email: { kind: 'not-a-path' } },
  'versions.status': {},
  'versions.start': {},
  'versions.commit': {
    message: { kind: 'not-a-path' },
    'paths[]': { kind: 'workspace-path', input: (p) => ({ message: 'v', paths: [p] }) },
  },
  'versions.history': { path: { kind: 'workspace-path', input: (p) => ({ path: p }) } },
  'versions.pageAt': {
    path: { kind: 'workspace-path', input: (p) => ({ path: p, version: 'HEAD' }) },
    version: { kind: 'not-a-path' },
  },
  'versions.compare': {
    path: { kind: 'workspace-path', input: (p) => ({ path: p, from: 'HEAD' }) },
    fromPath: {
      kind: 'workspace-path',
      input: (p) => ({ path: 'index.md', fromPath: p, from: 'HEAD' }),
    },
    from: { kind: 'not-a-path' },
    to: { kind: 'not-a-path' },
  },
  'versions.restore': {
    path: { kind: 'workspace-path', input: (p) => ({ path: p, version: 'HEAD' }) },
    version: { kind: 'not-a-path' },
  },
  'versions.contributions': {},
  'versions.createContribution': { name: { kind: 'not-a-path' } },
  'versions.switchContribution': { name: { kind: 'not-a-path' } },
  'versions.deleteContribution': { name: { kind: 'not-a-path' } },
  'versions.merge': { name: { kind: 'not-a-path' } },
  'versions.conflict': { path: { kind: 'workspace-path', input: (p) => ({ path: p }) } },
  'versions.resolve': {
    path: {
      kind: 'workspace-path',
      input: (p) => ({ path: p, choice: 'text', text: 'PIRATE' }),
    },
    text: { kind: 'not-a-path' },
  },
  'versions.abortMerge': {},
  'versions.clearLock': {},
  'preview.open': { path: { kind: 'workspace-path', input: (p) => ({ path: p }) } },
  'preview.update': {
    path: { kind: 'workspace-path', input: (p) => ({ path: p, text: 'PIRATE' }) },
    text: { kind: 'not-a-path' },
  },
  'preview.pageAt': {
    url: {
      kind: 'sanitised',
      input: (p) => ({ url: `/${p.replace(/^\/+/, '')}` }),
      why: 'a site address matched against the pages, never joined to a folder',
    },
  },
  'preview.allowExternal': {},
  'preview.export': { destination: { kind: 'own-rule', why: 'outside the workspace by design' } },
  'preview.openExported': {},
  'settings.setOpenTabs': {
    root: {
      kind: 'sanitised',
      input: (p) => ({ root: p, tabs: [], active: null }),
      why: 'only compared with the open folder’s root',
    },
    'tabs[]': {
      kind: 'sanitised',
      input: (p) => ({ root: '/', tabs: [p], active: null }),
      why: 'only stored; a restored tab reads its file through pages.read, the gate',
    },
    active: {
      kind: 'sanitised',
      input: (p) => ({ root: '/', tabs: [], active: p }),
      why: 'only stored; a restored tab reads its file through pages.read, the gate',
    },
  },
  'settings.openTabs': {},
  'review.list': {},
  'review.diff': { branch: branch((b) => ({ branch: b })) },
  'review.comments': {
    branch: branch((b) => ({ branch: b })),
    path: { kind: 'workspace-path', input: (p) => ({ branch: 'main', path: p }) },
  },
  'review.comment': {
    branch: branch((b) => ({ branch: b, path: 'index.md', blockIndex: 0, text: 'Bien.' })),
    path: {
      kind: 'workspace-path',
      input: (p) => ({ branch: 'main', path: p, blockIndex: 0, text: 'Bien.' }),
    },
    text: { kind: 'not-a-path' },
    replyTo: { kind: 'not-a-path' },
  },
  'review.resolve': { branch: branch((b) => ({ branch: b, id: 'x' })), id: { kind: 'not-a-path' } },
  'review.requestChanges': { branch: branch((b) => ({ branch: b })) },
  'review.approve': { branch: branch((b) => ({ branch: b })) },
  'review.takeFixes': { branch: branch((b) => ({ branch: b })) },
  'review.suggestFile': { branch: { kind: 'not-a-path' } },
  'review.chooseSaveFile': { name: { kind: 'not-a-path' } },
  'review.chooseOpenFile': {},
  'review.send': {
    branch: branch((b) => ({ branch: b, full: false, file: '/nonexistent/atelier/x.bundle' })),
    file: { kind: 'own-rule', why: 'outside the workspace by design (review-files test)' },
  },
  'review.receive': {
    file: { kind: 'own-rule', why: 'outside the workspace by design (review-files test)' },
  },
  'review.pendingFile': {},
  'review.comparePublished': {
    path: { kind: 'workspace-path', input: (p) => ({ path: p, from: 'HEAD' }) },
    from: { kind: 'not-a-path' },
    to: { kind: 'not-a-path' },
  },
  'trash.list': {},
  'trash.restore': {
    id: {
      kind: 'sanitised',
      input: (id) => ({ id }),
      why: 'an entry id of the trash (its own pattern); the path it holds goes through the gate',
    },
  },
  'rename.plan': {
    path: { kind: 'workspace-path', input: (p) => ({ path: p, title: 'Nouveau titre' }) },
    title: {
      kind: 'sanitised',
      input: (t) => ({ path: 'index.md', title: t }),
      why: 'slugified into a file name in the page’s folder; a plan writes nothing',
    },
    folder: {
      kind: 'workspace-path',
      input: (f) => ({ path: 'index.md', title: 'Nouveau titre', folder: f }),
    },
  },
  'rename.apply': {
    path: {
      kind: 'workspace-path',
      input: (p) => ({ path: p, title: 'Nouveau titre', bases: {} }),
    },
    title: {
      kind: 'sanitised',
      input: (t) => ({ path: 'index.md', title: t, bases: {} }),
      why: 'slugified into a file name in the page’s folder',
    },
    folder: {
      kind: 'workspace-path',
      input: (f) => ({ path: 'index.md', title: 'Nouveau titre', folder: f, bases: {} }),
    },
    'bases.*': { kind: 'not-a-path' },
  },
  'links.backlinks': { path: { kind: 'workspace-path', input: (p) => ({ path: p }) } },
  'search.query': {
    query: { kind: 'not-a-path' },
    collection: { kind: 'not-a-path' },
  },
  'search.replacePlan': {
    query: { kind: 'not-a-path' },
    collection: { kind: 'not-a-path' },
    replacement: { kind: 'not-a-path' },
  },
  'search.replaceApply': {
    query: { kind: 'not-a-path' },
    collection: { kind: 'not-a-path' },
    replacement: { kind: 'not-a-path' },
    'pages[].path': {
      kind: 'sanitised',
      input: (p) => ({
        query: 'SECRET',
        wholeWord: false,
        collection: null,
        replacement: 'PIRATE',
        pages: [{ path: p, hash: '0'.repeat(64) }],
      }),
      why: 'only picks among the pages planned now (found by the page index), never joined to a folder',
    },
    'pages[].hash': { kind: 'not-a-path' },
  },
  'checks.list': {},
  'checks.page': {
    path: { kind: 'workspace-path', input: (p) => ({ path: p, text: 'PIRATE' }) },
    text: { kind: 'not-a-path' },
  },
  'sync.clone': {
    url: { kind: 'not-a-path' },
    folder: {
      kind: 'own-rule',
      why: 'a new empty folder outside the open one, named after the address (sync-handlers test)',
    },
  },
  'sync.cancel': {},
  'sync.pull': {},
  'sync.push': {},
  'sync.remotes': {},
  'sync.deepen': {},
  'sync.credentials.set': {
    url: { kind: 'not-a-path' },
    username: { kind: 'not-a-path' },
    token: { kind: 'not-a-path' },
  },
}

/** A branch name: git's ref-name rules at the boundary; hostile ones must touch nothing. */
function branch(input: (value: string) => unknown): Field {
  return { kind: 'sanitised', input, why: 'a branch name, checked against git’s ref-name rules' }
}

/** Every string an input schema accepts, named `field`, `list[]` or `record.*`. */
function stringFields(schema: z.ZodType, prefix = ''): string[] {
  const def = (schema as unknown as { def: Record<string, unknown> & { type: string } }).def
  switch (def.type) {
    case 'string':
      return [prefix]
    case 'object':
      return Object.entries(def.shape as Record<string, z.ZodType>).flatMap(([key, value]) =>
        stringFields(value, prefix ? `${prefix}.${key}` : key),
      )
    case 'optional':
    case 'nullable':
    case 'default':
      return stringFields(def.innerType as z.ZodType, prefix)
    case 'array':
      return stringFields(def.element as z.ZodType, `${prefix}[]`)
    case 'record':
      return stringFields(def.valueType as z.ZodType, `${prefix}.*`)
    case 'union':
      return [...new Set((def.options as z.ZodType[]).flatMap((o) => stringFields(o, prefix)))]
    case 'enum':
    case 'literal':
    case 'boolean':
    case 'number':
      return []
    default:
      throw new Error(`Schema type ${def.type} at ${prefix}: teach stringFields to read it`)
  }
}

describe('the path table', () => {
  it.each(callNames)('classifies every string %s takes', (name) => {
    expect(Object.keys(fields[name]).sort()).toEqual(stringFields(contract[name].input).sort())
  })
})

/**
 * A repository four folders deep (so `../../../../etc/passwd` lands in the
 * test's own folder, never in the real `/etc`), with symlinks that leave it.
 */
async function hostileFixture() {
  const base = await tempDir('atelier-gate-')
  const root = path.join(base, 'a', 'b', 'c', 'd', 'guide')
  const outside = path.join(base, 'dehors')
  await mkdir(path.join(base, 'a', 'etc'), { recursive: true })
  await writeFile(path.join(base, 'a', 'etc', 'passwd'), `${SECRET} passwd\n`)
  await mkdir(outside, { recursive: true })
  await writeFile(path.join(outside, 'secret.md'), `---\ntitle: ${SECRET}\n---\n${SECRET}\n`)
  await mkdir(path.join(root, 'lien-dossier'), { recursive: true })
  await writeFile(path.join(root, 'index.md'), '---\ntitle: Accueil\n---\nBonjour\n')
  // The first version holds real files where symlinks stand now, so restoring them would write.
  await writeFile(path.join(root, 'lien-dossier', 'secret.md'), 'ancien\n')
  await writeFile(path.join(root, 'lien-fichier.md'), 'ancien\n')
  await writeFile(path.join(root, 'lien-casse.md'), 'ancien\n')
  git(root, 'init', '-q', '-b', 'main')
  git(root, 'add', '-A')
  git(root, '-c', 'user.name=T', '-c', 'user.email=t@example.org', 'commit', '-q', '-m', 'v1')
  for (const file of ['lien-dossier', 'lien-fichier.md', 'lien-casse.md']) {
    await rm(path.join(root, file), { recursive: true })
  }
  await symlink(outside, path.join(root, 'lien-dossier'))
  await symlink(path.join(outside, 'secret.md'), path.join(root, 'lien-fichier.md'))
  await symlink(path.join(outside, 'cree-par-atelier.md'), path.join(root, 'lien-casse.md'))
  const hostile: [string, ErrorCode][] = [
    ['../../../../etc/passwd', 'outside-workspace'],
    ['../../../../../dehors/secret.md', 'outside-workspace'],
    [path.join(outside, 'secret.md'), 'outside-workspace'],
    ['lien-dossier/secret.md', 'outside-workspace'],
    ['lien-dossier/nouveau.md', 'outside-workspace'],
    ['lien-fichier.md', 'outside-workspace'],
    ['lien-casse.md', 'outside-workspace'],
    ['index.md\0.txt', 'outside-workspace'],
    ['.git/config', 'git-folder'],
    ['.GIT/hooks/pre-commit', 'git-folder'],
    ['sub/../.git/x', 'git-folder'],
    ['.git./config', 'git-folder'],
    ['.git /hooks/post-checkout', 'git-folder'],
    ['.git\\hooks\\pre-commit', 'git-folder'],
  ]
  return { base, root, hostile }
}

/** Every entry below `dir`: type, bytes and times, so any read-write change shows. */
async function snapshot(dir: string): Promise<Map<string, string>> {
  const result = new Map<string, string>()
  for (const entry of await readdir(dir, { recursive: true, withFileTypes: true })) {
    const file = path.join(entry.parentPath, entry.name)
    const info = await lstat(file)
    const content = entry.isSymbolicLink()
      ? `-> ${await readlink(file)}`
      : entry.isFile()
        ? createHash('sha1')
            .update(await readFile(file))
            .digest('hex')
        : 'dir'
    result.set(path.relative(dir, file), `${content} ${info.mtimeMs}`)
  }
  return result
}

describe('every call taking a workspace path goes through the gate', () => {
  const cases = callNames.flatMap((name) =>
    Object.entries(fields[name]).flatMap(([field, spec]) =>
      spec.kind === 'workspace-path' || spec.kind === 'sanitised' ? [{ name, field, spec }] : [],
    ),
  )

  it.each(cases)('$name $field', async ({ name, spec }) => {
    const { base, root, hostile } = await hostileFixture()
    const { session, handlers } = await openSession(root)
    await session.settings.setAuthor({ name: 'T', email: 't@example.org' })
    session.preview = { origin: 'http://preview.invalid', frameAncestors: "'self'" }
    for (const [candidate, code] of hostile) {
      const before = await snapshot(base)
      const result = await dispatch(handlers, name, spec.input(candidate))
      expect(JSON.stringify(result), candidate).not.toContain(SECRET)
      if (spec.kind === 'workspace-path') {
        expect(result, candidate).toMatchObject({ ok: false, error: { code } })
        // Refused before anything moved: not a byte changed, inside or out.
        expect(await snapshot(base), candidate).toEqual(before)
      } else {
        const after = await snapshot(base)
        for (const [file, state] of after) {
          if (before.get(file) === state) continue
          // Whatever a sanitised name made, it is a plain file inside the workspace, not in .git.
          const inside = path.relative(root, path.resolve(base, file))
          expect(inside.startsWith('..') || path.isAbsolute(inside), file).toBe(false)
          expect(inside.split(path.sep), file).not.toContain('.git')
        }
      }
    }
  })
})

describe('a workspace nested in a repository', () => {
  it('keeps the repository’s .git and the folders beside the workspace out of reach', async () => {
    const base = await tempDir('atelier-gate-')
    const repo = path.join(base, 'depot')
    const site = path.join(repo, 'site')
    await mkdir(path.join(repo, 'outils'), { recursive: true })
    await mkdir(site)
    await writeFile(path.join(site, 'index.md'), '---\ntitle: Accueil\n---\n')
    await writeFile(path.join(repo, 'outils', 'x.sh'), 'echo x\n')
    git(repo, 'init', '-q', '-b', 'main')
    git(repo, 'add', '-A')
    git(repo, '-c', 'user.name=T', '-c', 'user.email=t@example.org', 'commit', '-q', '-m', 'v1')
    await symlink(path.join(repo, '.git'), path.join(site, 'historique'))
    const { session, handlers } = await openSession(site)
    await session.settings.setAuthor({ name: 'T', email: 't@example.org' })
    const before = await snapshot(repo)
    for (const file of [
      '../.git/config',
      '../outils/x.sh',
      'historique/config',
      'historique/hooks/pre-commit',
    ]) {
      for (const [name, input] of [
        ['pages.save', { path: file, text: 'PIRATE', base: 'absent' }],
        ['versions.restore', { path: file, version: 'HEAD' }],
        ['versions.pageAt', { path: file, version: 'HEAD' }],
      ] as const) {
        const result = await dispatch(handlers, name, input)
        expect(result, `${name} ${file}`).toMatchObject({
          ok: false,
          error: { code: 'outside-workspace' },
        })
      }
    }
    expect(await snapshot(repo)).toEqual(before)
  })
})

describe('calls that list the workspace', () => {
  it('never read a page through a symlink leaving it', async () => {
    const { root } = await hostileFixture()
    const { handlers } = await openSession(root)
    const index = await dispatch(handlers, 'pages.index', {})
    expect(index.ok).toBe(true)
    expect(JSON.stringify(index)).not.toContain(SECRET)
    expect(JSON.stringify(index)).toContain('Accueil')
  })

  it('never read the content types through a symlink leaving the workspace', async () => {
    const { base, root } = await hostileFixture()
    const types = path.join(base, 'types.yml')
    await writeFile(types, `types:\n  cas:\n    label: ${SECRET}\n    collection: cas\n`)
    await symlink(types, path.join(root, '_atelier.yml'))
    const { handlers } = await openSession(root)
    expect(await dispatch(handlers, 'workspace.contentTypes', {})).toEqual({
      ok: true,
      value: null,
    })
  })
})
