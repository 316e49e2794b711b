/**
 * `mpdt run` on tests/fixtures/run/requests: the fixture's wx.request calls reach a real loopback
 * HTTPS server for the made-up origin https://api.example.test through --connect-to, with a
 * certificate from a test CA trusted through --cacert.
 */
import { copyFile, cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createCertificateAuthority, type CertificateAuthority } from '../helpers/certificates'
import { startHttpsServer, type TestServer } from '../helpers/servers'
import { fixtureApi } from './fixture-api'
import { runMpdt, type MpdtResult } from './mpdt-process'

const PROJECT = 'tests/fixtures/run/requests'
const APPID = 'wx5e1f00000000c0de'
const BUILD_MS = 420_000

/** Lines the fixture prints whether or not the domain list is checked. */
const COMMON_LINES = [
  'app onLaunch',
  'get query: ok 200 /echo?fixed=1&page=2&filter=%7B%22tag%22%3A%22new%22%7D',
  `get referer: ok 200 https://servicewechat.com/${APPID}/devtools/page-frame.html`,
  'post json: ok 200 application/json {"name":"mp","n":1}',
  'post form: ok 200 application/x-www-form-urlencoded name=mp&n=1',
  'text: ok 200 string plain text',
  'arraybuffer: ok 200 5 [0,1,2,3,255]',
  'not found: ok 404 {"error":"not found"}',
  'redirect follow: ok 200 /echo?from=redirect',
  'redirect manual: ok 302 /echo?from=redirect',
  'chunked: ok 200 one|two|three',
  'headers received: ok 200 200 text/plain',
  'cookies: ok 200 ["sid=abc; Path=/","theme=dark"]',
]

