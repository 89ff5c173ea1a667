import { existsSync } from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { builtinThemeDir, bundledStarterPlaybook, projectRoot } from '../../../src-main/paths.js'

describe('paths', () => {
  it('finds the project folder, the starter playbook and the built-in theme from the sources', () => {
    expect(existsSync(path.join(projectRoot, 'package.json'))).toBe(true)
    expect(existsSync(path.join(bundledStarterPlaybook, '_config.yml'))).toBe(true)
    expect(builtinThemeDir).toBe(path.join(projectRoot, 'resources', 'builtin-theme'))
    expect(existsSync(path.join(builtinThemeDir, '_layouts', 'default.html'))).toBe(true)
  })
})
