/**
 * WeChat's built-in components for the simulator frame. Importing this module registers them with
 * the frame (`builtins-registry.ts`): at boot they are defined in the project's main code space
 * before any page or component, their base CSS goes ahead of the project's styles and
 * `hover-class` handling starts. `view`, `text` and `block` stay glass-easel native nodes (CSS,
 * and `text-content.ts` for `decode`/`space`): lists of thousands of them render at native-node
 * cost.
 */
import type { CodeSpace } from 'glass-easel-miniprogram-adapter'
import { registerBuiltins } from '../builtins-registry'
import { BASE_CSS } from './base-css'
import { defineButton } from './button'
import type { CallWx } from './open-type'
import { defineCanvas } from './canvas'
import { defineChoices } from './choice'
import { defineEditor } from './editor'
import { defineForm } from './form'
import { defineGestureHandlers } from './gesture-handlers'
import { defineGridView } from './grid-view'
import { installHover } from './hover'
import { defineIcon } from './icon'
import { defineImage, type LocalFileReader, type RemoteLoadStarter } from './image'
import { defineLabel } from './label'
import { defineMediaComponents } from './media'
import { defineMap, type WatchLocation } from './map'
import { defineMovable } from './movable'
import { defineNavigator, type Navigate } from './navigator'
import { definePicker } from './picker'
import { definePickerView } from './picker-view'
import { definePageMeta, type SetNavigationBar } from './page-meta'
import { definePageContainer } from './page-container'
import { defineMatchMedia } from './match-media'
import { defineRootPortal } from './root-portal'
import { definePlaceholders } from './placeholders'
import { defineProgress } from './progress'
import { defineRichText } from './rich-text'
import { defineScrollView } from './scroll-view'
import { defineSkylineContainers, SKYLINE_CSS } from './skyline-containers'
import { defineSlider } from './slider'
import { defineSwiper } from './swiper'
import { installTextContent } from './text-content'
import { defineTextFields } from './text-field'
import { defineWebView, type JudgeWebView } from './web-view'

export { canvasNodeOf, type CanvasNode } from './canvas'
export { mediaElementOf } from './media'
export { editorContextOf, type EditorContext } from './editor'
export { queryContextOf, queryNodeOf, videoContextOf, type VideoContext } from './query-objects'
export { closeOpenPageContainer } from './page-container'
export type { Navigate, NavigationApi } from './navigator'

export interface BuiltinsOptions {
  /** The document of the frame (the phone screen). */
  document: Document
  /** The project's image files as data URLs by path from the mini-program root. */
  assets: Record<string, string>
  /**
   * The served folders of the extended libraries app.json turns on (`miniprogram_npm/weui-miniprogram/`):
   * a root-absolute picture path in their components names the library's own file.
   * @default []
   */
  libraryRoots?: readonly string[]
  /** The device's CSS width, for rpx in attributes (`<icon size="40rpx">`). */
  deviceWidth: number
  /** app.json's `style`: `'v2'` selects WeChat's current look of the built-ins. */
  style: string
  /** `<navigator>`'s way out: the runtime's `wx.navigateTo` & co. */
  navigate: Navigate
  /** The runtime's `wx[api](options)`, for what open-type buttons ask of it. */
  callWx: CallWx
  /** `<navigation-bar>`'s way to the phone's navigation bar. */
  setNavigationBar: SetNavigationBar
  /** Reads `wxfile://` pictures for `<image>`; absent, they do not load. */
  readLocalFile?: LocalFileReader
  /**
   * Starts an `<image>`'s network request; the simulator holds them until its first page has
   * painted (200 requests cost the first frame hundreds of ms). @default at once
   */
  startRemoteLoad?: RemoteLoadStarter
  /** The simulated location and its moves (the simulator's 位置), for `<map show-location>`. */
  watchLocation?: WatchLocation
  /** The main process's 业务域名 decision for a `<web-view>` src; absent, nothing is opened. */
  judgeWebView?: JudgeWebView
}

/**
 * Defines every built-in in `codeSpace` (before pages are created). Returns the function that
 * removes the base CSS and the document listeners again.
 */
export function installBuiltinComponents(
  codeSpace: CodeSpace,
  options: BuiltinsOptions,
): () => void {
  const space = codeSpace.getComponentSpace()
  defineButton(space, options.callWx)
  defineForm(space)
  defineTextFields(space)
  defineEditor(space, options.assets, options.readLocalFile)
  defineImage(space, 'image', options)
  defineImage(space, 'cover-image', options)
  defineMediaComponents(space, options.assets)
  defineCanvas(space)
  defineMovable(space)
  defineMap(space, options.assets, options.watchLocation)
  definePlaceholders(space)
  defineNavigator(space, options.navigate)
  defineIcon(space, options.deviceWidth)
  defineProgress(space, options.deviceWidth)
  defineChoices(space)
  defineLabel(space)
  defineSlider(space)
  definePicker(space)
  definePickerView(space)
  definePageMeta(space, options.deviceWidth, options.setNavigationBar)
  defineRootPortal(space)
  defineMatchMedia(space)
  definePageContainer(space)
  defineScrollView(space)
  defineSwiper(space, options.deviceWidth)
  defineRichText(space)
  defineWebView(space, options.judgeWebView)
  defineGridView(space)
  defineSkylineContainers(space)
  defineGestureHandlers(space)
  installTextContent()

  const sheet = options.document.createElement('style')
  sheet.setAttribute('data-wx-builtins', '')
  sheet.textContent = BASE_CSS + SKYLINE_CSS
  options.document.head.insertBefore(sheet, options.document.head.firstChild)
  const root = options.document.documentElement
  if (options.style) root.setAttribute('wx-style', options.style)
  else root.removeAttribute('wx-style')
  const stopHover = installHover(options.document)
  return () => {
    sheet.remove()
    root.removeAttribute('wx-style')
    stopHover()
  }
}

registerBuiltins((codeSpace, context) => {
  installBuiltinComponents(codeSpace, { ...context, document })
})