describe('mpdt run on a project that calls wx.request in every way', () => {
  let server: TestServer
  let dir: string
  let caFile: string
  let ca: CertificateAuthority

  const mapped = (...extra: string[]): Promise<MpdtResult> =>
    runMpdt(
      [
        'run',
        PROJECT,
        '--connect-to',
        `api.example.test:443:127.0.0.1:${server.port}`,
        '--connect-to',
        `blocked.example.test:443:127.0.0.1:${server.port}`,
        ...extra,
      ],
      { MPDT_DATA_DIR: dir },
    )
  const run = (...extra: string[]) => mapped('--cacert', caFile, ...extra)

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'mpdt-run-requests-'))
    ca = createCertificateAuthority()
    caFile = join(dir, 'ca.pem')
    await writeFile(caFile, ca.cert)
    server = await startHttpsServer(
      fixtureApi,
      ca.issue({ hosts: ['api.example.test', 'blocked.example.test'] }),
    )
    // Builds out/ if it is stale, so the runs below are timed without a build.
    await runMpdt(['--version'], {}, BUILD_MS)
  }, BUILD_MS + 30_000)

  afterAll(async () => {
    await server?.close()
    await rm(dir, { recursive: true, force: true })
  })

  describe('with the domain list checked (the project default)', () => {
    let result: MpdtResult
    beforeAll(async () => {
      result = await run()
    }, 60_000)

    it('exits 0 once every request is done', () => {
      expect(result.stderr).toBe('')
      expect(result.code, result.stderr).toBe(0)
      expect(result.lines[result.lines.length - 1]).toBe('done')
    })

    it('prints the outcome of every allowed request as WeChat gives it', () => {
      for (const line of COMMON_LINES) expect(result.lines).toContain(line)
    })

    it('fails a request that outlives its timeout with request:fail timeout', () => {
      expect(result.lines.find((line) => line.startsWith('timeout: '))).toMatch(
        /^timeout: fail request:fail timeout\b/,
      )
    })

    it('fails an aborted request with request:fail abort', () => {
      expect(result.lines.find((line) => line.startsWith('abort: '))).toMatch(
        /^abort: fail request:fail abort\b/,
      )
    })

    it('blocks an origin outside the domain list with WeChat errMsg and errno', () => {
      expect(result.lines).toContain(
        'blocked origin: fail request:fail url not in domain list 600002',
      )
    })

    it('prints the 合法域名校验出错 console block before the blocked request fails', () => {
      const failure = result.lines.indexOf(
        'blocked origin: fail request:fail url not in domain list 600002',
      )
      const group = result.lines.findIndex((line) => line.endsWith(' request 合法域名校验出错'))
      expect(group).toBeGreaterThan(-1)
      expect(group).toBeLessThan(failure)
      expect(result.lines.slice(group + 1, group + 4)).toEqual([
        '如若已在管理后台更新域名配置，请刷新项目配置后重新编译项目，操作路径：“详情-域名信息”',
        '[error]  https://blocked.example.test 不在以下 request 合法域名列表中，请参考文档：https://developers.weixin.qq.com/miniprogram/dev/framework/ability/network.html',
        '[["https://api.example.test"]]',
      ])
    })

    it('does not print the checks-off warning', () => {
      expect(result.stdout).not.toContain('工具未校验合法域名')
    })

    it('prints no phone warning: the engine itself refuses what a phone would', () => {
      expect(result.stdout).not.toContain('真机上会失败')
    })
  })

  describe('with --no-url-check', () => {
    let result: MpdtResult
    let harFile: string
    beforeAll(async () => {
      harFile = join(dir, 'no-url-check.har')
      result = await run('--no-url-check', '--har', harFile)
    }, 60_000)

    it('warns once that a phone would refuse the origin outside the domain list, and how to fix it', () => {
      const warning =
        '[warn] 真机上会失败：https://blocked.example.test 不在 request 合法域名列表中，真机返回 “request:fail url not in domain list”。请在小程序管理后台「开发管理 → 开发设置 → 服务器域名」中添加该域名。'
      expect(result.lines.filter((line) => line === warning)).toHaveLength(1)
      expect(result.lines.filter((line) => line.includes('真机上会失败'))).toEqual([warning])
    })

    it('writes the phone warning into that request’s HAR entry', async () => {
      const entries = JSON.parse(await readFile(harFile, 'utf8')).log.entries
      const blocked = entries.find(
        (entry: { request: { url: string } }) =>
          entry.request.url === 'https://blocked.example.test/echo',
      )
      expect(blocked._phoneWarnings).toEqual([
        {
          rule: 'domain-list',
          errMsg: 'request:fail url not in domain list',
          url: 'https://blocked.example.test/echo',
        },
      ])
      expect(blocked.response.status).toBe(200)
      const warned = entries.filter((entry: object) => '_phoneWarnings' in entry)
      expect(warned).toHaveLength(1)
    })

    it('warns once per run that nothing is checked, before the first request', () => {
      const warning = '[warn] 工具未校验合法域名、web-view（业务域名）、TLS 版本以及 HTTPS 证书。'
      expect(result.lines.filter((line) => line === warning)).toHaveLength(1)
      expect(result.lines.indexOf(warning)).toBeLessThan(result.lines.indexOf(COMMON_LINES[1]))
    })

    it('lets the origin outside the domain list through', () => {
      expect(result.lines).toContain('blocked origin: ok 200 /echo')
      expect(result.stdout).not.toContain('合法域名校验出错')
    })

    it('gives every other request the same outcome as with checks on', () => {
      for (const line of COMMON_LINES) expect(result.lines).toContain(line)
      expect(result.code, result.stderr).toBe(0)
    })
  })

  describe('without --cacert, so the server certificate is trusted by nobody', () => {
    it('fails requests with 对应的服务器证书无效。 and its console error when checks are on', async () => {
      const result = await mapped()
      expect(result.lines.find((line) => line.startsWith('get query: '))).toMatch(
        /^get query: fail request:fail 对应的服务器证书无效。/,
      )
      expect(result.lines).toContain(
        '[error] https://api.example.test 对应的服务器证书无效。控制台输入 showRequestInfo() 可以获取更详细信息。',
      )
      expect(result.code, result.stderr).toBe(0)
    }, 60_000)

    it('accepts the certificate with --no-url-check, warning once that a phone would not', async () => {
      const result = await mapped('--no-url-check')
      for (const line of COMMON_LINES) expect(result.lines).toContain(line)
      expect(result.stdout).not.toContain('[error] https://api.example.test 对应的服务器证书无效')
      const warnings = result.lines.filter((line) =>
        line.startsWith('[warn] 真机上会失败：https://api.example.test 对应的服务器证书无效'),
      )
      expect(warnings).toHaveLength(1)
      expect(warnings[0]).toContain('真机返回 “request:fail 对应的服务器证书无效。”')
    }, 60_000)
  })

  describe('against a server that speaks only TLS 1.0', () => {
    let oldServer: TestServer
    const runOld = (...extra: string[]) =>
      runMpdt(
        [
          'run',
          PROJECT,
          '--connect-to',
          `api.example.test:443:127.0.0.1:${oldServer.port}`,
          '--connect-to',
          `blocked.example.test:443:127.0.0.1:${oldServer.port}`,
          '--cacert',
          caFile,
          ...extra,
        ],
        { MPDT_DATA_DIR: dir },
      )
    beforeAll(async () => {
      oldServer = await startHttpsServer(fixtureApi, {
        ...ca.issue({ hosts: ['api.example.test', 'blocked.example.test'] }),
        // OpenSSL 3 refuses TLS 1.0 at its default security level.
        ciphers: 'DEFAULT@SECLEVEL=0',
        minVersion: 'TLSv1',
        maxVersion: 'TLSv1',
      })
    })
    afterAll(async () => {
      await oldServer?.close()
    })

    it('fails requests with WeChat TLS-version errMsg and console error when checks are on', async () => {
      const result = await runOld()
      expect(result.lines.find((line) => line.startsWith('get query: '))).toMatch(
        /^get query: fail request:fail 小程序要求的 TLS 版本必须大于等于 1\.2/,
      )
      expect(result.lines).toContain(
        '[error] https://api.example.test 对应的服务器 TLS 为 TLS 1.0 ，小程序要求的 TLS 版本必须大于等于 1.2 。控制台输入 showRequestInfo() 可以获取更详细信息。',
      )
      expect(result.code, result.stderr).toBe(0)
    }, 60_000)

    it('accepts TLS 1.0 with --no-url-check, warning once that a phone would not', async () => {
      const result = await runOld('--no-url-check')
      for (const line of COMMON_LINES) expect(result.lines).toContain(line)
      expect(result.lines).toContain('blocked origin: ok 200 /echo')
      expect(result.lines).toContain(
        '[warn] 真机上会失败：https://api.example.test 对应的服务器 TLS 为 TLS 1.0 ，小程序要求的 TLS 版本必须大于等于 1.2，真机返回 “request:fail 小程序要求的 TLS 版本必须大于等于 1.2”。请将服务器升级到 TLS 1.2 或更高版本。',
      )
    }, 60_000)
  })

  describe('with connectTo and cacert set in project.private.config.json', () => {
    let result: MpdtResult
    beforeAll(async () => {
      const project = join(dir, 'local-settings')
      await cp(PROJECT, project, { recursive: true })
      await copyFile(caFile, join(project, 'dev-ca.pem'))
      await writeFile(
        join(project, 'project.private.config.json'),
        JSON.stringify({
          mpdt: {
            connectTo: [`api.example.test:443:127.0.0.1:${server.port}`],
            cacert: 'dev-ca.pem',
          },
        }),
      )
      result = await runMpdt(['run', project], { MPDT_DATA_DIR: dir })
    }, 60_000)

    it('reaches the mapped origin and trusts the project CA without any flag', () => {
      for (const line of COMMON_LINES) expect(result.lines).toContain(line)
      expect(result.code, result.stderr).toBe(0)
    })
  })

  it('ends at --timeout with the open request named on stderr and pending in the HAR', async () => {
    const harFile = join(dir, 'timeout.har')
    const result = await run('--page', 'pages/hang/hang', '--timeout', '1', '--har', harFile)
    expect(result.code, result.stderr).toBe(3)
    expect(result.stderr).toContain('still pending: 1 request(s)')
    expect(result.stderr).toContain('  request GET https://api.example.test/slow')
    const entries = JSON.parse(await readFile(harFile, 'utf8')).log.entries
    expect(entries).toHaveLength(1)
    expect(entries[0]._error).toBe('pending')
  }, 60_000)

  describe('with --har', () => {
    let har: {
      log: {
        version: string
        creator: { name: string; version: string }
        entries: Record<string, any>[] // eslint-disable-line @typescript-eslint/no-explicit-any
      }
    }
    const entryFor = (url: string, method = 'GET') =>
      har.log.entries.find((entry) => entry.request.url === url && entry.request.method === method)

    beforeAll(async () => {
      const harFile = join(dir, 'run.har')
      const result = await run('--har', harFile)
      expect(result.code, result.stderr).toBe(0)
      har = JSON.parse(await readFile(harFile, 'utf8'))
    }, 60_000)

    it('writes a HAR 1.2 log with its creator', () => {
      expect(har.log.version).toBe('1.2')
      expect(har.log.creator.name).toBe('MP DevTools')
      expect(har.log.creator.version).toMatch(/^\d+\.\d+\.\d+/)
    })

    it('has one entry per request with the fields HAR 1.2 requires', () => {
      expect(har.log.entries).toHaveLength(15)
      for (const entry of har.log.entries) {
        expect(Number.isNaN(Date.parse(entry.startedDateTime))).toBe(false)
        expect(typeof entry.time).toBe('number')
        for (const field of ['method', 'url', 'httpVersion', 'cookies', 'headers', 'queryString']) {
          expect(entry.request).toHaveProperty(field)
        }
        for (const field of ['status', 'statusText', 'httpVersion', 'cookies', 'headers']) {
          expect(entry.response).toHaveProperty(field)
        }
        expect(entry.response.content).toHaveProperty('mimeType')
        expect(entry.cache).toEqual({})
        for (const phase of ['send', 'wait', 'receive']) {
          expect(typeof entry.timings[phase]).toBe('number')
        }
      }
    })

    it('contains the blocked request with its reason', () => {
      const blocked = entryFor('https://blocked.example.test/echo')
      expect(blocked?.response.status).toBe(0)
      expect(blocked?._error).toBe('request:fail url not in domain list')
      expect(blocked?._blocked).toBe('domain-list')
      expect(blocked?.comment).toContain('url not in domain list')
    })

    it('records the forced Referer among the request headers', () => {
      const headers = entryFor('https://api.example.test/echo')?.request.headers as {
        name: string
        value: string
      }[]
      expect(headers).toContainEqual({
        name: 'referer',
        value: `https://servicewechat.com/${APPID}/devtools/page-frame.html`,
      })
    })

    it('records the query string, the posted body and the text response', () => {
      const get = entryFor(
        'https://api.example.test/echo?fixed=1&page=2&filter=%7B%22tag%22%3A%22new%22%7D',
      )
      expect(get?.request.queryString).toContainEqual({ name: 'filter', value: '{"tag":"new"}' })
      const form = har.log.entries.find(
        (entry) => entry.request.postData?.mimeType === 'application/x-www-form-urlencoded',
      )
      expect(form?.request.postData.text).toBe('name=mp&n=1')
      expect(entryFor('https://api.example.test/text')?.response.content.text).toBe('plain text')
    })

    it('records a binary response as base64', () => {
      const content = entryFor('https://api.example.test/bin')?.response.content
      expect(content?.encoding).toBe('base64')
      expect(content?.text).toBe(Buffer.from([0, 1, 2, 3, 255]).toString('base64'))
    })

    it('records response cookies and the timeout failure', () => {
      const cookies = entryFor('https://api.example.test/cookie')?.response.cookies
      expect(cookies).toContainEqual({ name: 'sid', value: 'abc', path: '/' })
      const failures = har.log.entries.filter(
        (entry) => entry.request.url === 'https://api.example.test/slow',
      )
      expect(failures.map((entry) => entry._error).sort()).toEqual([
        'request:fail abort',
        'request:fail timeout',
      ])
    })
  })
})
