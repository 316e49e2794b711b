// Preload (sandboxed, bundled as one CommonJS file): exposes the contract, nothing else.
import { contextBridge, ipcRenderer, webUtils } from 'electron'
import { PRELOAD_GLOBAL } from '../../shared/bridge-api'
import { createPreloadApi } from './preload-api'

contextBridge.exposeInMainWorld(
  PRELOAD_GLOBAL,
  createPreloadApi(ipcRenderer, (file) => webUtils.getPathForFile(file)),
)
