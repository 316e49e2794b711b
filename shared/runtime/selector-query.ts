/**
 * `wx.createSelectorQuery()` and `this.createSelectorQuery()`: WeChat's SelectorQuery answered
 * from the page's DOM in the simulator. `select`/`selectAll` look in the scope component's own
 * tree (the top page for `wx.`, `.in(component)` to change it; `>>>` crosses into components),
 * `selectViewport` is the page's viewport. Rects are measured from the page viewport's corner, as
 * in WeChat. Headless (`mpdt run`) there is no layout: ids, datasets, marks and properties are
 * answered, rects, sizes and scroll offsets are 0, with a warning. A `<scroll-view>`'s scroll
 * offset is its inner box's, the one that scrolls (`LayoutHost.scrolledBoxOf`). `node` and
 * `context` answer the screen's object for the built-in (`PageScreen.nodeOf`/`contextOf`: a
 * `<canvas type="2d">`'s Canvas, a `<video>`'s VideoContext), else `null`. The callbacks are always called, after the
 * current task, in query order, then the `exec` callback with every result.
 */
import type * as glassEasel from 'glass-easel'
import { componentOf, fromViewport, measurable, pageRootOf, type LayoutHost } from './layout-host'

export interface QueryFields {
  id?: boolean
  dataset?: boolean
  mark?: boolean
  rect?: boolean
  size?: boolean
  scrollOffset?: boolean
  properties?: string[]
  computedStyle?: string[]
  context?: boolean
  node?: boolean
}

type Result = Record<string, unknown>
type Callback = (result: unknown) => void

interface Request {
  scope: glassEasel.GeneralComponent | undefined
  /** `null`: the viewport. */
  selector: string | null
  single: boolean
  fields: QueryFields
  callback?: Callback
}

const NO_LAYOUT = 'mpdt run has no layout: SelectorQuery answers rect, size and scrollOffset with 0'

export class NodesRef {
  constructor(
    private readonly query: SelectorQuery,
    private readonly request: Omit<Request, 'fields' | 'callback'>,
  ) {}

  fields(fields: QueryFields, callback?: Callback): SelectorQuery {
    return this.query.push({ ...this.request, fields: { ...fields }, callback })
  }

  boundingClientRect(callback?: Callback): SelectorQuery {
    return this.fields({ id: true, dataset: true, rect: true, size: true }, callback)
  }

  scrollOffset(callback?: Callback): SelectorQuery {
    return this.fields({ id: true, dataset: true, scrollOffset: true }, callback)
  }

  context(callback?: Callback): SelectorQuery {
    return this.fields({ context: true }, callback)
  }

  node(callback?: Callback): SelectorQuery {
    return this.fields({ node: true }, callback)
  }
}

export class SelectorQuery {
  private readonly requests: Request[] = []

  constructor(
    private readonly host: LayoutHost,
    private scope?: glassEasel.GeneralComponent,
  ) {}

  /** Later selections look in `component`'s tree (a component's `this`). */
  in(component: unknown): this {
    this.scope = componentOf(component) ?? this.scope
    return this
  }

  select(selector: string): NodesRef {
    return new NodesRef(this, { scope: this.scope, selector: String(selector), single: true })
  }

  selectAll(selector: string): NodesRef {
    return new NodesRef(this, { scope: this.scope, selector: String(selector), single: false })
  }

  selectViewport(): NodesRef {
    return new NodesRef(this, { scope: this.scope, selector: null, single: true })
  }

  /** @internal */
  push(request: Request): this {
    this.requests.push(request)
    return this
  }

  exec(callback?: (results: unknown[]) => void): void {
    const requests = this.requests.splice(0)
    this.host.defer(() => {
      const results = requests.map((request) => {
        const result = answer(this.host, request)
        request.callback?.(result)
        return result
      })
      callback?.(results)
    })
  }
}

