/**
 * Test support: a main process made of plain functions, served over the real in-memory wire
 * (createMemoryPair + serveOnTransport), and a ProjectInfo that exercises every detail.
 */
import { createPinia, setActivePinia, type Pinia } from 'pinia'
import {
  METHOD_NAMES,
  type ContractEvents,
  type EventName,
  type MethodName,
} from '../../shared/contract'
import type { ProjectInfo } from '../../shared/project'
import { fail, ok } from '../../shared/result'
import {
  createClient,
  createMemoryPair,
  serveOnTransport,
  type ContractClient,
  type ContractService,
} from '../../shared/rpc'
import { setBridge } from '../../renderer/src/bridge'
import { createWorkbenchI18n, type WorkbenchLocale } from '../../renderer/src/i18n'

export function sampleProject(overrides: Partial<ProjectInfo> = {}): ProjectInfo {
  return {
    dir: '/home/dev/shop',
    name: 'shop',
    settings: {
      appid: 'wx1234567890abcdef',
      projectname: 'shop',
      miniprogramRoot: 'miniprogram/',
      libVersion: '3.4.0',
      compileType: 'miniprogram',
      urlCheck: true,
      setting: { urlCheck: true },
      compileModes: [],
      compileMode: -1,
      sources: { appid: 'project', urlCheck: 'project' },
    },
    app: {
      pages: ['pages/index/index', 'pages/cart/cart'],
      window: { navigationBarTitleText: 'Shop', navigationBarTextStyle: 'black' },
      tabBar: {
        list: [
          { pagePath: 'pages/index/index', text: 'Home' },
          { pagePath: 'pages/cart/cart', text: 'Cart' },
        ],
      },
      networkTimeout: { request: 10000 },
      subpackages: [{ root: 'packageA', pages: ['pages/detail/detail'] }],
    },
    pages: [
      {
        route: 'pages/index/index',
        config: {},
        files: { js: true, wxml: true, wxss: true, json: true },
      },
      {
        route: 'pages/cart/cart',
        config: {},
        files: { js: true, wxml: false, wxss: true, json: false },
      },
      {
        route: 'packageA/pages/detail/detail',
        config: {},
        files: { js: true, wxml: true, wxss: true, json: true },
        subpackage: 'packageA',
      },
    ],
    domains: {
      request: ['https://api.example.com', 'https://api.example.com:8443'],
      socket: ['wss://live.example.com'],
      uploadFile: [],
      downloadFile: [],
    },
    mock: { enabled: false, rules: [] },
    problems: [],
    ...overrides,
  }
}

export interface FakeMainProcess {
  client: ContractClient
  /** Every call the workbench made, in order. */
  calls: { method: MethodName; params: unknown }[]
  emit<E extends EventName>(event: E, payload: ContractEvents[E]): void
}

/** A main process with `project` open; `service` replaces any of its methods. */
export function fakeMainProcess(
  project: ProjectInfo | null = sampleProject(),
  service: Partial<ContractService> = {},
): FakeMainProcess {
  let current = project
  const calls: FakeMainProcess['calls'] = []
  const defaults: Partial<ContractService> = {
    'app.getInfo': async () =>
      ok({
        name: 'MP DevTools',
        version: '0.1.0',
        mode: 'browser',
        platform: 'linux',
        locale: 'en-US',
      }),
    'project.open': async () => ok(current ?? sampleProject()),
    'project.current': async () => ok(current),
    'project.reload': async () => ok(current ?? sampleProject()),
    'project.recent': async () => ok([]),
    'project.chooseFolder': async () => ok(null),
    'project.updateSettings': async (patch) => {
      const base = current ?? sampleProject()
      current = {
        ...base,
        settings: {
          ...base.settings,
          ...(patch.urlCheck === undefined ? {} : { urlCheck: patch.urlCheck }),
          ...(patch.appid === undefined ? {} : { appid: patch.appid }),
          ...(patch.compileModes === undefined ? {} : { compileModes: patch.compileModes }),
          ...(patch.compileMode === undefined ? {} : { compileMode: patch.compileMode }),
        },
      }
      return ok(current)
    },
    'project.setDomains': async ({ domains }) => ok({ ...(current ?? sampleProject()), domains }),
    'project.setMock': async ({ mock }) => {
      current = { ...(current ?? sampleProject()), mock }
      return ok(current)
    },
  }
  const handlers: Partial<ContractService> = { ...defaults, ...service }
  // Methods of later features that the workbench does not call answer as unavailable.
  const unavailable = async (method: MethodName) =>
    fail({ code: 'UNSUPPORTED', message: `${method} is not part of this fake` })
  const recording = Object.fromEntries(
    METHOD_NAMES.map((method) => [
      method,
      (params: unknown) => {
        calls.push({ method, params })
        const handler = handlers[method] as ((p: unknown) => unknown) | undefined
        return handler ? handler(params) : unavailable(method)
      },
    ]),
  ) as ContractService
  const [workbenchSide, mainSide] = createMemoryPair()
  serveOnTransport(recording, mainSide)
  return {
    client: createClient(workbenchSide),
    calls,
    emit: (event, payload) => mainSide.send({ type: 'event', event, payload }),
  }
}

/** A fresh pinia made active, with `main` as the bridge every store talks to. */
export function workbenchPlugins(main: FakeMainProcess, locale: WorkbenchLocale = 'en') {
  const pinia: Pinia = createPinia()
  setActivePinia(pinia)
  setBridge(main.client)
  const i18n = createWorkbenchI18n(locale)
  return { pinia, i18n, plugins: [pinia, i18n] }
}
