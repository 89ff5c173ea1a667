import { beforeEach, describe, expect, it, vi } from 'vitest'

const exposed = vi.hoisted(() => ({
  api: null as null | Record<string, (...args: unknown[]) => unknown>,
}))
const invoke = vi.hoisted(() => vi.fn(async () => ({ ok: true, value: 1 })))
vi.mock('electron', () => ({
  contextBridge: {
    exposeInMainWorld: (key: string, api: never) => key === 'atelier' && (exposed.api = api),
  },
  ipcRenderer: { invoke, on: vi.fn(), removeListener: vi.fn() },
  webUtils: { getPathForFile: (file: { path: string }) => file.path },
}))

beforeEach(() => invoke.mockClear())

describe('preload', () => {
  it('exposes only `call`, `on` and `pathForFile` as window.atelier', async () => {
    await import('../../../../src-main/preload.js')
    expect(Object.keys(exposed.api!).sort()).toEqual(['call', 'on', 'pathForFile'])
  })

  it('says where a dropped file is, through Electron’s webUtils (no path property in the renderer)', async () => {
    await import('../../../../src-main/preload.js')
    expect(exposed.api!.pathForFile!({ path: '/tmp/contribution.bundle' })).toBe(
      '/tmp/contribution.bundle',
    )
  })

  it('forwards contract calls and refuses any other channel name', async () => {
    await import('../../../../src-main/preload.js')
    await exposed.api!.call!('pages.index', {})
    expect(invoke).toHaveBeenCalledWith('atelier:call', 'pages.index', {})
    await expect(exposed.api!.call!('fs.writeFile', {})).rejects.toThrow()
    expect(() => exposed.api!.on!('not-an-event', () => undefined)).toThrow()
  })
})
