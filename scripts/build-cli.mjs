// @ts-check
/**
 * `npm run build:cli`: the command line as one ESM program, `out/cli/atelier.mjs`
 * (the package's `bin`, `atelier status …`), with each command in its own chunk
 * under `out/cli/chunks/`: `src-main/cli.ts` imports a command's module only when
 * it runs, so `status` or `--help` loads a few hundred kilobytes, not Liquid, Sass
 * and the editor's schema. Node runs it without tsx, which costs a second a call.
 *
 * The chunks stay under `out/`, inside the project: `src-main/paths.ts` finds the
 * built-in theme and the starter playbook from the nearest `package.json` above.
 */
import { rm, writeFile } from 'node:fs/promises'
import path from 'node:path'
import { build } from 'esbuild'

const root = path.resolve(import.meta.dirname, '..')
const outdir = path.join(root, 'out', 'cli')

await rm(outdir, { recursive: true, force: true })
const result = await build({
  absWorkingDir: root,
  entryPoints: {
    atelier: 'src-main/cli.ts',
    // The preview renders pages in a worker thread: bounded-renderer.ts starts this file.
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
  // Less to read and compile at each start; names kept readable in stack traces.
  minifyWhitespace: true,
  minifySyntax: true,
  // Sass's optional file watcher is a native module `compile` never uses.
  external: ['@parcel/watcher'],
  // Bundled CommonJS packages (yaml, isomorphic-git…) `require` Node's own modules,
  // which an ES module has no `require` for.
  banner: {
    js: "import { createRequire as __atelierRequire } from 'node:module'; const require = __atelierRequire(import.meta.url);",
  },
  metafile: true,
  logLevel: 'warning',
})
// What each file holds and imports: the tests check from it what `status` loads.
await writeFile(path.join(outdir, 'metafile.json'), JSON.stringify(result.metafile))
