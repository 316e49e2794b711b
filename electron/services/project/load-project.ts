/**
 * Reads a project folder into a ProjectInfo, never throwing: everything wrong with it becomes a
 * precise ProjectProblem. All reads go through project-files.ts, so nothing outside the folder is
 * read on the project's behalf.
 */
import { promises as fs } from 'node:fs'
import path from 'node:path'
import type {
  AppConfig,
  DomainLists,
  PageInfo,
  ProjectInfo,
  ProjectProblem,
} from '../../../shared/project'
import { NO_MOCKS, type MockSettings } from '../../../shared/mock'
import { fail, ok, type Result } from '../../../shared/result'
import { readCompilerPlugins } from '../compiler/compiler-plugins'
import { checkAppConfig, type PageEntry } from './app-config'
import { checkDomainLists, emptyDomainLists } from './domain-lists'
import { problemAt, type JsonDocument } from './json-document'
import { MOCK_FILE, readMockDocument } from './mock-file'
import {
  displayPath,
  NOT_FOUND,
  OUTSIDE_PROJECT,
  resolveProjectPath,
  resolveUnderRealRoot,
  UNREADABLE,
} from './project-files'
import { normalizeRoot, readSettings, type SettingsRead } from './project-settings'
import { readJson } from './read-json'
import { isPlainObject } from './value-checks'

export const DOMAINS_FILE = 'project.domains.json'
export const APP_JSON = 'app.json'

const PAGE_EXTENSIONS = ['js', 'wxml', 'wxss', 'json'] as const
type PageExtension = (typeof PAGE_EXTENSIONS)[number]
type FileState = 'file' | 'missing' | 'outside' | 'unreadable'

async function fileState(root: string, relativePath: string): Promise<FileState> {
  const resolved = await resolveUnderRealRoot(root, relativePath)
  if (!resolved.ok) {
    return resolved.error.code === OUTSIDE_PROJECT
      ? 'outside'
      : resolved.error.code === NOT_FOUND
        ? 'missing'
        : 'unreadable'
  }
  try {
    return (await fs.stat(resolved.value)).isFile() ? 'file' : 'unreadable'
  } catch {
    return 'unreadable'
  }
}

/** A route is a `/`-separated path that stays below the mini-program folder. */
function isSafeRoute(route: string): boolean {
  if (route.startsWith('/') || route.includes('\\') || route.includes('\0')) return false
  return route.split('/').every((segment) => segment !== '' && segment !== '.' && segment !== '..')
}

async function checkMiniprogramRoot(
  root: string,
  read: SettingsRead,
  problems: ProjectProblem[],
): Promise<boolean> {
  const miniprogramRoot = read.settings.miniprogramRoot
  if (miniprogramRoot === '') return true
  const at = read.miniprogramRootAt
  const problem = (code: string, message: string): ProjectProblem =>
    at
      ? problemAt(at.doc, [at.key], code, message)
      : { code, severity: 'error', message, file: 'project.config.json' }
  const resolved = await resolveProjectPath(root, miniprogramRoot)
  if (!resolved.ok && resolved.error.code === OUTSIDE_PROJECT) {
    problems.push(
      problem(
        'MINIPROGRAM_ROOT_OUTSIDE',
        `miniprogramRoot "${miniprogramRoot}" is outside the project folder`,
      ),
    )
    return false
  }
  const isFolder =
    resolved.ok &&
    (await fs.stat(resolved.value).then(
      (s) => s.isDirectory(),
      () => false,
    ))
  if (!isFolder) {
    problems.push(
      problem(
        'MINIPROGRAM_ROOT_MISSING',
        `miniprogramRoot "${miniprogramRoot}" is not a folder in the project`,
      ),
    )
    return false
  }
  return true
}

