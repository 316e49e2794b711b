/**
 * The Mock panel's state: the project's API Mock switch and rules (from `project.mock.json`, via
 * the project), the rule being edited as a draft (headers as text, one per line), and saving.
 * Every change is written at once through `project.setMock` and applies to the next request.
 */
import { defineStore } from 'pinia'
import { computed, ref } from 'vue'
import {
  mockRuleProblem,
  newMockRule,
  NO_MOCKS,
  type MockRule,
  type MockRuleProblem,
  type MockSettings,
} from '../../../shared/mock'
import { usePanelsStore } from './panels'
import { useProjectStore } from './project'

/** A rule as the editor holds it: the headers as lines of `name: value`. */
export type MockDraft = Omit<MockRule, 'header'> & { headerText: string }

export function draftOf(rule: MockRule): MockDraft {
  const { header, ...rest } = rule
  const headerText = Object.entries(header)
    .map(([name, value]) => `${name}: ${value}`)
    .join('\n')
  return { ...rest, headerText }
}

/** The rule a draft stands for, or what is wrong with it. */
export function ruleOf(draft: MockDraft): { rule: MockRule } | { problem: MockRuleProblem } {
  const { headerText, ...rest } = draft
  const header: Record<string, string> = {}
  for (const line of headerText.split(/\r?\n/)) {
    if (line.trim() === '') continue
    const colon = line.indexOf(':')
    if (colon <= 0) {
      return {
        problem: {
          field: 'header',
          code: 'HEADER_INVALID',
          message: `"${line}" is not a header line (name: value)`,
        },
      }
    }
    header[line.slice(0, colon).trim()] = line.slice(colon + 1).trim()
  }
  const rule: MockRule = {
    ...rest,
    name: rest.name.trim(),
    url: rest.url.trim(),
    statusCode: Number(rest.statusCode),
    delay: Number(rest.delay),
    header,
  }
  const problem = mockRuleProblem(rule)
  return problem ? { problem } : { rule }
}

export const useMockStore = defineStore('mock', () => {
  const project = useProjectStore()
  const settings = computed<MockSettings>(() => project.current?.mock ?? NO_MOCKS)
  /** The rule being added (`index` null) or edited. */
  const editing = ref<{ index: number | null; draft: MockDraft } | null>(null)
  const problem = ref<MockRuleProblem | null>(null)
  /** Why the main process refused the last save. */
  const saveError = ref('')
  const saving = ref(false)

  async function save(next: MockSettings): Promise<boolean> {
    saving.value = true
    saveError.value = ''
    const result = await project.setMock(next)
    saving.value = false
    if (!result.ok) saveError.value = result.error.message
    return result.ok
  }

  /** Opens the editor on a new rule, filled with `prefill` (e.g. a recorded response). */
  function startNew(prefill: Partial<MockRule> = {}): void {
    editing.value = { index: null, draft: draftOf({ ...newMockRule(), ...prefill }) }
    problem.value = null
    saveError.value = ''
  }

  function startEdit(index: number): void {
    const rule = settings.value.rules[index]
    if (!rule) return
    editing.value = { index, draft: draftOf(rule) }
    problem.value = null
    saveError.value = ''
  }

  function cancel(): void {
    editing.value = null
    problem.value = null
    saveError.value = ''
  }

  /**
   * Checks the draft and saves it; a new rule is added first in the list, so it wins over older
   * ones, and saving the first rule also switches Mock on.
   */
  async function commit(): Promise<boolean> {
    const open = editing.value
    if (!open) return false
    const checked = ruleOf(open.draft)
    if ('problem' in checked) {
      problem.value = checked.problem
      return false
    }
    problem.value = null
    const rules = [...settings.value.rules]
    if (open.index === null) rules.unshift(checked.rule)
    else rules[open.index] = checked.rule
    const enabled = settings.value.enabled || settings.value.rules.length === 0
    const saved = await save({ enabled, rules })
    if (saved) editing.value = null
    return saved
  }

  function remove(index: number): Promise<boolean> {
    if (editing.value?.index === index) cancel()
    const rules = settings.value.rules.filter((_, i) => i !== index)
    return save({ ...settings.value, rules })
  }

  function setEnabled(enabled: boolean): Promise<boolean> {
    return save({ ...settings.value, enabled })
  }

  function setRuleEnabled(index: number, enabled: boolean): Promise<boolean> {
    const rules = settings.value.rules.map((rule, i) => (i === index ? { ...rule, enabled } : rule))
    return save({ ...settings.value, rules })
  }

  /** “Mock this response” from the Network panel: a new exact rule for that request. */
  function mockResponse(response: {
    url: string
    method: string
    statusCode: number
    contentType: string
    body: string
  }): void {
    const json = /\bjson\b/i.test(response.contentType) && parsesAsJson(response.body)
    startNew({
      method: response.method.toUpperCase(),
      match: 'exact',
      url: response.url,
      statusCode: response.statusCode || 200,
      header: response.contentType ? { 'content-type': response.contentType } : {},
      body: json ? JSON.stringify(JSON.parse(response.body), null, 2) : response.body,
      bodyType: json ? 'json' : 'text',
    })
    usePanelsStore().show('mock')
  }

  return {
    settings,
    editing,
    problem,
    saveError,
    saving,
    startNew,
    startEdit,
    cancel,
    commit,
    remove,
    setEnabled,
    setRuleEnabled,
    mockResponse,
  }
})

function parsesAsJson(text: string): boolean {
  try {
    JSON.parse(text)
    return true
  } catch {
    return false
  }
}
