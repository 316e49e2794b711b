/**
 * Errors in a project's ES-module / TypeScript files, in the workbench in browser mode: a syntax
 * error is listed in the simulator's compile errors with the project file and its line:column, and
 * in the Console at that file when another module requires it; an error thrown while a TypeScript
 * page module runs is shown in the Console at the line of the project's .ts file (through its
 * source map), not at the simulator's own script.
 */
import { mkdir, writeFile } from 'node:fs/promises'
import { dirname, join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { E2E_TEST_TIMEOUT_MS, openWorkbench, SCREENSHOT_DIR, useE2eScratch } from './harness'

const FILES: Record<string, string> = {
  'project.config.json': JSON.stringify({
    appid: 'wx00000000000000e1',
    compileType: 'miniprogram',
    setting: { useCompilerPlugins: ['typescript'] },
  }),
  'app.json': JSON.stringify({ pages: ['pages/index/index', 'pages/other/other'] }),
  'app.ts': 'App({})\n',
  'utils/broken.ts': 'export const total: number = 1 +\n',
  'pages/index/index.json': '{}',
  'pages/index/index.wxml': '<view id="title">index</view>\n',
  'pages/index/index.ts':
    "import { label } from '../../utils/label'\n\nconst n: number = 1\nif (n === 1) throw new Error('index page broke ' + label)\nPage({})\n",
  'utils/label.ts': "export const label: string = 'L'\n",
  'pages/other/other.json': '{}',
  'pages/other/other.wxml': '<view>other</view>\n',
  'pages/other/other.ts': "import { total } from '../../utils/broken'\nPage({ data: { total } })\n",
}

describe('script errors in the workbench', { timeout: E2E_TEST_TIMEOUT_MS }, () => {
  const e2e = useE2eScratch()

  it('names the project file and line:column of a syntax error and of a thrown error', async () => {
    const project = join(await e2e.folder('mpdt-e2e-script-errors-'), 'app')
    for (const [path, text] of Object.entries(FILES)) {
      await mkdir(dirname(join(project, path)), { recursive: true })
      await writeFile(join(project, path), text)
    }
    e2e.session = await openWorkbench(project)
    const page = e2e.page()
    const phone = e2e.phone()
    const compileErrors = phone.locator('#mp-compile-errors')
    await compileErrors.waitFor()
    await expect.poll(() => compileErrors.innerText()).toMatch(/utils\/broken\.ts:2:1/)
    await page.screenshot({ path: join(SCREENSHOT_DIR, 'script-errors-compile.png') })

    await page.getByRole('tab', { name: '控制台' }).click()
    const log = page.getByRole('log')
    await log
      .getByText(/index page broke L/)
      .first()
      .waitFor()
    const text = await log.innerText()
    await page.screenshot({ path: join(SCREENSHOT_DIR, 'script-errors-console.png') })
    // The place column shows the file's name and line, as Chrome's console does.
    expect(text).toMatch(/index page broke L\s+index\.ts:4\b/)
    // other.ts requires the broken module: the error is placed at the broken source, not at the
    // stand-in script that throws it.
    expect(text).toMatch(/utils\/broken\.ts:2:1: Unexpected end of file\s+broken\.ts:2\b/)
    expect(text).not.toMatch(/broken\.js/)
    // index.ts threw before Page(): the page's error says so.
    expect(text).toContain(
      'Page "pages/index/index" has not been registered yet. Its module stopped before Page(): Error: index page broke L',
    )
  })
})
