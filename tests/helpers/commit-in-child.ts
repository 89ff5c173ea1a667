/**
 * Run as a separate process by the robustness test: records every change of
 * the repository given as argument as one version, so the test can kill it
 * partway through.
 */
import { Repository } from '../../src-main/git/repository.js'

const dir = process.argv[2]
if (!dir) throw new Error('usage: commit-in-child <dir>')
const repository = await Repository.find(dir)
if (!repository) throw new Error('no repository')
process.stdout.write('start\n')
await repository.commit({
  message: 'Interrompue ?',
  author: { name: 'Test', email: 't@example.org' },
})
process.stdout.write('done\n')
