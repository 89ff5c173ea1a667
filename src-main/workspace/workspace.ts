import { createHash } from 'node:crypto'
import { mkdir, readFile, rename, rm, stat } from 'node:fs/promises'
import path from 'node:path'
import { stringify } from 'yaml'
import { AtelierError } from '../../src-shared/api/atelier-error.js'
import { ABSENT, type ContentBase } from '../../src-shared/api/content-base.js'
import type {
  ConfigProblem,
  Author,
  PageContent,
  PageIndexSnapshot,
  TrashEntry,
  WorkspaceInfo,
} from '../../src-shared/api/types.js'
import {
  parseContentTypes,
  type ContentTypesResult,
} from '../../src-shared/content-types/content-types.js'
import { typeForCollection } from '../../src-shared/content-types/lookup.js'
import { CONTENT_TYPES_FILE } from '../../src-shared/content-types/file-name.js'
import { newPageText } from '../../src-shared/content-types/new-page.js'
import { splitFrontMatter } from '../../src-shared/front-matter/split-front-matter.js'
import { decodePage, PAGE_BYTE_LIMIT } from '../../src-shared/markdown/page-bytes.js'
import { splitPage } from '../../src-shared/markdown/page-document.js'
import { slugify } from '../../src-shared/site/slugify.js'
import { headBranch } from '../git/head-commit.js'
import { initRepository } from '../git/init-repository.js'
import { Repository } from '../git/repository.js'
import { describeProblem } from '../i18n/describe-problem.js'
import { contentHash, restoreSetAside, writeFileIfUnchanged } from '../fs/conditional-write.js'
import { writeGroupIfUnchanged } from '../fs/group-write.js'
import { AutosaveJournal } from './autosave-journal.js'
import { listConfigProblems } from './config-problems.js'
import { PageIndex } from './page-index.js'
import { readSiteConfig } from './site-config.js'
import { parseFrontMatterYaml } from '../site/front-matter.js'
import { resolveInside, toWorkspacePath, type WorkspacePath } from '../fs/safe-path.js'
import { exists, unlessNotFound } from '../fs/not-found.js'
import { OwnWrites } from './own-writes.js'
import { Trash } from './trash.js'
import { WorkspaceWatcher } from './watcher.js'
import { ChangeEmitter, outsideChanges, type ChangeListener } from './workspace-change.js'

const IMAGE_TYPES: Record<string, string> = {
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
}
const IMAGE_EXTENSIONS = new Set(Object.keys(IMAGE_TYPES))

/** A page shown only as a message: its bytes are never loaded into the editor nor written. */
function unreadablePage(
  rel: string,
  reason: 'too-large' | 'binary' | 'not-utf8',
  hash: string,
): PageContent {
  return {
    path: rel,
    hash,
    text: '',
    body: '',
    frontMatter: null,
    // The whole page is too large, not its settings (`too-large` says the front matter is).
    problem: describeProblem(reason === 'too-large' ? 'page-too-large' : reason, null),
  }
}

/**
 * One open folder: its page index, its watcher and the page operations. Every
 * path from outside goes through `resolve` (the one gate) before touching the disk.
 * It knows nothing of the services built on it (preview, status of versions): it tells
 * what changed (`onChange`), and whoever assembles them (`folder-services.ts`) listens.
 */
export class Workspace {
  readonly index: PageIndex
  /** Unsaved editor text; absent for one-off uses (CLI). */
  journal: AutosaveJournal | null = null
  /** Where deleted pages go; absent for one-off uses (CLI), which delete outright. */
  trash: Trash | null = null
  private readonly changes = new ChangeEmitter()
  /** Our own writes, so that the watcher's echo of them is dropped. */
  private readonly ownWrites: OwnWrites

  /** The git repository holding the folder (it may be a parent folder); null when none. */
  repository: Repository | null = null
  /** Why the folder's versions cannot be read (a `.git` file), when it has a repository we refuse. */
  private repositoryRefusal: AtelierError | null = null
  private watcher: WorkspaceWatcher | null = null
  /** Closed: a watch still waiting for the listing does not start. */
  private closed = false
  /**
   * Every file as the first listing found it (`mtime:size`): when the watcher starts, what
   * differs from it is told (`watch`).
   */
  private baseline: Promise<Map<string, string> | null> | null = null
  /** The listing, or the scan making it: callers during a scan share it (start-up asks early). */
  private snapshot: Promise<PageIndexSnapshot> | null = null

