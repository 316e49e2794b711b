/**
 * The 业务域名 rule as the engine applies it to a `<web-view>` src: with the checks on only an
 * https origin of the `webview` list opens (IP and localhost refused as for every list), and a
 * refusal prints WeChat's block; with them off everything http(s) opens and a src a phone would
 * refuse is named as such. Nothing here connects anywhere.
 */
import { describe, expect, it } from 'vitest'
import { recordedEngine } from '../../../../tests/helpers/engine-kit'

const LISTED = 'https://h5.example.test'
const domains = (webview: string[]) => ({
  request: [],
  socket: [],
  uploadFile: [],
  downloadFile: [],
  webview,
})

const printed = (console: { args: unknown[] }[]) => console.map((line) => String(line.args[0]))

describe('request engine: web-view 业务域名', () => {
  it('opens an https page whose exact origin is in the webview list, printing nothing', () => {
    const { engine, console } = recordedEngine({ domains: domains([LISTED, 'h5b.example.test']) })
    // The page may go on to every listed origin; elsewhere the web-view stops it and asks again.
    expect(engine.judgeWebView(`${LISTED}/page.html?x=1#top`)).toEqual({
      allowed: true,
      admits: [LISTED, 'https://h5b.example.test'],
    })
    expect(console).toEqual([])
  })

  it('refuses an origin missing from the list and prints the refusal with the list', () => {
    const { engine, console } = recordedEngine({ domains: domains([LISTED]) })
    const src = 'https://other.example.test/index.html'
    expect(engine.judgeWebView(src)).toEqual({
      allowed: false,
      rule: 'domain-list',
      origin: 'https://other.example.test',
    })
    const lines = printed(console)
    expect(lines[0]).toMatch(/ web-view（业务域名）校验出错$/)
    expect(lines).toContain(`不支持打开非业务域名 ${src}，请重新配置`)
    expect(lines.some((line) => line.includes('不在 project.domains.json 的 webview'))).toBe(true)
    expect(console.find((line) => line.level === 'table')?.args).toEqual([[[LISTED]]])
  })

  it('refuses http, another port, IP addresses and localhost with their own rule', () => {
    const { engine } = recordedEngine({ domains: domains([LISTED]) })
    expect(engine.judgeWebView('http://h5.example.test/')).toMatchObject({ rule: 'not-https' })
    expect(engine.judgeWebView('https://h5.example.test:8443/')).toMatchObject({ rule: 'port' })
    expect(engine.judgeWebView('https://127.0.0.1/')).toMatchObject({ rule: 'ip-or-localhost' })
    expect(engine.judgeWebView('https://localhost/')).toMatchObject({ rule: 'ip-or-localhost' })
    expect(engine.judgeWebView('https://8.8.8.8/')).toMatchObject({ rule: 'ip-or-localhost' })
  })

  it('never opens what is not http(s), checks on or off', () => {
    for (const urlCheck of [true, false]) {
      const { engine } = recordedEngine({ urlCheck, domains: domains([LISTED]) })
      for (const src of ['javascript:alert(1)', 'data:text/html,x', 'file:///etc/passwd', '']) {
        expect(engine.judgeWebView(src)).toMatchObject({ allowed: false, rule: 'invalid-url' })
      }
    }
  })

  it('with the checks off opens any http(s) page and says what a phone would show', () => {
    const { engine, console } = recordedEngine({ urlCheck: false, domains: domains([]) })
    expect(engine.judgeWebView('http://other.example.test/a')).toEqual({ allowed: true })
    const lines = printed(console)
    expect(lines.some((line) => line.includes('配置中关闭合法域名、web-view（业务域名）'))).toBe(
      true,
    )
    expect(lines.some((line) => line.startsWith('真机上会失败：web-view 的网页必须是 https'))).toBe(
      true,
    )
    expect(
      lines.some((line) => line.includes('不支持打开非业务域名 http://other.example.test/a')),
    ).toBe(true)
  })

  it('a tourist app skips the check and prints the tourist notice once', () => {
    const { engine, console } = recordedEngine({ appid: 'touristappid', domains: domains([]) })
    expect(engine.judgeWebView('https://other.example.test/')).toEqual({ allowed: true })
    expect(engine.judgeWebView('https://third.example.test/')).toEqual({ allowed: true })
    expect(printed(console).filter((line) => line === '无 AppID 关联')).toHaveLength(1)
    expect(printed(console).some((line) => line.startsWith('真机上会失败'))).toBe(false)
  })

  it('follows the list as the project changes it', () => {
    const { engine } = recordedEngine({ domains: domains([]) })
    expect(engine.judgeWebView(`${LISTED}/`)).toMatchObject({ allowed: false })
    engine.update({ domains: domains([LISTED]) })
    expect(engine.judgeWebView(`${LISTED}/`)).toEqual({ allowed: true, admits: [LISTED] })
  })
})
