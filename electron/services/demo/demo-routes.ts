/**
 * The demo API: one route per button of the demo project. Every answer is small JSON or text
 * unless the button is about another kind of body (binary, image, stream).
 */
import type { IncomingMessage, ServerResponse } from 'node:http'
import { DONE_EVENT, TOKEN_INTERVAL_MS, answerTokens, tokenEvent } from './chat-answer'
import { readUpload } from './demo-upload'

export type RouteHandler = (request: IncomingMessage, response: ServerResponse, url: URL) => void

export interface DemoAssets {
  /** PNG bytes served by `/download/photo.png`. */
  photo: Buffer
}

/** Longest `/slow` delay: the engine's own cap is 60 s, the demo needs a few seconds. */
export const MAX_SLOW_DELAY_MS = 30_000
/** `/long` sends one line this often until its time is up or the client goes away. */
export const LONG_LINE_INTERVAL_MS = 100
const MAX_LONG_SECONDS = 60
const MAX_ECHO_BODY_BYTES = 1024 * 1024

/** Bytes 0…255: easy to recognise in an ArrayBuffer preview. */
export const BINARY_BODY = Buffer.from(Array.from({ length: 256 }, (_, i) => i))
export const TEXT_BODY = '你好，MP DevTools！这是一段纯文本 (text/plain)。\n'

function sendJson(response: ServerResponse, status: number, value: unknown): void {
  const body = Buffer.from(JSON.stringify(value))
  response.writeHead(status, {
    'content-type': 'application/json; charset=utf-8',
    'content-length': body.length,
  })
  response.end(body)
}

function readBody(request: IncomingMessage): Promise<Buffer | undefined> {
  return new Promise((resolve) => {
    const parts: Buffer[] = []
    let size = 0
    request.on('data', (part: Buffer) => {
      size += part.length
      if (size <= MAX_ECHO_BODY_BYTES) parts.push(part)
    })
    request.on('end', () => resolve(size <= MAX_ECHO_BODY_BYTES ? Buffer.concat(parts) : undefined))
    request.on('error', () => resolve(undefined))
  })
}

/** The body as the server understood it: JSON, form fields, or text. */
function parseBody(contentType: string, body: Buffer): unknown {
  const text = body.toString('utf8')
  if (contentType.includes('application/json')) {
    try {
      return JSON.parse(text) as unknown
    } catch {
      return text
    }
  }
  if (contentType.includes('application/x-www-form-urlencoded')) {
    return Object.fromEntries(new URLSearchParams(text))
  }
  return text
}

/** `/echo`: what arrived (method, query, headers, body), so the demo shows the forced Referer. */
const echo: RouteHandler = (request, response, url) => {
  void readBody(request).then((body) => {
    if (body === undefined) {
      sendJson(response, 413, { error: 'body over 1 MB' })
      return
    }
    const contentType = request.headers['content-type'] ?? ''
    sendJson(response, 200, {
      method: request.method,
      path: url.pathname,
      query: Object.fromEntries(url.searchParams),
      headers: request.headers,
      ...(body.length > 0 && { contentType, body: parseBody(contentType, body) }),
    })
  })
}

const text: RouteHandler = (_request, response) => {
  response.writeHead(200, { 'content-type': 'text/plain; charset=utf-8' })
  response.end(TEXT_BODY)
}

const binary: RouteHandler = (_request, response) => {
  response.writeHead(200, {
    'content-type': 'application/octet-stream',
    'content-length': BINARY_BODY.length,
  })
  response.end(BINARY_BODY)
}

const redirect: RouteHandler = (_request, response) => {
  response.writeHead(302, { location: '/echo?redirected=1' })
  response.end()
}

/** `/slow?delay=MS` (default 3000): answers late, for the `timeout` button. */
const slow: RouteHandler = (_request, response, url) => {
  const asked = Number(url.searchParams.get('delay') ?? 3000)
  const delay = Number.isFinite(asked) ? Math.min(Math.max(asked, 0), MAX_SLOW_DELAY_MS) : 3000
  const timer = setTimeout(() => sendJson(response, 200, { delayed: delay }), delay)
  response.once('close', () => clearTimeout(timer))
}

/** `/long?seconds=N` (default 20): a line every 100 ms, for the abort button. */
const long: RouteHandler = (_request, response, url) => {
  const asked = Number(url.searchParams.get('seconds') ?? 20)
  const seconds = Number.isFinite(asked) ? Math.min(Math.max(asked, 0), MAX_LONG_SECONDS) : 20
  const lines = Math.round((seconds * 1000) / LONG_LINE_INTERVAL_MS)
  response.writeHead(200, { 'content-type': 'text/plain; charset=utf-8' })
  let sent = 0
  const timer = setInterval(() => {
    sent++
    response.write(`第 ${sent} 行，共 ${lines} 行\n`)
    if (sent >= lines) {
      clearInterval(timer)
      response.end()
    }
  }, LONG_LINE_INTERVAL_MS)
  response.once('close', () => clearInterval(timer))
}

/** `/chat/stream?q=…`: an AI-chat style answer, one server-sent event per token. */
const chatStream: RouteHandler = (_request, response, url) => {
  const tokens = answerTokens(url.searchParams.get('q') ?? '')
  response.writeHead(200, {
    'content-type': 'text/event-stream; charset=utf-8',
    'cache-control': 'no-cache',
  })
  let next = 0
  const timer = setInterval(() => {
    if (next < tokens.length) {
      response.write(tokenEvent(tokens[next++]))
      return
    }
    clearInterval(timer)
    response.end(DONE_EVENT)
  }, TOKEN_INTERVAL_MS)
  response.once('close', () => clearInterval(timer))
}

const upload: RouteHandler = (request, response) => {
  void readUpload(request).then((reading) => {
    if (reading.ok) sendJson(response, 200, reading.summary)
    else sendJson(response, reading.status, { error: reading.message })
  })
}

function photo(assets: DemoAssets): RouteHandler {
  return (_request, response) => {
    response.writeHead(200, {
      'content-type': 'image/png',
      'content-length': assets.photo.length,
      'content-disposition': 'inline; filename="photo.png"',
    })
    response.end(assets.photo)
  }
}

function notFound(response: ServerResponse, url: URL): void {
  sendJson(response, 404, { error: 'not found', path: url.pathname })
}

/** Requests for the listed API host, by method and path; anything else is a JSON 404. */
export function createApiRoutes(assets: DemoAssets): RouteHandler {
  const routes = new Map<string, RouteHandler>([
    ['GET /text', text],
    ['GET /binary', binary],
    ['GET /redirect', redirect],
    ['GET /slow', slow],
    ['GET /long', long],
    ['GET /chat/stream', chatStream],
    ['POST /upload', upload],
    ['GET /download/photo.png', photo(assets)],
  ])
  return (request, response, url) => {
    if (url.pathname === '/echo') {
      echo(request, response, url)
      return
    }
    const route = routes.get(`${request.method} ${url.pathname}`)
    if (route) route(request, response, url)
    else notFound(response, url)
  }
}

/** The unlisted host answers anything: reaching it at all is what its button shows. */
export const otherOriginRoute: RouteHandler = (request, response, url) => {
  sendJson(response, 200, {
    message:
      '这个域名不在演示项目的 request 合法域名列表里：能看到这条回复，说明校验已关闭或域名已加入列表。',
    host: request.headers.host,
    path: url.pathname,
  })
}