  private constructor(
    readonly root: string,
    cacheFile: string | null,
    /** To be watched: the first listing keeps what the watcher's start compares with. */
    private readonly watched: boolean,
  ) {
    this.index = new PageIndex(root, cacheFile)
    this.ownWrites = new OwnWrites(root)
    // The index is the workspace's own listing, which its page calls read: it always listens.
    this.changes.subscribe((changes) => {
      this.index.noteChanged(changes.map((change) => change.path))
      // A page's text alone changes nothing the listing shows (titles, order, collections).
      if (!changes.every((change) => change.textOnly)) this.snapshot = null
    })
  }

  /** Tells `listener` of every change to the folder's files, ours and other programs'. */
  onChange(listener: ChangeListener): () => void {
    return this.changes.subscribe(listener)
  }

  /**
   * `cacheDir`: where the page index keeps its front-matter cache between launches; `watched`:
   * `watch()` will be called (after the first listing, which then keeps what it compares with).
   */
  static async open(
    folder: string,
    options: { cacheDir?: string; dataDir?: string; watched?: boolean } = {},
  ): Promise<Workspace> {
    const root = path.resolve(folder)
    let info
    try {
      info = await stat(root)
    } catch {
      throw new AtelierError('not-found', folder)
    }
    if (!info.isDirectory()) throw new AtelierError('not-found', folder)
    const cacheFile = options.cacheDir
      ? path.join(
          options.cacheDir,
          `${createHash('sha1').update(root).digest('hex').slice(0, 16)}.json`,
        )
      : null
    const workspace = new Workspace(root, cacheFile, options.watched ?? false)
    // A page left moved aside by a save cut short (crash, power cut) goes back first.
    await restoreSetAside(root)
    try {
      workspace.repository = await Repository.find(root)
    } catch (error) {
      // The pages stay open for writing; only the versions are refused, with this reason.
      if (!(error instanceof AtelierError && error.code === 'git-file')) throw error
      workspace.repositoryRefusal = error
    }
    if (options.dataDir) {
      workspace.journal = new AutosaveJournal(options.dataDir, root)
      workspace.trash = new Trash(options.dataDir, root)
    }
    return workspace
  }

  async info(): Promise<WorkspaceInfo> {
    return {
      root: this.root,
      name: path.basename(this.root),
      branch: this.repository ? await headBranch(this.repository.context) : null,
    }
  }

  async pages(): Promise<PageIndexSnapshot> {
    const scan = (this.snapshot ??= this.index.scan())
    try {
      const listing = await scan
      if (this.watched) {
        // Taken with the first listing, before any other scan moves the index on (the site
        // files' stats: the pages' come from the index).
        this.baseline ??= this.signatures(listing).catch(() => null)
        await this.baseline
      }
      return listing
    } catch (error) {
      // A failed scan is not kept: the next call tries again.
      if (this.snapshot === scan) this.snapshot = null
      throw error
    }
  }

  /**
   * Starts watching for changes made by other programs; they reach the listeners as
   * `outside` changes. The echo of our own writes is dropped: its listeners heard already.
   *
   * Resolves once events are live and what changed while the watcher started is told. The
   * watcher's first crawl takes a while on a large guide (0.4 s for 4,400 pages) and sees
   * only what comes after it, so the session does not wait for it: the listing is read
   * first, then read again once the watcher is live, and the files that differ from the first
   * listing (modified, come or gone) reach the listeners as outside changes.
   */
  async watch(): Promise<void> {
    // The listing first: the watcher's crawl stats every file and would queue its thousands
    // of calls ahead of the listing's reads in the same thread pool.
    const listed = await this.pages().catch(() => null)
    // Opened without `watched`, the comparison starts now.
    if (listed) this.baseline ??= this.signatures(listed).catch(() => null)
    const before = await this.baseline
    if (this.closed) return
    const watcher = new WorkspaceWatcher(this.root, (paths) => void this.tellOutside(paths))
    this.watcher = watcher
    await watcher.start()
    if (!before || this.closed) return
    // Read again from disk (the front-matter cache re-reads only files whose stat changed).
    this.snapshot = null
    const after = await this.pages().catch(() => null)
    if (!after || this.closed) return
    const now = await this.signatures(after)
    const changed = new Set<string>()
    for (const [file, signature] of now) if (before.get(file) !== signature) changed.add(file)
    for (const file of before.keys()) if (!now.has(file)) changed.add(file)
    if (changed.size > 0 && !this.closed) await this.tellOutside([...changed].sort())
  }

