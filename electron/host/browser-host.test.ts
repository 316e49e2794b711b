import { request } from 'node:http'
import { connect } from 'node:net'
import { mkdtemp, mkdir, readFile, rm, symlink, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import WebSocket from 'ws'
import { ok } from '../../shared/result'
import type { ContractService } from '../../shared/rpc'
import { startBrowserHost, type BrowserHost } from './browser-host'
import { WORKBENCH_CSP } from './security-headers'

const SECRET = 'secret-outside-the-workbench-3f9c'

const service = {
  'app.getInfo': async () =>
    ok({ name: 'MP DevTools', version: '0', mode: 'browser', platform: 'linux', locale: 'en' }),
} as unknown as ContractService

interface Answer {
  status: number
  headers: Record<string, string | string[] | undefined>
  body: string
}

let root: string
let rendererDir: string
let host: BrowserHost

/** A raw HTTP request: the path is sent exactly as given and any header can be forged. */
function get(path: string, headers: Record<string, string> = {}, method = 'GET'): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const req = request(
      {
        host: '127.0.0.1',
        port: host.port,
        path,
        method,
        headers: { host: `127.0.0.1:${host.port}`, ...headers },
      },
      (res) => {
        let body = ''
        res.setEncoding('utf8')
        res.on('data', (chunk: string) => (body += chunk))
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }))
      },
    )
    req.on('error', reject)
    req.end()
  })
}

const page = () => `/t/${host.token}/`

const withToken = (path: string) => `${path}${path.includes('?') ? '&' : '?'}token=${host.token}`

/** Opens a WebSocket and reports the HTTP status of a refused upgrade, or 101. */
function upgrade(url: string, headers: Record<string, string> = {}): Promise<number> {
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(url, { headers })
    ws.on('open', () => {
      ws.close()
      resolve(101)
    })
    ws.on('unexpected-response', (_req, res) => {
      resolve(res.statusCode ?? 0)
      res.resume()
    })
    ws.on('error', (error) => reject(error))
  })
}

const rpcUrl = (query: string) => `ws://127.0.0.1:${host.port}/rpc${query}`

beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'mpdt-host-'))
  rendererDir = join(root, 'renderer')
  await mkdir(join(rendererDir, 'assets'), { recursive: true })
  await writeFile(join(rendererDir, 'index.html'), '<!doctype html><title>workbench</title>')
  await writeFile(join(rendererDir, 'assets', 'app.js'), 'console.log("workbench")')
  await writeFile(join(rendererDir, 'assets', 'app.css'), 'body{}')
  await writeFile(join(root, 'secret.txt'), SECRET)
  await symlink(join(root, 'secret.txt'), join(rendererDir, 'assets', 'link.js'))
  await symlink(root, join(rendererDir, 'escape'))
  host = await startBrowserHost({ service, onEvent: () => () => {}, rendererDir, port: 0 })
})

afterAll(async () => {
  await host.close()
  await rm(root, { recursive: true, force: true })
})

describe('browser-mode host: where it listens', () => {
  it('is bound to 127.0.0.1 only', () => {
    expect(host.address).toBe('127.0.0.1')
    expect(host.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/\?token=[\w-]{32}$/)
  })

  it('does not answer on ::1, so it listens on no other address', async () => {
    const refused = await new Promise<boolean>((resolve) => {
      const socket = connect({ host: '::1', port: host.port })
      socket.on('connect', () => {
        socket.destroy()
        resolve(false)
      })
      socket.on('error', () => resolve(true))
    })
    expect(refused).toBe(true)
  })

  it('makes a different 32-character token for every run', async () => {
    const other = await startBrowserHost({ service, onEvent: () => () => {}, rendererDir })
    await other.close()
    expect(other.token).not.toBe(host.token)
    expect(other.token).toMatch(/^[\w-]{32}$/)
  })
})

