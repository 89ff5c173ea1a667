import react from '@vitejs/plugin-react'
import { resolve } from 'node:path'
import { defineConfig, type Plugin, type UserConfig } from 'vite'
import { WORKBENCH_CSP_META } from './src-main/security/content-security-policy.js'

/**
 * The renderer build, shared by `electron-vite` (the app) and plain `vite build`
 * (the test host, which needs no Electron). Relative `base` so the built files
 * load from `file://` in the packaged app.
 */
export function rendererConfig(): UserConfig {
  return {
    root: resolve(import.meta.dirname, 'src-renderer'),
    base: './',
    plugins: [react(), cspMeta()],
    build: {
      outDir: resolve(import.meta.dirname, 'out/renderer'),
      emptyOutDir: true,
      target: 'chrome120',
      chunkSizeWarningLimit: 2000,
    },
  }
}

/** The CSP as a meta tag in built HTML (dev keeps Vite's inline HMR scripts working). */
function cspMeta(): Plugin {
  return {
    name: 'atelier-csp-meta',
    apply: 'build',
    transformIndexHtml: (html) =>
      html.replace(
        '<head>',
        `<head>\n    <meta http-equiv="Content-Security-Policy" content="${WORKBENCH_CSP_META}" />`,
      ),
  }
}

export default defineConfig(rendererConfig())
