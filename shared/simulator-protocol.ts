/**
 * The only messages that cross between the workbench (parent) and the simulator's sandboxed
 * iframe (the mini-program). The parent accepts a message only when `event.source` is that
 * frame's window AND its `type` is one of FRAME_MESSAGE_TYPES; everything else is dropped.
 * The mini-program never reaches the contract: the parent decides what to forward.
 */
import type { EngineOutcome, EngineRequest, ResponseHead } from './network'
import type {
  ConsoleLevel,
  ConsoleSource,
  NetworkType,
  ReportedError,
  StorageChange,
  StorageSnapshot,
  SystemInfo,
} from './runtime/native-port'

/** What the simulator needs to run a project, compiled in the main process for one device width. */
export interface SimulatorBundle {
  appid: string
  /** The project's JS and JSON files by path from the mini-program root. */
  files: Record<string, string>
  /** app.json as read (pages, window, tabBar, subpackages, usingComponents, networkTimeout). */
  appJson: Record<string, unknown>
  /** The compiler's output (electron/services/compiler CompileResult): plain data. */
  compiled: {
    groupListCode: string
    templates: string[]
    components: Record<
      string,
      { json: Record<string, unknown>; isolated: boolean; prefix?: string; page: boolean }
    >
    styles: Record<string, string>
    pages: string[]
    errors: { file: string; line: number; column: number; message: string }[]
    warnings: { file: string; line: number; column: number; message: string }[]
  }
  /** Image and other asset files as data URLs by path from the mini-program root (small projects). */
  assets: Record<string, string>
}

/** Frame → parent. */
export type FrameMessage =
  | { type: 'wx-bridge:ready' }
  | { type: 'wx-bridge:request'; taskId: string; req: EngineRequest }
  | { type: 'wx-bridge:abort'; taskId: string }
  | { type: 'wx-bridge:console'; level: ConsoleLevel; args: unknown[]; source: ConsoleSource }
  | { type: 'wx-bridge:error'; error: ReportedError }
  | { type: 'wx-bridge:storage'; appid: string; change: StorageChange }
  /** The page stack changed (top last); the parent keeps it for hot reload and the panels. */
  | { type: 'wx-bridge:pages'; stack: { route: string; query: Record<string, string> }[] }
  /** The first page finished its first render (for the simulator benchmark). */
  | { type: 'wx-bridge:painted'; route: string; time: number }

export const FRAME_MESSAGE_TYPES = [
  'wx-bridge:ready',
  'wx-bridge:request',
  'wx-bridge:abort',
  'wx-bridge:console',
  'wx-bridge:error',
  'wx-bridge:storage',
  'wx-bridge:pages',
  'wx-bridge:painted',
] as const satisfies readonly FrameMessage['type'][]

/** The network callbacks of one task, relayed from the engine to the frame. */
export type TaskEvent =
  | { kind: 'headers'; head: ResponseHead }
  | { kind: 'chunk'; data: Uint8Array }
  | { kind: 'done'; outcome: EngineOutcome }

/** Parent → frame. */
export type HostMessage =
  | {
      type: 'wx-host:boot'
      bundle: SimulatorBundle
      systemInfo: SystemInfo
      storage: StorageSnapshot
      networkType: NetworkType
      /** Page to open with its query, e.g. `pages/detail/detail?id=3`; default app.json pages[0]. */
      entry?: string
    }
  | { type: 'wx-host:task'; taskId: string; event: TaskEvent }
  | { type: 'wx-host:network-type'; networkType: NetworkType }

export function isFrameMessage(value: unknown): value is FrameMessage {
  return (
    typeof value === 'object' &&
    value !== null &&
    (FRAME_MESSAGE_TYPES as readonly string[]).includes(
      (value as { type?: unknown }).type as string,
    )
  )
}
