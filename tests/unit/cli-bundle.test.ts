import { execFile, spawn } from 'node:child_process'
import { cp, mkdir, mkdtemp, readdir, readFile, rm, symlink, writeFile } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { promisify } from 'node:util'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { runCli } from '../../src-main/cli.js'
import { git } from '../helpers/native-git.js'

/**
 * The bundled command line (`npm run build:cli` → `out/cli/atelier.mjs`, the
 * package's `bin`) prints what the sources print, byte for byte, with the same
 * exit code, finds the built-in theme from `out/cli/`, and loads for `status`
 * only what `status` needs.
 */
const root = path.resolve(import.meta.dirname, '../..')
const bundle = path.join(root, 'out', 'cli', 'atelier.mjs')

interface Run {
  code: number | null
  stdout: string
  stderr: string
}

/** A program run to its end: what it printed and its exit code, failure included. */
function run(program: string, args: string[]): Promise<Run> {
  return new Promise((resolve, reject) => {
    const child = spawn(program, args, { cwd: os.tmpdir(), stdio: ['ignore', 'pipe', 'pipe'] })
    let stdout = ''
    let stderr = ''
    child.stdout.setEncoding('utf8').on('data', (text: string) => (stdout += text))
    child.stderr.setEncoding('utf8').on('data', (text: string) => (stderr += text))
    child.on('error', reject)
    child.on('close', (code) => resolve({ code, stdout, stderr }))
  })
}

const bundled = (...args: string[]) => run(process.execPath, [bundle, ...args])

/** The sources' CLI in this process (what `npm run cli` runs through tsx). */
async function fromSources(...args: string[]): Promise<Run> {
  let stdout = ''
  let stderr = ''
  const code = await runCli(
    args,
    (text) => (stdout += text),
    (text) => (stderr += text),
  )
  return { code, stdout, stderr }
}

/** Every file under `dir` with its bytes, by relative path. */
async function tree(dir: string): Promise<Record<string, string>> {
  const files: Record<string, string> = {}
  for (const entry of await readdir(dir, { recursive: true, withFileTypes: true })) {
    if (entry.isDirectory()) continue
    const file = path.join(entry.parentPath, entry.name)
    files[path.relative(dir, file)] = (await readFile(file)).toString('base64')
  }
  return files
}

let scratch = ''
let repo = ''

beforeAll(async () => {
  await promisify(execFile)(process.execPath, [path.join(root, 'scripts', 'build-cli.mjs')], {
    cwd: root,
  })
  scratch = await mkdtemp(path.join(os.tmpdir(), 'atelier-cli-bundle-'))
  // The starter guide as a real repository: one page changed, one new, one with a
  // `{% link %}` to nothing (an error for `check`, exit code 1) and a broken link (a warning).
  repo = path.join(scratch, 'guide')
  await cp(path.join(root, 'resources', 'starter-playbook'), repo, { recursive: true })
  git(repo, 'init', '-q', '-b', 'main')
  git(repo, 'add', '-A')
  git(repo, 'commit', '-q', '-m', 'Première version')
  await writeFile(
    path.join(repo, 'contribuer.md'),
    `${await readFile(path.join(repo, 'contribuer.md'), 'utf8')}\nUne ligne de plus.\n`,
  )
  await writeFile(
    path.join(repo, 'nouvelle page.md'),
    '---\ntitle: Nouvelle\n---\n\n[perdu](/nulle-part/)\n\n{% link _themes/absent.md %}\n',
  )
}, 120_000)

afterAll(async () => {
  if (scratch) await rm(scratch, { recursive: true, force: true })
})

