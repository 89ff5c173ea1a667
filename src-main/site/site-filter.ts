import type { CollectionConfig, JekyllConfig } from './jekyll-config.js'

/**
 * Which files of a site Jekyll reads, and as what. The page index (the explorer) and the
 * preview (and `cli build`) both ask here, so they cannot disagree on what is a page.
 */

/** What the decision needs from `_config.yml`: a projection of `JekyllConfig`. */
export type SiteFilterConfig = Pick<JekyllConfig, 'exclude' | 'include' | 'collectionsDir'> & {
  collections: readonly Pick<CollectionConfig, 'name' | 'folder'>[]
}

/** Where a file sits in the site, by Jekyll's reader. */
export type SitePlace =
  /** Left out by `exclude:` (and not brought back by `include:`). */
  | { kind: 'excluded' }
  /** In a collection (posts too); `folderRead`: the collection's folder or a nested `blog/_posts`. */
  | { kind: 'collection'; collection: string; folderRead: string }
  | { kind: 'layout' }
  | { kind: 'data' }
  /** `_includes`, `_sass`, `_drafts`, dot and `_` names: read when used, or never published. */
  | { kind: 'hidden' }
  /** A page or a static file among the site's own folders (front matter decides which). */
  | { kind: 'page' }

export function placeOf(file: string, config: SiteFilterConfig): SitePlace {
  if (isExcluded(file, config)) return { kind: 'excluded' }
  const collection = config.collections.find((item) => file.startsWith(`${item.folder}/`))
  if (collection) {
    // Jekyll's collection reader skips entries whose path or name starts with `_`, `.`, `#`…
    const inner = file.slice(collection.folder.length + 1)
    const name = inner.split('/').pop() ?? ''
    if (isSpecialName(inner, config) || isSpecialName(name, config)) return { kind: 'hidden' }
    return { kind: 'collection', collection: collection.name, folderRead: collection.folder }
  }
  const postsFolder = nestedPostsFolder(file, config)
  if (postsFolder !== null)
    return { kind: 'collection', collection: 'posts', folderRead: postsFolder }
  const top = file.split('/')[0] ?? ''
  if (top === '_layouts') return { kind: 'layout' }
  if (top === '_data') return { kind: 'data' }
  if (top.startsWith('_') || file.split('/').some((part) => isSpecialName(part, config)))
    return { kind: 'hidden' }
  return { kind: 'page' }
}

/**
 * `blog/_posts` for `blog/_posts/2024-04-01-x.md`: Jekyll's reader reads a `_posts` folder
 * inside any folder it walks, and the folders above it become the post's categories. Null for
 * other files, and when one of those folders is itself skipped (`_drafts/_posts`, `.cache/_posts`).
 * With a `collections_dir`, Jekyll reads such folders only inside it.
 */
function nestedPostsFolder(file: string, config: SiteFilterConfig): string | null {
  const parts = file.split('/')
  const at = parts.indexOf('_posts')
  if (at < 1 || at === parts.length - 1) return null
  if (parts.slice(0, at).some((part) => isSpecialName(part, config))) return null
  // Jekyll's `outside_configured_directory?`: a string prefix of the folder, as Jekyll tests it.
  if (config.collectionsDir && !parts.slice(0, at).join('/').startsWith(config.collectionsDir))
    return null
  return parts.slice(0, at + 1).join('/')
}

/**
 * Left out by `exclude:`, as Jekyll's `EntryFilter` decides while it walks: each folder on
 * the way down and the file itself are tested, and an entry whose name `include:` names is
 * kept at that level (`exclude` minus `include`, as Jekyll subtracts them).
 */
export function isExcluded(
  relative: string,
  config: Pick<SiteFilterConfig, 'exclude' | 'include'>,
): boolean {
  const excludes = config.exclude.filter((pattern) => !config.include.includes(pattern))
  const parts = relative.split('/')
  for (let depth = 1; depth <= parts.length; depth++) {
    const name = parts[depth - 1] ?? ''
    if (isIncluded(name, config)) continue
    const entry = parts.slice(0, depth).join('/')
    const folder = depth < parts.length
    if (excludes.some((pattern) => globIncludes(pattern, entry, folder))) return true
  }
  return false
}

/** Names Jekyll skips: starting with `.`, `_`, `#` or `~`, or ending with `~` (unless included). */
export function isSpecialName(name: string, config: Pick<SiteFilterConfig, 'include'>): boolean {
  if (isIncluded(name, config)) return false
  return /^[._#~]/.test(name) || name.endsWith('~')
}

/** Jekyll tests `include:` against an entry's name alone (`.well-known` at any depth). */
function isIncluded(name: string, config: Pick<SiteFilterConfig, 'include'>): boolean {
  return config.include.some((pattern) => globIncludes(pattern, name, false))
}

/**
 * Jekyll's `glob_include?`: the pattern matches as Ruby's `File.fnmatch?` without flags (so
 * `*` crosses `/`: `*.md` leaves out Markdown at any depth), or as a plain string prefix
 * (`docs` also leaves out `docs-publiques/`, as Jekyll does), or names the folder with a
 * trailing `/`. Both sides are joined to the site's root by Jekyll, so a leading `/` is the root.
 */
function globIncludes(pattern: string, entry: string, folder: boolean): boolean {
  const clean = pattern.replace(/^\/+/, '')
  // Jekyll would leave out everything for an empty entry (every path starts with the root).
  if (clean === '') return false
  if (entry.startsWith(clean) || (folder && clean === `${entry}/`)) return true
  return fnmatch(clean).test(entry)
}

/** Patterns compiled once: every file of a site is tested against every `exclude:` pattern. */
const compiled = new Map<string, RegExp>()

/** Ruby's `File.fnmatch?` with no flags: `*` and `?` cross `/`, `[…]` is a class, a backslash escapes. */
function fnmatch(pattern: string): RegExp {
  let regex = compiled.get(pattern)
  if (!regex) {
    regex = compileFnmatch(pattern)
    if (compiled.size > 1000) compiled.clear()
    compiled.set(pattern, regex)
  }
  return regex
}

function compileFnmatch(pattern: string): RegExp {
  let source = ''
  for (let at = 0; at < pattern.length; at++) {
    const char = pattern[at]!
    if (char === '*') source += '.*'
    else if (char === '?') source += '.'
    else if (char === '\\' && at + 1 < pattern.length) source += escapeRegExp(pattern[++at]!)
    else if (char === '[') {
      const end = pattern.indexOf(']', at + 2)
      if (end === -1) source += '\\['
      else {
        const body = pattern.slice(at + 1, end)
        source += `[${body.replace(/^[!^]/, '^').replace(/[\\\]]/g, '\\$&')}]`
        at = end
      }
    } else source += escapeRegExp(char)
  }
  return new RegExp(`^${source}$`, 's')
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\/-]/g, '\\$&')
}
