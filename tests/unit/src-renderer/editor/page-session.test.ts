import { readFile, readdir, writeFile } from 'node:fs/promises'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { dispatch } from '../../../../src-main/ipc/dispatch.js'
import type { CallName } from '../../../../src-shared/api/names.js'
import type { SavedPage } from '../../../../src-shared/api/types.js'
import type { EditorDoc } from '../../../../src-shared/markdown/editor-document.js'
import { toEditorDoc } from '../../../../src-shared/markdown/page-document.js'
import type { ApiPort } from '../../../../src-renderer/api/api-port.js'
import { ApiFailure } from '../../../../src-renderer/api/client.js'
import {
  AFTER_PAINT_MS,
  AUTOSAVE_MS,
  JOURNAL_MS,
  PageSession,
  type Schedule,
} from '../../../../src-renderer/editor/page-session.js'
import { CONFIG_WITH_COLLECTIONS, page, writeSite } from '../../../helpers/site-fixture.js'
import { openSession } from '../../../helpers/session.js'

const PAGE = '_cas_pratiques/senegal.md'
const ORIGINAL = page('title: Sénégal', 'Premier paragraphe.\n\nDeuxième paragraphe.\n')

/** Time that moves only when the test says so: timers run in order, none by the wall clock. */
class ManualClock {
  private now = 0
  private tasks: { at: number; run: () => void }[] = []

  readonly schedule: Schedule = (ms, run) => {
    const task = { at: this.now + ms, run }
    this.tasks.push(task)
    return () => {
      this.tasks = this.tasks.filter((other) => other !== task)
    }
  }

  advance(ms: number): void {
    const end = this.now + ms
    for (;;) {
      const due = this.tasks.filter((task) => task.at <= end).sort((a, b) => a.at - b.at)[0]
      if (!due) break
      this.tasks = this.tasks.filter((task) => task !== due)
      this.now = due.at
      due.run()
    }
    this.now = end
  }
}

/**
 * A session on a real workspace: the calls go through the real handler table
 * (the same validation and disk writes as the app), counted by name. The
 * editor is a document the test replaces as typing would, counting its reads.
 */
async function setup(options: { autosave?: boolean } = {}) {
  const root = await writeSite({ '_config.yml': CONFIG_WITH_COLLECTIONS, [PAGE]: ORIGINAL })
  const { handlers } = await openSession(root)
  const calls: CallName[] = []
  const port: ApiPort = {
    async call(name, input) {
      calls.push(name)
      const result = await dispatch(handlers, name, input)
      if (!result.ok) throw new ApiFailure(result.error)
      return result.value as never
    },
  }
  const clock = new ManualClock()
  const dirty: boolean[] = []
  const copies: { name: string; onClose: boolean }[] = []
  const failures: unknown[] = []
  const words: (number | null)[] = []
  const answers: SavedPage[] = []
  let textChanges = 0
  const session = new PageSession({
    path: PAGE,
    api: port,
    autosave: () => options.autosave ?? true,
    copySuffix: () => 'ma version',
    schedule: clock.schedule,
    effects: {
      dirty: (value) => dirty.push(value),
      words: (count) => words.push(count),
      textChanged: () => textChanges++,
      saved: (answer) => answers.push(answer),
      copied: (name, onClose) => copies.push({ name, onClose }),
      failed: (error) => failures.push(error),
    },
  })
  await session.read(false)
  // The calls of opening the page are not the test's.
  calls.length = 0
  const editor = { doc: session.model!.doc, reads: 0 }
  const detach = session.attach(() => {
    editor.reads++
    return editor.doc
  })
  /**
   * Replaces the body as typing would, and tells the session as the editor's `onUpdate` does.
   * The blank line after the front matter belongs to the body, as `page()` writes it.
   */
  const type = (body: string) => {
    editor.doc = toEditorDoc(`\n${body}`) as EditorDoc
    session.edited()
  }
  const disk = () => readFile(path.join(root, PAGE), 'utf8')
  const journal = async () => {
    const result = await dispatch(handlers, 'journal.list', {})
    return result.ok ? (result.value as { path: string; text: string }[]) : []
  }
  const saves = () => calls.filter((name) => name === 'pages.save').length
  /** Another program writes the page; returns its text. */
  const writeTheirs = async (body = 'Leur texte.\n') => {
    const text = page('title: Sénégal', body)
    await writeFile(path.join(root, PAGE), text)
    return text
  }
  /** Time passes with no typing; then whatever the timers started is awaited. */
  const pause = async (ms: number) => {
    clock.advance(ms)
    await session.whenIdle()
  }
  return {
    writeTheirs,
    pause,
    root,
    session,
    clock,
    editor,
    type,
    detach,
    disk,
    journal,
    saves,
    dirty,
    copies,
    failures,
    words,
    calls,
    answers,
    textChanges: () => textChanges,
  }
}

