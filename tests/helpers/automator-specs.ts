/**
 * One automator script, written as a team would write it for WeChat's tool, run against
 * `mpdt auto` on tests/fixtures/automation/todo: headless (tests/integration) and in the workbench
 * (tests/e2e). `session()` is the connected MiniProgram of the caller's beforeAll; every spec
 * starts from a fresh index page (reLaunch through wx, without the client's 3 s wait).
 */
import { chmod, writeFile } from 'node:fs/promises'
import { createServer } from 'node:net'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import automator from 'miniprogram-automator'
import type MiniProgram from 'miniprogram-automator/out/MiniProgram'
import type Page from 'miniprogram-automator/out/Page'
import { beforeEach, expect, it } from 'vitest'

// What the functions sent to the app service see there (they run in the mini-program, not here).
/* eslint-disable @typescript-eslint/no-explicit-any */
declare const wx: any
declare function getApp(): any
declare function getCurrentPages(): unknown[]
/* eslint-enable @typescript-eslint/no-explicit-any */

export const TODO_FIXTURE = 'tests/fixtures/automation/todo'

/** A port nobody listens on now (automator.launch wants a number, not 0). */
async function freePort(): Promise<number> {
  const server = createServer()
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as { port: number }
  await new Promise((resolve) => server.close(resolve))
  return port
}

/**
 * `automator.launch` on the todo fixture, as a team runs it: cliPath is an executable in `dir`
 * that runs this checkout's mpdt, headless or, with `web`, in the workbench (browser mode, with a
 * data folder of its own in `dir`).
 */
export async function launchTodo(
  dir: string,
  { web = false, timeout }: { web?: boolean; timeout?: number } = {},
): Promise<MiniProgram> {
  const mpdt = `exec "${process.execPath}" "${fileURLToPath(new URL('../../bin/mpdt.js', import.meta.url))}" "$@"`
  const cliPath = join(dir, 'mpdt')
  await writeFile(
    cliPath,
    web
      ? `#!/bin/sh\nMPDT_DATA_DIR="${join(dir, 'data')}" ${mpdt} --web\n`
      : `#!/bin/sh\n${mpdt}\n`,
  )
  await chmod(cliPath, 0o755)
  return automator.launch({
    cliPath,
    projectPath: fileURLToPath(new URL(`../../${TODO_FIXTURE}`, import.meta.url)),
    port: await freePort(),
    ...(timeout === undefined ? {} : { timeout }),
  })
}

/** How long the specs that navigate through the client may take (it sleeps 3 s per route). */
export const NAVIGATION_MS = 30_000

async function waitFor<T>(read: () => Promise<T>, accept: (value: T) => boolean): Promise<T> {
  let value = await read()
  for (let attempt = 0; attempt < 100 && !accept(value); attempt++) {
    await new Promise((resolve) => setTimeout(resolve, 20))
    value = await read()
  }
  return value
}

