import { mkdir, writeFile } from 'node:fs/promises'
import path from 'node:path'
import { tempDir } from './temp-dir.js'

/** Writes files (relative path → content) under a new temporary folder and returns it. */
export async function writeSite(files: Record<string, string | Uint8Array>): Promise<string> {
  const root = await tempDir('atelier-site-')
  await Promise.all(
    Object.entries(files).map(async ([relative, content]) => {
      const file = path.join(root, relative)
      await mkdir(path.dirname(file), { recursive: true })
      await writeFile(file, content)
    }),
  )
  return root
}

export const CONFIG_WITH_COLLECTIONS = `# Réglages du site
title: Guide
collections:
  themes:
    output: true
  cas_pratiques:
    output: true
exclude:
  - README.md
`

export function page(frontMatter: string, body = 'Texte.\n'): string {
  return `---\n${frontMatter}\n---\n\n${body}`
}
