/**
 * `<web-view src>`: a web page covering the page it is on, as in WeChat (fixed inside the page
 * viewport `.mp-page`, so between the navigation bar and the tab bar, over everything the page
 * draws). Before it opens anything the main process judges `src` under the 业务域名 rule
 * (`judgeWebView`); a refused `src` shows WeChat's refusal and the reason instead, and fires
 * `binderror`. The page itself loads in `<iframe sandbox="allow-scripts">` inside this already
 * sandboxed frame: an opaque origin with no way to the frame's DOM, the workbench's, their
 * storage or the top window's location, sending no Referer. Between the two sits the guard
 * (`<iframe srcdoc>`, web-view-guard.ts), whose `frame-src` policy is the 业务域名 list the
 * decision admits: a navigation inside the page to another origin is stopped there and judged
 * like a src (WeChat's refusal, `binderror`, the console block). With the checks off nothing is
 * stopped.
 */
import type * as glassEasel from 'glass-easel'
import {
  WEB_VIEW_GUARD_LEFT,
  WEB_VIEW_GUARD_LOAD,
  webViewReasonText,
  webViewRefusalText,
  type WebViewDecision,
} from '../../../../../shared/web-view'
import { defineBuiltin, domOf, type Data } from './define'

/** Asks whether a web-view may open `src`; `done` gets the main process's decision. */
export type JudgeWebView = (src: string, done: (decision: WebViewDecision) => void) => void

const HOST_STYLE =
  'display: block; position: fixed; inset: 0; z-index: 5000; background: #fff; overflow: hidden;'
const FRAME_STYLE = 'display: block; width: 100%; height: 100%; border: 0;'
const REFUSAL_STYLE =
  'display: flex; flex-direction: column; align-items: center; justify-content: center; ' +
  'gap: 12px; height: 100%; padding: 0 32px; box-sizing: border-box; text-align: center; ' +
  'color: rgba(0, 0, 0, 0.9); font-size: 15px; line-height: 1.5; word-break: break-all;'
const REASON_STYLE = 'color: rgba(0, 0, 0, 0.5); font-size: 13px;'

/** The guard's script, built beside the frame's own (scripts/vite-simulator-frame.ts). */
const GUARD_SCRIPT = './assets/web-view-guard.js'
/** What an admitted origin must look like to go into the guard's policy. */
const ORIGIN_SOURCE = /^https?:\/\/[a-z0-9.-]+(:\d{1,5})?$/i

/**
 * The guard's document: with `admits` (the checks on) a `frame-src` policy of those origins, so
 * the page goes nowhere else; without, no policy of its own.
 */
export function guardDocument(admits: readonly string[] | undefined): string {
  const sources = admits?.filter((origin) => ORIGIN_SOURCE.test(origin)) ?? []
  const policy =
    admits === undefined
      ? ''
      : `<meta http-equiv="Content-Security-Policy" content="frame-src ${sources.join(' ') || "'none'"}">`
  return (
    `<!doctype html><html><head>${policy}</head>` +
    `<body><script src="${GUARD_SCRIPT}"></script></body></html>`
  )
}

/** Without a workbench to ask, no src is opened. */
const NOBODY_TO_ASK: JudgeWebView = (_src, done) =>
  done({ allowed: false, rule: 'unchecked', origin: 'no workbench to ask' })

export function defineWebView(
  space: glassEasel.ComponentSpace,
  judge: JudgeWebView = NOBODY_TO_ASK,
): void {
  defineBuiltin(space, 'web-view', {
    properties: { src: { type: String, value: '' } },
    render(context) {
      const host = context.host
      host.setAttribute('style', HOST_STYLE)
      const content = domOf(context.appendElement('div', 'wx-web-view'))
      content.style.cssText = 'width: 100%; height: 100%;'
      /** The src being shown or judged; an answer for an older one is dropped. */
      let current = ''

      /** The guard of the page shown; its messages only count. */
      let guard: HTMLIFrameElement | undefined
      /** The page was stopped going elsewhere: the guard's next loads are its error page. */
      let leaving = false

      const open = (src: string, admits: readonly string[] | undefined) => {
        const frame = host.ownerDocument.createElement('iframe')
        frame.className = 'wx-web-view-frame'
        frame.setAttribute('sandbox', 'allow-scripts')
        frame.style.cssText = FRAME_STYLE
        frame.title = 'web-view'
        frame.name = src
        frame.srcdoc = guardDocument(admits)
        guard = frame
        leaving = false
        content.replaceChildren(frame)
      }

      /** Opens or refuses `src` as decided, unless the web-view no longer shows `shown`. */
      const decide = (src: string, shown: string) => (decision: WebViewDecision) => {
        if (current !== shown) return
        if (decision.allowed) open(src, decision.admits)
        else refuse(src, decision)
      }

      host.ownerDocument.defaultView?.addEventListener('message', (event) => {
        if (!guard || event.source !== guard.contentWindow) return
        const message = event.data as { type?: unknown; origin?: unknown } | null
        if (message?.type === WEB_VIEW_GUARD_LOAD && !leaving) {
          context.emit('load', { src: current })
        } else if (message?.type === WEB_VIEW_GUARD_LEFT && typeof message.origin === 'string') {
          // The policy reports where the page was going by its origin only.
          leaving = true
          judge(message.origin, decide(message.origin, current))
        }
      })

      const refuse = (src: string, decision: Extract<WebViewDecision, { allowed: false }>) => {
        const page = host.ownerDocument.createElement('div')
        page.className = 'wx-web-view-refusal'
        page.setAttribute('role', 'alert')
        page.style.cssText = REFUSAL_STYLE
        const line = host.ownerDocument.createElement('p')
        line.textContent = webViewRefusalText(src)
        line.style.margin = '0'
        const reason = host.ownerDocument.createElement('p')
        reason.className = 'wx-web-view-reason'
        reason.textContent = webViewReasonText(decision.rule, decision.origin)
        reason.style.cssText = `margin: 0; ${REASON_STYLE}`
        page.append(line, reason)
        guard = undefined
        content.replaceChildren(page)
        // WeChat documents binderror's detail as { url, fullUrl }; older pages read { src }.
        context.emit('error', { url: src, fullUrl: src, src })
      }

      return (d: Data) => {
        const src = String(d.src ?? '')
        if (src === current) return
        current = src
        guard = undefined
        content.replaceChildren()
        if (src === '') return
        judge(src, decide(src, src))
      }
    },
  })
}
