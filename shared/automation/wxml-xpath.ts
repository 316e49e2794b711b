/**
 * The XPath subset `page.xpath(…)` / `getElementByXpath` needs over a WXML tree: steps with `/`
 * (child) and `//` (descendant), a tag name or `*`, and predicates `[@attr]`, `[@attr='v']`,
 * `[contains(@attr,'v')]`, `[text()='v']` and `[n]` (1-based, among the step's matches under one
 * parent). Paths start at the page (`//view`, `/view[2]`). Anything else is a SelectorError naming
 * the part not supported.
 */
import type * as glassEasel from 'glass-easel'
import { attributeOf, descendants, SelectorError, tagNameOf, treeChildren } from './wxml-selector'
import { textOf } from './wxml-serializer'

type Predicate = (element: glassEasel.Element) => boolean

interface Step {
  axis: 'child' | 'descendant'
  name: string
  filters: Predicate[]
  position?: number
}

const STEP = /^(\/\/?)([\w-]+|\*)((?:\[[^\]]*\])*)/
const QUOTED = `(?:'([^']*)'|"([^"]*)")`

function predicateOf(source: string, xpath: string): Predicate | number {
  const text = source.trim()
  if (/^\d+$/.test(text)) return Number(text)
  let match = new RegExp(`^@([\\w-]+)\\s*=\\s*${QUOTED}$`).exec(text)
  if (match) {
    const [, name, single, double] = match
    return (element) => String(attributeOf(element, name) ?? '') === (single ?? double)
  }
  match = /^@([\w-]+)$/.exec(text)
  if (match) {
    const name = match[1]
    return (element) => (attributeOf(element, name) ?? '') !== ''
  }
  match = new RegExp(`^contains\\(\\s*@([\\w-]+)\\s*,\\s*${QUOTED}\\s*\\)$`).exec(text)
  if (match) {
    const [, name, single, double] = match
    return (element) => String(attributeOf(element, name) ?? '').includes(single ?? double)
  }
  match = new RegExp(`^text\\(\\)\\s*=\\s*${QUOTED}$`).exec(text)
  if (match) {
    const expected = match[1] ?? match[2]
    return (element) => textOf(element) === expected
  }
  throw new SelectorError(`unsupported XPath predicate [${text}] in ${JSON.stringify(xpath)}`)
}

function parseXpath(xpath: string): Step[] {
  const steps: Step[] = []
  let rest = xpath.trim()
  while (rest.length > 0) {
    const match = STEP.exec(rest)
    if (!match)
      throw new SelectorError(
        `unsupported XPath ${JSON.stringify(xpath)} at ${JSON.stringify(rest)}`,
      )
    const step: Step = {
      axis: match[1] === '//' ? 'descendant' : 'child',
      name: match[2],
      filters: [],
    }
    for (const [, inner] of match[3].matchAll(/\[([^\]]*)\]/g)) {
      const predicate = predicateOf(inner, xpath)
      if (typeof predicate === 'number') step.position = predicate
      else step.filters.push(predicate)
    }
    steps.push(step)
    rest = rest.slice(match[0].length)
  }
  if (steps.length === 0) throw new SelectorError(`empty XPath ${JSON.stringify(xpath)}`)
  return steps
}

/** The elements `xpath` selects under `scope` (a page's shadow root), in document order. */
export function selectByXpath(scope: glassEasel.Element, xpath: string): glassEasel.Element[] {
  let contexts = [scope]
  for (const step of parseXpath(xpath)) {
    const next = new Set<glassEasel.Element>()
    for (const context of contexts) {
      const candidates = step.axis === 'child' ? treeChildren(context) : descendants(context)
      const matched = candidates.filter(
        (element) =>
          (step.name === '*' || tagNameOf(element) === step.name) &&
          step.filters.every((filter) => filter(element)),
      )
      const picked =
        step.position === undefined ? matched : matched.slice(step.position - 1, step.position)
      for (const element of picked) next.add(element)
    }
    contexts = [...next]
  }
  const order = descendants(scope)
  return contexts.sort((a, b) => order.indexOf(a) - order.indexOf(b))
}