describe('browser-mode host: the token', () => {
  it('sends / with the token on to the workbench under /t/<token>/ and sets an HttpOnly SameSite=Strict cookie', async () => {
    const answer = await get(withToken('/'))
    expect(answer.status).toBe(302)
    expect(answer.headers.location).toBe(`/t/${host.token}/?token=${host.token}`)
    expect(answer.headers['set-cookie']?.[0]).toBe(
      `mpdt_token_${host.port}=${host.token}; Path=/; HttpOnly; SameSite=Strict`,
    )
  })

  it('serves the workbench page under /t/<token>/', async () => {
    const answer = await get(`/t/${host.token}/?token=${host.token}`)
    expect(answer.status).toBe(200)
    expect(answer.body).toContain('<title>workbench</title>')
  })

  it('serves files under /t/<token>/ without cookie or query', async () => {
    const answer = await get(`/t/${host.token}/assets/app.js`)
    expect(answer.status).toBe(200)
    expect(answer.body).toBe('console.log("workbench")')
  })

  it('answers 403 to a wrong token in the path', async () => {
    expect((await get(`/t/${'x'.repeat(32)}/assets/app.js`)).status).toBe(403)
    expect((await get(`/t/${host.token.slice(0, -1)}/index.html`)).status).toBe(403)
  })

  it('serves assets to a request that carries the token cookie', async () => {
    const answer = await get('/assets/app.js', { cookie: `mpdt_token_${host.port}=${host.token}` })
    expect(answer.status).toBe(200)
    expect(answer.body).toBe('console.log("workbench")')
  })

  it('answers 403 to a request without the token', async () => {
    const answer = await get('/')
    expect(answer.status).toBe(403)
    expect(answer.body).not.toContain('workbench')
  })

  it('answers 403 to a wrong token in the URL', async () => {
    expect((await get('/?token=wrong')).status).toBe(403)
    // One character off (never the same one: a token may end in any of them).
    const last = host.token.slice(-1) === 'x' ? 'y' : 'x'
    expect((await get(`/?token=${host.token.slice(0, -1)}${last}`)).status).toBe(403)
  })

  it('answers 403 to a wrong token cookie', async () => {
    const answer = await get('/', { cookie: `mpdt_token_${host.port}=${'x'.repeat(32)}` })
    expect(answer.status).toBe(403)
  })

  it('does not take the token of a cookie named for another port', async () => {
    const answer = await get('/', { cookie: `mpdt_token_1=${host.token}` })
    expect(answer.status).toBe(403)
  })

  it('refuses a WebSocket without the token with 403', async () => {
    expect(await upgrade(rpcUrl(''))).toBe(403)
  })

  it('refuses a WebSocket with a wrong token with 403', async () => {
    expect(await upgrade(rpcUrl('?token=wrong'))).toBe(403)
  })

  it('accepts a WebSocket with the token in the URL or the cookie', async () => {
    expect(await upgrade(rpcUrl(`?token=${host.token}`))).toBe(101)
    expect(await upgrade(rpcUrl(''), { cookie: `mpdt_token_${host.port}=${host.token}` })).toBe(101)
  })
})

describe('browser-mode host: Host and Origin headers', () => {
  it('answers 403 to a foreign Host header even with the token (DNS rebinding)', async () => {
    const answer = await get(withToken('/'), { host: `evil.example:${host.port}` })
    expect(answer.status).toBe(403)
  })

  it('answers 403 to our host name on another port', async () => {
    expect((await get(withToken('/'), { host: `127.0.0.1:${host.port + 1}` })).status).toBe(403)
  })

  it('accepts localhost:PORT as the Host', async () => {
    expect((await get(page(), { host: `localhost:${host.port}` })).status).toBe(200)
  })

  it('answers 403 to a foreign Origin even with the token (other sites)', async () => {
    const answer = await get(withToken('/'), { origin: 'http://evil.example' })
    expect(answer.status).toBe(403)
  })

  it('accepts our own Origin', async () => {
    expect((await get(page(), { origin: host.origin })).status).toBe(200)
  })

  it('lets a sandboxed frame (Origin: null) load files by the path token, with CORS allowed', async () => {
    const answer = await get(`/t/${host.token}/assets/app.js`, { origin: 'null' })
    expect(answer.status).toBe(200)
    expect(answer.headers['access-control-allow-origin']).toBe('*')
  })

  it('refuses Origin: null with the token only in the query or the cookie', async () => {
    expect((await get(withToken('/assets/app.js'), { origin: 'null' })).status).toBe(403)
    const cookie = `mpdt_token_${host.port}=${host.token}`
    expect((await get('/assets/app.js', { origin: 'null', cookie })).status).toBe(403)
  })

  it('refuses a WebSocket from Origin: null even with the token', async () => {
    expect(await upgrade(rpcUrl(`?token=${host.token}`), { origin: 'null' })).toBe(403)
  })

  it('sends no CORS header to our own pages', async () => {
    const answer = await get(`/t/${host.token}/assets/app.js`, { origin: host.origin })
    expect(answer.headers['access-control-allow-origin']).toBeUndefined()
  })

  it('refuses a WebSocket from a foreign Origin with 403', async () => {
    const url = rpcUrl(`?token=${host.token}`)
    expect(await upgrade(url, { origin: 'http://evil.example' })).toBe(403)
    expect(await upgrade(url, { origin: host.origin })).toBe(101)
  })

  it('refuses a WebSocket with a foreign Host with 403', async () => {
    const url = rpcUrl(`?token=${host.token}`)
    expect(await upgrade(url, { host: `evil.example:${host.port}` })).toBe(403)
  })

  it('refuses a WebSocket on any other path with 404', async () => {
    const url = `ws://127.0.0.1:${host.port}/other?token=${host.token}`
    expect(await upgrade(url)).toBe(404)
  })
})

