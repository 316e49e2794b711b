// @vitest-environment happy-dom
/**
 * `<web-view>` in the frame: it opens nothing before the main process's 业务域名 decision for the
 * current src arrives, shows WeChat's refusal with binderror for a refused one, and drops an
 * answer for a src it no longer shows. (Opening a page is proven in Chromium by
 * tests/e2e/web-view.test.ts; happy-dom would fetch it.)
 */
import { afterEach, describe, expect, it } from 'vitest'
import type { WebViewDecision } from '../../../shared/web-view'
import { guardDocument } from '../../../renderer/src/simulator/frame/builtins/web-view'
import { doc, mountPage, nextTask, type MountedPage } from './harness'

let mounted: MountedPage | undefined
afterEach(() => mounted?.release())

interface Asked {
  src: string
  answer(decision: WebViewDecision): void
}

async function mountWebView(src: string) {
  const asked: Asked[] = []
  const events: { type: string; detail: unknown }[] = []
  mounted = await mountPage({
    viewport: true,
    wxml: `<view id="under">under</view>
      <web-view id="web" src="{{src}}" bindload="loaded" binderror="failed"></web-view>`,
    page: {
      data: { src },
      loaded(event: { detail: unknown }) {
        events.push({ type: 'load', detail: event.detail })
      },
      failed(event: { detail: unknown }) {
        events.push({ type: 'error', detail: event.detail })
      },
    },
    judgeWebView: (asking, answer) => asked.push({ src: asking, answer }),
  })
  await nextTask()
  return { asked, events, web: mounted.byId('web') }
}

describe('web-view', () => {
  it('covers the page viewport and opens nothing until the decision comes', async () => {
    const { asked, web } = await mountWebView('https://h5.example.test/a')
    expect(asked.map((ask) => ask.src)).toEqual(['https://h5.example.test/a'])
    expect(web.style.position).toBe('fixed')
    expect(web.style.inset).toBe('0')
    expect(web.querySelector('iframe')).toBeNull()
    expect(web.querySelector('[role="alert"]')).toBeNull()
  })

  it('a refused src shows WeChat’s refusal and the reason, and fires binderror', async () => {
    const { asked, events, web } = await mountWebView('http://h5.example.test/a')
    asked[0].answer({ allowed: false, rule: 'not-https', origin: 'http://h5.example.test' })
    const refusal = web.querySelector('[role="alert"]')
    expect(refusal?.textContent).toContain(
      '不支持打开非业务域名 http://h5.example.test/a，请重新配置',
    )
    expect(refusal?.textContent).toContain('web-view 的网页必须是 https：http://h5.example.test')
    expect(web.querySelector('iframe')).toBeNull()
    const src = 'http://h5.example.test/a'
    expect(events).toEqual([{ type: 'error', detail: { url: src, fullUrl: src, src } }])
  })

  it('drops the answer for a src it no longer shows and asks again for the new one', async () => {
    const { asked, events, web } = await mountWebView('https://old.example.test/')
    mounted!.page.setData({ src: 'https://new.example.test/' })
    expect(asked.map((ask) => ask.src)).toEqual([
      'https://old.example.test/',
      'https://new.example.test/',
    ])
    asked[0].answer({ allowed: true })
    expect(web.querySelector('iframe')).toBeNull()
    asked[1].answer({ allowed: false, rule: 'domain-list', origin: 'https://new.example.test' })
    expect(web.querySelector('[role="alert"]')?.textContent).toContain('https://new.example.test/')
    expect(events.map((event) => event.type)).toEqual(['error'])
  })

  it('without a workbench to ask, refuses every src', async () => {
    mounted = await mountPage({
      viewport: true,
      wxml: '<web-view id="web" src="https://a.test/" />',
    })
    await nextTask()
    expect(mounted.byId('web').querySelector('[role="alert"]')?.textContent).toContain(
      '模拟器未能校验业务域名',
    )
    expect(doc.querySelector('iframe')).toBeNull()
  })
})

describe('web-view guard document', () => {
  it('limits where the page may go to the origins the decision admits', () => {
    const html = guardDocument(['https://h5.example.test', 'https://b.example.test:8443'])
    expect(html).toContain(
      '<meta http-equiv="Content-Security-Policy" content="frame-src https://h5.example.test https://b.example.test:8443">',
    )
    expect(html).toContain('<script src="./assets/web-view-guard.js"></script>')
  })

  it('puts nothing but an origin into the policy, and with none admitted allows nowhere', () => {
    const html = guardDocument(['https://a.test"><script>alert(1)</script>', 'https://a.test/path'])
    expect(html).not.toContain('alert')
    expect(html).toContain(`content="frame-src 'none'"`)
  })

  it('with the checks off (nothing listed as admitted) sets no policy of its own', () => {
    expect(guardDocument(undefined)).not.toContain('Content-Security-Policy')
  })
})
