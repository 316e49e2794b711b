/**
 * `<editor>` in real Chromium (pages/editor of the phone-layout fixture): typing, the page's own
 * toolbar formatting the selection through the EditorContext from `SelectorQuery.context()`,
 * statuschange reaching the page, keyboard undo through the editor's history, a picture with its
 * size label and toolbar, and getContents' html.
 */
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import {
  copyFixtureProject,
  E2E_TEST_TIMEOUT_MS,
  openWorkbench,
  SCREENSHOT_DIR,
  useE2eScratch,
} from './harness'

describe('editor', { timeout: E2E_TEST_TIMEOUT_MS }, () => {
  const e2e = useE2eScratch()

  it('types, formats from the page toolbar, undoes, inserts a picture and exports html', async () => {
    const copy = await copyFixtureProject('phone-layout', 'pages/editor/editor')
    e2e.defer(() => copy.remove())
    e2e.session = await openWorkbench(copy.dir)
    const { page } = e2e.session
    const phone = e2e.phone()
    const state = phone.locator('[id$="--state"]')
    const formats = phone.locator('[id$="--formats"]')
    const area = phone.locator('.ql-editor')
    await expect.poll(() => state.innerText()).toBe('ready')
    expect(await area.getAttribute('data-placeholder')).toBe('Write here')

    await area.click()
    await page.keyboard.type('Hello world')
    await expect.poll(() => state.innerText()).toBe('input "Hello world\\n"')

    await page.keyboard.press('Home')
    for (let step = 0; step < 5; step += 1) await page.keyboard.press('Shift+ArrowRight')
    await phone.locator('[id$="--bold"]').click()
    await expect.poll(() => area.innerHTML()).toBe('<p><strong>Hello</strong> world</p>')
    await expect.poll(() => formats.innerText()).toBe('{"bold":true}')

    // The toolbar tap left the caret in the editor: typing goes on where it was.
    await page.keyboard.press('End')
    await page.keyboard.type('!')
    await expect.poll(() => area.innerText()).toBe('Hello world!')
    await expect.poll(() => formats.innerText()).toBe('{}')

    await phone.locator('[id$="--h2"]').click()
    await expect.poll(() => area.locator('h2').count()).toBe(1)
    await expect.poll(() => formats.innerText()).toBe('{"header":2}')
    await page.keyboard.press('Control+z')
    await expect.poll(() => area.locator('h2').count()).toBe(0)
    await expect.poll(() => area.locator('strong').innerText()).toBe('Hello')

    await phone.locator('[id$="--image"]').click()
    await expect.poll(() => state.innerText()).toBe('insertImage:ok')
    const img = area.locator('img')
    await expect.poll(() => img.evaluate((el) => (el as HTMLImageElement).naturalWidth)).toBe(16)
    await img.click()
    const tools = phone.locator('.wx-editor-img-tools')
    await expect.poll(() => tools.locator('.wx-editor-img-size').innerText()).toBe('40×40')
    await page.locator('.phone').screenshot({ path: join(SCREENSHOT_DIR, 'phone-editor.png') })
    await tools.locator('[data-action=center]').click()
    await expect.poll(() => img.evaluate((el) => el.parentElement?.style.textAlign)).toBe('center')

    await phone.locator('[id$="--html"]').click()
    const contents = phone.locator('[id$="--contents"]')
    await expect.poll(() => contents.innerText()).toContain('<strong>Hello</strong> world!')
    expect(await contents.innerText()).toContain('data-custom="id=red"')
  })

  it('a check list from the page toolbar ticks when its box is clicked, as in WeChat', async () => {
    const copy = await copyFixtureProject('phone-layout', 'pages/editor/editor')
    e2e.defer(() => copy.remove())
    e2e.session = await openWorkbench(copy.dir)
    const { page } = e2e.session
    const phone = e2e.phone()
    const state = phone.locator('[id$="--state"]')
    const formats = phone.locator('[id$="--formats"]')
    const area = phone.locator('.ql-editor')
    await expect.poll(() => state.innerText()).toBe('ready')
    await area.click()
    await page.keyboard.type('milk')
    await phone.locator('[id$="--check"]').click()
    await expect.poll(() => area.innerHTML()).toBe('<ul data-checked="false"><li>milk</li></ul>')
    await expect.poll(() => formats.innerText()).toBe('{"list":"unchecked"}')
    // The box is the line's ::before: a click on it (not on the text) ticks the line.
    const line = (await area.locator('li').boundingBox())!
    await page.mouse.click(line.x + 4, line.y + line.height / 2)
    await expect.poll(() => area.innerHTML()).toBe('<ul data-checked="true"><li>milk</li></ul>')
    await expect.poll(() => formats.innerText()).toBe('{"list":"checked"}')
    await page
      .locator('.phone')
      .screenshot({ path: join(SCREENSHOT_DIR, 'phone-editor-check.png') })
    // A click on the text places the caret and ticks nothing.
    await page.mouse.click(line.x + line.width - 10, line.y + line.height / 2)
    await page.keyboard.type('!')
    await expect.poll(() => area.innerHTML()).toBe('<ul data-checked="true"><li>milk!</li></ul>')
  })
})
