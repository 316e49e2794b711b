/** Extra trusted CA certificates from a PEM file (`--cacert`, the project-local `cacert`). */
import { X509Certificate } from 'node:crypto'
import { readFile } from 'node:fs/promises'
import { fail, ok, type Result } from '../../../shared/result'

const PEM_CERTIFICATE = /-----BEGIN CERTIFICATE-----[\s\S]+?-----END CERTIFICATE-----/g

/** The PEM text of a CA file, checked to hold certificates that parse. */
export async function readCertificates(file: string): Promise<Result<string>> {
  let text: string
  try {
    text = await readFile(file, 'utf8')
  } catch (error) {
    return fail({
      code: 'CA_UNREADABLE',
      message: `cannot read CA file ${file}: ${(error as Error).message}`,
    })
  }
  const blocks = text.match(PEM_CERTIFICATE) ?? []
  const parses = (block: string) => {
    try {
      new X509Certificate(block)
      return true
    } catch {
      return false
    }
  }
  if (blocks.length === 0 || !blocks.every(parses)) {
    return fail({ code: 'CA_INVALID', message: `${file} holds no valid PEM certificate` })
  }
  return ok(text)
}
