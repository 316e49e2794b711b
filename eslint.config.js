import js from '@eslint/js'
import tseslint from 'typescript-eslint'
import pluginVue from 'eslint-plugin-vue'
import prettier from 'eslint-config-prettier'
import globals from 'globals'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

// Layer rules (docs/architecture.md): shared/ imports from nowhere else, renderer/ only from shared/,
// only electron/main and electron/preload import `electron`.
const noElectron = {
  name: 'electron',
  message: 'Only electron/main and electron/preload import electron.',
}
const layer = (from, forbidden) => ({
  files: [`${from}/**/*.{ts,vue}`],
  rules: {
    'no-restricted-imports': [
      'error',
      {
        paths:
          from.startsWith('electron/main') || from.startsWith('electron/preload')
            ? []
            : [noElectron],
        patterns: forbidden.map((dir) => ({
          group: [`**/${dir}/**`, `**/${dir}`],
          message: `${from}/ must not import from ${dir}/`,
        })),
      },
    ],
  },
})

// The simulator frame runs the mini-program's untrusted code in its own sandboxed page: its
// production modules may import only shared/, their own folder and packages, never the workbench.
const ROOT = path.dirname(fileURLToPath(import.meta.url))
const FRAME_DIR = path.join(ROOT, 'renderer/src/simulator/frame')
const SHARED_DIR = path.join(ROOT, 'shared')
const inside = (dir, file) => file === dir || file.startsWith(dir + path.sep)
const frameLayer = {
  meta: {
    type: 'problem',
    messages: {
      outside:
        'renderer/src/simulator/frame/ imports only shared/ and its own folder, not {{target}}.',
    },
  },
  create(context) {
    const check = (source) => {
      if (typeof source?.value !== 'string' || !source.value.startsWith('.')) return
      const target = path.resolve(path.dirname(context.filename), source.value)
      if (inside(FRAME_DIR, target) || inside(SHARED_DIR, target)) return
      context.report({
        node: source,
        messageId: 'outside',
        data: { target: path.relative(ROOT, target) },
      })
    }
    return {
      ImportDeclaration: (node) => check(node.source),
      ExportNamedDeclaration: (node) => check(node.source),
      ExportAllDeclaration: (node) => check(node.source),
      ImportExpression: (node) => check(node.source),
    }
  },
}

export default tseslint.config(
  {
    ignores: [
      'out/**',
      'dist/**',
      'node_modules/**',
      'tests/fixtures/**',
      'resources/demo/**',
      'coverage/**',
      '.bench-runs/**',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  ...pluginVue.configs['flat/recommended'],
  {
    files: ['**/*.vue'],
    languageOptions: { parserOptions: { parser: tseslint.parser } },
  },
  {
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
    rules: {
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_' },
      ],
      'vue/multi-word-component-names': 'off',
    },
  },
  layer('shared', ['electron', 'renderer']),
  layer('renderer', ['electron']),
  layer('electron/services', ['renderer', 'electron/main', 'electron/preload']),
  layer('electron/host', ['renderer', 'electron/main', 'electron/preload']),
  layer('electron/cli', ['renderer', 'electron/main', 'electron/preload']),
  layer('electron/main', ['renderer']),
  layer('electron/preload', ['renderer', 'electron/services', 'electron/host']),
  {
    files: ['renderer/src/simulator/frame/**/*.{ts,vue}'],
    ignores: ['**/*.test.ts'],
    plugins: { layers: { rules: { 'simulator-frame': frameLayer } } },
    rules: { 'layers/simulator-frame': 'error' },
  },
  prettier,
)
