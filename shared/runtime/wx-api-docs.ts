/**
 * docs/wx-api.md, generated from the table: what MP DevTools answers for every `wx` API. The
 * test `wx-api-docs.test.ts` fails when the page is not current; `npm run docs:wx-api` writes it.
 */
import { WX_API, WX_COMPONENTS, type WxApiEntry, type WxApiStatus } from './wx-api-table'

const STATUS_TITLE: Record<WxApiStatus, string> = {
  implemented: 'Implemented',
  simulated: 'Simulated',
  unsupported: 'Not supported in a simulator',
}

const RUNS: Record<WxApiEntry['runs'], string> = {
  runtime: 'runtime',
  ui: 'simulator UI',
  main: 'main process',
}

function params(api: WxApiEntry): string {
  return Object.entries(api.params ?? {})
    .map(([name, rule]) => `\`${name}: ${rule}\``)
    .join(', ')
}

export function renderWxApiDocs(): string {
  const apis = [...WX_API.values()].sort((a, b) => a.name.localeCompare(b.name))
  const count = (status: WxApiStatus) => apis.filter((api) => api.status === status).length
  const lines = [
    '# The wx API in MP DevTools',
    '',
    '<!-- Generated from shared/runtime/wx-api-table.ts by `npm run docs:wx-api`; do not edit. -->',
    '',
    `Every member of \`wx\` in WeChat's typings (\`miniprogram-api-typings\`) is declared in one`,
    'table, `shared/runtime/wx-api-table.ts`; the runtime builds `wx` from it in both hosts (the',
    "simulator's frame and `mpdt run`), and `wx.canIUse` answers from it. " +
      `${apis.length} APIs: ${count('implemented')} implemented, ${count('simulated')} simulated, ` +
      `${count('unsupported')} not supported in a simulator.`,
    '',
    '- **Implemented**: behaves as on a phone.',
    "- **Simulated**: answers as WeChat's DevTools does, without the phone's effect.",
    '- **Not supported in a simulator**: answers `<name>:fail not supported in MP DevTools` through',
    '  `fail`/`complete` or a rejected Promise; synchronous ones throw an `Error` with that message,',
    '  except the `get…Manager`/`create…Context` factories and the UDP/TCP sockets,',
    '  which return a stand-in whose methods do nothing (so a page creating one still opens);',
    '  `on…` listeners are kept and never called (a console warning says so once). Never',
    '  `is not a function`.',
    '',
    'Parameters listed are checked before the call: a wrong type answers WeChat’s',
    '`<api>:fail parameter error: parameter.x should be String instead of Number;` (errno 1001).',
    '“Runs in” is where the answer comes from: the base library alone, the simulator’s drawn UI',
    '(headless: see the note), or a main-process service reached over `wx-bridge:call`.',
    '',
    '`mpdt run --authorize deny` answers authorization dialogs with deny (default allow);',
    '`wx.scanCode` is cancelled headless.',
    '',
  ]
  for (const status of ['implemented', 'simulated'] as const) {
    lines.push(`## ${STATUS_TITLE[status]}`, '')
    lines.push(
      '| API | kind | runs in | checked parameters | note |',
      '| --- | --- | --- | --- | --- |',
    )
    for (const api of apis.filter((entry) => entry.status === status)) {
      lines.push(
        `| \`${api.name}\` | ${api.kind} | ${RUNS[api.runs]} | ${params(api)} | ${api.note ?? ''} |`,
      )
    }
    lines.push('')
  }
  lines.push(`## ${STATUS_TITLE.unsupported}`, '')
  const unsupported = apis.filter((api) => api.status === 'unsupported')
  for (const api of unsupported.filter((entry) => entry.note)) {
    lines.push(`- \`${api.name}\`: ${api.note}`)
  }
  lines.push('', unsupported.map((api) => `\`${api.name}\``).join(', '), '')
  lines.push('## Components for `wx.canIUse`', '')
  lines.push(
    '`wx.canIUse("<component>.<attribute>.<value>")` answers for the built-in components the',
    'simulator renders; an attribute listed with values answers only for those values.',
    '',
  )
  for (const [name, attributes] of Object.entries(WX_COMPONENTS)) {
    const listed = Object.entries(attributes)
      .map(([attribute, values]) => `\`${attribute}\`: ${values.join(', ')}`)
      .join('; ')
    lines.push(`- \`${name}\`${listed ? ` (${listed})` : ''}`)
  }
  lines.push('')
  return lines.join('\n')
}
