/**
 * Electron main process: glue only. Windows, menu and dialogs here; the contract is served by the
 * workbench service (electron/services/workbench) through the one IPC wrapper (ipc-contract.ts).
 */
import { app, BrowserWindow, dialog, ipcMain, Menu, protocol, session } from 'electron'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { WORKBENCH_CSP } from '../host/security-headers'
import { createProjectStore } from '../services/project'
import { demoProjectDir, withDemoCopy } from '../services/demo'
import { createWorkbenchService } from '../services/workbench'
import { buildAppMenuTemplate } from './app-menu'
import {
  APP_SCHEME,
  APP_SCHEME_PRIVILEGES,
  createAppProtocolHandler,
  WORKBENCH_URL,
} from './app-protocol'
import { registerContractHandlers, sendEventToWindows } from './ipc-contract'
import { projectDirFromArgv } from './launch-args'
import { lockDownWebContents, workbenchWindowOptions } from './window-security'
import { createWorkbenchUrlCheck } from './workbench-url'

// This file is bundled to out/main/index.js; the preload and the workbench are built beside it.
const outDir = fileURLToPath(new URL('..', import.meta.url))
const rendererDir = join(outDir, 'renderer')
const preloadPath = join(outDir, 'preload', 'index.cjs')
const devServerUrl = app.isPackaged ? undefined : process.env.ELECTRON_RENDERER_URL
const isWorkbenchUrl = createWorkbenchUrlCheck({ devServerUrl })

app.enableSandbox()
protocol.registerSchemesAsPrivileged([{ scheme: APP_SCHEME, privileges: APP_SCHEME_PRIVILEGES }])

if (!app.requestSingleInstanceLock()) {
  app.quit()
} else {
  void app.whenReady().then(start)
}

function hardenWebContents(): void {
  app.on('web-contents-created', (_event, contents) => lockDownWebContents(contents))
  session.defaultSession.setPermissionRequestHandler((_contents, _permission, callback) =>
    callback(false),
  )
  // The workbench page gets its CSP by header from mpdt:// (app-protocol.ts) and, here, from the
  // dev server. Only that page: the simulator's frame has its own, different policy.
  session.defaultSession.webRequest.onHeadersReceived((details, callback) => {
    if (details.resourceType !== 'mainFrame' || !isWorkbenchUrl(details.url)) return callback({})
    callback({
      responseHeaders: { ...details.responseHeaders, 'Content-Security-Policy': [WORKBENCH_CSP] },
    })
  })
}

function createMainWindow(): BrowserWindow {
  const window = new BrowserWindow(workbenchWindowOptions(preloadPath))
  window.once('ready-to-show', () => window.show())
  // Never an invisible or blank window: a workbench that cannot load says why.
  window.webContents.on('did-fail-load', (_event, code, description, url, isMainFrame) => {
    // -3 (ERR_ABORTED) is a navigation we cancelled ourselves, not a failure.
    if (!isMainFrame || code === -3) return
    window.show()
    dialog.showErrorBox(
      'MP DevTools',
      `The workbench could not load (${code} ${description}): ${url}`,
    )
  })
  if (devServerUrl) void window.loadURL(devServerUrl)
  else void window.loadURL(WORKBENCH_URL)
  return window
}

async function start(): Promise<void> {
  hardenWebContents()
  protocol.handle(APP_SCHEME, createAppProtocolHandler(rendererDir))
  const dataDir = process.env.MPDT_DATA_DIR || app.getPath('userData')
  // The demo opens as the user's copy in the data folder, never as the app's own folder.
  const store = withDemoCopy(createProjectStore({ dataDir }), {
    appRoot: app.getAppPath(),
    dataDir,
  })
  const focusedWindow = () => BrowserWindow.getFocusedWindow() ?? BrowserWindow.getAllWindows()[0]

  async function chooseFolder(): Promise<string | null> {
    const owner = focusedWindow()
    const options = { properties: ['openDirectory' as const] }
    const choice = owner
      ? await dialog.showOpenDialog(owner, options)
      : await dialog.showOpenDialog(options)
    return choice.canceled ? null : (choice.filePaths[0] ?? null)
  }

  async function openProject(dir: string): Promise<void> {
    const opened = await store.open(dir)
    if (!opened.ok) dialog.showErrorBox('MP DevTools', opened.error.message)
  }

  async function refreshMenu(): Promise<void> {
    const template = buildAppMenuTemplate({
      locale: app.getLocale(),
      recent: await store.recent(),
      isMac: process.platform === 'darwin',
      onOpenProject: () => {
        void chooseFolder().then((dir) => (dir ? openProject(dir) : undefined))
      },
      onOpenRecent: (dir) => void openProject(dir),
    })
    Menu.setApplicationMenu(Menu.buildFromTemplate(template))
  }

  const workbench = createWorkbenchService({
    store,
    dataDir,
    appRoot: app.getAppPath(),
    chooseFolder,
    appInfo: {
      name: 'MP DevTools',
      version: app.getVersion(),
      mode: 'electron',
      platform: process.platform,
      locale: app.getLocale(),
    },
  })
  registerContractHandlers(ipcMain, workbench.service, {
    windows: () => BrowserWindow.getAllWindows(),
    isWorkbenchUrl,
  })
  workbench.onEvent((event, payload) =>
    sendEventToWindows(BrowserWindow.getAllWindows(), event, payload),
  )
  store.onChanged(() => void refreshMenu())

  app.on('second-instance', (_event, argv, workingDirectory) => {
    const window = focusedWindow()
    if (window) {
      if (window.isMinimized()) window.restore()
      window.focus()
    }
    const dir = projectDirFromArgv(argv, app.isPackaged, workingDirectory)
    if (dir) void openProject(dir)
  })
  app.on('window-all-closed', () => {
    void Promise.all([workbench.close(), store.close()]).then(() => app.quit())
  })
  app.on('activate', () => {
    if (BrowserWindow.getAllWindows().length === 0) createMainWindow()
  })

  createMainWindow()
  const launchDir = projectDirFromArgv(process.argv, app.isPackaged, process.cwd())
  // Nothing given and nothing opened before: the embedded demo (a newcomer's first minute).
  const dir = launchDir ?? (await store.recent())[0]?.dir ?? demoProjectDir(app.getAppPath())
  await openProject(dir)
  await refreshMenu()
}