async function readPage(
  root: string,
  miniprogramRoot: string,
  appDoc: JsonDocument,
  entry: PageEntry,
  problems: ProjectProblem[],
  typescript: boolean,
): Promise<PageInfo | null> {
  const route =
    entry.subpackage === undefined
      ? entry.route
      : `${normalizeRoot(entry.subpackage)}/${entry.route}`
  if (!isSafeRoute(route)) {
    problems.push(
      problemAt(
        appDoc,
        entry.at,
        'PAGE_ROUTE_INVALID',
        `page "${route}" must be a path inside the mini-program folder (no "..", "." or leading "/")`,
      ),
    )
    return null
  }
  const base = displayPath(miniprogramRoot, route)
  const states = {} as Record<PageExtension, FileState>
  for (const extension of PAGE_EXTENSIONS) {
    states[extension] = await fileState(root, `${base}.${extension}`)
  }
  // With the TypeScript plugin a page's script may be index.ts (it wins over index.js).
  const script = typescript && (await fileState(root, `${base}.ts`)) === 'file' ? 'ts' : undefined
  if (script) states.js = 'file'
  const withState = (state: FileState, extensions: readonly PageExtension[] = PAGE_EXTENSIONS) =>
    extensions.filter((extension) => states[extension] === state).map((ext) => `${base}.${ext}`)
  const outside = withState('outside')
  if (outside.length > 0) {
    const names = outside.join(', ')
    problems.push(
      problemAt(appDoc, entry.at, OUTSIDE_PROJECT, `${names} point(s) outside the project folder`),
    )
  }
  // An unreadable page json is reported with its own read below.
  for (const file of withState('unreadable', ['js', 'wxml', 'wxss'])) {
    problems.push({
      code: UNREADABLE,
      severity: 'error',
      message: `Cannot read ${file} (not a readable file)`,
      file,
    })
  }
  const missing = withState('missing', ['js', 'wxml'])
  if (missing.length > 0) {
    const names = missing.join(' and ')
    problems.push(
      problemAt(appDoc, entry.at, 'PAGE_FILES_MISSING', `page "${route}" is missing ${names}`),
    )
  }
  let config: Record<string, unknown> = {}
  if (states.json !== 'missing' && states.json !== 'outside') {
    const read = await readJson(root, `${base}.json`)
    if (read.kind === 'broken') problems.push(...read.problems)
    if (read.kind === 'ok') {
      if (isPlainObject(read.doc.value)) config = read.doc.value
      else
        problems.push(
          problemAt(read.doc, [], 'INVALID_VALUE', `${base}.json must contain a JSON object`),
        )
    }
  }
  const page: PageInfo = {
    route,
    config,
    files: {
      js: states.js === 'file',
      wxml: states.wxml === 'file',
      wxss: states.wxss === 'file',
      json: states.json === 'file',
    },
  }
  if (script) page.script = script
  if (entry.subpackage !== undefined) page.subpackage = entry.subpackage
  return page
}

async function readDomains(root: string, problems: ProjectProblem[]): Promise<DomainLists> {
  const read = await readJson(root, DOMAINS_FILE)
  if (read.kind === 'missing') return emptyDomainLists()
  if (read.kind === 'broken') {
    problems.push(...read.problems)
    return emptyDomainLists()
  }
  const checked = checkDomainLists(read.doc.value)
  for (const issue of checked.issues) {
    problems.push(problemAt(read.doc, issue.path, 'INVALID_DOMAIN', issue.message))
  }
  return checked.lists
}

async function readMock(root: string, problems: ProjectProblem[]): Promise<MockSettings> {
  const read = await readJson(root, MOCK_FILE)
  if (read.kind === 'missing') return NO_MOCKS
  if (read.kind === 'broken') {
    problems.push(...read.problems)
    return NO_MOCKS
  }
  return readMockDocument(read.doc, problems)
}

async function readApp(
  root: string,
  miniprogramRoot: string,
  problems: ProjectProblem[],
  typescript: boolean,
): Promise<{ app: AppConfig | null; pages: PageInfo[] }> {
  const file = displayPath(miniprogramRoot, APP_JSON)
  const read = await readJson(root, file)
  if (read.kind === 'missing') {
    problems.push({
      code: 'APP_JSON_MISSING',
      severity: 'error',
      message: 'not found: every mini-program needs an app.json',
      file,
    })
    return { app: null, pages: [] }
  }
  if (read.kind === 'broken') {
    problems.push(...read.problems)
    return { app: null, pages: [] }
  }
  const checked = checkAppConfig(read.doc)
  problems.push(...checked.problems)
  // Pages are read in parallel, each into its own list, so problems keep app.json's order.
  const reads = await Promise.all(
    checked.pages.map(async (entry) => {
      const pageProblems: ProjectProblem[] = []
      const page = await readPage(root, miniprogramRoot, read.doc, entry, pageProblems, typescript)
      return { page, pageProblems }
    }),
  )
  const pages: PageInfo[] = []
  for (const { page, pageProblems } of reads) {
    problems.push(...pageProblems)
    if (page) pages.push(page)
  }
  return { app: checked.app, pages }
}

export async function loadProject(dir: string): Promise<Result<ProjectInfo>> {
  const absolute = path.resolve(dir)
  const notAFolder = () =>
    fail<ProjectInfo>({
      code: 'NOT_A_FOLDER',
      message: `Not a folder: ${absolute}`,
      file: absolute,
    })
  let root: string
  try {
    if (!(await fs.stat(absolute)).isDirectory()) return notAFolder()
    root = await fs.realpath(absolute)
  } catch {
    return notAFolder()
  }
  const problems: ProjectProblem[] = []
  const settingsRead = await readSettings(root)
  problems.push(...settingsRead.problems)
  const settings = settingsRead.settings
  const rootUsable = await checkMiniprogramRoot(root, settingsRead, problems)
  const { app, pages } = rootUsable
    ? await readApp(
        root,
        settings.miniprogramRoot,
        problems,
        readCompilerPlugins(settings.setting).typescript,
      )
    : { app: null, pages: [] }
  const domains = await readDomains(root, problems)
  const mock = await readMock(root, problems)
  return ok({
    dir: root,
    name: settings.projectname || path.basename(root),
    settings,
    app,
    pages,
    domains,
    mock,
    problems,
  })
}
