/**
 * `mpdt run` on tests/fixtures/run/mocked: the rules of its project.mock.json answer two of its
 * three wx.request calls without the network (the loopback server api.example.test is mapped to
 * sees only the third), `--no-mock` sends all three to the server, and the HAR marks mocked ones.
 */
import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { useRunEchoServer } from './run-echo-server'

const PROJECT = 'tests/fixtures/run/mocked'

describe('mpdt run with API Mock rules', () => {
  const echo = useRunEchoServer('run-mocked')
  const { served } = echo
  const run = (...extra: string[]) => echo.run(PROJECT, ...extra)

  it('answers the mocked calls from the rules and sends only the others to the server', async () => {
    served.length = 0
    const harFile = join(echo.dir, 'mocked.har')
    const result = await run('--har', harFile)
    expect(result.code, result.stderr).toBe(0)
    expect([...result.lines].sort()).toEqual([
      'echo 200 server {"served":"/echo"}',
      'orders 200 mock {"list":[{"id":1,"item":"apple"}]}',
      'pay 503 mock "try again later"',
    ])
    expect(served).toEqual(['GET /echo'])
    const entries = JSON.parse(await readFile(harFile, 'utf8')).log.entries as {
      request: { url: string }
      _mock?: string
      comment?: string
    }[]
    const byUrl = Object.fromEntries(entries.map((entry) => [entry.request.url, entry]))
    expect(byUrl['https://api.example.test/orders?page=1']).toMatchObject({
      _mock: 'orders while the backend is down',
      comment: 'answered by the API Mock rule orders while the backend is down',
    })
    expect(byUrl['https://api.example.test/echo']).not.toHaveProperty('_mock')
  }, 60_000)

  it('sends every call to the server with --no-mock', async () => {
    served.length = 0
    const result = await run('--no-mock')
    expect(result.code, result.stderr).toBe(0)
    expect([...served].sort()).toEqual(['GET /echo', 'GET /orders?page=1', 'POST /pay'])
    expect(result.lines).toContain('pay 200 server {"served":"/pay"}')
  }, 60_000)
})
