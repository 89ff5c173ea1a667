import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { PageIndex } from '../../src-main/workspace/page-index.js'
import { median, row } from './measure.js'

const BODY = `## Contexte\n\n${'Un paragraphe de texte en français, assez long pour ressembler à une vraie page. '.repeat(20)}\n\n## Étapes\n\n1. Premier pas\n2. Deuxième pas\n`

/** A generated site: pages spread over collections, each with front matter and a ~2 KB body. */
export async function generateSite(pages: number): Promise<string> {
  const root = await mkdtemp(path.join(os.tmpdir(), `atelier-bench-${pages}-`))
  await writeFile(
    path.join(root, '_config.yml'),
    'collections:\n  themes:\n    output: true\n  cas_pratiques:\n    output: true\n',
  )
  const folders = ['_themes', '_cas_pratiques', '_posts', 'pages']
  for (const folder of folders) await mkdir(path.join(root, folder))
  await Promise.all(
    Array.from({ length: pages }, (_, i) => {
      const folder = folders[i % folders.length]!
      const name = folder === '_posts' ? `2024-01-01-page-${i}.md` : `page-${i}.md`
      const frontMatter = `# Réglages\ntitle: Page numéro ${i} # titre\ndescription: Description ${i}\norder: ${i}\nhero:\n  title: Titre ${i}\n  text: Texte ${i}\n`
      return writeFile(path.join(root, folder, name), `---\n${frontMatter}---\n\n${BODY}`)
    }),
  )
  return root
}

async function readAllBytes(root: string): Promise<number> {
  let total = 0
  const walk = async (dir: string): Promise<void> => {
    const entries = await readdir(dir, { withFileTypes: true })
    await Promise.all(
      entries.map(async (entry) => {
        const file = path.join(dir, entry.name)
        if (entry.isDirectory()) await walk(file)
        else total += (await readFile(file)).length
      }),
    )
  }
  await walk(root)
  return total
}

export async function benchPageIndex(runs: number): Promise<void> {
  console.log('Page index (front matter only) vs reading every file’s bytes, same run, medians:')
  for (const size of [1000, 5000]) {
    const root = await generateSite(size)
    try {
      const read = await median(runs, () => readAllBytes(root))
      const cold = await median(runs, () => new PageIndex(root).scan())
      const warmIndex = new PageIndex(root)
      await warmIndex.scan()
      const warm = await median(runs, () => warmIndex.scan())
      const cacheFile = path.join(root, '..', `${path.basename(root)}.cache.json`)
      await new PageIndex(root, cacheFile).scan()
      const relaunch = await median(runs, () => new PageIndex(root, cacheFile).scan())
      await rm(cacheFile, { force: true })
      console.log(row(`index ${size} pages, cold (no cache)`, cold, read, 'read bytes'))
      console.log(row(`index ${size} pages, next launch`, relaunch, read, 'read bytes'))
      console.log(row(`index ${size} pages, warm (in memory)`, warm, read, 'read bytes'))
    } finally {
      await rm(root, { recursive: true, force: true })
    }
  }
}
