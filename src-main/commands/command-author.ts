import fs from 'node:fs'
import git from 'isomorphic-git'
import { translate } from '../../src-shared/i18n/translate.js'
import { parseAuthor, type Author } from '../git/author.js'

/**
 * Who a command records as the author: `--author "Nom <email>"` when given
 * (a malformed one is a usage error), else the repository's `user.name` /
 * `user.email` as git would use them; a French refusal when neither is there.
 */
export async function commandAuthor(
  given: string | undefined,
  root: string,
  usage: () => never,
): Promise<Author> {
  const author =
    given !== undefined ? (parseAuthor(given) ?? usage()) : await configuredAuthor(root)
  if (!author) throw new Error(translate('fr', 'errors.author-missing'))
  return author
}

async function configuredAuthor(root: string): Promise<Author | null> {
  const name = await git.getConfig({ fs, dir: root, path: 'user.name' }).catch(() => undefined)
  const email = await git.getConfig({ fs, dir: root, path: 'user.email' }).catch(() => undefined)
  return typeof name === 'string' && name
    ? { name, email: typeof email === 'string' ? email : '' }
    : null
}