export function automatorSpecs(session: () => MiniProgram): void {
  let page: Page

  beforeEach(async () => {
    const miniProgram = session()
    await miniProgram.callWxMethod('reLaunch', { url: '/pages/index/index' })
    page = (await waitFor(
      () => miniProgram.currentPage(),
      (current) => (current as Page | undefined)?.path === 'pages/index/index',
    )) as Page
  })

  it('opens app.json first page and reads its data', async () => {
    expect(page.path).toBe('pages/index/index')
    expect(await page.data('count')).toBe(0)
    expect(await page.data('todos[1].title')).toBe('ship')
  })

  it('reports an SDKVersion the client accepts', async () => {
    const info = await session().systemInfo()
    expect(info.SDKVersion).toMatch(/^\d+\.\d+\.\d+$/)
  })

  it('taps an element found by #id and the page handler runs with its dataset', async () => {
    const add = await page.$('#add')
    expect(add?.tagName).toBe('button')
    await add?.tap()
    expect(await page.data('count')).toBe(2)
    expect(await (await page.$('#count'))?.text()).toBe('2')
  })

  it('selects by tag, class, compound and descendant, not inside components', async () => {
    expect(await page.$$('todo-item')).toHaveLength(2)
    expect(await page.$$('.list .todo')).toHaveLength(2)
    expect(await page.$$('button.btn.primary')).toHaveLength(1)
    expect(await page.$$('button.btn.missing')).toHaveLength(0)
    expect(await page.$$('view#login')).toHaveLength(1)
    expect(await page.$$('.item')).toHaveLength(0)
    expect(await page.$('.missing')).toBeNull()
  })

  it('queries inside a custom component and reads its data and methods', async () => {
    const [first, second] = await page.$$('todo-item')
    expect(first.constructor.name).toBe('CustomElement')
    const custom = first as unknown as {
      data(path?: string): Promise<unknown>
      callMethod(method: string, ...args: unknown[]): Promise<unknown>
    }
    expect(await custom.data('title')).toBe('write tests')
    expect(await custom.callMethod('shout', '!')).toBe('WRITE TESTS!')
    expect(await (await second.$('.item'))?.attribute('class')).toBe('item done')
    await (await first.$('.item'))?.tap()
    expect(await page.data('toggled')).toBe('0:write tests')
    expect(await custom.data('taps')).toBe(1)
  })

  it('gives the WXML of an element, inner and outer', async () => {
    const [first] = await page.$$('todo-item')
    expect(await first.wxml()).toBe(
      '<view class="item"><text class="title">write tests</text></view>',
    )
    expect(await first.outerWxml()).toMatch(/^<todo-item class="todo" data-index="0">/)
  })

  it('sets page data and the element tree follows', async () => {
    await page.setData({ count: 40 })
    expect(await page.data('count')).toBe(40)
    expect(await (await page.$('#count'))?.text()).toBe('40')
  })

  it('calls page methods and awaits what they return', async () => {
    expect(await page.callMethod('double', 21)).toBe(42)
    expect(await page.callMethod('later', 4)).toBe(5)
  })

  it('mocks wx.request with a fixed result and restores the original', async () => {
    const miniProgram = session()
    await miniProgram.evaluate(function () {
      getApp().originalRequest = wx.request
    })
    await miniProgram.mockWxMethod('request', {
      data: { title: 'from the mock' },
      statusCode: 200,
      header: {},
      errMsg: 'request:ok',
    })
    await (await page.$('#fetch'))?.tap()
    expect(
      await waitFor(
        () => page.data('fetched'),
        (value) => value !== 'nothing',
      ),
    ).toBe('200 from the mock')
    await miniProgram.restoreWxMethod('request')
    expect(
      await miniProgram.evaluate(function () {
        return wx.request === getApp().originalRequest
      }),
    ).toBe(true)
  })

  it('mocks wx.login with a function and extra arguments, then restores it', async () => {
    const miniProgram = session()
    const before = await miniProgram.evaluate(() => typeof wx.login)
    await miniProgram.mockWxMethod(
      'login',
      function (_options: unknown, code: string) {
        return { code, errMsg: 'login:ok' }
      },
      'code-from-test',
    )
    await (await page.$('#login'))?.tap()
    expect(
      await waitFor(
        () => page.data('user'),
        (value) => value !== 'nobody',
      ),
    ).toBe('code-from-test')
    expect(await miniProgram.callWxMethod('login')).toEqual({
      code: 'code-from-test',
      errMsg: 'login:ok',
    })
    await miniProgram.restoreWxMethod('login')
    expect(await miniProgram.evaluate(() => typeof wx.login)).toBe(before)
  })

  it('evaluates a function in the app service with arguments', async () => {
    const result = await session().evaluate(function (suffix: string) {
      return `${getApp().globalData.owner}${suffix} ${getCurrentPages().length}`
    }, '!')
    expect(result).toBe('ada! 1')
  })

  it('calls wx methods, synchronous and asynchronous', async () => {
    const miniProgram = session()
    await miniProgram.callWxMethod('setStorageSync', 'key', 'value')
    expect(await miniProgram.callWxMethod('getStorageSync', 'key')).toBe('value')
    expect(await miniProgram.callWxMethod('getStorage', { key: 'key' })).toEqual({
      data: 'value',
      errMsg: 'getStorage:ok',
    })
    await expect(miniProgram.callWxMethod('getStorage', { key: 'absent' })).rejects.toThrow(
      'getStorage:fail data not found',
    )
  })

  it('sends console calls once the log is enabled, and exceptions', async () => {
    const miniProgram = session()
    const logs: { type: string; args: unknown[] }[] = []
    const exceptions: { message?: string }[] = []
    const onConsole = (entry: { type: string; args: unknown[] }) => logs.push(entry)
    const onException = (entry: { message?: string }) => exceptions.push(entry)
    miniProgram.on('console', onConsole)
    miniProgram.on('exception', onException)
    try {
      await (await page.$('#add'))?.tap()
      await page.callMethod('crash')
      await waitFor(
        async () => logs.length + exceptions.length,
        () => logs.some((entry) => entry.args[0] === 'count is') && exceptions.length > 0,
      )
      expect(logs).toContainEqual({ type: 'log', args: ['count is', 2] })
      expect(exceptions[0].message).toContain('boom from the page')
    } finally {
      miniProgram.off('console', onConsole)
      miniProgram.off('exception', onException)
    }
  })

  it('answers a tap whose handler logs the whole event and the page', async () => {
    const miniProgram = session()
    const logs: { type: string; args: unknown[] }[] = []
    const onConsole = (entry: { type: string; args: unknown[] }) => logs.push(entry)
    miniProgram.on('console', onConsole)
    try {
      await (await page.$('#log-event'))?.tap()
      expect(await page.data('user')).toBe('fingerPrint')
      await waitFor(
        async () => logs.length,
        (length) => length > 0,
      )
      const [event, pageCopy] = logs[0].args as Record<string, Record<string, unknown>>[]
      expect(event.currentTarget.dataset).toEqual({ mode: 'fingerPrint' })
      // WeChat's plain event, not glass-easel's: its own keys, targets without a tree behind them.
      expect(Object.keys(event).slice(0, 6)).toEqual([
        'type',
        'timeStamp',
        'target',
        'currentTarget',
        'mark',
        'detail',
      ])
      expect(event.type).toBe('tap')
      expect(event.target).toEqual({
        id: 'log-event',
        dataset: { mode: 'fingerPrint' },
        offsetLeft: expect.any(Number),
        offsetTop: expect.any(Number),
      })
      expect(pageCopy.route).toBe('pages/index/index')
      // The copy is bounded: the page's glass-easel tree is cut, not walked whole.
      expect(JSON.stringify(logs[0]).length).toBeLessThan(1_000_000)
    } finally {
      miniProgram.off('console', onConsole)
    }
  })

  it('calls a function the test exposed from the app service', async () => {
    const miniProgram = session()
    const calls: unknown[][] = []
    await miniProgram.exposeFunction(`report${Date.now()}`, (...args: unknown[]) =>
      calls.push(args),
    )
    const name = (miniProgram as unknown as { appBindings: Map<string, unknown> }).appBindings
      .keys()
      .next().value as string
    await miniProgram.evaluate(`function () { ${name}('seen', 1) }`)
    await waitFor(
      async () => calls.length,
      (length) => length > 0,
    )
    expect(calls).toEqual([['seen', 1]])
  })

  it('long-presses and types into an input', async () => {
    await (await page.$('#hold'))?.longpress()
    expect(await page.data('heldText')).toBe('held')
    const input = (await page.$('#name')) as unknown as { input(value: string): Promise<void> }
    await input.input('Ada')
    expect(await page.data('name')).toBe('Ada')
  })

  it(
    'navigates: navigateTo with a query, the page stack, navigateBack, redirectTo, reLaunch',
    async () => {
      const miniProgram = session()
      const detail = await miniProgram.navigateTo('/pages/detail/detail?id=3')
      expect(detail?.path).toBe('pages/detail/detail')
      expect(detail?.query).toEqual({ id: '3' })
      expect(await detail?.data('id')).toBe('3')
      expect(await (await detail?.$('#detail'))?.text()).toBe('detail 3')
      expect((await miniProgram.pageStack()).map((entry) => entry.path)).toEqual([
        'pages/index/index',
        'pages/detail/detail',
      ])
      expect((await miniProgram.navigateBack())?.path).toBe('pages/index/index')
      expect((await miniProgram.redirectTo('/pages/detail/detail?id=4'))?.query).toEqual({
        id: '4',
      })
      const relaunched = await miniProgram.reLaunch('/pages/detail/detail?id=5')
      expect(await relaunched?.data('id')).toBe('5')
      expect(await miniProgram.pageStack()).toHaveLength(1)
    },
    NAVIGATION_MS,
  )

  it('finds elements by XPath', async () => {
    expect((await page.xpath("//view[@id='login']"))?.tagName).toBe('view')
    expect(await page.getElementsByXpath('//todo-item')).toHaveLength(2)
    expect(await (await page.xpath('//todo-item[2]'))?.attribute('data-index')).toBe('1')
    expect(await (await page.xpath("//view[contains(@class,'page')]/text"))?.text()).toBe('0')
    expect(await page.xpath('//view[@id="absent"]')).toBeNull()
  })

  it('answers an error naming a method or selector it does not support', async () => {
    await expect(session().testAccounts()).rejects.toThrow(/Tool\.getTestAccounts/)
    await expect(page.$$('view:first-child')).rejects.toThrow(/unsupported selector/)
  })
}
