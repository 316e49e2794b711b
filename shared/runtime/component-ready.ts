/**
 * WeChat's `ready` lifetime: a component's `ready` runs once the view layer has laid it out, for
 * every component on the page (WeUI's slideview measures itself there), before the page's
 * `onReady`. glass-easel registers `ready` but leaves triggering it to the host, so the page
 * stack calls `readyTree` once the page is on the screen: what is inside each component (its own
 * tree, then what is slotted into it) first, then the component itself, the page last.
 * glass-easel runs a component's `ready` once.
 */
import * as glassEasel from 'glass-easel'

/** Triggers `ready` on every component under `root` (what is inside each first), then on `root`. */
export function readyTree(root: glassEasel.GeneralComponent): void {
  const visit = (node: glassEasel.Node): void => {
    if (!(node instanceof glassEasel.Element)) return
    const component =
      node instanceof glassEasel.Component ? (node as glassEasel.GeneralComponent) : null
    for (const child of component?.getShadowRoot()?.childNodes ?? []) visit(child)
    for (const child of node.childNodes) visit(child)
    if (component && component !== root) component.triggerLifetime('ready', [])
  }
  visit(root)
  root.triggerLifetime('ready', [])
}
