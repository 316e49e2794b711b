/**
 * The document between the simulator frame and a `<web-view>`'s web page (an `<iframe srcdoc>`
 * made by builtins/web-view.ts; built alone as `assets/web-view-guard.js`). Its srcdoc carries a
 * Content-Security-Policy whose `frame-src` lists the 业务域名 the page may go to, so Chromium
 * stops any navigation of the page to another origin before it leaves (a link, a form, a script
 * setting `location`, a redirect), and fires `securitypolicyviolation` here with that origin. This
 * script opens the page (its src in the frame's `name`), and tells the web-view of each load and
 * of an origin refused, which the web-view then has judged for WeChat's refusal. The page cannot
 * reach this document (another opaque origin) nor fake its messages: the web-view takes them
 * only from this window.
 */
import { WEB_VIEW_GUARD_LEFT, WEB_VIEW_GUARD_LOAD } from '../../../../shared/web-view'

const src = window.name
const page = document.createElement('iframe')
page.className = 'wx-web-view-page'
page.setAttribute('sandbox', 'allow-scripts')
page.referrerPolicy = 'no-referrer'
page.title = 'web-view'
page.style.cssText = 'display: block; width: 100%; height: 100%; border: 0;'
page.addEventListener('load', () => parent.postMessage({ type: WEB_VIEW_GUARD_LOAD }, '*'))
document.addEventListener('securitypolicyviolation', (event) => {
  if (event.effectiveDirective !== 'frame-src') return
  parent.postMessage({ type: WEB_VIEW_GUARD_LEFT, origin: event.blockedURI }, '*')
})
document.documentElement.style.cssText = 'height: 100%;'
document.body.style.cssText = 'margin: 0; height: 100%;'
page.src = src
document.body.append(page)
