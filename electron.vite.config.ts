import { resolve } from 'node:path'
import { defineConfig, externalizeDepsPlugin } from 'electron-vite'
import vue from '@vitejs/plugin-vue'
import { simulatorFrame } from './scripts/vite-simulator-frame'
import { bundleRealm, REALM_SCRIPT } from './electron/services/headless/sandbox-realm'

export default defineConfig({
  main: {
    plugins: [
      externalizeDepsPlugin(),
      {
        // `mpdt run`'s sandbox realm: the shared runtime as one classic script beside cli.js.
        name: 'mpdt-headless-realm',
        apply: 'build',
        closeBundle() {
          bundleRealm(
            resolve('electron/services/headless/realm-entry.ts'),
            resolve('out/main', REALM_SCRIPT),
          )
        },
      },
    ],
    build: {
      rollupOptions: {
        // index: the Electron main process; cli: `mpdt` in plain Node (no `electron` import).
        input: { index: resolve('electron/main/index.ts'), cli: resolve('electron/cli/index.ts') },
      },
    },
  },
  preload: {
    // One CommonJS file, so the preload runs with the sandbox on.
    build: {
      rollupOptions: {
        input: { index: resolve('electron/preload/index.ts') },
        output: { format: 'cjs', entryFileNames: '[name].cjs', inlineDynamicImports: true },
      },
    },
  },
  renderer: {
    root: resolve('renderer'),
    plugins: [
      vue(),
      // The sandboxed frame the mini-program runs in (its own CSP allows eval): one classic script.
      simulatorFrame({
        html: resolve('renderer/simulator.html'),
        entry: resolve('renderer/src/simulator/frame/main.ts'),
        guard: resolve('renderer/src/simulator/frame/web-view-guard.ts'),
        outDir: resolve('out/renderer'),
      }),
    ],
    build: {
      rollupOptions: {
        input: { index: resolve('renderer/index.html') },
      },
    },
  },
})