  /** Every listed file's `mtime:size`: the pages' as the index read them, the others' now. */
  private async signatures(listing: PageIndexSnapshot): Promise<Map<string, string>> {
    const signatures = this.index.signatures()
    // A few dozen at a time: a guide's images can be thousands of files.
    for (let from = 0; from < listing.files.length; from += STATS_AT_ONCE) {
      const batch = listing.files.slice(from, from + STATS_AT_ONCE)
      const infos = await Promise.all(
        batch.map((file) => stat(path.join(this.root, file)).catch(() => null)),
      )
      infos.forEach((info, at) => {
        if (info) signatures.set(batch[at]!, `${info.mtimeMs}:${info.size}`)
      })
    }
    return signatures
  }

  private async tellOutside(paths: string[]): Promise<void> {
    const news = await this.ownWrites.news(paths)
    if (news.length > 0 && !this.closed) this.changes.emit(outsideChanges(news))
  }

  async close(): Promise<void> {
    this.closed = true
    await this.watcher?.stop()
    this.watcher = null
  }

  /**
   * The gate for this folder: a path from outside, checked to stay inside,
   * through no symlink leaving it, and out of `.git` and the repository's gitdir.
   */
  async resolve(relative: string): Promise<WorkspacePath> {
    const gitdir = this.repository?.context.gitdir
    return resolveInside(this.root, relative, gitdir ? { forbidden: [gitdir] } : {})
  }

  /** A checked path as the contract carries it (relative, forward slashes). */
  relativePath(file: WorkspacePath): string {
    return toWorkspacePath(this.root, file)
  }

  async readPage(relative: string): Promise<PageContent> {
    const absolute = await this.resolve(relative)
    const rel = toWorkspacePath(this.root, absolute)
    let bytes: Buffer
    try {
      const info = await stat(absolute)
      if (!info.isFile()) throw new AtelierError('not-a-page', rel)
      // Refuse before reading a huge file into memory (no hash: it is never saved over).
      if (info.size > PAGE_BYTE_LIMIT) return unreadablePage(rel, 'too-large', '')
      bytes = await readFile(absolute)
    } catch (error) {
      if (error instanceof AtelierError) throw error
      throw new AtelierError('not-found', rel)
    }
    const hash = contentHash(bytes)
    const decoded = decodePage(bytes)
    if (!decoded.ok) return unreadablePage(rel, decoded.reason, hash)
    const text = decoded.text
    const page = splitPage(text)
    if (
      page.frontMatter.kind === 'read-only' &&
      (page.frontMatter.reason === 'toml' || page.frontMatter.reason === 'webgen')
    ) {
      return {
        path: rel,
        hash,
        text,
        body: page.body,
        frontMatter: null,
        problem: describeProblem('not-yaml', 1),
      }
    }
    const split = splitFrontMatter(text)
    if (split.kind === 'none')
      return { path: rel, hash, text, body: text, frontMatter: null, problem: null }
    if (split.kind === 'unclosed') {
      return {
        path: rel,
        hash,
        text,
        body: text,
        frontMatter: null,
        problem: describeProblem('unclosed', 1),
      }
    }
    // The editor's rules: these settings go to its form, which reads YAML 1.2 values.
    const read = parseFrontMatterYaml(split.yaml, split.firstYamlLine, 'editor')
    return {
      path: rel,
      hash,
      text,
      body: text.slice(split.bodyStart),
      frontMatter: read.kind === 'data' ? read.data : null,
      problem: read.kind === 'problem' ? read.problem : null,
      // Read each time: a change of `kramdown.input` applies to the next page opened.
      markdownInput: (await readSiteConfig(this.root)).markdownInput,
    }
  }

