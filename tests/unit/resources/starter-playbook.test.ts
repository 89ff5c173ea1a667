import { execFileSync, spawnSync } from 'node:child_process'
import { existsSync, readdirSync, readFileSync } from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { parse } from 'yaml'
import { builtinThemeDir, bundledStarterPlaybook as starter } from '../../../src-main/paths.js'
import { ensureStarterPlaybook } from '../../../src-main/workspace/starter-playbook.js'
import { PageIndex } from '../../../src-main/workspace/page-index.js'
import { tempDir } from '../../helpers/temp-dir.js'

const hasJekyll = spawnSync('jekyll', ['--version']).status === 0

function textFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const file = path.join(dir, entry.name)
    if (entry.isDirectory()) return textFiles(file)
    return /\.(md|html|css|yml|scss)$/.test(entry.name) ? [file] : []
  })
}

describe('starter playbook', () => {
  it('declares the themes and case-study collections, with front-matter defaults', () => {
    const config = parse(readFileSync(path.join(starter, '_config.yml'), 'utf8'))
    expect(Object.keys(config.collections)).toEqual(
      expect.arrayContaining(['themes', 'cas_pratiques']),
    )
    expect(config.defaults.length).toBeGreaterThanOrEqual(3)
  })

  it('has the five themes in order, case studies marked « Exemple », an article and a Contribuer page', async () => {
    const { pages } = await new PageIndex(starter).scan()
    expect(pages.filter((page) => page.error)).toEqual([])
    const themes = pages.filter((page) => page.collection === 'themes')
    expect(themes.map((page) => page.order)).toEqual([1, 2, 3, 4, 5])
    const cases = pages.filter((page) => page.collection === 'cas_pratiques')
    expect(cases.length).toBeGreaterThanOrEqual(3)
    for (const page of cases) {
      expect(page.title).toMatch(/^Exemple/)
      const text = readFileSync(path.join(starter, page.path), 'utf8')
      for (const section of [
        'Contexte',
        'Étapes',
        'messages clés',
        'Bonnes pratiques',
        'Contact',
      ]) {
        expect(text, `${page.path}: ${section}`).toMatch(new RegExp(`^## .*${section}`, 'mi'))
      }
    }
    expect(pages.filter((page) => page.collection === 'posts')).toHaveLength(1)
    expect(pages.some((page) => /contribuer/.test(page.path))).toBe(true)
  })

  it('gives every page the seeds’ front-matter shape, with explanatory comments', () => {
    const files = textFiles(starter).filter((file) => file.endsWith('.md'))
    for (const file of files) {
      const text = readFileSync(file, 'utf8')
      const yaml = /^---\n([\s\S]*?)\n---/.exec(text)?.[1] ?? ''
      expect(yaml, file).toMatch(/^title:/m)
      expect(yaml, file).toMatch(/^description:/m)
      expect(yaml, file).toMatch(/#/)
    }
  })

  it('loads nothing from the network (offline first), its theme included', () => {
    for (const file of [...textFiles(starter), ...textFiles(builtinThemeDir)]) {
      const text = readFileSync(file, 'utf8')
      expect(text, file).not.toMatch(/(src|href)=["']https?:\/\//)
      expect(text, file).not.toMatch(/@import\s+url\(["']?https?:|url\(["']?https?:\/\//)
    }
  })

  it.skipIf(!hasJekyll)(
    'builds with Debian’s jekyll and no extra gems, once installed with its theme',
    async () => {
      const installed = await ensureStarterPlaybook(starter, await tempDir())
      const destination = path.join(await tempDir('atelier-jekyll-'), 'site')
      execFileSync(
        'jekyll',
        ['build', '--source', installed, '--destination', destination, '--disable-disk-cache'],
        {
          stdio: 'pipe',
          env: { ...process.env, JEKYLL_ENV: 'production' },
        },
      )
      expect(existsSync(path.join(destination, 'index.html'))).toBe(true)
      const themes = readdirSync(path.join(destination, 'themes'))
      expect(themes).toHaveLength(5)
      const firstTheme = readFileSync(
        path.join(destination, 'themes', themes.sort()[0]!, 'index.html'),
        'utf8',
      )
      expect(firstTheme).toMatch(/<html[^>]+lang="fr"/)
      // The fonts the stylesheet names are there, beside it.
      const css = readFileSync(path.join(destination, 'assets/css/style.css'), 'utf8')
      const fonts = [...css.matchAll(/url\('([^']+\.woff2)'\)/g)].map((match) => match[1]!)
      expect(fonts.length).toBeGreaterThanOrEqual(3)
      for (const font of fonts) {
        expect(existsSync(path.join(destination, 'assets/css', font)), font).toBe(true)
      }
    },
    60_000,
  )
})
