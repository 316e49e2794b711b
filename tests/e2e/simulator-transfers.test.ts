/**
 * Uploads, downloads, sockets and files in the simulator, end to end in browser mode: a page picks
 * a file in the sandboxed frame and uploads it, downloads a picture and shows it from its wxfile://
 * path, and talks over a WebSocket, all through the main process's engine to loopback servers.
 */
import busboy from 'busboy'
import { cp, writeFile } from 'node:fs/promises'
import type { IncomingMessage, ServerResponse } from 'node:http'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { WebSocketServer } from 'ws'
import { png } from '../helpers/pictures'
import { startHttpServer } from '../helpers/servers'
import {
  E2E_TEST_TIMEOUT_MS,
  openWorkbench,
  REPO_ROOT,
  SCREENSHOT_DIR,
  useE2eScratch,
} from './harness'

const PICTURE = png(30, 20)
const PHOTO = Buffer.from('not really a photo, but bytes the server must see')

interface Upload {
  fields: Record<string, string>
  file: { field: string; filename: string; text: string }
  referer?: string
}

describe(
  'uploads, downloads and sockets in the simulator',
  { timeout: E2E_TEST_TIMEOUT_MS },
  () => {
    const e2e = useE2eScratch()
    let uploads: Upload[] = []
    let socketMessages: string[] = []

    function handle(req: IncomingMessage, res: ServerResponse): void {
      if (req.url === '/upload') {
        const fields: Record<string, string> = {}
        let file: Upload['file'] | undefined
        const form = busboy({ headers: req.headers })
        form.on('field', (name, value) => (fields[name] = value))
        form.on('file', (field, stream, info) => {
          const chunks: Buffer[] = []
          stream.on('data', (part: Buffer) => chunks.push(part))
          stream.on('end', () => {
            file = { field, filename: info.filename ?? '', text: Buffer.concat(chunks).toString() }
          })
        })
        form.on('close', () => {
          if (file) uploads.push({ fields, file, referer: req.headers.referer })
          res.end('stored')
        })
        req.pipe(form)
        return
      }
      if (req.url === '/picture.png') {
        res.writeHead(200, { 'content-type': 'image/png', 'content-length': PICTURE.length })
        res.end(PICTURE)
        return
      }
      res.writeHead(404).end()
    }

    /** A copy of the fixture whose api.transfers.test (http and ws) is a loopback server. */
    async function openProject(): Promise<void> {
      uploads = []
      socketMessages = []
      const api = await startHttpServer(handle)
      e2e.defer(() => api.close())
      const sockets = new WebSocketServer({ server: api.server })
      e2e.defer(() => {
        for (const client of sockets.clients) client.terminate()
        sockets.close()
      })
      sockets.on('connection', (socket) =>
        socket.on('message', (data) => {
          socketMessages.push(data.toString())
          socket.send(`echo:${data.toString()}`)
        }),
      )
      const dir = join(await e2e.folder('mpdt-e2e-transfers-'), 'simulator-transfers')
      await cp(join(REPO_ROOT, 'tests/fixtures/simulator-transfers'), dir, { recursive: true })
      await writeFile(
        join(dir, 'project.private.config.json'),
        JSON.stringify({ mpdt: { connectTo: [`api.transfers.test:80:127.0.0.1:${api.port}`] } }),
      )
      e2e.session = await openWorkbench(dir)
      await e2e.phone().locator(byId('title')).waitFor()
    }

    function byId(id: string): string {
      return `[id="${id}"], [id$="--${id}"]`
    }

    async function tap(id: string): Promise<void> {
      // A click event without a pointer taps too; it does not depend on the frame's zoom.
      await e2e.phone().locator(byId(id)).dispatchEvent('click')
    }

    async function shown(id: string, text: RegExp): Promise<string> {
      const element = e2e.phone().locator(byId(id))
      await element.filter({ hasText: text }).waitFor()
      return element.innerText()
    }

    it('uploads a picked file, shows a downloaded picture and echoes over a socket', async () => {
      await openProject()

      // The picker opens from the sandboxed frame's <input type=file>, as a person would see it.
      const picker = e2e.page().waitForEvent('filechooser')
      await tap('choose')
      await (await picker).setFiles({ name: 'photo.png', mimeType: 'image/png', buffer: PHOTO })
      expect(await shown('chosen', /chosen/)).toBe(`chosen ${PHOTO.length} bytes`)
      expect(await shown('uploaded', /uploadFile/)).toBe('uploadFile:ok 200 stored')
      expect(await shown('upload-progress', /progress/)).toBe('progress 100')
      expect(uploads).toEqual([
        {
          fields: { user: 'ann' },
          file: {
            field: 'photo',
            filename: expect.stringMatching(/^tmp_\w+\.png$/),
            text: PHOTO.toString(),
          },
          referer: 'https://servicewechat.com/touristappid/devtools/page-frame.html',
        },
      ])

      await tap('download')
      expect(await shown('downloaded', /downloadFile/)).toBe(
        `downloadFile:ok 200 ${PICTURE.length} bytes`,
      )
      expect(await shown('picture-state', /loaded|GET/)).toBe('loaded 30x20')
      expect(
        await e2e
          .phone()
          .locator(`${byId('picture')} img`)
          .first()
          .getAttribute('src'),
      ).toMatch(/^blob:/)

      await tap('chat')
      expect(await shown('socket', /closed/)).toBe('echo:hello closed 1000')
      expect(socketMessages).toEqual(['hello'])

      // wx.cloud: no environment is reachable; the app keeps running and the call is a cloud row.
      await tap('cloud')
      expect(await shown('cloud-answer', /cloud/)).toMatch(
        /^cloud\.callFunction:fail Error: errCode: -601034 .* -601034$/,
      )

      await e2e.page().getByRole('tab', { name: '网络' }).click()
      const rows = e2e.page().getByRole('grid', { name: '网络请求' }).locator('tbody tr.row')
      await rows.filter({ hasText: 'chat' }).waitFor()
      const texts = await rows.allInnerTexts()
      expect(texts.some((text) => text.includes('upload'))).toBe(true)
      expect(texts.some((text) => text.includes('picture.png'))).toBe(true)
      const cloud = rows.filter({ hasText: 'add' })
      expect(await cloud.innerText()).toMatch(/cloud/)
      expect(await cloud.innerText()).toMatch(/-601034/)
      expect(await cloud.innerText()).toMatch(/pages\/index\/index/)
      await e2e.page().screenshot({ path: join(SCREENSHOT_DIR, 'network-cloud-row.png') })
      expect(e2e.session!.pageErrors).toEqual([])
    })
  },
)
