// Electron main process entry (glue only). Filled in by the workbench-foundation work.
import { app } from 'electron'

void app.whenReady().then(() => app.quit())
