import { WXS_CONSTRUCTOR_HELPER } from './wxs-source'

/**
 * What WXS code needs beyond what glass-easel-template-compiler generates: the `getRegExp` and
 * `getDate` globals, `require("./x.wxs")` between .wxs files, and the type name that
 * `x.constructor` reads are rewritten to (`wxs-source.ts`).
 */

/**
 * Injected with `TmplGroup.setExtraRuntimeScript`, so it runs inside the generated code's scope
 * once per group, before any WXS module body. It wraps the module loader `D` (compiler 1.1.0's
 * generated name, covered by the render tests) for two reasons:
 * - `require` looks modules up by the literal path, extension included, while `addScript` and
 *   `<wxs src>` use the path without `.wxs`: each module is also registered under `path.wxs`,
 *   sharing the same exports object;
 * - every module is loaded while the group itself is evaluated, so one module throwing would take
 *   every page down: the error is logged and that module exports what it had so far.
 * The functions a module exports are remembered (`W`), so that WXS event handlers
 * (`bindtouchmove="{{m.handler}}"`) and property observers (`change:prop="{{m.observer}}"`) get
 * WeChat's `ownerInstance`/`instance` arguments: the generated code takes its event listener
 * wrapper from `Q.C` and its property-observer filter from `Q.A`, and both hand the call to the
 * runtime's `__mpTemplateHandlers` on the component's space (`shared/runtime/template-handlers.ts`):
 * `wxsEvent` and `wxsObserver` for WXS functions, `method` for page and component methods, which
 * gives them WeChat's plain event object instead of glass-easel's.
 */
export const WXS_RUNTIME_SCRIPT = [
  'var getRegExp=function(pattern,flags){return new RegExp(pattern,flags)};',
  'var getDate=function(){var a=Array.prototype.slice.call(arguments);',
  'return new (Function.prototype.bind.apply(Date,[null].concat(a)))()};',
  `var ${WXS_CONSTRUCTOR_HELPER}=function(x){if(x==null)return x.constructor;`,
  'var t=Object.prototype.toString.call(x).slice(8,-1);',
  "return /^(Array|Function|Number|String|Boolean|Date|RegExp)$/.test(t)?t:'Object'};",
  'var W=new WeakSet();',
  "var M=function(x){if(x&&typeof x==='object')for(var k in x)if(typeof x[k]==='function')W.add(x[k])};",
  "var J=function(g){var s=g&&typeof g.getOwnerSpace==='function'?g.getOwnerSpace():null;return s&&s.__mpTemplateHandlers};",
  'Q.C=function(c,e,l){var g=c&&c._$||c,h=J(g);',
  'if(!W.has(l))return h?h.method(c,e,l):l.apply(c,[e]);return h?h.wxsEvent(g,e,l):l(e)};',
  'Q.A=function(l){if(!W.has(l))return l;return function(n,o,g,e){var h=J(g);',
  'return h?h.wxsObserver(l,n,o,g,e):l(n,o)}};',
  "if(typeof D==='function'){D=(function(register){return function(path,loader){",
  'var get=register(path,function(require,exports,module){',
  'try{loader(require,exports,module)}',
  "catch(e){console.error('WXS module '+path+' failed while loading:',e)}M(module.exports)});",
  "register(path+'.wxs',function(require,exports,module){module.exports=get()});",
  'return get}})(D)}',
].join('')

const isIdentifierChar = (c: string | undefined) => c !== undefined && /[\w$]/.test(c)

/**
 * The literal paths passed to `require(…)` in WXS source. A small tokenizer skips comments,
 * strings and regular-expression literals so text inside them is never taken for a call.
 */
export function findWxsRequires(source: string): string[] {
  const found: string[] = []
  let i = 0
  let lastSignificant = ''
  while (i < source.length) {
    const c = source[i]
    if (source.startsWith('//', i)) {
      const end = source.indexOf('\n', i)
      i = end < 0 ? source.length : end
    } else if (source.startsWith('/*', i)) {
      const end = source.indexOf('*/', i + 2)
      i = end < 0 ? source.length : end + 2
    } else if (c === '"' || c === "'") {
      i = skipQuoted(source, i)
      lastSignificant = c
    } else if (c === '/' && !/[\w$)\]]/.test(lastSignificant)) {
      i = skipRegExp(source, i)
      lastSignificant = '/'
    } else if (isIdentifierChar(c)) {
      const start = i
      while (isIdentifierChar(source[i])) i++
      const word = source.slice(start, i)
      if (word === 'require' && source[start - 1] !== '.') {
        const call = /^\s*\(\s*(["'])((?:(?!\1)[^\\\n]|\\.)*)\1\s*\)/.exec(source.slice(i))
        if (call) {
          found.push(call[2])
          i += call[0].length
          lastSignificant = ')'
          continue
        }
      }
      // `return /re/` starts a regular expression, `x /y` divides.
      lastSignificant = /^(return|typeof|case|in|of|new|delete|void|throw)$/.test(word) ? '(' : 'a'
    } else {
      if (!/\s/.test(c)) lastSignificant = c
      i++
    }
  }
  return found
}

function skipQuoted(source: string, start: number): number {
  const quote = source[start]
  let i = start + 1
  while (i < source.length && source[i] !== quote && source[i] !== '\n') {
    i += source[i] === '\\' ? 2 : 1
  }
  return i + 1
}

function skipRegExp(source: string, start: number): number {
  let i = start + 1
  let inClass = false
  while (i < source.length && source[i] !== '\n') {
    const c = source[i]
    if (c === '\\') i++
    else if (c === '[') inClass = true
    else if (c === ']') inClass = false
    else if (c === '/' && !inClass) break
    i++
  }
  return i + 1
}
