/**
 * The automation agent (shared/automation) inside the simulator's frame, for `mpdt auto --web`:
 * the same agent as headless, plus what only a rendered screen answers (computed styles, offsets,
 * DOM and window properties), read from the DOM nodes glass-easel renders into. Commands arrive
 * only as `wx-host:automation` from the parent (frame-boot.ts checks the source); the agent lives
 * in this module's closure, so the mini-program's code has no handle on it.
 */
import type * as glassEasel from 'glass-easel'
import {
  createAutomationAgent,
  type AutomationAgent,
  type AutomationView,
} from '../../../../shared/automation/automation-agent'
import type {
  AutomationCommand,
  AutomationReply,
} from '../../../../shared/automation/automation-protocol'
import { toJsonSafe } from '../../../../shared/safe-copy'
import { evaluateScript } from '../../../../shared/runtime/evaluate-script'
import type { FrameMessage } from '../../../../shared/simulator-protocol'
import type { Simulator } from './simulator-app'
import { toCssPx } from './frame-zoom'

export interface FrameAutomation {
  handle(command: AutomationCommand): Promise<AutomationReply>
}

/** The DOM element glass-easel rendered `element` into (a virtual host's first child). */
function domOf(element: glassEasel.Element): HTMLElement | undefined {
  const node = element.$$ as unknown
  if (node instanceof HTMLElement) return node
  for (const child of element.getComposedChildren()) {
    const found = domOf(child as glassEasel.Element)
    if (found) return found
  }
  return undefined
}

function requireDom(element: glassEasel.Element): HTMLElement {
  const dom = domOf(element)
  if (!dom) throw new Error('the element has no box on the screen')
  return dom
}

/** The page's scrolling container: what `document.documentElement` is in WeChat's page view. */
function pageContainer(doc: Document): HTMLElement | undefined {
  const pages = [...doc.querySelectorAll<HTMLElement>('.mp-page')]
  return pages.find((page) => page.offsetParent !== null) ?? pages[pages.length - 1]
}

function valueAtPath(root: unknown, path: string): unknown {
  let current = root
  for (const key of path.split('.')) {
    if (current === null || current === undefined) return undefined
    current = (current as Record<string, unknown>)[key]
  }
  return current
}

function createDomView(win: Window): AutomationView {
  const doc = win.document
  return {
    windowProperties: (names) =>
      names.map((name) => {
        // The page scrolls in its container, not the document: answer for the container.
        const scrolling = /^document\.(documentElement|body)\.(scroll\w+)$/.exec(name)
        const container = pageContainer(doc)
        if (scrolling && container)
          return (container as unknown as Record<string, unknown>)[scrolling[2]]
        return toJsonSafe(valueAtPath(win, name))
      }),
    styles: (element, names) => {
      const computed = win.getComputedStyle(requireDom(element))
      return names.map((name) =>
        computed.getPropertyValue(name.replace(/[A-Z]/g, (letter) => `-${letter.toLowerCase()}`)),
      )
    },
    offset: (element) => {
      const rect = requireDom(element).getBoundingClientRect()
      const container = pageContainer(doc)
      const origin = container?.getBoundingClientRect() ?? { left: 0, top: 0 }
      return {
        left: toCssPx(rect.left - origin.left) + (container?.scrollLeft ?? 0),
        top: toCssPx(rect.top - origin.top) + (container?.scrollTop ?? 0),
      }
    },
    domProperties: (element, names) => {
      const dom = requireDom(element) as unknown as Record<string, unknown>
      return names.map((name) => toJsonSafe(dom[name]) ?? null)
    },
  }
}

export function createFrameAutomation(
  win: Window,
  simulator: Simulator,
  post: (message: FrameMessage) => void,
): FrameAutomation {
  const { port, runtime } = simulator
  const agent: AutomationAgent = createAutomationAgent({
    runtime,
    evaluate: evaluateScript,
    emit: (event) => post({ type: 'wx-bridge:automation', message: event }),
    reportError: (error) =>
      port.reportError({
        message: error instanceof Error ? error.message : String(error),
        stack: error instanceof Error ? (error.stack ?? error.message) : String(error),
      }),
    mode: 'workbench',
    view: createDomView(win),
  })
  // The client hears what the workbench's Console hears: every console call and uncaught error.
  const consoleCall = port.console.bind(port)
  port.console = (level, args, source) => {
    consoleCall(level, args, source)
    agent.console(level, args)
  }
  const reportError = port.reportError.bind(port)
  port.reportError = (error) => {
    reportError(error)
    agent.exception(error)
  }
  return { handle: (command) => agent.handle(command) }
}
