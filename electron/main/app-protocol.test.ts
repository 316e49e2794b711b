import { mkdir, mkdtemp, rm, symlink, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { WORKBENCH_CSP } from '../host/security-headers'
import { createAppProtocolHandler, WORKBENCH_URL } from './app-protocol'

const SECRET = 'outside-the-workbench-8d1e'
let root: string
let serve: (request: Request) => Promise<Response>

const fetchApp = (url: string, init?: RequestInit) => serve(new Request(url, init))

beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'mpdt-app-protocol-'))
  const rendererDir = join(root, 'renderer')
  await mkdir(join(rendererDir, 'assets'), { recursive: true })
  await writeFile(join(rendererDir, 'index.html'), '<!doctype html><title>workbench</title>')
  await writeFile(join(rendererDir, 'simulator.html'), '<!doctype html><title>simulator</title>')
  await writeFile(join(rendererDir, 'assets', 'app.js'), 'export {}')
  await writeFile(join(root, 'secret.txt'), SECRET)
  await symlink(join(root, 'secret.txt'), join(rendererDir, 'assets', 'link.js'))
  serve = createAppProtocolHandler(rendererDir)
})

afterAll(async () => {
  await rm(root, { recursive: true, force: true })
})

describe('the mpdt:// workbench protocol', () => {
  it('serves the workbench page with its CSP header', async () => {
    const response = await fetchApp(WORKBENCH_URL)
    expect(response.status).toBe(200)
    expect(await response.text()).toContain('<title>workbench</title>')
    expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8')
    expect(response.headers.get('content-security-policy')).toBe(WORKBENCH_CSP)
    expect(response.headers.get('x-content-type-options')).toBe('nosniff')
  })

  it('leaves other pages (the simulator frame) to their own CSP meta tag', async () => {
    const response = await fetchApp('mpdt://workbench/simulator.html')
    expect(response.status).toBe(200)
    expect(response.headers.get('content-security-policy')).toBeNull()
  })

  it('serves scripts with their content type', async () => {
    const response = await fetchApp('mpdt://workbench/assets/app.js')
    expect(response.headers.get('content-type')).toBe('text/javascript; charset=utf-8')
  })

  it('allows CORS only to the sandboxed frame (origin null)', async () => {
    const fromFrame = await fetchApp('mpdt://workbench/assets/app.js', {
      headers: { origin: 'null' },
    })
    expect(fromFrame.headers.get('access-control-allow-origin')).toBe('*')
    const fromPage = await fetchApp('mpdt://workbench/assets/app.js', {
      headers: { origin: 'mpdt://workbench' },
    })
    expect(fromPage.headers.get('access-control-allow-origin')).toBeNull()
  })

  it('answers 404 for another host of the scheme', async () => {
    expect((await fetchApp('mpdt://other/index.html')).status).toBe(404)
  })

  for (const path of ['/%2e%2e/secret.txt', '/assets/..%2f..%2fsecret.txt', '/assets/link.js']) {
    it(`never serves a file outside the workbench for ${path}`, async () => {
      const response = await fetchApp(`mpdt://workbench${path}`)
      expect([403, 404]).toContain(response.status)
      expect(await response.text()).not.toContain(SECRET)
    })
  }

  it('answers 405 to a POST', async () => {
    expect((await fetchApp(WORKBENCH_URL, { method: 'POST', body: 'x' })).status).toBe(405)
  })
})