  /**
   * Saves a page's text atomically, only over the version the editor based it
   * on (`base`: the hash `readPage` or the previous save returned, or `absent`
   * for a new file): a file another program changed meanwhile is refused with
   * `changed-on-disk` and left as it is. A page that could not be read safely
   * (not UTF-8, binary, too large) is never overwritten either. Returns the
   * new version's hash, the base of the next save.
   */
  async savePage(
    relative: string,
    text: string,
    base: ContentBase,
  ): Promise<{ path: string; hash: string }> {
    const absolute = await this.resolve(relative)
    const rel = toWorkspacePath(this.root, absolute)
    const current = await unlessNotFound(readFile(absolute))
    const decoded = current === null ? null : decodePage(current)
    if (decoded && !decoded.ok) throw new AtelierError('read-only-page', rel)
    await mkdir(path.dirname(absolute), { recursive: true })
    this.ownWrites.wrote(rel, contentHash(text))
    const outcome = await writeFileIfUnchanged(absolute, text, base)
    if (outcome.kind === 'changed') throw new AtelierError('changed-on-disk', rel)
    const textOnly =
      decoded !== null &&
      sameFrontMatter(decoded.text, text) &&
      (await this.pages()).pages.some((entry) => entry.path === rel)
    this.changes.emit([{ path: rel, kind: current === null ? 'created' : 'written', textOnly }])
    return { path: rel, hash: outcome.hash }
  }

  /** Settings files that cannot be read (`_config.yml`, `_data/…`, `_atelier.yml`). */
  async settingsProblems(): Promise<ConfigProblem[]> {
    return listConfigProblems(this.root, (await this.pages()).files, await this.contentTypes())
  }

  /** The content types of `_atelier.yml`, or null when the workspace has none. */
  async contentTypes(): Promise<ContentTypesResult | null> {
    // Through the gate: a `_atelier.yml` symlinked from elsewhere is not read.
    // A refusal of the gate (a symlink leaving the folder) reads as no content types.
    const file = await this.resolve(CONTENT_TYPES_FILE).catch(() => null)
    const text = file && (await unlessNotFound(readFile(file, 'utf8')))
    return text === null ? null : parseContentTypes(text)
  }

  /**
   * Copies an image into the workspace's media folder (`media:` of
   * `_atelier.yml`, default `uploads/`) under a safe, unique name, atomically.
   * Returns its workspace path and the site-relative URL Jekyll serves it at.
   */
  async addMedia(name: string, bytes: Uint8Array): Promise<{ path: string; url: string }> {
    const extension = path.extname(name).toLowerCase()
    if (!IMAGE_EXTENSIONS.has(extension)) throw new AtelierError('invalid-input', name)
    const types = await this.contentTypes()
    const folder = (types?.ok ? types.value.media : 'uploads').replace(/^\/+|\/+$/g, '')
    const base = slugify(path.basename(name, path.extname(name))) || 'image'
    for (let attempt = 1; ; attempt++) {
      const relative = `${folder}/${base}${attempt > 1 ? `-${attempt}` : ''}${extension === '.jpeg' ? '.jpg' : extension}`
      const absolute = await this.resolve(relative)
      if (await exists(absolute)) continue
      await mkdir(path.dirname(absolute), { recursive: true })
      this.ownWrites.wrote(relative, contentHash(bytes))
      // Taken meanwhile by another program: the next name.
      if ((await writeFileIfUnchanged(absolute, bytes, ABSENT)).kind === 'changed') continue
      this.changes.emit([{ path: relative, kind: 'created', textOnly: false }])
      return { path: relative, url: `/${relative}` }
    }
  }

  /** An image of the workspace, for display in the editor (never outside the folder). */
  async readMedia(relative: string): Promise<{ bytes: Buffer; type: string }> {
    const absolute = await this.resolve(relative)
    const type = IMAGE_TYPES[path.extname(absolute).toLowerCase()]
    if (!type) throw new AtelierError('not-found', relative)
    return { bytes: await readFile(absolute), type }
  }

  /** The journal, for a path checked to be inside the workspace. */
  async journalFor(relative: string): Promise<{ journal: AutosaveJournal; path: string }> {
    if (!this.journal) throw new AtelierError('unsupported', 'journal')
    const absolute = await this.resolve(relative)
    return { journal: this.journal, path: toWorkspacePath(this.root, absolute) }
  }

