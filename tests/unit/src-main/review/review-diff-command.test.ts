import { cp, readFile, writeFile } from 'node:fs/promises'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { reviewDiffCommand } from '../../../../src-main/commands/review-diff.js'
import { bundledStarterPlaybook } from '../../../../src-main/paths.js'
import { git } from '../../../helpers/native-git.js'
import { tempDir } from '../../../helpers/temp-dir.js'

class Usage extends Error {}
const usage = (text: string): never => {
  throw new Usage(text)
}

async function run(args: string[]): Promise<{ code: number; text: string }> {
  let text = ''
  const code = await reviewDiffCommand(args, (chunk) => (text += chunk), usage)
  return { code, text }
}

describe('review diff (CLI)', () => {
  it('prints as JSON the pages git diff --name-only main...branch lists, with marked HTML', async () => {
    const dir = path.join(await tempDir('atelier-review-cli-'), 'guide')
    await cp(bundledStarterPlaybook, dir, { recursive: true })
    git(dir, 'init', '-q', '-b', 'main')
    git(dir, 'add', '-A')
    git(dir, 'commit', '-q', '-m', 'Guide de départ')
    git(dir, 'switch', '-q', '-c', 'aminata')
    const page = path.join(dir, 'index.md')
    await writeFile(page, `${await readFile(page, 'utf8')}\nUne phrase ajoutée.\n`)
    git(dir, 'mv', 'contribuer.md', 'participer.md')
    git(dir, 'commit', '-q', '-am', 'Contribution')

    const { code, text } = await run([dir, 'aminata', '--json'])
    expect(code).toBe(0)
    const { pages } = JSON.parse(text) as {
      pages: { path: string; change: string; html: string | null }[]
    }
    expect(pages.map((item) => item.path)).toEqual(
      git(dir, 'diff', '--name-only', '-z', 'main...aminata').split('\0').filter(Boolean),
    )
    expect(pages.find((item) => item.path === 'index.md')?.html).toContain('<ins>')
    expect(pages.find((item) => item.path === 'participer.md')?.change).toBe('renamed')

    const plain = await run([dir, 'aminata'])
    expect(plain.text).toContain('contribuer.md → participer.md')
  })

  it('asks for the folder and the contribution', async () => {
    await expect(run(['--json'])).rejects.toThrow('review diff <dossier> <contribution> [--json]')
  })
})