describe('browser-mode host: the contract WebSocket', () => {
  /** Sends raw frames, then one call, and answers the first result message. */
  function callAfter(frames: string[], method: string): Promise<unknown> {
    return new Promise((resolve, reject) => {
      const ws = new WebSocket(rpcUrl(`?token=${host.token}`))
      ws.on('open', () => {
        for (const frame of frames) ws.send(frame)
        ws.send(JSON.stringify({ type: 'call', id: 7, method, params: {} }))
      })
      ws.on('message', (data) => {
        const message = JSON.parse(data.toString()) as { type: string; id: number }
        if (message.type !== 'result') return
        ws.close()
        resolve(message)
      })
      ws.on('error', reject)
    })
  }

  it('answers a call with its result', async () => {
    expect(await callAfter([], 'app.getInfo')).toMatchObject({
      type: 'result',
      id: 7,
      result: { ok: true, value: { name: 'MP DevTools' } },
    })
  })

  it('ignores frames that are not wire messages and keeps serving', async () => {
    const junk = ['not json', '{"type":"call"}', '[]', JSON.stringify({ type: 'result', id: 1 })]
    expect(await callAfter(junk, 'app.getInfo')).toMatchObject({ id: 7, result: { ok: true } })
  })

  it('sends what it answers in one turn as one array frame, in order', async () => {
    const frames = await new Promise<unknown[]>((resolve, reject) => {
      const ws = new WebSocket(rpcUrl(`?token=${host.token}`))
      const received: unknown[] = []
      ws.on('open', () => {
        for (const id of [1, 2, 3]) {
          ws.send(JSON.stringify({ type: 'call', id, method: 'app.getInfo', params: {} }))
        }
      })
      ws.on('message', (data) => {
        received.push(JSON.parse(data.toString()))
        const ids = received.flat().map((message) => (message as { id: number }).id)
        if (ids.length < 3) return
        ws.close()
        resolve(received)
      })
      ws.on('error', reject)
    })
    const ids = frames.flat().map((message) => (message as { id: number }).id)
    expect(ids).toEqual([1, 2, 3])
    expect(frames.length).toBeLessThan(3)
  })

  it('closes a connection that sends a frame over 4 MB (1009) and keeps running', async () => {
    const code = await new Promise<number>((resolve) => {
      const ws = new WebSocket(rpcUrl(`?token=${host.token}`))
      ws.on('open', () => ws.send('x'.repeat(5 * 1024 * 1024)))
      ws.on('close', (closeCode) => resolve(closeCode))
      ws.on('error', () => {})
    })
    expect(code).toBe(1009)
    expect(await callAfter([], 'app.getInfo')).toMatchObject({ id: 7, result: { ok: true } })
  })

  it('answers an unknown method with UNKNOWN_METHOD', async () => {
    expect(await callAfter([], 'fs.readFile')).toMatchObject({
      id: 7,
      result: { ok: false, error: { code: 'UNKNOWN_METHOD' } },
    })
  })
})

describe('browser-mode host: only files of the workbench', () => {
  const attempts = [
    '/../secret.txt',
    '/assets/../../secret.txt',
    '/%2e%2e/secret.txt',
    '/%2e%2e%2fsecret.txt',
    '/..%2fsecret.txt',
    '/assets/..%5c..%5csecret.txt',
    '//' + 'tmp/secret.txt',
    '/%2Ftmp%2Fsecret.txt',
    '/assets/link.js',
    '/escape/secret.txt',
    '/%00index.html',
    '/%E0%A4%A',
  ]
  for (const path of attempts) {
    it(`never serves a file outside the workbench for ${path}`, async () => {
      for (const answer of [await get(withToken(path)), await get(`/t/${host.token}${path}`)]) {
        expect([403, 404]).toContain(answer.status)
        expect(answer.body).not.toContain(SECRET)
      }
    })
  }

  it('serves index.html for the folder with text/html and no caching', async () => {
    const answer = await get(page())
    expect(answer.headers['content-type']).toBe('text/html; charset=utf-8')
    expect(answer.headers['cache-control']).toBe('no-store')
  })

  it('serves scripts and styles with their content types', async () => {
    expect((await get(withToken('/assets/app.js'))).headers['content-type']).toBe(
      'text/javascript; charset=utf-8',
    )
    expect((await get(withToken('/assets/app.css'))).headers['content-type']).toBe(
      'text/css; charset=utf-8',
    )
  })

  it('answers 404 to a file that does not exist', async () => {
    expect((await get(withToken('/assets/none.js'))).status).toBe(404)
  })

  it('answers 405 to methods other than GET and HEAD', async () => {
    expect((await get(withToken('/'), {}, 'POST')).status).toBe(405)
  })
})

describe('browser-mode host: security headers', () => {
  it('sends the workbench CSP, nosniff and no-referrer with the workbench page and refusals', async () => {
    for (const answer of [await get(page()), await get('/')]) {
      expect(answer.headers['content-security-policy']).toBe(WORKBENCH_CSP)
      expect(answer.headers['x-content-type-options']).toBe('nosniff')
      expect(answer.headers['referrer-policy']).toBe('no-referrer')
    }
  })

  it('uses the same CSP as the meta tag of renderer/index.html', async () => {
    const html = await readFile(join(__dirname, '../../renderer/index.html'), 'utf8')
    const meta = html.match(/http-equiv="Content-Security-Policy"\s+content="([^"]+)"/)
    expect(meta?.[1]).toBe(WORKBENCH_CSP)
  })
})
