/**
 * Custom compile modes (自定义编译模式): the launch page, its query and the scene a compile starts
 * the mini-program with, kept as WeChat's tool keeps them in `condition.miniprogram` of the
 * project config (`{ list: [{ name, pathName, query, launchMode, scene }], current }`).
 */

/** One entry of `condition.miniprogram.list`. */
export interface CompileMode {
  /** 模式名称, shown in the toolbar's compile-mode menu. */
  name: string
  /** 启动页面: a route from the code package's root, e.g. `pages/detail/detail`. */
  pathName: string
  /** 启动参数 without the `?`, e.g. `id=3&from=share`. @default '' */
  query: string
  /** 进入场景; `null` launches with the default scene. @default null */
  scene: number | null
  /**
   * The entry's other fields (`launchMode`, `referrerInfo`…), which MP DevTools does not use and
   * writes back unchanged. @default {}
   */
  other?: Record<string, unknown>
}

/** 普通编译: no custom mode selected (`condition.miniprogram.current` of -1). */
export const NORMAL_COMPILE = -1

/** The scene a launch has when its mode names none: 发现栏小程序主入口. */
export const DEFAULT_SCENE = 1001

/** Scenes developers test most, for the 进入场景 menu (WeChat's 场景值 list). */
export const COMMON_SCENES: readonly { scene: number; label: string }[] = [
  { scene: 1001, label: '发现栏小程序主入口，「最近使用」列表' },
  { scene: 1005, label: '微信首页顶部搜索框的搜索结果页' },
  { scene: 1007, label: '单人聊天会话中的小程序消息卡片' },
  { scene: 1008, label: '群聊会话中的小程序消息卡片' },
  { scene: 1011, label: '扫描二维码' },
  { scene: 1012, label: '长按图片识别二维码' },
  { scene: 1014, label: '小程序订阅消息' },
  { scene: 1017, label: '前往小程序体验版的入口页' },
  { scene: 1035, label: '公众号自定义菜单' },
  { scene: 1037, label: '小程序打开小程序' },
  { scene: 1038, label: '从另一个小程序返回' },
  { scene: 1043, label: '公众号模板消息' },
  { scene: 1044, label: '带 shareTicket 的小程序消息卡片' },
  { scene: 1047, label: '扫描小程序码' },
  { scene: 1048, label: '长按图片识别小程序码' },
  { scene: 1058, label: '公众号文章' },
  { scene: 1089, label: '微信聊天主界面下拉，「最近使用」栏' },
  { scene: 1154, label: '朋友圈内打开“单页模式”' },
]

/** Longest 模式名称 accepted. */
export const MAX_MODE_NAME = 64

/** A problem with one field of a mode: a stable code for the workbench's words, and English. */
export interface CompileModeProblem {
  field: 'name' | 'pathName' | 'query' | 'scene'
  code:
    | 'NAME_MISSING'
    | 'NAME_TOO_LONG'
    | 'PAGE_MISSING'
    | 'PAGE_INVALID'
    | 'QUERY_INVALID'
    | 'SCENE_INVALID'
  message: string
}

/**
 * Why `mode` cannot be saved, or `undefined` when it can. `pathName` must be a route (no leading
 * slash, no query, no spaces); it need not be in app.json: a launch on a missing page is how
 * `onPageNotFound` is tested.
 */
export function compileModeProblem(mode: CompileMode): CompileModeProblem | undefined {
  const name = mode.name.trim()
  if (name === '')
    return { field: 'name', code: 'NAME_MISSING', message: 'a compile mode needs a name' }
  if (name.length > MAX_MODE_NAME) {
    return {
      field: 'name',
      code: 'NAME_TOO_LONG',
      message: `a compile mode name is at most ${MAX_MODE_NAME} characters`,
    }
  }
  if (mode.pathName === '')
    return { field: 'pathName', code: 'PAGE_MISSING', message: 'a launch page is required' }
  if (/^\/|\?|#|\s|\\|\.\.(\/|$)/.test(mode.pathName) || mode.pathName.endsWith('/')) {
    return {
      field: 'pathName',
      code: 'PAGE_INVALID',
      message: `"${mode.pathName}" is not a page route such as pages/index/index`,
    }
  }
  if (/^\?|#|\s/.test(mode.query)) {
    return {
      field: 'query',
      code: 'QUERY_INVALID',
      message: 'launch parameters are written a=1&b=2 (no "?", "#" or spaces)',
    }
  }
  if (
    mode.scene !== null &&
    !(Number.isInteger(mode.scene) && mode.scene >= 1000 && mode.scene <= 9999)
  ) {
    return {
      field: 'scene',
      code: 'SCENE_INVALID',
      message: `scene ${mode.scene} is not a scene value (1000–9999)`,
    }
  }
  return undefined
}

/**
 * A mode as typed: the name trimmed, a leading `/` and `.wxml`/`.js` dropped from the page, a
 * leading `?` dropped from the query, the query split off a page typed `route?query`.
 */
export function tidyCompileMode(mode: CompileMode): CompileMode {
  let pathName = mode.pathName.trim().replace(/^\/+/, '')
  let query = mode.query.trim().replace(/^\?/, '')
  const mark = pathName.indexOf('?')
  if (mark >= 0) {
    query = query || pathName.slice(mark + 1)
    pathName = pathName.slice(0, mark)
  }
  pathName = pathName.replace(/\.(wxml|js|ts|json|wxss)$/, '')
  return { ...mode, name: mode.name.trim(), pathName, query }
}

/** The page and query a mode launches, as `wx.navigateTo` urls read: `route?query`. */
export function compileModeEntry(mode: Pick<CompileMode, 'pathName' | 'query'>): string {
  return mode.query ? `${mode.pathName}?${mode.query}` : mode.pathName
}
