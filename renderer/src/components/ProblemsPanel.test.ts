import { flushPromises, mount } from '@vue/test-utils'
import { describe, expect, it } from 'vitest'
import type { ProjectProblem } from '../../../shared/project'
import { useProjectStore } from '../stores/project'
import {
  fakeMainProcess,
  sampleProject,
  workbenchPlugins,
} from '../../../tests/helpers/fake-main-process'
import ProblemsPanel from './ProblemsPanel.vue'

const syntaxError: ProjectProblem = {
  code: 'JSON_SYNTAX',
  severity: 'error',
  message: 'Expected comma or closing brace',
  file: 'app.json',
  line: 3,
  column: 7,
}
const missingPage: ProjectProblem = {
  code: 'PAGE_FILES_MISSING',
  severity: 'warning',
  message: 'pages/cart/cart.wxml does not exist',
  file: 'pages/cart/cart.wxml',
}

async function mountProblems(problems: ProjectProblem[], locale: 'en' | 'zh-CN' = 'en') {
  const { plugins } = workbenchPlugins(fakeMainProcess(sampleProject({ problems })), locale)
  await useProjectStore().start()
  const wrapper = mount(ProblemsPanel, { global: { plugins } })
  await flushPromises()
  return wrapper
}

describe('ProblemsPanel', () => {
  it('says there are no problems when there are none', async () => {
    expect((await mountProblems([])).text()).toBe('No problems')
  })

  it('shows each problem with severity, file:line:column, kind and message', async () => {
    const rows = (await mountProblems([syntaxError])).findAll('tbody tr')
    expect(rows.map((row) => row.findAll('td').map((td) => td.text()))).toEqual([
      ['Error', 'app.json:3:7', 'JSON syntax error', 'Expected comma or closing brace'],
    ])
  })

  it('leaves out the line and column when the problem has none', async () => {
    const rows = (await mountProblems([missingPage])).findAll('tbody tr')
    expect(rows[0].findAll('td').map((td) => td.text())).toEqual([
      'Warning',
      'pages/cart/cart.wxml',
      'Page files are missing',
      'pages/cart/cart.wxml does not exist',
    ])
  })

  it('names severities and known problem kinds in Chinese', async () => {
    const row = (await mountProblems([syntaxError], 'zh-CN')).get('tbody tr')
    expect(row.findAll('td').map((td) => td.text())).toEqual([
      '错误',
      'app.json:3:7',
      'JSON 语法错误',
      'Expected comma or closing brace',
    ])
  })
})
