import { git, nativeRepository } from '../../../helpers/native-git.js'

export const ORIGIN_URL = 'https://exemple.org/guides/guide-eau.git'

/**
 * A maintainers' guide made by native git: two versions on `main`, a
 * contribution line, a plain and an annotated tag, a review note, and an
 * `origin` on a host when asked.
 */
export async function maintainersGuide(options: { origin?: string } = {}): Promise<string> {
  const source = await nativeRepository({
    '_config.yml': 'title: Guide de l’eau\n',
    'index.md': '---\ntitle: Accueil\n---\nBonjour\n',
    '_themes/eau.md': '---\ntitle: Eau\n---\nL’eau potable.\n'.repeat(40),
    'assets/logo.bin': Buffer.from([0, 1, 2, 3, 255]),
  })
  git(source, 'tag', 'v1')
  git(source, 'tag', '-a', 'v1-annotee', '-m', 'Première édition')
  git(source, 'checkout', '-q', '-b', 'aminata')
  git(source, 'commit', '-q', '--allow-empty', '-m', 'Contribution d’Aminata')
  git(source, 'checkout', '-q', 'main')
  git(source, 'mv', 'index.md', 'accueil.md')
  git(source, 'commit', '-q', '-m', 'Deuxième version')
  git(source, 'notes', '--ref=atelier', 'add', '-m', '{"decision":"approuvee"}', 'HEAD')
  if (options.origin) git(source, 'remote', 'add', 'origin', options.origin)
  return source
}