describe('the page session (save, autosave, journal, conflict)', () => {
  it('autosaves two seconds after typing stops, never while typing goes on', async () => {
    const s = await setup()
    s.type('Premier paragraphe modifié.\n\nDeuxième paragraphe.\n')
    s.clock.advance(AUTOSAVE_MS - 1)
    s.type('Premier paragraphe modifié encore.\n\nDeuxième paragraphe.\n')
    await s.pause(AUTOSAVE_MS - 1)
    expect(s.saves()).toBe(0)
    expect(await s.disk()).toBe(ORIGINAL)

    await s.pause(1)
    expect(s.saves()).toBe(1)
    expect(await s.disk()).toBe(
      page('title: Sénégal', 'Premier paragraphe modifié encore.\n\nDeuxième paragraphe.\n'),
    )
    expect(s.dirty).toEqual([true, false])
    expect(s.failures).toEqual([])
  })

  it('does no work proportional to the page per key: the document is read only when a timer fires', async () => {
    const s = await setup()
    for (let key = 0; key < 50; key++) s.type(`Premier paragraphe ${key}.\n`)
    expect(s.editor.reads).toBe(0)
    // The tab is told once that the page is dirty, not once per key.
    expect(s.dirty).toEqual([true])
    expect(s.textChanges()).toBe(50)

    await s.pause(AUTOSAVE_MS)
    // Word count, journal and save share at most two reads of the document after the pause.
    expect(s.editor.reads).toBeLessThanOrEqual(2)
    expect(s.words.at(-1)).toBe(3)
  })

  it('counts the words once the page is drawn, not while its editor is being built', async () => {
    const s = await setup()
    // Opening a page waits for nothing that walks it beyond building its editor.
    expect(s.words).toEqual([])
    expect(s.editor.reads).toBe(0)
    s.clock.advance(AFTER_PAINT_MS)
    expect(s.words).toEqual([4])
    expect(s.editor.reads).toBe(0)
  })

  it('counts nothing for an editor closed before it was drawn', async () => {
    const s = await setup()
    s.detach()
    s.clock.advance(AFTER_PAINT_MS)
    expect(s.words).toEqual([null])
  })

  it('recognises the echo of its own save and reloads a change made by another program', async () => {
    const s = await setup()
    s.type('Mon texte.\n')
    await s.pause(AUTOSAVE_MS)
    const version = s.session.view.get().loaded!.version

    // The watcher reports the app's own write: nothing to do.
    await s.session.read(true)
    expect(s.session.view.get().loaded!.version).toBe(version)
    expect(s.session.view.get().conflict).toBeNull()

    // Another program writes while nothing is unsaved: the page opens again from disk.
    const theirs = await s.writeTheirs()
    await s.session.read(true)
    expect(s.session.view.get().loaded!.version).toBe(version + 1)
    expect(s.session.currentText()).toBe(theirs)
  })

  it('shows a conflict when a save is refused (changed on disk), and saves no more until the user chooses', async () => {
    const s = await setup()
    const theirs = await s.writeTheirs()
    s.type('Mon texte.\n')
    await s.pause(AUTOSAVE_MS)
    expect(s.saves()).toBe(1)
    expect(s.session.view.get().conflict).toBe(theirs)
    expect(s.session.isDirty).toBe(true)

    s.type('Mon texte, suite.\n')
    s.clock.advance(AUTOSAVE_MS * 2)
    s.session.savePending()
    await s.session.whenIdle()
    expect(s.saves()).toBe(1)
    expect(await s.disk()).toBe(theirs)
    expect(s.failures).toEqual([])
  })

  it('keeps unsaved text when the watcher reports a change on disk: conflict, not reload', async () => {
    const s = await setup()
    s.type('Mon texte.\n')
    const theirs = await s.writeTheirs()
    await s.session.read(true)
    expect(s.session.view.get().conflict).toBe(theirs)
    expect(s.session.currentText()).toBe(page('title: Sénégal', 'Mon texte.\n'))
    // The autosave armed before the change does not even try: main would refuse it anyway.
    await s.pause(AUTOSAVE_MS)
    expect(s.saves()).toBe(0)
    expect(await s.disk()).toBe(theirs)
  })

  it('saves pending text when the editor closes', async () => {
    const s = await setup()
    s.type('Écrit juste avant de fermer.\n')
    s.detach()
    await s.session.whenIdle()
    expect(await s.disk()).toBe(page('title: Sénégal', 'Écrit juste avant de fermer.\n'))
    expect(s.dirty).toEqual([true, false])
    expect(s.words.at(-1)).toBeNull()
  })

  it('keeps the text in a copy beside the page when it closes in conflict', async () => {
    const s = await setup()
    const theirs = await s.writeTheirs()
    s.type('Mon texte.\n')
    await s.pause(AUTOSAVE_MS)
    expect(s.session.view.get().conflict).toBe(theirs)

    s.detach()
    await s.session.whenIdle()
    expect(await s.disk()).toBe(theirs)
    expect(s.copies).toEqual([{ name: '_cas_pratiques/senegal (ma version).md', onClose: true }])
    expect(await readFile(path.join(s.root, s.copies[0]!.name), 'utf8')).toBe(
      page('title: Sénégal', 'Mon texte.\n'),
    )
    expect(s.dirty.at(-1)).toBe(false)
  })

  it('keeps the text in a copy when a save refused while closing', async () => {
    const s = await setup()
    s.type('Mon texte.\n')
    await s.writeTheirs()
    s.detach()
    await s.session.whenIdle()
    expect(s.copies).toEqual([{ name: '_cas_pratiques/senegal (ma version).md', onClose: true }])
    expect(await s.journal()).toEqual([])
  })

  it('« Garder ma version dans une copie » and « Recharger » settle a conflict: the disk version opens', async () => {
    const s = await setup()
    const theirs = await s.writeTheirs()
    s.type('Mon texte.\n')
    await s.session.read(true)
    await s.session.keepCopy()
    expect(s.copies).toEqual([{ name: '_cas_pratiques/senegal (ma version).md', onClose: false }])
    expect(s.session.view.get().conflict).toBeNull()
    expect(s.session.currentText()).toBe(theirs)

    s.type('Encore mon texte.\n')
    await writeFile(path.join(s.root, PAGE), ORIGINAL)
    await s.session.read(true)
    await s.session.reload()
    expect(s.session.view.get().conflict).toBeNull()
    expect(s.session.currentText()).toBe(ORIGINAL)
    // Nothing is left to keep once the user chose: closing writes no copy.
    s.detach()
    await s.session.whenIdle()
    expect(s.copies).toHaveLength(1)
  })

  it('records unsaved text in the journal after a pause, and the save discards it', async () => {
    const s = await setup()
    s.type('Texte à ne pas perdre.\n')
    await s.pause(JOURNAL_MS - 1)
    expect(await s.journal()).toEqual([])

    await s.pause(1)
    expect((await s.journal()).map((entry) => [entry.path, entry.text])).toEqual([
      [PAGE, page('title: Sénégal', 'Texte à ne pas perdre.\n')],
    ])

    await s.pause(AUTOSAVE_MS)
    expect(await s.journal()).toEqual([])
  })

  it('costs one call for the autosave after a pause: the save, which answers letter and index line', async () => {
    const s = await setup()
    s.type('Un paragraphe de plus.\n')
    // The journal's call belongs to typing: a crash before the autosave finds the text.
    await s.pause(JOURNAL_MS)
    expect(s.calls).toEqual(['journal.record'])

    await s.pause(AUTOSAVE_MS - JOURNAL_MS)
    expect(s.calls).toEqual(['journal.record', 'pages.save'])
    expect(s.dirty).toEqual([true, false])
    expect(s.answers.map(({ path, entry }) => [path, entry?.path])).toEqual([[PAGE, PAGE]])
    // The save dropped the journal entry itself.
    expect(await s.journal()).toEqual([])
  })

  it('does not journal when a save comes before the journal’s pause', async () => {
    const s = await setup()
    s.type('Enregistré tout de suite.\n')
    await s.session.save()
    await s.pause(AUTOSAVE_MS)
    expect(s.calls).toEqual(['pages.save'])
  })

  it('stays dirty when typing goes on while the file is written', async () => {
    const s = await setup()
    s.type('Avant la sauvegarde.\n')
    const saving = s.session.save()
    s.type('Pendant la sauvegarde.\n')
    await saving
    expect(await s.disk()).toBe(page('title: Sénégal', 'Avant la sauvegarde.\n'))
    expect(s.session.isDirty).toBe(true)
    expect(s.dirty).toEqual([true])

    await s.pause(AUTOSAVE_MS)
    expect(await s.disk()).toBe(page('title: Sénégal', 'Pendant la sauvegarde.\n'))
    expect(s.dirty).toEqual([true, false])
  })

  it('does not autosave when the setting is off, and Ctrl+S still saves', async () => {
    const s = await setup({ autosave: false })
    s.type('Mon texte.\n')
    s.clock.advance(AUTOSAVE_MS * 2)
    s.session.savePending()
    await s.session.whenIdle()
    expect(s.saves()).toBe(0)
    await s.session.save()
    expect(await s.disk()).toBe(page('title: Sénégal', 'Mon texte.\n'))
    expect(await readdir(path.join(s.root, '_cas_pratiques'))).toEqual(['senegal.md'])
  })

  it('« Ne pas enregistrer » on closing: nothing written, no journal left to offer back, not dirty', async () => {
    const s = await setup({ autosave: false })
    s.type('Texte abandonné.\n')
    await s.pause(JOURNAL_MS)
    expect(await s.journal()).toHaveLength(1)
    await s.session.discard()
    s.detach()
    await s.pause(AUTOSAVE_MS * 2)
    expect(await s.disk()).toBe(ORIGINAL)
    expect(await s.journal()).toEqual([])
    expect(s.dirty).toEqual([true, false])
    expect(s.saves()).toBe(0)
    expect(s.copies).toEqual([])
  })

  it('« Ne pas enregistrer » with autosave on: the closing save does not write the text either', async () => {
    const s = await setup()
    s.type('Texte abandonné.\n')
    await s.session.discard()
    s.detach()
    await s.pause(AUTOSAVE_MS * 2)
    expect(await s.disk()).toBe(ORIGINAL)
    expect(s.saves()).toBe(0)
  })

  it('keeps unsaved text across a tab switch: the editor rebuilt later starts from it, still unsaved', async () => {
    const s = await setup({ autosave: false })
    s.type('Texte gardé en mémoire.\n')
    s.detach()
    // Coming back to the tab: the page is read again, but unsaved text is not replaced.
    await s.session.read(false)
    expect(s.session.isDirty).toBe(true)
    const again = s.session.model!.doc
    s.session.attach(() => again)
    expect(s.session.currentText()).toBe(page('title: Sénégal', 'Texte gardé en mémoire.\n'))
    await s.session.save()
    expect(await s.disk()).toBe(page('title: Sénégal', 'Texte gardé en mémoire.\n'))
  })

  it('before another folder opens: the waiting autosave runs, then nothing more is written', async () => {
    const s = await setup()
    s.type('Juste avant. \n')
    await s.session.leaveFolder()
    expect(await s.disk()).toBe(page('title: Sénégal', 'Juste avant. \n'))
    expect(s.saves()).toBe(1)
    // Typing meanwhile, closing the tab after the switch, any timer: no call reaches main,
    // which would take the page's path in the next folder.
    s.calls.length = 0
    s.type('Trop tard.\n')
    s.detach()
    await s.pause(AUTOSAVE_MS * 2)
    await s.session.save()
    expect(s.calls).toEqual([])
  })

  it('before another folder opens, autosave off: unsaved text goes to this guide’s journal', async () => {
    const s = await setup({ autosave: false })
    s.type('Pas encore enregistré.\n')
    await s.session.leaveFolder()
    expect(await s.journal()).toEqual([
      expect.objectContaining({
        path: PAGE,
        text: page('title: Sénégal', 'Pas encore enregistré.\n'),
      }),
    ])
    expect(await s.disk()).toBe(ORIGINAL)
    // The folder did not change after all: the session saves as before.
    s.session.resume()
    await s.session.save()
    expect(await s.disk()).toBe(page('title: Sénégal', 'Pas encore enregistré.\n'))
  })
})
