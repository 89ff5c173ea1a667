import { describe, expect, it } from 'vitest'
import {
  environmentCredentials,
  firstOf,
  MemoryCredentials,
  splitUrlCredentials,
} from '../../../../src-main/sync/credentials.js'

describe('credentials', () => {
  it('reads ATELIER_GIT_USERNAME / ATELIER_GIT_PASSWORD, none when both are absent', () => {
    const env = { ATELIER_GIT_USERNAME: 'ana', ATELIER_GIT_PASSWORD: 'jeton' }
    expect(environmentCredentials(env).forUrl('https://git.example.org/g.git')).toEqual({
      username: 'ana',
      password: 'jeton',
    })
    expect(environmentCredentials({}).forUrl('https://git.example.org/g.git')).toBeNull()
  })

  it('keeps one entry per host in memory, and the first provider that has one wins', () => {
    const memory = new MemoryCredentials()
    memory.set('https://git.example.org/a.git', { username: 'ana', password: 'un' })
    expect(memory.forUrl('https://git.example.org/b.git')?.password).toBe('un')
    expect(memory.forUrl('https://autre.example.org/b.git')).toBeNull()
    const env = environmentCredentials({ ATELIER_GIT_PASSWORD: 'deux' })
    expect(firstOf(memory, env).forUrl('https://git.example.org/c.git')?.password).toBe('un')
    expect(firstOf(memory, env).forUrl('https://autre.example.org/c.git')?.password).toBe('deux')
    memory.forget('https://git.example.org/')
    expect(memory.forUrl('https://git.example.org/a.git')).toBeNull()
  })

  it('takes user:token@ out of a typed URL', () => {
    expect(splitUrlCredentials('https://ana:j%40ton@git.example.org/g.git')).toEqual({
      url: 'https://git.example.org/g.git',
      credentials: { username: 'ana', password: 'j@ton' },
    })
    expect(splitUrlCredentials('https://git.example.org/g.git').credentials).toBeNull()
  })
})
