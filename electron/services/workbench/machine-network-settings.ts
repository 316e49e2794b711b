/**
 * Host mapping and extra CA certificates kept PER MACHINE (in the data folder, never in a project):
 * what one developer's machine needs to reach its local servers, added to every project's engine
 * after the project's own `mpdt` settings. Stored as `machine-network.json`:
 *
 *   { "connectTo": ["api.example.test:443:127.0.0.1:8443"], "extraCa": "/path/ca.pem or PEM text" }
 */
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises'
import { isAbsolute, join } from 'node:path'
import type { MachineNetworkSettings } from '../../../shared/contract'
import { fail, ok, type Result } from '../../../shared/result'
import { readCertificates } from '../headless/ca-certificates'
import { isConnectToSyntax } from '../headless/local-network-settings'

export const MACHINE_NETWORK_FILE = 'machine-network.json'

const EMPTY: MachineNetworkSettings = { connectTo: [], extraCa: '' }
const PEM_BEGIN = '-----BEGIN CERTIFICATE-----'

function invalid(message: string): Result<never> {
  return fail({ code: 'INVALID_MACHINE_NETWORK', message })
}

/** Checks settings from the workbench: curl syntax lines, and a PEM text or an absolute path. */
export function checkMachineNetwork(value: unknown): Result<MachineNetworkSettings> {
  if (typeof value !== 'object' || value === null) return invalid('settings must be an object')
  const { connectTo, extraCa } = value as Record<string, unknown>
  if (!Array.isArray(connectTo) || !connectTo.every((line) => typeof line === 'string')) {
    return invalid('connectTo must be an array of strings')
  }
  const lines = connectTo.map((line) => line.trim()).filter((line) => line !== '')
  const wrong = lines.find((line) => !isConnectToSyntax(line))
  if (wrong !== undefined) {
    return invalid(`host mapping "${wrong}" is not HOST1:PORT1:HOST2:PORT2 (curl --connect-to)`)
  }
  if (typeof extraCa !== 'string') return invalid('extraCa must be a string')
  const ca = extraCa.trim()
  if (ca !== '' && !ca.includes(PEM_BEGIN) && !isAbsolute(ca)) {
    return invalid('extra CA must be PEM text or an absolute path to a PEM file')
  }
  return ok({ connectTo: lines, extraCa: ca })
}

export async function readMachineNetwork(dataDir: string): Promise<MachineNetworkSettings> {
  try {
    const parsed = JSON.parse(await readFile(join(dataDir, MACHINE_NETWORK_FILE), 'utf8'))
    const checked = checkMachineNetwork(parsed)
    return checked.ok ? checked.value : EMPTY
  } catch {
    return EMPTY
  }
}

export async function writeMachineNetwork(
  dataDir: string,
  settings: MachineNetworkSettings,
): Promise<Result<MachineNetworkSettings>> {
  const file = join(dataDir, MACHINE_NETWORK_FILE)
  try {
    await mkdir(dataDir, { recursive: true })
    await writeFile(`${file}.tmp`, `${JSON.stringify(settings, null, 2)}\n`)
    await rename(`${file}.tmp`, file)
    return ok(settings)
  } catch (error) {
    return fail({
      code: 'WRITE_FAILED',
      message: `cannot write ${file}: ${(error as Error).message}`,
    })
  }
}

/** What the engine gets from the machine's settings: mappings and the CA text (read if a path). */
export async function machineEngineSettings(
  dataDir: string,
): Promise<Result<{ connectTo: string[]; extraCaPem?: string }>> {
  const settings = await readMachineNetwork(dataDir)
  if (settings.extraCa === '') return ok({ connectTo: settings.connectTo })
  if (settings.extraCa.includes(PEM_BEGIN)) {
    return ok({ connectTo: settings.connectTo, extraCaPem: settings.extraCa })
  }
  const pem = await readCertificates(settings.extraCa)
  return pem.ok ? ok({ connectTo: settings.connectTo, extraCaPem: pem.value }) : pem
}
