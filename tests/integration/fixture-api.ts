/**
 * The API behind tests/fixtures/run/requests: what `https://api.example.test` answers. One path
 * per wx.request case; `/slow` never answers (the fixture times out or aborts it).
 */
import type { IncomingMessage, RequestListener, ServerResponse } from 'node:http'

const CHUNK_GAP_MS = 150

function json(res: ServerResponse, status: number, value: unknown): void {
  const body = JSON.stringify(value)
  res.writeHead(status, {
    'content-type': 'application/json',
    'content-length': Buffer.byteLength(body),
  })
  res.end(body)
}

async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = []
  for await (const chunk of req) chunks.push(chunk as Buffer)
  return Buffer.concat(chunks).toString('utf8')
}

export const fixtureApi: RequestListener = (req, res) => {
  const path = (req.url ?? '/').split('?')[0]
  switch (path) {
    case '/echo':
      void readBody(req).then((body) =>
        json(res, 200, { method: req.method, url: req.url, headers: req.headers, body }),
      )
      return
    case '/text':
      res.writeHead(200, { 'content-type': 'text/plain' })
      res.end('plain text')
      return
    case '/bin':
      res.writeHead(200, { 'content-type': 'application/octet-stream' })
      res.end(Buffer.from([0, 1, 2, 3, 255]))
      return
    case '/missing':
      json(res, 404, { error: 'not found' })
      return
    case '/redirect':
      res.writeHead(302, { location: '/echo?from=redirect', 'content-length': 0 })
      res.end()
      return
    case '/chunks': {
      res.writeHead(200, { 'content-type': 'text/plain' })
      const parts = ['one', 'two', 'three']
      const timer = setInterval(() => {
        const part = parts.shift()
        if (part === undefined) {
          clearInterval(timer)
          res.end()
        } else {
          res.write(part)
        }
      }, CHUNK_GAP_MS)
      res.on('close', () => clearInterval(timer))
      return
    }
    case '/cookie':
      res.writeHead(200, { 'set-cookie': ['sid=abc; Path=/', 'theme=dark'], 'content-length': 0 })
      res.end()
      return
    case '/slow':
      return
    default:
      json(res, 404, { error: `no route ${path}` })
  }
}
