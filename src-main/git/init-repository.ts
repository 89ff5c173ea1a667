import fs from 'node:fs'
import git from 'isomorphic-git'
import type { Author } from './author.js'
import { createRepository } from './create-repository.js'

/**
 * Makes `dir` a repository on branch `main` and records everything in it
 * (respecting `.gitignore`) as the first version.
 */
export async function initRepository(
  dir: string,
  message: string,
  author: Author,
): Promise<string> {
  await createRepository(dir, 'main')
  await git.add({ fs, dir, filepath: '.' })
  return git.commit({ fs, dir, message, author })
}
