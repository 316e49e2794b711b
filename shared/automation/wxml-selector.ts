/**
 * WXML selectors as miniprogram-automator's `page.$(…)` takes them: tag names (`view`, a custom
 * component's tag such as `todo-item`), `.class`, `#id`, `[attr]` / `[attr=value]`, compounds of
 * those, the descendant (space) and child (`>`) combinators, and `,` lists. A query looks in one
 * shadow tree (the page's, or a custom component's own): like WeChat's, it does not enter the
 * shadow trees of the custom components it meets; query the component element for those.
 */
import * as glassEasel from 'glass-easel'
import selectorParser from 'postcss-selector-parser'

type Condition =
  | { kind: 'tag'; name: string }
  | { kind: 'id'; name: string }
  | { kind: 'class'; name: string }
  | { kind: 'attribute'; name: string; value?: string }

interface Compound {
  conditions: Condition[]
  /** How this compound relates to the one before it. */
  combinator: 'descendant' | 'child'
}

/** One selector of a `,` list: compounds from the outermost to the matched element. */
type Chain = Compound[]

export class SelectorError extends Error {}

function conditionOf(node: selectorParser.Node, source: string): Condition {
  switch (node.type) {
    case 'tag':
      return { kind: 'tag', name: node.value.toLowerCase() }
    case 'id':
      return { kind: 'id', name: node.value }
    case 'class':
      return { kind: 'class', name: node.value }
    case 'attribute':
      return { kind: 'attribute', name: node.attribute, value: node.value }
    default:
      throw new SelectorError(
        `unsupported selector ${JSON.stringify(source)}: ${node.type} ${JSON.stringify(String(node))} ` +
          '(supported: tag, .class, #id, [attr=value], descendant and > combinators, lists)',
      )
  }
}

/** Parses `source` into chains; throws a SelectorError naming what is not supported. */
export function parseWxmlSelector(source: string): Chain[] {
  const chains: Chain[] = []
  let root: selectorParser.Root
  try {
    root = selectorParser().astSync(source)
  } catch (error) {
    throw new SelectorError(
      `invalid selector ${JSON.stringify(source)}: ${(error as Error).message}`,
    )
  }
  for (const selector of root.nodes) {
    const chain: Chain = []
    let current: Compound = { conditions: [], combinator: 'descendant' }
    for (const node of selector.nodes) {
      if (node.type === 'combinator') {
        const value = node.value.trim()
        if (value !== '' && value !== '>') {
          throw new SelectorError(
            `unsupported selector ${JSON.stringify(source)}: combinator ${JSON.stringify(value)}`,
          )
        }
        if (current.conditions.length === 0) {
          throw new SelectorError(`invalid selector ${JSON.stringify(source)}`)
        }
        chain.push(current)
        current = { conditions: [], combinator: value === '>' ? 'child' : 'descendant' }
        continue
      }
      current.conditions.push(conditionOf(node, source))
    }
    if (current.conditions.length === 0) {
      throw new SelectorError(`invalid selector ${JSON.stringify(source)}`)
    }
    chain.push(current)
    chains.push(chain)
  }
  if (chains.length === 0) throw new SelectorError(`empty selector ${JSON.stringify(source)}`)
  return chains
}

/** The tag name WXML wrote: `view` for native nodes, the `usingComponents` key for components. */
export function tagNameOf(element: glassEasel.Element): string {
  const component = element.asGeneralComponent()
  if (component) return component.tagName
  return element.asNativeNode()?.is ?? ''
}

/** The `data-*` and plain attributes an element carries, by WXML attribute name. */
function attributeOf(element: glassEasel.Element, name: string): unknown {
  if (name === 'id') return element.id
  if (name === 'class') return element.class
  if (name === 'style') return element.style
  if (name.startsWith('data-')) {
    const key = name.slice(5).replace(/-([a-z])/g, (_, letter: string) => letter.toUpperCase())
    return element.dataset?.[key]
  }
  const component = element.asGeneralComponent()
  if (component && glassEasel.Component.hasProperty(component, name))
    return (component.data as Record<string, unknown>)[name]
  return element.getAttribute(name) ?? undefined
}

export { attributeOf }

function matchesCompound(element: glassEasel.Element, compound: Compound): boolean {
  return compound.conditions.every((condition) => {
    switch (condition.kind) {
      case 'tag':
        return tagNameOf(element) === condition.name
      case 'id':
        return element.id === condition.name
      case 'class':
        return element.classList?.contains(condition.name) ?? false
      case 'attribute': {
        const value = attributeOf(element, condition.name)
        if (condition.value === undefined) return value !== undefined && value !== null
        return value !== undefined && value !== null && String(value) === condition.value
      }
    }
  })
}

/** The element's parent within its own shadow tree (virtual nodes are skipped). */
function treeParent(
  element: glassEasel.Element,
  scope: glassEasel.Element,
): glassEasel.Element | null {
  let parent = element.parentNode
  while (parent && parent !== scope && parent.asVirtualNode()) parent = parent.parentNode
  return parent && parent !== scope ? parent : null
}

function matchesChain(
  element: glassEasel.Element,
  chain: Chain,
  scope: glassEasel.Element,
): boolean {
  const last = chain.length - 1
  if (!matchesCompound(element, chain[last])) return false
  const matchFrom = (candidate: glassEasel.Element, index: number, combinator: string): boolean => {
    if (index < 0) return true
    let parent = treeParent(candidate, scope)
    while (parent) {
      if (
        matchesCompound(parent, chain[index]) &&
        matchFrom(parent, index - 1, chain[index].combinator)
      )
        return true
      if (combinator === 'child') return false
      parent = treeParent(parent, scope)
    }
    return false
  }
  return matchFrom(element, last - 1, chain[last].combinator)
}

/** The element children of `node` in its own tree, `wx:if`/`wx:for`/`block` wrappers flattened. */
export function treeChildren(node: glassEasel.Element): glassEasel.Element[] {
  const found: glassEasel.Element[] = []
  for (const child of node.childNodes) {
    if (child.asTextNode()) continue
    const element = child as glassEasel.Element
    if (element.asVirtualNode()) found.push(...treeChildren(element))
    else found.push(element)
  }
  return found
}

/** Elements of `scope`'s own tree in document order (not inside other components' shadows). */
export function descendants(scope: glassEasel.Element): glassEasel.Element[] {
  const found: glassEasel.Element[] = []
  const visit = (node: glassEasel.Element) => {
    for (const child of treeChildren(node)) {
      found.push(child)
      visit(child)
    }
  }
  visit(scope)
  return found
}

/**
 * The elements under `scope` that `selector` matches, in document order. `scope` is a shadow root
 * (a page's or a component's) or an element whose descendants are searched.
 */
export function selectAll(scope: glassEasel.Element, selector: string): glassEasel.Element[] {
  const chains = parseWxmlSelector(selector)
  return descendants(scope).filter((element) =>
    chains.some((chain) => matchesChain(element, chain, scope)),
  )
}
