/**
 * The servers behind tests/fixtures/transfers/project, on one loopback HTTPS port reached through
 * --connect-to: `https://up.example.test/upload` answers what it parsed of the multipart form,
 * `/file.txt` sends a text file, and `wss://ws.example.test:8443/echo` echoes every frame.
 */
import type { IncomingMessage, ServerResponse } from 'node:http'
import busboy from 'busboy'

export const DOWNLOADED_TEXT = 'downloaded text'

export function transfersApi(req: IncomingMessage, res: ServerResponse): void {
  const path = (req.url ?? '/').split('?')[0]
  if (path === '/upload' && req.method === 'POST') {
    const fields: Record<string, string> = {}
    const files: string[] = []
    const form = busboy({ headers: req.headers })
    form.on('field', (name, value) => (fields[name] = value))
    form.on('file', (field, stream) => {
      let size = 0
      stream.on('data', (chunk: Buffer) => (size += chunk.length))
      stream.on('end', () => files.push(`${field}=${size}`))
    })
    form.on('close', () => res.end(`user=${fields.user} ${files.join(',')}`))
    req.pipe(form)
    return
  }
  if (path === '/file.txt') {
    res.writeHead(200, {
      'content-type': 'text/plain',
      'content-length': Buffer.byteLength(DOWNLOADED_TEXT),
    })
    res.end(DOWNLOADED_TEXT)
    return
  }
  res.writeHead(404).end()
}