describe('the bundled CLI (out/cli/atelier.mjs)', () => {
  /** Each command line with the exit code a CI script sees (1: the Liquid error; 2: usage). */
  const commands: [string[], number][] = [
    [['--help'], 0],
    [['status', '<repo>'], 0],
    [['status', '<repo>', '--porcelain'], 0],
    [['log', '<repo>', '--json'], 0],
    [['check', '<repo>', '--json'], 1],
    [['index', '<repo>', '--json'], 0],
    [['search', '<repo>', 'gouvernement', '--json'], 0],
    [['status'], 2],
    [['review'], 2],
    [['contribution', 'export', '<repo>'], 2],
    [['inconnue'], 2],
    [[], 2],
  ]
  it.each(commands.map(([args, code]) => [args.join(' ') || '(nothing)', args, code] as const))(
    'prints what the sources print, with the same exit code: %s',
    async (_name, args, code) => {
      const argv = args.map((arg) => (arg === '<repo>' ? repo : arg))
      const expected = await fromSources(...argv)
      expect(expected.code).toBe(code)
      expect(await bundled(...argv)).toEqual(expected)
    },
    60_000,
  )

  it('builds the site with the built-in theme and the render worker, as the sources do', async () => {
    const fromBundle = path.join(scratch, 'site-bundle')
    const fromSource = path.join(scratch, 'site-sources')
    const built = await bundled('build', repo, fromBundle)
    const expected = await fromSources('build', repo, fromSource)
    expect(built.stdout.replace(fromBundle, '<out>')).toBe(
      expected.stdout.replace(fromSource, '<out>'),
    )
    expect(built.code).toBe(expected.code)
    const files = await tree(fromBundle)
    expect(files).toEqual(await tree(fromSource))
    // The starter has no layouts of its own: they and the stylesheet come from resources/builtin-theme.
    expect(Object.keys(files).some((file) => file.startsWith('assets/css/'))).toBe(true)
    expect(await readFile(path.join(fromBundle, 'index.html'), 'utf8')).toMatch(/<html/)
  }, 60_000)

  it('runs through a symlink, as npm links a `bin`', async () => {
    const bin = path.join(scratch, 'bin')
    await mkdir(bin, { recursive: true })
    await symlink(bundle, path.join(bin, 'atelier'))
    const linked = await run(path.join(bin, 'atelier'), ['status', repo])
    expect(linked).toEqual(await fromSources('status', repo))
    expect(linked.stdout).toContain('Modifiée')
  })

  it('loads neither Liquid, Sass, the editor nor zod for `--help` and `status`', async () => {
    interface Output {
      imports: { path: string; kind: string; external?: boolean }[]
      inputs: Record<string, unknown>
      entryPoint?: string
    }
    const { outputs } = JSON.parse(
      await readFile(path.join(root, 'out', 'cli', 'metafile.json'), 'utf8'),
    ) as { outputs: Record<string, Output> }
    /** The source files a chunk and the chunks it imports statically (run before it) hold. */
    const loaded = (start: string, seen = new Set<string>()): Set<string> => {
      if (seen.has(start)) return seen
      seen.add(start)
      for (const dependency of outputs[start]!.imports) {
        if (dependency.kind === 'import-statement' && !dependency.external) {
          loaded(dependency.path, seen)
        }
      }
      return seen
    }
    const inputsOf = (chunks: Set<string>) =>
      [...chunks].flatMap((chunk) => Object.keys(outputs[chunk]!.inputs))
    const entry = Object.keys(outputs).find((file) => file.endsWith('/atelier.mjs'))!
    const status = Object.keys(outputs).find(
      (file) => outputs[file]!.entryPoint === 'src-main/commands/versions.ts',
    )!
    const heavy = /node_modules\/(liquidjs|sass|@tiptap|prosemirror-[a-z]+|zod|markdown-it)\//
    const forHelp = inputsOf(loaded(entry))
    const forStatus = inputsOf(loaded(status, loaded(entry)))
    expect(forHelp.filter((file) => file.includes('node_modules/isomorphic-git/'))).toEqual([])
    expect(forHelp.filter((file) => heavy.test(file))).toEqual([])
    expect(forStatus.filter((file) => heavy.test(file))).toEqual([])
    // …while `check` does reach Liquid: the test looks at the right graph.
    const check = Object.keys(outputs).find(
      (file) => outputs[file]!.entryPoint === 'src-main/commands/check.ts',
    )!
    expect(inputsOf(loaded(check)).some((file) => file.includes('node_modules/liquidjs/'))).toBe(
      true,
    )
  })
})
