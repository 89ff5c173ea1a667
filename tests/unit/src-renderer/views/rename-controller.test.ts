import { describe, expect, it } from 'vitest'
import type { RenamePreview } from '../../../../src-shared/api/types.js'
import {
  moveFolders,
  RenameController,
  type RenamePorts,
} from '../../../../src-renderer/views/rename/rename-controller.js'

const THEME = '_themes/acces-information.md'
const CASE = '_cas_pratiques/benin.md'

function preview(title: string): RenamePreview {
  const slug = title.toLowerCase().replace(/\W+/g, '-')
  return {
    from: THEME,
    to: `_themes/${slug}.md`,
    oldUrl: '/themes/acces-information/',
    newUrl: `/themes/${slug}/`,
    files: [
      {
        path: THEME,
        base: 'a'.repeat(64),
        lines: [{ line: 2, before: 'title: A', after: `title: ${title}` }],
      },
      {
        path: CASE,
        base: 'b'.repeat(64),
        lines: [{ line: 3, before: 'theme: acces-information', after: `theme: ${slug}` }],
      },
    ],
  }
}

function harness(options: { refuse?: boolean } = {}) {
  const calls: string[] = []
  const applied: Record<string, string>[] = []
  const renamed: [string, string, string[]][] = []
  const ports: RenamePorts = {
    plan: async (path, { title, folder }) => {
      calls.push(`plan ${path} ${title}${folder === '_themes' ? '' : ` → ${folder}`}`)
      return preview(title)
    },
    apply: async (path, { title }, bases) => {
      calls.push(`apply ${path} ${title}`)
      applied.push(bases)
      if (options.refuse) throw new Error('rename-changed')
      return { path: preview(title).to }
    },
    saveOpenPages: async () => {
      calls.push('save')
    },
    renamed: async (from, to, changed) => {
      renamed.push([from, to, changed])
    },
  }
  return { controller: new RenameController(THEME, ports), calls, applied, renamed }
}

describe('RenameController', () => {
  it('shows the changes first, then renames exactly what was shown', async () => {
    const { controller, calls, applied, renamed } = harness()
    expect(controller.nextStep('Savoir')).toBe('plan')
    expect(await controller.submit(' Savoir ')).toBe('plan')
    expect(calls).toEqual(['save', `plan ${THEME} Savoir`])
    expect(controller.previewFor('Savoir')?.files.map((file) => file.path)).toEqual([THEME, CASE])
    expect(controller.nextStep('Savoir')).toBe('rename')
    expect(await controller.submit('Savoir')).toBe('rename')
    expect(applied).toEqual([{ [THEME]: 'a'.repeat(64), [CASE]: 'b'.repeat(64) }])
    // The tab follows the page; the page and the case study are read again.
    expect(renamed).toEqual([[THEME, '_themes/savoir.md', ['_themes/savoir.md', CASE]]])
  })

  it('asks for the list again when the title changed after it was shown', async () => {
    const { controller, calls } = harness()
    await controller.submit('Savoir')
    expect(controller.nextStep('Savoir plus')).toBe('plan')
    expect(controller.previewFor('Savoir plus')).toBeNull()
    expect(await controller.submit('Savoir plus')).toBe('plan')
    expect(calls.filter((call) => call.startsWith('apply'))).toEqual([])
  })

  it('drops the list when main refuses (a file changed since): the next step plans again', async () => {
    const { controller, renamed } = harness({ refuse: true })
    await controller.submit('Savoir')
    await expect(controller.submit('Savoir')).rejects.toThrow('rename-changed')
    expect(renamed).toEqual([])
    expect(controller.nextStep('Savoir')).toBe('plan')
  })

  it('asks for the list again when the folder changed, and plans the move there', async () => {
    const { controller, calls } = harness()
    await controller.submit('Savoir')
    expect(controller.nextStep('Savoir', 'archives')).toBe('plan')
    expect(controller.previewFor('Savoir', 'archives')).toBeNull()
    expect(await controller.submit('Savoir', 'archives')).toBe('plan')
    expect(calls).toEqual([
      'save',
      `plan ${THEME} Savoir`,
      'save',
      `plan ${THEME} Savoir → archives`,
    ])
    expect(controller.nextStep('Savoir', 'archives')).toBe('rename')
  })
})

describe('moveFolders', () => {
  it('lists the root first, then every folder holding a page and each collection’s folder', () => {
    expect(
      moveFolders(['index.md', '_themes/a.md', 'guides/avance/b.md', 'guides/c.md'], ['_cas']),
    ).toEqual(['', '_cas', '_themes', 'guides', 'guides/avance'])
  })
})
