import type { Author } from '../../src-shared/api/types.js'

export type { Author }

/** Used only for the starter playbook's first version, made by Atelier itself. */
export const ATELIER_AUTHOR: Author = { name: 'Atelier', email: 'atelier@localhost' }

/** Reads `Name <email>` as the CLI's `--author` takes it (the same form as git's). */
export function parseAuthor(text: string): Author | null {
  const match = /^\s*(.+?)\s*<([^<>\s]+@[^<>\s]+|[^<>\s]*)>\s*$/.exec(text)
  if (!match?.[1] || match[2] === undefined) return null
  return { name: match[1], email: match[2] }
}
