/**
 * Dark mode end to end in browser mode: the simulator toolbar's 主题 switch (浅色/深色) on
 * tests/fixtures/projects/theme (theme.json, darkmode: true, a Less page with a
 * prefers-color-scheme rule) restyles the navigation bar, the tabBar and the page without a
 * reload, and the mini-program's wx.onThemeChange hears it.
 */
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import {
  copyFixtureProject,
  E2E_TEST_TIMEOUT_MS,
  openWorkbench,
  SCREENSHOT_DIR,
  useE2eScratch,
  waitFor,
} from './harness'

describe('theme switch in browser mode', { timeout: E2E_TEST_TIMEOUT_MS }, () => {
  const e2e = useE2eScratch()

  const background = (selector: string) =>
    e2e
      .phone()
      .locator(selector)
      .first()
      .evaluate((node) => getComputedStyle(node).backgroundColor)

  it('深色 turns the navigation bar, tabBar, tab icon and prefers-color-scheme rule dark', async () => {
    const project = await copyFixtureProject('theme')
    e2e.defer(() => project.remove())
    e2e.session = await openWorkbench(project.dir)
    const page = e2e.page()
    // Tall enough for the whole phone, so its screenshot shows the tabBar.
    await page.setViewportSize({ width: 1280, height: 1100 })
    await page.getByRole('combobox', { name: '缩放' }).selectOption({ label: '100%' })
    const card = '[id="card"], [id$="--card"]'
    await e2e.phone().locator(card).waitFor()
    const themeSwitch = page.getByRole('combobox', { name: '主题' })
    await themeSwitch.selectOption({ label: '浅色' })

    // Light: theme.json's light values, the Less rule outside the media query.
    expect(await background('#mp-header')).toBe('rgb(255, 216, 0)')
    expect(await background('#mp-tab-bar')).toBe('rgb(250, 250, 250)')
    expect(await background(card)).toBe('rgb(255, 243, 176)')
    const lightIcon = await e2e.phone().locator('.mp-tab-icon').first().getAttribute('src')
    await page.locator('.phone').screenshot({ path: join(SCREENSHOT_DIR, 'theme-light.png') })

    await themeSwitch.selectOption({ label: '深色' })
    expect(
      await waitFor(
        () => background('#mp-header'),
        (color) => color === 'rgb(31, 31, 31)',
      ),
    ).toBe('rgb(31, 31, 31)')
    expect(
      await e2e
        .phone()
        .locator('#mp-navigation-title')
        .evaluate((node) => getComputedStyle(node).color),
    ).toBe('rgb(255, 255, 255)')
    expect(await background('#mp-tab-bar')).toBe('rgb(25, 25, 25)')
    expect(await background(card)).toBe('rgb(51, 58, 77)')
    const darkIcon = await e2e.phone().locator('.mp-tab-icon').first().getAttribute('src')
    expect(darkIcon).toMatch(/^data:image\/png/)
    expect(darkIcon).not.toBe(lightIcon)
    await page.locator('.phone').screenshot({ path: join(SCREENSHOT_DIR, 'theme-dark.png') })

    // The mini-program heard it: App.onThemeChange and wx.onThemeChange in the Console panel.
    await page.getByRole('tab', { name: '控制台' }).click()
    const log = await waitFor(
      () => page.getByRole('log').innerText(),
      (text) => /wx\.onThemeChange\s+dark/.test(text),
    )
    expect(log).toMatch(/App\.onThemeChange\s+dark\s+wx\.onThemeChange\s+dark/)

    // And back, without a reload.
    await themeSwitch.selectOption({ label: '浅色' })
    expect(
      await waitFor(
        () => background(card),
        (color) => color === 'rgb(255, 243, 176)',
      ),
    ).toBe('rgb(255, 243, 176)')
    expect(e2e.session.pageErrors).toEqual([])
  })
})