  /** Creates a page with a title in a collection folder (or the root for plain pages). */
  async createPage(
    collectionName: string,
    title: string,
    values: Record<string, string> = {},
  ): Promise<string> {
    const { collections } = await this.pages()
    const collection = collections.find((candidate) => candidate.name === collectionName)
    if (!collection && collectionName !== 'pages')
      throw new AtelierError('not-found', collectionName)
    const today = new Date().toISOString().slice(0, 10)
    const slug = slugify(title) || 'page'
    const datePrefix = collectionName === 'posts' ? `${today}-` : ''
    const folder = collection?.folder ?? ''
    const relative = `${folder ? `${folder}/` : ''}${datePrefix}${slug}.md`
    const absolute = await this.resolve(relative)
    if (await exists(absolute)) throw new AtelierError('already-exists', relative)
    await mkdir(path.dirname(absolute), { recursive: true })
    // A page of a declared content type starts from its template; otherwise just a title.
    const types = await this.contentTypes()
    const type = types?.ok ? typeForCollection(types.value, collectionName) : null
    const text = type
      ? newPageText(type, { ...values, title }, today)
      : `---\n${stringify({ title }, { lineWidth: 0 })}---\n\n`
    this.ownWrites.wrote(relative, contentHash(text))
    // A new page's base is `absent`: a file another program created meanwhile is never replaced.
    if ((await writeFileIfUnchanged(absolute, text, ABSENT)).kind === 'changed')
      throw new AtelierError('already-exists', relative)
    this.changes.emit([{ path: relative, kind: 'created', textOnly: false }])
    return relative
  }

  /** Renames a file in its folder; `newName` is a file name, the extension is kept if left out. */
  async renamePage(relative: string, newName: string): Promise<string> {
    const from = await this.resolve(relative)
    if (!(await exists(from))) throw new AtelierError('not-found', relative)
    if (/[/\\]/.test(newName) || newName === '.' || newName === '..') {
      throw new AtelierError('invalid-input', newName)
    }
    const name = path.extname(newName) ? newName : `${newName}${path.extname(from)}`
    const to = await this.resolve(path.posix.join(path.posix.dirname(relative), name))
    if (await exists(to)) throw new AtelierError('already-exists', name)
    const [source, renamed] = [toWorkspacePath(this.root, from), toWorkspacePath(this.root, to)]
    this.ownWrites.removed(source)
    // A folder moves with everything in it: its files' events are not told apart from others'.
    if ((await stat(from)).isFile())
      this.ownWrites.wrote(renamed, contentHash(await readFile(from)))
    await rename(from, to)
    this.changes.emit([
      { path: source, kind: 'removed', textOnly: false },
      { path: renamed, kind: 'created', textOnly: false },
    ])
    return renamed
  }

  /**
   * Writes files that belong together as one change (a page renamed and the links that
   * follow it): all or none, each only over the text it was planned from (`before`, null for
   * a file that must not exist yet; `after` null removes it). False when a file had changed:
   * then nothing was left written.
   */
  async writeGroup(
    writes: readonly { path: string; before: string | null; after: string | null }[],
  ): Promise<boolean> {
    const resolved = await Promise.all(
      writes.map(async (write) => {
        const file = await this.resolve(write.path)
        return { ...write, file, path: toWorkspacePath(this.root, file) }
      }),
    )
    for (const write of resolved) {
      if (write.after === null) this.ownWrites.removed(write.path)
      else this.ownWrites.wrote(write.path, contentHash(write.after))
    }
    // On refusal the files hold what they held, not what was noted: the watcher tells of them.
    if ((await writeGroupIfUnchanged(resolved)).kind === 'changed') return false
    this.changes.emit(
      resolved.map((write) => ({
        path: write.path,
        kind: write.after === null ? 'removed' : write.before === null ? 'created' : 'written',
        // Not an editor's save: no editor was told of these texts, so the renderer hears of
        // them as of any other program's change, and open tabs show the new text.
        textOnly: false,
      })),
    )
    return true
  }

  /** Moves a page to the trash (removes it outright without one); `trash`: the entry's id. */
  async deletePage(relative: string): Promise<{ path: string; trash: string | null }> {
    const absolute = await this.resolve(relative)
    const info = await unlessNotFound(stat(absolute))
    if (!info) throw new AtelierError('not-found', relative)
    if (!info.isFile()) throw new AtelierError('not-a-page', relative)
    const rel = toWorkspacePath(this.root, absolute)
    const title = (await this.pages()).pages.find((page) => page.path === rel)?.title
    this.ownWrites.removed(rel)
    let trash: string | null = null
    if (this.trash) trash = await this.trash.put(absolute, rel, title || path.posix.basename(rel))
    else await rm(absolute)
    this.changes.emit([{ path: rel, kind: 'removed', textOnly: false }])
    return { path: rel, trash }
  }

