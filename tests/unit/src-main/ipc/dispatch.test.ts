import { describe, expect, it } from 'vitest'
import { dispatch } from '../../../../src-main/ipc/dispatch.js'
import { callNames } from '../../../../src-shared/api/names.js'
import { contract } from '../../../../src-shared/api/contract.js'
import { PAGE_TEXT_LIMIT } from '../../../../src-shared/api/size-limits.js'
import { CONFIG_WITH_COLLECTIONS, page, writeSite } from '../../../helpers/site-fixture.js'
import { openSession } from '../../../helpers/session.js'

async function setup() {
  const root = await writeSite({
    '_config.yml': CONFIG_WITH_COLLECTIONS,
    '_themes/a.md': page('title: A\norder: 1'),
  })
  return openSession(root)
}

describe('dispatch (the contract boundary)', () => {
  it('defines a schema for every call name and a handler for every call', async () => {
    const { handlers } = await setup()
    expect(Object.keys(contract).sort()).toEqual([...callNames].sort())
    expect(Object.keys(handlers).sort()).toEqual([...callNames].sort())
  })

  it('answers a valid call', async () => {
    const { handlers } = await setup()
    const result = await dispatch(handlers, 'pages.index', {})
    expect(result.ok).toBe(true)
    if (result.ok) expect((result.value as { pages: unknown[] }).pages).toHaveLength(1)
  })

  it('refuses a page text past the size limit as too large, not as a malformed call', async () => {
    const { handlers } = await setup()
    const text = 'a'.repeat(PAGE_TEXT_LIMIT + 1)
    expect(
      await dispatch(handlers, 'pages.save', { path: '_themes/a.md', text, base: 'absent' }),
    ).toMatchObject({ ok: false, error: { code: 'text-too-large' } })
    expect(
      await dispatch(handlers, 'journal.record', { path: '_themes/a.md', text }),
    ).toMatchObject({ ok: false, error: { code: 'text-too-large' } })
    // Other fields over their own limits stay malformed calls.
    expect(
      await dispatch(handlers, 'pages.create', { collection: 'themes', title: 'T'.repeat(301) }),
    ).toMatchObject({ ok: false, error: { code: 'invalid-input' } })
  })

  it('refuses unknown calls and invalid inputs', async () => {
    const { handlers } = await setup()
    expect(await dispatch(handlers, 'fs.readAnything', {})).toMatchObject({
      ok: false,
      error: { code: 'unknown-call' },
    })
    expect(await dispatch(handlers, 'pages.read', { path: 42 })).toMatchObject({
      ok: false,
      error: { code: 'invalid-input' },
    })
    expect(await dispatch(handlers, 'pages.read', { path: 'a.md', extra: true })).toMatchObject({
      ok: false,
      error: { code: 'invalid-input' },
    })
    expect(
      await dispatch(handlers, 'shell.openExternal', { url: 'file:///etc/passwd' }),
    ).toMatchObject({
      ok: false,
      error: { code: 'invalid-input' },
    })
  })

  it.each([
    ['pages.read', { path: '../../../etc/passwd' }],
    ['pages.read', { path: '/etc/passwd' }],
    ['pages.delete', { path: '../a.md' }],
    ['pages.rename', { path: '../../x.md', newName: 'y.md' }],
    ['pages.save', { path: '../x.md', text: 'écrasé', base: 'absent' }],
    ['journal.record', { path: '/tmp/x.md', text: 't' }],
  ])('refuses %s with a path outside the workspace', async (name, input) => {
    const { handlers } = await setup()
    expect(await dispatch(handlers, name, input)).toMatchObject({
      ok: false,
      error: { code: 'outside-workspace' },
    })
  })

  it('reports a missing page as not-found', async () => {
    const { handlers } = await setup()
    expect(await dispatch(handlers, 'pages.read', { path: 'absent.md' })).toMatchObject({
      ok: false,
      error: { code: 'not-found' },
    })
  })
})