function answer(host: LayoutHost, request: Request): unknown {
  const scope = request.scope ?? host.currentPage()
  if (!scope) return request.single ? null : []
  const viewport = host.viewportOf(pageRootOf(scope))
  if (request.selector === null) return viewportFields(host, request.fields, viewport)
  const shadowRoot = scope.getShadowRoot()
  let found: glassEasel.Element[] = []
  try {
    if (shadowRoot && request.single) {
      const one = shadowRoot.querySelector(request.selector)
      if (one) found = [one]
    } else if (shadowRoot) found = shadowRoot.querySelectorAll(request.selector)
  } catch (error) {
    host.warnOnce(`SelectorQuery: "${request.selector}" is not a valid selector (${String(error)})`)
  }
  const results = found.map((element) => elementFields(host, element, request.fields, viewport))
  return request.single ? (results[0] ?? null) : results
}

function viewportFields(
  host: LayoutHost,
  fields: QueryFields,
  viewport: ReturnType<LayoutHost['viewportOf']>,
): Result {
  const result: Result = {}
  if (fields.id) result.id = ''
  if (fields.dataset) result.dataset = {}
  if (fields.mark) result.mark = {}
  if ((fields.rect || fields.size || fields.scrollOffset) && !viewport) host.warnOnce(NO_LAYOUT)
  const width = viewport?.width ?? 0
  const height = viewport?.height ?? 0
  if (fields.rect) Object.assign(result, { left: 0, top: 0, right: width, bottom: height })
  if (fields.size) Object.assign(result, { width, height })
  if (fields.scrollOffset) {
    result.scrollLeft = viewport?.scrollLeft ?? 0
    result.scrollTop = viewport?.scrollTop ?? 0
    result.scrollWidth = viewport?.scrollWidth ?? 0
    result.scrollHeight = viewport?.scrollHeight ?? 0
  }
  return result
}

function elementFields(
  host: LayoutHost,
  element: glassEasel.Element,
  fields: QueryFields,
  viewport: ReturnType<LayoutHost['viewportOf']>,
): Result {
  const result: Result = {}
  const node = measurable(element)
  if (fields.id) result.id = element.id
  if (fields.dataset) result.dataset = { ...element.dataset }
  if (fields.mark) result.mark = element.collectMarks()
  if ((fields.rect || fields.size || fields.scrollOffset) && !node) host.warnOnce(NO_LAYOUT)
  if (fields.rect || fields.size) {
    const rect = fromViewport(
      node?.getBoundingClientRect() ?? { left: 0, top: 0, width: 0, height: 0 },
      viewport,
    )
    if (fields.rect) {
      Object.assign(result, {
        left: rect.left,
        top: rect.top,
        right: rect.right,
        bottom: rect.bottom,
      })
    }
    if (fields.size) Object.assign(result, { width: rect.width, height: rect.height })
  }
  if (fields.scrollOffset) {
    // A `<scroll-view>` scrolls an inner box; its host keeps the project's size and never scrolls.
    const scrolled = host.scrolledBoxOf(element) ?? node
    result.scrollLeft = scrolled?.scrollLeft ?? 0
    result.scrollTop = scrolled?.scrollTop ?? 0
    result.scrollWidth = scrolled?.scrollWidth ?? 0
    result.scrollHeight = scrolled?.scrollHeight ?? 0
  }
  if (fields.properties) {
    const data = (element as glassEasel.GeneralComponent).data as
      Record<string, unknown> | undefined
    for (const name of fields.properties) result[name] = data?.[name]
  }
  if (fields.computedStyle) {
    const style = node?.ownerDocument?.defaultView?.getComputedStyle(node)
    if (!style) host.warnOnce('mpdt run has no layout: SelectorQuery cannot answer computedStyle')
    for (const name of fields.computedStyle) result[name] = style?.[name] ?? ''
  }
  if (fields.context) result.context = host.contextOf(element)
  if (fields.node) result.node = host.nodeOf(element)
  return result
}