  /** The folder's deleted pages in the trash; an entry whose path the gate refuses is left out. */
  async trashEntries(): Promise<TrashEntry[]> {
    const entries = (await this.trash?.list()) ?? []
    const kept: TrashEntry[] = []
    for (const entry of entries) {
      if (
        await this.resolve(entry.path).then(
          () => true,
          () => false,
        )
      )
        kept.push(entry)
    }
    return kept
  }

  /** Puts a deleted page back where it was, byte for byte; refused if a file took its place. */
  async restoreFromTrash(id: string): Promise<string> {
    const entry = this.trash ? await this.trash.read(id) : null
    if (!entry) throw new AtelierError('not-found', id)
    const absolute = await this.resolve(entry.path)
    const rel = toWorkspacePath(this.root, absolute)
    await mkdir(path.dirname(absolute), { recursive: true })
    this.ownWrites.wrote(rel, contentHash(entry.bytes))
    if ((await writeFileIfUnchanged(absolute, entry.bytes, ABSENT)).kind === 'changed')
      throw new AtelierError('already-exists', rel)
    await this.trash?.drop(id)
    this.changes.emit([{ path: rel, kind: 'created', textOnly: false }])
    return rel
  }

  /** A change this program made outside the page calls (a restored version). */
  noteExternalChange(paths: string[]): void {
    this.changes.emit(outsideChanges(paths))
  }

  /** After switching contribution or merging, any file may differ: read everything again. */
  async refreshAll(): Promise<void> {
    this.index.invalidateConfig()
    this.snapshot = null
  }

  /** Starts the version history of a folder that has none (first version of everything). */
  async startHistory(author: Author, message: string): Promise<Repository> {
    if (this.repository) return this.repository
    if (this.repositoryRefusal) throw this.repositoryRefusal
    await initRepository(this.root, message, author)
    this.repository = await Repository.find(this.root)
    if (!this.repository) throw new AtelierError('not-a-repository', this.root)
    return this.repository
  }

  requireRepository(): Repository {
    if (this.repositoryRefusal) throw this.repositoryRefusal
    if (!this.repository) throw new AtelierError('not-a-repository', this.root)
    return this.repository
  }

  /** A checked path as the repository names it (they differ when the folder is nested). */
  repositoryPath(file: WorkspacePath): string {
    return this.toRepository(this.relativePath(file))
  }

  /** For paths this program already holds (its own changes, the watcher's). */
  toRepository(relative: string): string {
    const root = this.repository?.root ?? this.root
    return path.relative(root, path.join(this.root, relative)).split(path.sep).join('/')
  }

  /** A repository path as the workspace names it; null when it lies outside the folder. */
  workspacePath(repositoryRelative: string): string | null {
    const root = this.repository?.root ?? this.root
    const relative = path.relative(this.root, path.join(root, repositoryRelative))
    if (relative.startsWith('..') || path.isAbsolute(relative)) return null
    return relative.split(path.sep).join('/')
  }

  /**
   * Writes several pages as one change (a replacement across pages): each only over the version
   * it was planned on (`base`, its hash), all or none, through `writeGroup`. In the repository's
   * queue, so no version is recorded halfway.
   */
  async writePages(writes: readonly { path: string; text: string; base: string }[]): Promise<void> {
    const group = await Promise.all(
      writes.map(async (write) => {
        const current = await unlessNotFound(readFile(await this.resolve(write.path), 'utf8'))
        if (current === null || contentHash(current) !== write.base)
          throw new AtelierError('changed-since-preview', write.path)
        return { path: write.path, before: current, after: write.text }
      }),
    )
    const writeAll = () => this.writeGroup(group)
    const written = this.repository ? await this.repository.run(writeAll) : await writeAll()
    if (!written) throw new AtelierError('changed-since-preview', writes[0]?.path ?? '')
  }
}

/**
 * Whether two texts of a page open with the same front matter, byte for byte: then a save
 * changed its text alone, and nothing read from its settings (title, address, order) moved.
 */
function sameFrontMatter(before: string, after: string): boolean {
  const [a, b] = [splitFrontMatter(before), splitFrontMatter(after)]
  return (
    a.kind === 'yaml' &&
    b.kind === 'yaml' &&
    before.slice(0, a.bodyStart) === after.slice(0, b.bodyStart)
  )
}

/** Files stat'ed at once for the listing's signatures. */
const STATS_AT_ONCE = 64
