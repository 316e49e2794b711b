import { describe, expect, it } from 'vitest'
import { parseRunArgs, type RunOptions } from './run-args'

function parsed(args: string[]): RunOptions {
  const result = parseRunArgs(args)
  if (!result.ok) throw new Error(`expected options, got ${result.error.message}`)
  return result.value
}

function usageMessage(args: string[]): string {
  const result = parseRunArgs(args)
  if (result.ok) throw new Error('expected a usage error')
  expect(result.error.code).toBe('USAGE')
  return result.error.message
}

describe('parseRunArgs', () => {
  it('takes the project folder and defaults the timeout to 30 seconds', () => {
    expect(parsed(['./app'])).toEqual({ projectDir: './app', connectTo: [], timeoutSeconds: 30 })
  })

  it('reads every option in both --flag value and --flag=value forms', () => {
    expect(
      parsed([
        'proj',
        '--page',
        'pages/detail/detail?id=7',
        '--no-url-check',
        '--connect-to=api.example.test:443:127.0.0.1:9000',
        '--cacert',
        'ca.pem',
        '--har=out.har',
        '--timeout',
        '2.5',
        '--data-dir',
        '/tmp/d',
      ]),
    ).toEqual({
      projectDir: 'proj',
      page: 'pages/detail/detail?id=7',
      urlCheck: false,
      connectTo: ['api.example.test:443:127.0.0.1:9000'],
      cacert: 'ca.pem',
      har: 'out.har',
      timeoutSeconds: 2.5,
      dataDir: '/tmp/d',
    })
  })

  it('keeps every --connect-to in order', () => {
    expect(
      parsed(['p', '--connect-to', 'a.test:443:127.0.0.1:1', '--connect-to', 'b.test:443:[::1]:2'])
        .connectTo,
    ).toEqual(['a.test:443:127.0.0.1:1', 'b.test:443:[::1]:2'])
  })

  it('leaves urlCheck to the project when --no-url-check is absent', () => {
    expect(parsed(['p']).urlCheck).toBeUndefined()
  })

  it('refuses a missing project folder', () => {
    expect(usageMessage(['--no-url-check'])).toBe('missing <projectDir>')
  })

  it('refuses a second positional argument', () => {
    expect(usageMessage(['a', 'b'])).toBe('unexpected argument b')
  })

  it('refuses an unknown option', () => {
    expect(usageMessage(['p', '--verbose'])).toBe('unknown option --verbose')
  })

  it('refuses an option without its value', () => {
    expect(usageMessage(['p', '--har'])).toBe('--har needs a value')
    expect(usageMessage(['p', '--har', '--no-url-check'])).toBe('--har needs a value')
  })

  it('refuses a timeout that is not a positive number', () => {
    expect(usageMessage(['p', '--timeout', '0'])).toMatch(/positive number/)
    expect(usageMessage(['p', '--timeout', 'soon'])).toMatch(/positive number/)
  })

  it('reads --compile-mode and --scene', () => {
    expect(parsed(['p', '--compile-mode', 'from QR', '--scene=1011'])).toMatchObject({
      compileMode: 'from QR',
      scene: 1011,
    })
  })

  it('refuses --page with --compile-mode, and a scene that is not a scene value', () => {
    expect(usageMessage(['p', '--page', 'pages/a/a', '--compile-mode', 'x'])).toBe(
      '--page and --compile-mode both choose the launch page: give one',
    )
    expect(usageMessage(['p', '--scene', '12'])).toBe(
      '--scene 12: expected a scene value from 1000 to 9999 (e.g. 1047)',
    )
    expect(usageMessage(['p', '--compile-mode='])).toBe(
      '--compile-mode needs the name of a compile mode',
    )
  })

  it('refuses a malformed --connect-to', () => {
    expect(usageMessage(['p', '--connect-to', 'api.example.test:127.0.0.1:9000'])).toMatch(
      /HOST1:PORT1:HOST2:PORT2/,
    )
  })
})
