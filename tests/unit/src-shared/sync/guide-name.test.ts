import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { cloneTarget } from '../../../../src-main/sync/clone-target.js'
import { guideName } from '../../../../src-shared/sync/guide-name.js'

describe('guideName', () => {
  it('names the folder after the repository, as git clone does', () => {
    expect(guideName('https://git.example.org/equipe/guide-sante.git')).toBe('guide-sante')
    expect(guideName('https://github.com/ogp/playbook/')).toBe('playbook')
    expect(guideName('https://ana:jeton@git.example.org/guide%20eau.git')).toBe('guide eau')
  })

  it('never a name that walks out of the chosen folder', () => {
    for (const url of [
      'https://git.example.org/',
      'https://git.example.org/..',
      'https://git.example.org/%2e%2e',
      'https://git.example.org/a%2F..%2F..%2Fetc',
      'pas une adresse',
    ]) {
      const target = cloneTarget('/home/ana/Documents', url)
      expect(path.dirname(target)).toBe('/home/ana/Documents')
      expect(path.basename(target)).not.toMatch(/^\.+$/)
    }
  })
})
