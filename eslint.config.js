import js from '@eslint/js'
import tseslint from 'typescript-eslint'
import pluginVue from 'eslint-plugin-vue'
import prettier from 'eslint-config-prettier'
import globals from 'globals'

// Layer rules (ARCHITECTURE.md): shared/ imports from nowhere else, renderer/ only from shared/,
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

export default tseslint.config(
  {
    ignores: [
      'out/**',
      'dist/**',
      'node_modules/**',
      'tests/fixtures/**',
      'resources/demo/**',
      'coverage/**',
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
  prettier,
)
