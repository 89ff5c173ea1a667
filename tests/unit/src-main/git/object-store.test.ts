import { createHash } from 'node:crypto'
import { readdir, writeFile } from 'node:fs/promises'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { GitDataError } from '../../../../src-main/git/git-data-error.js'
import { ObjectStore } from '../../../../src-main/git/object-store.js'
import { Repository } from '../../../../src-main/git/repository.js'
import { git, nativeRepository, writeFiles } from '../../../helpers/native-git.js'

/** A repository whose history is packed with deltas (many versions of similar pages). */
async function packedRepository(): Promise<string> {
  const paragraph = (n: number) => `Paragraphe ${n} : ${'le budget ouvert, '.repeat(40)}\n`
  let text = ''
  const dir = await nativeRepository({ 'cas.md': 'début\n' })
  for (let version = 0; version < 30; version++) {
    text += paragraph(version)
    await writeFiles(dir, {
      'cas.md': text,
      [`_themes/t${version % 5}.md`]: paragraph(version * 7),
    })
    git(dir, 'add', '-A')
    git(dir, 'commit', '-q', '-m', `Version ${version}`)
  }
  git(dir, 'gc', '-q', '--aggressive')
  return dir
}

describe('object store', () => {
  it('reads every object of a packed repository, deltas included, exactly as git stored it', async () => {
    const dir = await packedRepository()
    expect(
      (await readdir(path.join(dir, '.git/objects/pack'))).some((f) => f.endsWith('.pack')),
    ).toBe(true)
    const listing = git(dir, 'cat-file', '--batch-all-objects', '--batch-check').trim().split('\n')
    expect(
      git(dir, 'verify-pack', '-v', ...(await packIndexes(dir))).includes('chain length'),
    ).toBe(true)
    const store = new ObjectStore(path.join(dir, '.git'), 64 * 1024)
    for (const line of listing) {
      const [oid, type] = line.split(' ') as [string, string]
      const object = store.read(oid)
      expect(object.type).toBe(type)
      const hash = createHash('sha1')
        .update(`${object.type} ${object.content.length}\0`)
        .update(object.content)
        .digest('hex')
      expect(hash).toBe(oid)
    }
  })

  it('gives the same history and page versions as native git on a packed repository', async () => {
    const dir = await packedRepository()
    const repository = (await Repository.find(dir))!
    const versions = await repository.history({ path: '_themes/t2.md' })
    expect(versions.map((v) => v.oid)).toEqual(
      git(dir, 'log', '--format=%H', '--', '_themes/t2.md').trim().split('\n'),
    )
    const all = await repository.history()
    expect(all.map((v) => v.oid)).toEqual(git(dir, 'log', '--format=%H').trim().split('\n'))
    expect(await repository.pageAt(all[10]!.oid, 'cas.md')).toBe(
      git(dir, 'show', `${all[10]!.oid}:cas.md`),
    )
  })

  it('names a missing object and a damaged pack', async () => {
    const dir = await packedRepository()
    const store = new ObjectStore(path.join(dir, '.git'))
    expect(() => store.read('0'.repeat(40))).toThrow(GitDataError)
    const [index] = await packIndexes(dir)
    const pack = index!.replace(/\.idx$/, '.pack')
    const { readFile } = await import('node:fs/promises')
    const bytes = await readFile(pack)
    bytes.fill(0x42, 12, bytes.length - 20)
    await writeFile(pack, bytes)
    const damaged = new ObjectStore(path.join(dir, '.git'))
    const head = git(dir, 'rev-parse', 'HEAD').trim()
    expect(() => damaged.read(head)).toThrow(
      expect.objectContaining({ kind: 'corrupt-object', file: pack }),
    )
  })
})

async function packIndexes(dir: string): Promise<string[]> {
  const folder = path.join(dir, '.git/objects/pack')
  return (await readdir(folder)).filter((f) => f.endsWith('.idx')).map((f) => path.join(folder, f))
}
