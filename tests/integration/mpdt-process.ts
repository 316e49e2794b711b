/** Runs `node bin/mpdt.js …` as a user would and collects what it printed and its exit code. */
import { spawn } from 'node:child_process'
import { fileURLToPath } from 'node:url'

export const REPO_ROOT = fileURLToPath(new URL('../../', import.meta.url))

export interface MpdtResult {
  code: number | null
  stdout: string
  stderr: string
  /** stdout split into lines, without the final empty one. */
  lines: string[]
}

export interface RunMpdtOptions {
  /** Sends SIGINT once stdout holds this line, as Ctrl-C in a terminal would. */
  interruptAfterLine?: string
}

/** `limitMs` bounds the wait: the process is killed and the promise rejects after it. */
export function runMpdt(
  args: string[],
  env: NodeJS.ProcessEnv = {},
  limitMs = 90_000,
  options: RunMpdtOptions = {},
): Promise<MpdtResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['bin/mpdt.js', ...args], {
      cwd: REPO_ROOT,
      env: { ...process.env, ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    })
    let stdout = ''
    let stderr = ''
    let interrupted = false
    child.stdout.setEncoding('utf8').on('data', (text: string) => {
      stdout += text
      const line = options.interruptAfterLine
      if (line && !interrupted && stdout.split('\n').includes(line)) {
        interrupted = true
        child.kill('SIGINT')
      }
    })
    child.stderr.setEncoding('utf8').on('data', (text: string) => (stderr += text))
    const timer = setTimeout(() => {
      child.kill('SIGKILL')
      reject(
        new Error(`mpdt ${args.join(' ')} did not end within ${limitMs} ms\n${stdout}\n${stderr}`),
      )
    }, limitMs)
    child.on('error', reject)
    child.on('close', (code) => {
      clearTimeout(timer)
      const lines = stdout.split('\n')
      if (lines[lines.length - 1] === '') lines.pop()
      resolve({ code, stdout, stderr, lines })
    })
  })
}
