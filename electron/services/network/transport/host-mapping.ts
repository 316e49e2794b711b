/**
 * curl's `--connect-to HOST1:PORT1:HOST2:PORT2`: a request for HOST1:PORT1 connects to HOST2:PORT2
 * while TLS (SNI, certificate) still speaks for HOST1. An empty HOST1/PORT1 matches any host/port,
 * an empty HOST2/PORT2 keeps the original one. IPv6 hosts are written in brackets.
 */
export interface HostMapping {
  fromHost?: string
  fromPort?: number
  toHost?: string
  toPort?: number
}

export type HostMappingParse = { ok: true; mapping: HostMapping } | { ok: false; message: string }

export function parseHostMapping(text: string): HostMappingParse {
  const fields: string[] = []
  let rest = text.trim()
  while (fields.length < 4) {
    let field: string
    if (rest.startsWith('[')) {
      const end = rest.indexOf(']')
      if (end < 0) return { ok: false, message: `unclosed [ in connect-to "${text}"` }
      field = rest.slice(1, end)
      rest = rest.slice(end + 1)
    } else {
      const colon = rest.indexOf(':')
      field = colon < 0 ? rest : rest.slice(0, colon)
      rest = colon < 0 ? '' : rest.slice(colon)
    }
    fields.push(field)
    if (fields.length < 4) {
      if (!rest.startsWith(':')) break
      rest = rest.slice(1)
    }
  }
  if (fields.length !== 4 || rest !== '') {
    return { ok: false, message: `connect-to "${text}" is not HOST1:PORT1:HOST2:PORT2` }
  }
  const [fromHost, fromPort, toHost, toPort] = fields
  const ports = [fromPort, toPort].map((p) => (p === '' ? undefined : Number(p)))
  if (ports.some((p) => p !== undefined && !(Number.isInteger(p) && p > 0 && p < 65536))) {
    return { ok: false, message: `connect-to "${text}" has an invalid port` }
  }
  return {
    ok: true,
    mapping: {
      ...(fromHost && { fromHost: fromHost.toLowerCase() }),
      ...(ports[0] !== undefined && { fromPort: ports[0] }),
      ...(toHost && { toHost }),
      ...(ports[1] !== undefined && { toPort: ports[1] }),
    },
  }
}

/** Where to connect for `host:port`: the first matching mapping wins, as in curl. */
export function resolveHostMapping(
  mappings: readonly HostMapping[],
  host: string,
  port: number,
): { host: string; port: number } {
  const name = host.toLowerCase()
  for (const m of mappings) {
    if ((m.fromHost === undefined || m.fromHost === name) && (m.fromPort ?? port) === port) {
      return { host: m.toHost ?? host, port: m.toPort ?? port }
    }
  }
  return { host, port }
}
