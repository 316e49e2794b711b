/**
 * API Mock (接口 Mock) as an undici interceptor: a request whose method and URL match an enabled
 * rule is answered by that rule (status, headers, body, after its delay) and never reaches the
 * network; every other request goes on to the transport. The engine has judged the URL before
 * (a mocked request to an unlisted origin is blocked, as a phone would block the real one), and
 * the run treats the answer as any response: redirects, decoding, pacing, events and HAR.
 */
import { STATUS_CODES } from 'node:http'
import type { Dispatcher } from 'undici'
import type { MockRule, MockSettings } from '../../../../shared/mock'
import { mockRuleProblem } from '../../../../shared/mock'

/** The enabled rules, ready to match (regular expressions compiled once). */
export interface CompiledMocks {
  find(method: string, url: string): MockRule | undefined
}

/** `undefined` when mocking is off or no rule is enabled: requests then skip the interceptor. */
export function compileMocks(settings: MockSettings | undefined): CompiledMocks | undefined {
  if (!settings?.enabled) return undefined
  const rules = settings.rules
    .filter((rule) => rule.enabled && !mockRuleProblem(rule))
    .map((rule) => ({ rule, matches: urlMatcher(rule) }))
  if (rules.length === 0) return undefined
  return {
    find(method, url) {
      const upper = method.toUpperCase()
      return rules.find(
        ({ rule, matches }) => (rule.method === 'ANY' || rule.method === upper) && matches(url),
      )?.rule
    },
  }
}

function urlMatcher(rule: MockRule): (url: string) => boolean {
  if (rule.match === 'exact') return (url) => url === rule.url
  if (rule.match === 'prefix') return (url) => url.startsWith(rule.url)
  const pattern = new RegExp(rule.url)
  return (url) => pattern.test(url)
}

/** The controller a mocked response hands to the run: it can tell which rule answered. */
export class MockController implements Dispatcher.DispatchController {
  readonly rawTrailers: Buffer[] = []
  private abortReason: Error | null = null
  private isPaused = false

  constructor(
    readonly rule: MockRule,
    readonly rawHeaders: Buffer[],
    private readonly onResume: () => void,
    private readonly onAbort: () => void,
  ) {}

  get aborted(): boolean {
    return this.abortReason !== null
  }

  get paused(): boolean {
    return this.isPaused
  }

  get reason(): Error | null {
    return this.abortReason
  }

  abort(reason: Error): void {
    if (this.aborted) return
    this.abortReason = reason
    this.onAbort()
  }

  pause(): void {
    this.isPaused = true
  }

  resume(): void {
    if (!this.isPaused) return
    this.isPaused = false
    this.onResume()
  }
}

const CHUNK = 64 * 1024
const CONTENT_TYPES = { json: 'application/json; charset=utf-8', text: 'text/plain; charset=utf-8' }

/** The interceptor; `mocks()` is read for every request, so a settings change applies at once. */
export function mockResponses(
  mocks: () => CompiledMocks | undefined,
): Dispatcher.DispatcherComposeInterceptor {
  return (dispatch) => (opts, handler) => {
    const rule = mocks()?.find(opts.method, `${String(opts.origin).replace(/\/$/, '')}${opts.path}`)
    if (!rule) return dispatch(opts, handler)
    answer(rule, opts.body, handler)
    return true
  }
}

/** Plays the rule's response through `handler` as a connection would. */
function answer(
  rule: MockRule,
  requestBody: Dispatcher.DispatchOptions['body'],
  handler: Dispatcher.DispatchHandler,
): void {
  const body = Buffer.from(rule.body, 'utf8')
  const header: Record<string, string> = {}
  for (const [name, value] of Object.entries(rule.header)) header[name.toLowerCase()] = value
  header['content-type'] ??= CONTENT_TYPES[rule.bodyType]
  header['content-length'] = String(body.byteLength)
  const rawHeaders = Object.entries(header).flatMap(([name, value]) => [
    Buffer.from(name),
    Buffer.from(value),
  ])
  let offset = 0
  let timer: NodeJS.Timeout | undefined
  const controller = new MockController(
    rule,
    rawHeaders,
    () => pump(),
    () => clearTimeout(timer),
  )
  const live = () => !controller.aborted
  const pump = () => {
    while (live() && !controller.paused && offset < body.byteLength) {
      const chunk = body.subarray(offset, offset + CHUNK)
      offset += chunk.byteLength
      handler.onResponseData?.(controller, chunk)
    }
    if (live() && !controller.paused && offset >= body.byteLength) {
      offset = Infinity
      handler.onResponseEnd?.(controller, {})
    }
  }
  const respond = () => {
    if (!live()) return
    handler.onResponseStart?.(
      controller,
      rule.statusCode,
      header,
      STATUS_CODES[rule.statusCode] ?? '',
    )
    pump()
  }
  handler.onRequestStart?.(controller, {})
  // An upload's body is read as a socket would read it, so its progress still reaches 100.
  void drain(requestBody).then(() => {
    if (live()) timer = setTimeout(respond, rule.delay)
  })
}

async function drain(body: Dispatcher.DispatchOptions['body']): Promise<void> {
  if (body && typeof body === 'object' && Symbol.asyncIterator in body) {
    for await (const part of body as AsyncIterable<unknown>) void part
  }
}
