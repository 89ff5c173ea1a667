import { execFileSync } from 'node:child_process'
import path from 'node:path'
import { build } from 'esbuild'

const root = path.resolve(import.meta.dirname, '../..')

/**
 * The main process's memory on a 5,000-page guide (issue 18: under 300 MB after
 * the Versions view and a preview), in a process of its own so the figure is its own.
 * Twice: from the sources through tsx, whose loader runs in the main thread and in
 * each render worker (some 30 MB a worker), and bundled as the app runs it — main
 * and `render-worker` as separate entries, so bounded-renderer.ts starts the bundled
 * worker as it does `out/main/render-worker.js`. Electron's own share of its main
 * process (Chromium's browser side) is in neither.
 */
export async function benchMainMemory(): Promise<void> {
  console.log('')
  const run = (args: string[]) =>
    process.stdout.write(
      execFileSync(process.execPath, ['--expose-gc', ...args, '5000', '1000'], {
        encoding: 'utf8',
        maxBuffer: 1 << 24,
      }),
    )
  run(['--import', 'tsx', path.join(import.meta.dirname, 'main-memory.run.ts')])
  run([await bundle()])
}

/** The run script and the render worker bundled under `out/` (paths.ts finds the resources from there). */
async function bundle(): Promise<string> {
  const outdir = path.join(root, 'out', 'bench-main-memory')
  await build({
    absWorkingDir: root,
    entryPoints: {
      'main-memory': 'tests/bench/main-memory.run.ts',
      'render-worker': 'src-main/preview/render-worker.ts',
    },
    outdir,
    outExtension: { '.js': '.mjs' },
    chunkNames: 'chunks/[name]-[hash]',
    bundle: true,
    splitting: true,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    external: ['@parcel/watcher', 'electron'],
    // Bundled CommonJS packages `require` Node's own modules (as in scripts/build-cli.mjs).
    banner: {
      js: "import { createRequire as __atelierRequire } from 'node:module'; const require = __atelierRequire(import.meta.url);",
    },
    logLevel: 'warning',
  })
  return path.join(outdir, 'main-memory.mjs')
}
