/**
 * Real compiled output (tests/fixtures/compiled: Taro 4.2.1 with React 18, uni-app with Vue 3) in
 * the workbench in browser mode: the pages render (Taro's through its recursive base.wxml
 * templates), taps reach the framework's state (Taro's `eh` handler, uni-app's dynamic `bindtap`
 * names), a component (inside Taro's `<CustomWrapper>`) updates, navigation opens the detail page
 * with its query, and the request reaches a loopback server through the engine and shows in the
 * Network panel.
 */
import { cp, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { createCertificateAuthority } from '../helpers/certificates'
import { startHttpsServer } from '../helpers/servers'
import {
  E2E_TEST_TIMEOUT_MS,
  openWorkbench,
  REPO_ROOT,
  SCREENSHOT_DIR,
  useE2eScratch,
} from './harness'

const OUTPUTS = [
  { name: 'taro', fixture: 'taro-4.2.1' },
  { name: 'uni-app', fixture: 'uni-app-3.0.0-alpha-5020620260914001' },
]

describe(
  'Taro and uni-app compiled output in the workbench',
  { timeout: E2E_TEST_TIMEOUT_MS },
  () => {
    const e2e = useE2eScratch()

    for (const output of OUTPUTS)
      it(`${output.name}: renders the list, taps change state, the request shows in the Network panel`, async () => {
        const ca = createCertificateAuthority()
        const asked: string[] = []
        const api = await startHttpsServer(
          (request, response) => {
            asked.push(request.url ?? '')
            response.writeHead(200, { 'content-type': 'application/json' })
            response.end(JSON.stringify({ served: request.url }))
          },
          ca.issue({ hosts: ['api.example.test'] }),
        )
        e2e.defer(() => api.close())
        const project = join(await e2e.folder('mpdt-e2e-compiled-'), output.name)
        await cp(join(REPO_ROOT, 'tests/fixtures/compiled', output.fixture), project, {
          recursive: true,
        })
        await writeFile(join(project, 'ca.pem'), ca.cert)
        await writeFile(
          join(project, 'project.private.config.json'),
          JSON.stringify({
            mpdt: { connectTo: [`api.example.test:443:127.0.0.1:${api.port}`], cacert: 'ca.pem' },
          }),
        )
        e2e.session = await openWorkbench(project)
        const phone = e2e.phone()

        for (const fruit of ['1. apple', '2. banana', '3. cherry'])
          await phone.getByText(fruit).waitFor()
        await phone.getByText('details are closed').waitFor()
        await phone.getByText('served /fruits?from=load').waitFor()

        // A click event without a pointer taps too; it does not depend on the frame's layout.
        await phone.getByText('show details').dispatchEvent('click')
        await phone.getByText('details are open').waitFor()
        expect(await phone.getByText('details are closed').count()).toBe(0)

        await phone.getByText('plus one').dispatchEvent('click')
        await phone.getByText('taps: 1').waitFor()

        await phone.getByText('ask the server').dispatchEvent('click')
        await phone.getByText('served /fruits?from=tap').waitFor()
        expect(asked).toEqual(['/fruits?from=load', '/fruits?from=tap'])
        await e2e
          .page()
          .locator('.simulator-frame')
          .screenshot({
            path: join(SCREENSHOT_DIR, `compiled-${output.name}-index.png`),
          })

        await e2e.page().getByRole('tab', { name: '网络' }).click()
        const table = e2e.page().getByRole('grid', { name: '网络请求' })
        await table.locator('tr.row', { hasText: 'fruits?from=tap' }).waitFor()
        expect(await table.locator('tbody tr.row').allInnerTexts()).toEqual([
          expect.stringMatching(/fruits\?from=load\s+200\s+GET/),
          expect.stringMatching(/fruits\?from=tap\s+200\s+GET/),
        ])

        await phone.getByText('2. banana').dispatchEvent('click')
        await phone.getByText('fruit: banana').waitFor()
        expect(e2e.session.pageErrors).toEqual([])
      })
  },
)
