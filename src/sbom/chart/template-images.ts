// Image references written literally in templates: `image: <ref>` lines and `<registry host>/<path>:<tag>` (or
// `@sha256:`) tokens anywhere in the text. Anything inside `{{ }}` is template logic and is not read; a literal
// inside `if .Values.x` is deployed by default when the default values make x true.
import type { ImageReference } from '../../oci/index.js'
import { imageRef } from './image-ref.js'

export interface TemplateImage {
  ref: ImageReference
  /** true: rendered by the defaults; false: inside an `if` the defaults make false; undefined: cannot tell. */
  byDefault: boolean | undefined
}

const ACTION = /\{\{-?([\s\S]*?)-?\}\}/g
const IMAGE_LINE = /^\s*-?\s*image:\s*["']?([^\s"'#]+)["']?\s*(?:#.*)?$/
// A host with a dot or a port, a path, and a tag or digest: how images look outside an `image:` key.
const HOSTED =
  /(?<![\w./:@-])((?:[a-z0-9](?:[a-z0-9-]*[a-z0-9])?\.)+[a-z0-9-]+(?::\d{1,5})?\/[a-z0-9._/-]*[a-z0-9](?::[\w][\w.-]{0,127}|@sha256:[0-9a-f]{64}))(?![\w/])/g
// `if .Values.a.b` or `if not .Values.a.b`: the only conditions read; anything else cannot be told.
const SIMPLE_IF = /^\s*if\s+(not\s+)?\.Values\.([\w.]+)\s*$/

type Known = boolean | undefined

function valueAt(values: unknown, path: string): unknown {
  let node = values
  for (const part of path.split('.')) {
    if (typeof node !== 'object' || node === null) return undefined
    node = (node as Record<string, unknown>)[part]
  }
  return node
}

/** Go template truth: false, 0, nil, empty string/list/map are false. */
function truthy(v: unknown): boolean {
  if (v === undefined || v === null || v === false || v === 0 || v === '') return false
  if (Array.isArray(v)) return v.length > 0
  if (typeof v === 'object') return Object.keys(v).length > 0
  return true
}

function condition(action: string, values: unknown): Known {
  const m = SIMPLE_IF.exec(action)
  if (!m) return undefined
  const v = truthy(valueAt(values, m[2]!))
  return m[1] ? !v : v
}

export function templateImages(source: string, values: unknown = {}): TemplateImage[] {
  const found: TemplateImage[] = []
  let last = 0
  let plain = ''
  const blanks: [number, number][] = []
  // Each action becomes spaces (offsets and lines kept); the block state is noted where each action ends.
  const stack: Known[] = []
  const stateAt: { at: number; state: Known }[] = [{ at: 0, state: true }]
  const current = (): Known => (stack.includes(false) ? false : stack.includes(undefined) ? undefined : true)
  for (const m of source.matchAll(ACTION)) {
    plain += source.slice(last, m.index) + m[0].replace(/[^\n]/g, ' ')
    last = m.index + m[0].length
    blanks.push([m.index, last])
    const body = m[1] ?? ''
    const word = /^\s*(\w+)/.exec(body)?.[1]
    if (word === 'if') stack.push(condition(body, values))
    else if (word === 'with' || word === 'range' || word === 'define' || word === 'block')
      stack.push(undefined)
    else if (word === 'else' && stack.length) {
      const top = stack.pop()
      stack.push(/^\s*else\s+if\b/.test(body) || top === undefined ? undefined : !top)
    } else if (word === 'end') stack.pop()
    stateAt.push({ at: last, state: current() })
  }
  plain += source.slice(last)
  const stateOf = (at: number): Known => {
    let s: Known = true
    for (const x of stateAt) {
      if (x.at > at) break
      s = x.state
    }
    return s
  }
  const seen = new Set<string>()
  const push = (text: string, at: number): void => {
    const ref = imageRef(text)
    if (!ref) return
    const key = `${ref.toString()} ${at}`
    if (seen.has(key)) return
    seen.add(key)
    found.push({ ref, byDefault: stateOf(at) })
  }
  let offset = 0
  for (const line of plain.split('\n')) {
    const m = IMAGE_LINE.exec(line)
    // An `image:` line with any template logic in it is computed: not read.
    if (m?.[1] && source.slice(offset, offset + line.length) === line) push(m[1], offset)
    else
      for (const h of line.matchAll(HOSTED)) {
        const at = offset + h.index
        if (!blanks.some(([a, b]) => at >= a && at < b)) push(h[1]!, at)
      }
    offset += line.length + 1
  }
  return found
}
