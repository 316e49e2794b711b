/**
 * `<page-meta>` and its child `<navigation-bar>`: a page's window settings from its template.
 * page-meta sets the page's scroll position (`scroll-top`), the style and font size of its root
 * (`page-style`, `page-font-size`, `root-font-size` for rem), the background behind the page
 * (`background-color`, `background-text-style` of the refresh dots) and fires `bindscroll`
 * `{ scrollTop }` as the page scrolls. navigation-bar drives the phone's navigation bar as
 * `wx.setNavigationBarTitle`/`setNavigationBarColor`/`showNavigationBarLoading` do.
 */
import type * as glassEasel from 'glass-easel'
import type { NavigationBarPatch } from '../../../../../shared/runtime'
import { cssLength } from './css-length'
import { defineBuiltin, type Data } from './define'

/** A navigation bar change with `setNavigationBarColor`'s animation. */
export interface NavigationBarChange extends NavigationBarPatch {
  animation?: { duration: number; timingFunc: string }
}

/** Applies a navigation-bar change to the page on top (through the wx APIs). */
export type SetNavigationBar = (change: NavigationBarChange) => void

/** The page's viewport parts around a node of the page (absent outside the phone). */
function pageParts(host: HTMLElement) {
  const viewport = host.closest('.mp-page') as HTMLElement | null
  return {
    viewport,
    body: viewport?.querySelector<HTMLElement>('.mp-page-body') ?? null,
    root: host.closest('page') as HTMLElement | null,
  }
}

/** `root-font-size` / `page-font-size`: `system` leaves the browser's size, else a length. */
function fontSize(value: unknown, deviceWidth: number): string {
  const text = String(value ?? '').trim()
  return !text || text === 'system' || text === 'auto' ? '' : cssLength(text, deviceWidth)
}

export function definePageMeta(
  space: glassEasel.ComponentSpace,
  deviceWidth: number,
  setNavigationBar: SetNavigationBar,
): void {
  defineBuiltin(space, 'page-meta', {
    properties: {
      backgroundTextStyle: { type: String, value: '' },
      backgroundColor: { type: String, value: '' },
      backgroundColorTop: { type: String, value: '' },
      backgroundColorBottom: { type: String, value: '' },
      rootBackgroundColor: { type: String, value: '' },
      scrollTop: { type: String, value: '' },
      scrollDuration: { type: Number, value: 300 },
      pageStyle: { type: String, value: '' },
      pageFontSize: { type: String, value: '' },
      rootFontSize: { type: String, value: '' },
      pageOrientation: { type: String, value: '' },
    },
    render({ host, emit, appendSlot, onAttach, onDetach }) {
      appendSlot()
      const root = host.ownerDocument.documentElement
      const onScroll = (event: Event) =>
        emit('scroll', { scrollTop: (event.target as HTMLElement).scrollTop })
      let listened: HTMLElement | null = null
      let latest: Data = {}
      const apply = (d: Data) => {
        latest = d
        const { viewport, body, root: page } = pageParts(host)
        if (viewport) {
          viewport.setAttribute('wx-background-text-style', String(d.backgroundTextStyle || 'dark'))
          viewport.style.backgroundColor = String(d.backgroundColor || d.rootBackgroundColor)
        }
        if (page) {
          page.setAttribute('style', String(d.pageStyle))
          page.style.fontSize = fontSize(d.pageFontSize, deviceWidth)
        }
        root.style.fontSize = fontSize(d.rootFontSize, deviceWidth)
        if (body && d.scrollTop !== '') {
          const top = parseFloat(cssLength(d.scrollTop, deviceWidth))
          if (Number.isFinite(top)) body.scrollTop = top
        }
      }
      let appliedScrollTop: unknown
      onAttach(() => {
        listened = pageParts(host).body
        listened?.addEventListener('scroll', onScroll)
        apply(latest)
      })
      onDetach(() => {
        listened?.removeEventListener('scroll', onScroll)
        listened = null
        root.style.fontSize = ''
      })
      return (d: Data) => {
        // scroll-top moves the page when it changes, not on every other change.
        const scrollTop = d.scrollTop === appliedScrollTop ? '' : d.scrollTop
        appliedScrollTop = d.scrollTop
        apply({ ...d, scrollTop })
      }
    },
  })

  defineBuiltin(space, 'navigation-bar', {
    properties: {
      title: { type: String, value: '' },
      loading: { type: Boolean, value: false },
      frontColor: { type: String, value: '' },
      backgroundColor: { type: String, value: '' },
      colorAnimationDuration: { type: Number, value: 0 },
      colorAnimationTimingFunc: { type: String, value: 'linear' },
    },
    render({ data, onAttach }) {
      const applied: Data = {}
      const apply = (d: Data, all: boolean) => {
        const change: NavigationBarChange = {}
        const changed = (name: string) => all || d[name] !== applied[name]
        if (changed('title') && d.title) change.title = String(d.title)
        if (changed('loading')) change.loading = Boolean(d.loading)
        if (
          (changed('frontColor') || changed('backgroundColor')) &&
          (d.frontColor || d.backgroundColor)
        ) {
          change.frontColor = String(d.frontColor || '#000000')
          if (d.backgroundColor) change.backgroundColor = String(d.backgroundColor)
          change.animation = {
            duration: Number(d.colorAnimationDuration) || 0,
            timingFunc: String(d.colorAnimationTimingFunc || 'linear'),
          }
        }
        Object.assign(applied, d)
        if (Object.keys(change).length) setNavigationBar(change)
      }
      let attached = false
      // A page joins the page stack after its first render: the bar is set once it is on top.
      onAttach(() =>
        setTimeout(() => {
          attached = true
          apply(data(), true)
        }, 0),
      )
      return (d: Data) => {
        if (attached) apply(d, false)
      }
    },
  })
}

/** The wx API calls that make `change`, in the order WeChat's tool applies them. */
export function navigationBarCalls(change: NavigationBarChange): [string, Data][] {
  const calls: [string, Data][] = []
  if (change.title !== undefined) calls.push(['setNavigationBarTitle', { title: change.title }])
  if (change.frontColor !== undefined) {
    calls.push([
      'setNavigationBarColor',
      {
        frontColor: change.frontColor,
        ...(change.backgroundColor !== undefined
          ? { backgroundColor: change.backgroundColor }
          : {}),
        ...(change.animation ? { animation: change.animation } : {}),
      },
    ])
  }
  if (change.loading !== undefined) {
    calls.push([change.loading ? 'showNavigationBarLoading' : 'hideNavigationBarLoading', {}])
  }
  return calls
}
