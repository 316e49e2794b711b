/**
 * Project-local network settings for local development, shared by `mpdt run` and the workbench.
 * They live in project.private.config.json (a per-developer file WeChat's tool keeps out of git):
 *
 *   "mpdt": {
 *     "connectTo": ["api.example.test:443:127.0.0.1:8443"],
 *     "cacert": "certs/dev-ca.pem"
 *   }
 *
 * `connectTo` uses curl's HOST1:PORT1:HOST2:PORT2; `cacert` is a PEM file inside the project folder
 * (relative to it), trusted in addition to the system's CAs. Command-line flags add to both.
 */
import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { fail, ok, type Result } from '../../../shared/result'
import { resolveInsideProject } from '../project'

export const LOCAL_SETTINGS_FILE = 'project.private.config.json'

export interface LocalNetworkSettings {
  /** @default [] */
  connectTo: string[]
  /** Absolute real path of the CA file, checked to be inside the project folder. */
  cacert?: string
}

/** curl's `HOST1:PORT1:HOST2:PORT2`; a host may be an IPv6 literal in brackets, ports are numbers. */
export function isConnectToSyntax(value: string): boolean {
  const host = String.raw`(\[[0-9a-fA-F:.]+\]|[^:\[\]]+)`
  const port = String.raw`(\d{1,5})`
  const match = new RegExp(`^${host}:${port}:${host}:${port}$`).exec(value)
  if (!match) return false
  return [match[2], match[4]].every((p) => Number(p) > 0 && Number(p) <= 65535)
}

function invalid(message: string): Result<LocalNetworkSettings> {
  return fail({ code: 'LOCAL_SETTINGS_INVALID', message, file: LOCAL_SETTINGS_FILE })
}

/**
 * The `mpdt` key of the project's private config; none (or no file) means no local settings.
 * A file that is not valid JSON counts as none here: loading the project reports its syntax error.
 */
export async function readLocalNetworkSettings(
  projectDir: string,
): Promise<Result<LocalNetworkSettings>> {
  let parsed: unknown
  try {
    parsed = JSON.parse(await readFile(join(projectDir, LOCAL_SETTINGS_FILE), 'utf8'))
  } catch {
    return ok({ connectTo: [] })
  }
  const section = (parsed as { mpdt?: unknown } | null)?.mpdt
  if (section === undefined) return ok({ connectTo: [] })
  if (typeof section !== 'object' || section === null || Array.isArray(section)) {
    return invalid('mpdt should be an object')
  }
  const { connectTo = [], cacert } = section as { connectTo?: unknown; cacert?: unknown }
  if (!Array.isArray(connectTo)) return invalid('mpdt.connectTo should be an array of strings')
  for (const [index, entry] of connectTo.entries()) {
    if (typeof entry !== 'string' || !isConnectToSyntax(entry)) {
      return invalid(
        `mpdt.connectTo[${index}] should be HOST1:PORT1:HOST2:PORT2, e.g. api.example.test:443:127.0.0.1:8443`,
      )
    }
  }
  const settings: LocalNetworkSettings = { connectTo: connectTo as string[] }
  if (cacert !== undefined) {
    if (typeof cacert !== 'string' || cacert === '') {
      return invalid('mpdt.cacert should be the path of a PEM file inside the project')
    }
    // resolveInsideProject takes a URL path: encodeURI keeps the name intact through its decoding.
    const resolved = await resolveInsideProject(projectDir, encodeURI(cacert))
    if (!resolved.ok) return invalid(`mpdt.cacert ${cacert}: ${resolved.error.message}`)
    settings.cacert = resolved.value
  }
  return ok(settings)
}
