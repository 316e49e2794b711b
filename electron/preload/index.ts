// Preload: exposes one function per contract entry. Filled in by the workbench-foundation work.
import { contextBridge } from 'electron'

contextBridge.exposeInMainWorld('mpdt', {})
