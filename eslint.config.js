// @ts-check
import js from '@eslint/js'
import reactHooks from 'eslint-plugin-react-hooks'
import globals from 'globals'
import tseslint from 'typescript-eslint'

export default tseslint.config(
  { ignores: ['out/**', 'dist/**', 'node_modules/**', 'resources/**', 'tests/fixtures/sites/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_' },
      ],
      '@typescript-eslint/consistent-type-imports': 'error',
    },
  },
  {
    files: ['src-main/**/*.ts', 'src-shared/**/*.ts', 'src-renderer/**/*.{ts,tsx}'],
    rules: {
      // YAML from pages, data files and configs is read behind the nesting gate only.
      'no-restricted-syntax': [
        'error',
        {
          selector:
            "ImportDeclaration[source.value='yaml'] :matches(ImportSpecifier[imported.name=/^(parse|parseDocument|parseAllDocuments|Parser|Composer)$/], ImportDefaultSpecifier, ImportNamespaceSpecifier)",
          message:
            'Read YAML through src-shared/front-matter/yaml-gate.ts: the yaml package has no nesting limit, and a hostile page would crash the app.',
        },
      ],
    },
  },
  {
    files: ['src-renderer/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      // The renderer reaches main only through `api/client.ts`, never Electron or Node.
      'no-restricted-imports': ['error', { patterns: ['electron', 'node:*', '**/src-main/**'] }],
    },
  },
  // Renderer layers, lowest first: a folder imports only the folders before it (and itself).
  // `commands/` sits above the stores it drives and below the editor (the toolbar shows
  // its shortcuts); `i18n/` is a leaf anyone may use. Each block repeats the boundary
  // with main, because a later block's `no-restricted-imports` replaces the earlier one.
  ...rendererLayers(['ui', 'api', 'stores', 'commands', 'editor', 'views', 'shell']),
  rendererLeaf('i18n'),
  {
    files: ['src-shared/**/*.ts'],
    rules: {
      // Shared code runs on both sides: no Node, no DOM, no Electron.
      'no-restricted-imports': [
        'error',
        { patterns: ['electron', 'node:*', 'react', 'react-dom'] },
      ],
    },
  },
  {
    files: ['src-main/**/*.ts'],
    ignores: ['src-main/app/**', 'src-main/preload.ts'],
    rules: {
      // Electron stays in app/ (and the preload) so the rest runs and is tested without it.
      'no-restricted-imports': ['error', { patterns: ['electron'] }],
    },
  },
  {
    // Services are called by the handler table, never the other way round: none imports ipc/.
    files: ['src-main/{workspace,preview,settings,i18n,security,commands}/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: ['electron', '**/ipc/**'] }],
    },
  },
  {
    // Review (contributions as files, notes, rendered diffs) is built on git/, site/ and the
    // preview's renderer; the workspace and the preview know nothing of it.
    files: ['src-main/review/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: ['electron', '**/ipc/**', '**/workspace/**'] },
      ],
    },
  },
  {
    files: ['src-main/preview/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: ['electron', '**/ipc/**', '**/review/**'] }],
    },
  },
  {
    // The workspace (pages, index, journal) knows nothing of the preview: the session wires them.
    files: ['src-main/workspace/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: ['electron', '**/ipc/**', '**/preview/**', '**/review/**'] },
      ],
    },
  },
  {
    // Renames with their links are a service over the workspace and the links' reading: called
    // by the handler table, never calling it.
    files: ['src-main/rename/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: ['electron', '**/ipc/**', '**/review/**'] }],
    },
  },
  {
    // The foundations: files (fs/), versions (git/) and Jekyll's rules (site/) know nothing of the services built on
    // them, so a change there never has to look upwards.
    files: ['src-main/{git,fs,site}/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: ['electron', '**/ipc/**', '**/workspace/**', '**/preview/**', '**/review/**'],
        },
      ],
    },
  },
  {
    // References and what they name: read from the site model, used by checks and renames.
    files: ['src-main/links/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: ['electron', '**/ipc/**', '**/review/**', '**/workspace/**', '**/checks/**'],
        },
      ],
    },
  },
  {
    // Checks read the site and its references; the session feeds them changes.
    files: ['src-main/checks/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: ['electron', '**/ipc/**', '**/review/**'] }],
    },
  },
  {
    // Search reads the workspace's pages and follows its changes; nothing below knows of it.
    files: ['src-main/search/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: ['electron', '**/ipc/**', '**/preview/**', '**/review/**'] },
      ],
    },
  },
  {
    // Talking to a git host: over git/ only; the services and the handlers call it, never the reverse.
    files: ['src-main/sync/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: ['electron', '**/ipc/**', '**/workspace/**', '**/preview/**', '**/review/**'],
        },
      ],
    },
  },
)

/** The renderer reaches main only through `api/client.ts`, never Electron or Node. */
function rendererBoundary() {
  return {
    group: ['electron', 'node:*', '**/src-main/**'],
    message: 'The renderer reaches main only through api/client.ts.',
  }
}

/** One config block per layer: a relative import of any later layer is refused. */
function rendererLayers(/** @type {string[]} */ layers) {
  return layers.slice(0, -1).map((layer, index) => {
    const above = layers.slice(index + 1)
    return {
      files: [`src-renderer/${layer}/**/*.{ts,tsx}`],
      rules: {
        'no-restricted-imports': [
          'error',
          {
            patterns: [
              rendererBoundary(),
              {
                regex: `^(\\.\\./)+(${above.join('|')})/`,
                message: `${layer}/ may not import ${above.join(', ')}: the renderer's layers run ${layers.join(' < ')}. Move what both need down a layer.`,
              },
            ],
          },
        ],
      },
    }
  })
}

/** A folder used by every layer and importing none of them. */
function rendererLeaf(/** @type {string} */ folder) {
  return {
    files: [`src-renderer/${folder}/**/*.{ts,tsx}`],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            rendererBoundary(),
            {
              regex: '^(\\.\\./)+(?!src-shared/)[^./][^/]*/',
              message: `${folder}/ is a leaf: it imports no other folder of the renderer.`,
            },
          ],
        },
      ],
    },
  }
}
