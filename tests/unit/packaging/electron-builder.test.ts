import Ajv from 'ajv'
import { existsSync, readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { parse } from 'yaml'
import { PLAYBOOK_BUILD_DIR } from '../../../src-main/packaging/prepare-playbook.js'
import {
  PLAYBOOK_BUNDLE_FILE,
  PLAYBOOK_MANIFEST_FILE,
} from '../../../src-main/workspace/bundled-playbook.js'

const root = path.resolve(import.meta.dirname, '../../..')
const require = createRequire(import.meta.url)
interface Target {
  target: string
}
interface BuilderConfig {
  appId: string
  productName: string
  icon: string
  win: { target: Target[]; icon: string }
  nsis: Record<string, unknown>
  mac: { target: Target[]; icon: string }
  linux: { target: string[]; icon: string }
  extraResources: { from: string; to: string; filter?: string[] }[]
  electronFuses?: Record<string, boolean>
}
const config = parse(readFileSync(path.join(root, 'electron-builder.yml'), 'utf8')) as BuilderConfig

describe('electron-builder.yml', () => {
  it("is valid against electron-builder's own JSON schema", () => {
    const schema = JSON.parse(readFileSync(require.resolve('app-builder-lib/scheme.json'), 'utf8'))
    const ajv = new Ajv({ allErrors: true, strict: false, allowUnionTypes: true })
    const validate = ajv.compile(schema)
    const valid = validate(config)
    expect(validate.errors ?? []).toEqual([])
    expect(valid).toBe(true)
  })

  it('builds NSIS per user without admin rights, dmg, AppImage and deb', () => {
    expect(config.appId).toMatch(/^[a-z]+(\.[a-z0-9-]+)+$/)
    expect(config.productName).toBe('Atelier')
    expect(config.win.target.map((target) => target.target)).toContain('nsis')
    expect(config.nsis).toMatchObject({ perMachine: false, allowElevation: false })
    expect(config.mac.target.map((target) => target.target)).toContain('dmg')
    expect(config.linux.target).toEqual(expect.arrayContaining(['AppImage', 'deb']))
  })

  it('ships existing icons, the starter playbook and the built-in theme', () => {
    for (const icon of [config.icon, config.win.icon, config.mac.icon, config.linux.icon]) {
      expect(existsSync(path.join(root, icon))).toBe(true)
    }
    const starter = config.extraResources.find((item) => item.to === 'starter-playbook')
    expect(existsSync(path.join(root, starter?.from ?? 'absent', '_config.yml'))).toBe(true)
    // Found by `builtinThemeDir` next to the packaged resources.
    const theme = config.extraResources.find((item) => item.to === 'builtin-theme')
    expect(existsSync(path.join(root, theme?.from ?? 'absent', '_layouts/default.html'))).toBe(true)
  })

  // `ATELIER_PLAYBOOK=… npm run dist`: predist packs the guide where the installer picks it up,
  // and the packaged app finds it as `playbook/` beside its resources (paths.ts).
  it('carries the guide that predist prepared, as the resources’ playbook folder', () => {
    const playbook = config.extraResources.find((item) => item.to === 'playbook')
    expect(playbook?.from).toBe(path.relative(root, PLAYBOOK_BUILD_DIR).split(path.sep).join('/'))
    expect(playbook?.filter?.sort()).toEqual([PLAYBOOK_BUNDLE_FILE, PLAYBOOK_MANIFEST_FILE].sort())
    const scripts = (
      JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')) as {
        scripts: Record<string, string>
      }
    ).scripts
    const prepare = scripts.predist?.match(/^tsx (\S+)$/)?.[1]
    expect(prepare && existsSync(path.join(root, prepare))).toBe(true)
    expect(prepare).toBe('src-main/packaging/prepare-playbook.ts')
  })

  // Flipped in the packaged binary: no `ELECTRON_RUN_AS_NODE`, `NODE_OPTIONS` or `--inspect` way
  // into the app, cookies encrypted, and only the checked app.asar is loaded.
  it('sets the Electron fuses that close the ways around the app', () => {
    expect(config.electronFuses).toEqual({
      runAsNode: false,
      enableCookieEncryption: true,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      enableEmbeddedAsarIntegrityValidation: true,
      onlyLoadAppFromAsar: true,
      grantFileProtocolExtraPrivileges: false,
    })
  })
})
