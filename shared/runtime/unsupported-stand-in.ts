/**
 * What an unsupported manager or context factory (`wx.getRecorderManager`,
 * `wx.getBackgroundAudioManager`, `wx.createInnerAudioContext`…) returns. Real projects create
 * these at a module's top level (the official demo's voice and background-audio pages do), so a
 * throw there would leave the whole page unregistered. The stand-in lets the page open: its `on…`
 * and `off…` methods keep nothing (the event never comes), every other method does nothing, and
 * each of them warns once in the console that it is not supported.
 */

/**
 * `get…Manager` and `create…Context` factories and the UDP/TCP sockets (the demo's udp-socket page
 * creates them); other unsupported sync APIs throw.
 */
export function isObjectFactory(name: string): boolean {
  return /^get\w+Manager$|^create\w+Context$|^create(UDPSocket|TCPSocket)$/.test(name)
}

/** Properties a caller probes that must stay absent (`await x`, `JSON.stringify(x)`, `String(x)`). */
const ABSENT = new Set(['then', 'toJSON', 'toString', 'valueOf', 'constructor'])

export function createStandIn(api: string, warn: (message: string) => void): object {
  const methods = new Map<string, () => undefined>()
  const method = (name: string) => {
    let warned = false
    const isListener = /^(on|off)[A-Z]/.test(name)
    return () => {
      if (!warned && !name.startsWith('off')) {
        warned = true
        warn(
          isListener
            ? `wx.${api}().${name}: not supported in MP DevTools; the listener is never called`
            : `wx.${api}().${name}: not supported in MP DevTools; nothing happens`,
        )
      }
      return undefined
    }
  }
  return new Proxy(Object.create(null) as object, {
    get(_target, key) {
      if (typeof key !== 'string' || ABSENT.has(key)) return undefined
      let found = methods.get(key)
      if (!found) {
        found = method(key)
        methods.set(key, found)
      }
      return found
    },
  })
}
