import { readFileSync } from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { parse } from 'yaml'

const root = path.resolve(import.meta.dirname, '../../..')
interface Step {
  name?: string
  run?: string
  uses?: string
  env?: Record<string, string>
}
interface Workflow {
  on: { push: { tags: string[] }; workflow_dispatch?: unknown }
  jobs: { build: { strategy: { matrix: { os: string[] } }; steps: Step[] } }
}
const workflow = parse(
  readFileSync(path.join(root, '.github/workflows/release.yml'), 'utf8'),
) as Workflow
const steps = workflow.jobs.build.steps

describe('release workflow', () => {
  it('builds the installers on version tags, on Windows, macOS and Linux runners', () => {
    expect(workflow.on.push.tags).toEqual(['v*'])
    expect(workflow.jobs.build.strategy.matrix.os).toEqual(
      expect.arrayContaining(['windows-latest', 'macos-latest', 'ubuntu-latest']),
    )
    const dist = steps.find((step) => step.run?.startsWith('npm run dist'))
    expect(dist?.run).toContain('--publish never')
  })

  it('hands the optional guide and its host credentials to npm run dist', () => {
    const dist = steps.find((step) => step.run?.startsWith('npm run dist'))
    expect(dist?.env?.ATELIER_PLAYBOOK).toMatch(/vars\.ATELIER_PLAYBOOK/)
    expect(dist?.env?.ATELIER_GIT_USERNAME).toBe('${{ secrets.ATELIER_GIT_USERNAME }}')
    expect(dist?.env?.ATELIER_GIT_PASSWORD).toBe('${{ secrets.ATELIER_GIT_PASSWORD }}')
  })

  // The names electron-builder reads (its documentation, « Code Signing » and notarization).
  it('passes on the signing and notarization secrets, before the build', () => {
    const signing = steps.findIndex((step) => step.env?.CSC_LINK !== undefined)
    expect(signing).toBeGreaterThan(-1)
    expect(signing).toBeLessThan(steps.findIndex((step) => step.run?.startsWith('npm run dist')))
    for (const name of [
      'CSC_LINK',
      'CSC_KEY_PASSWORD',
      'WIN_CSC_LINK',
      'WIN_CSC_KEY_PASSWORD',
      'APPLE_ID',
      'APPLE_APP_SPECIFIC_PASSWORD',
      'APPLE_TEAM_ID',
      'APPLE_API_KEY_ID',
      'APPLE_API_ISSUER',
    ]) {
      expect(steps[signing]?.env?.[name]).toBe(`\${{ secrets.${name} }}`)
      expect(steps[signing]?.run).toContain(name)
    }
  })
})
