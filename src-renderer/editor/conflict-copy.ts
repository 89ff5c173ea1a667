import { ABSENT } from '../../src-shared/api/content-base.js'
import { ApiFailure, api } from '../api/client.js'
import type { ApiPort } from '../api/api-port.js'

/** How many names « nom (ma version N).md » are tried before giving up. */
const COPY_ATTEMPTS = 100

/**
 * The name of the `attempt`-th copy of a page, beside it: `cas (ma version).md`,
 * then `cas (ma version 2).md`… The extension stays last so the copy is still a page.
 */
export function copyPathFor(pagePath: string, suffix: string, attempt: number): string {
  const slash = pagePath.lastIndexOf('/')
  const folder = pagePath.slice(0, slash + 1)
  const name = pagePath.slice(slash + 1)
  const dot = name.lastIndexOf('.')
  const stem = dot > 0 ? name.slice(0, dot) : name
  const extension = dot > 0 ? name.slice(dot) : ''
  const label = attempt > 1 ? `${suffix} ${attempt}` : suffix
  return `${folder}${stem} (${label})${extension}`
}

/**
 * Writes `text` to a new file beside `pagePath`, never over anything: each
 * name is saved with base `absent`, so main refuses it if a file is there
 * (even one created a moment ago) and the next name is tried. Returns the
 * copy's path.
 */
export async function saveCopyBeside(
  pagePath: string,
  text: string,
  suffix: string,
  port: ApiPort = api,
): Promise<string> {
  for (let attempt = 1; ; attempt++) {
    const candidate = copyPathFor(pagePath, suffix, attempt)
    try {
      return (await port.call('pages.save', { path: candidate, text, base: ABSENT })).path
    } catch (error) {
      const taken = error instanceof ApiFailure && error.error.code === 'changed-on-disk'
      if (!taken || attempt >= COPY_ATTEMPTS) throw error
    }
  }
}

/** True when main refused a save because the file changed since the editor read it. */
export function isChangedOnDisk(error: unknown): boolean {
  return error instanceof ApiFailure && error.error.code === 'changed-on-disk'
}
