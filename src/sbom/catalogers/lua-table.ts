// A reader for the Lua subset rockspecs are written in: `[local] name = value` statements whose values are
// strings, numbers, booleans, names of earlier locals, `..` concatenations of those, and tables of them.
import { CodedError } from '../../errors/index.js'

export type LuaValue = string | LuaTable
/** A table keeps named fields and positional items apart, in source order. */
export interface LuaTable {
  fields: Map<string, LuaValue>
  items: LuaValue[]
}

const MAX_DEPTH = 64

export class LuaSyntaxError extends CodedError<'LUA_SYNTAX'> {
  constructor(message: string) {
    super('LUA_SYNTAX', message)
    this.name = 'LuaSyntaxError'
  }
}

class Reader {
  i = 0
  constructor(readonly s: string) {}

  fail(what: string): never {
    throw new LuaSyntaxError(`${what} at offset ${this.i}`)
  }

  /** Skips whitespace and `--` comments (line comments and `--[[ … ]]` / `--[==[ … ]==]` block comments). */
  skip(): void {
    for (;;) {
      while (this.i < this.s.length && /\s/.test(this.s[this.i]!)) this.i++
      if (!this.s.startsWith('--', this.i)) return
      this.i += 2
      const level = this.longBracketLevel()
      if (level >= 0) {
        this.longString(level)
        continue
      }
      const nl = this.s.indexOf('\n', this.i)
      this.i = nl < 0 ? this.s.length : nl + 1
    }
  }

  peek(): string {
    this.skip()
    return this.s[this.i] ?? ''
  }

  eat(token: string): boolean {
    this.skip()
    if (!this.s.startsWith(token, this.i)) return false
    this.i += token.length
    return true
  }

  name(): string | undefined {
    this.skip()
    const m = /^[A-Za-z_][A-Za-z0-9_]*/.exec(this.s.slice(this.i, this.i + 256))
    if (!m) return undefined
    this.i += m[0].length
    return m[0]
  }

  /** `[[` → 0, `[==[` → 2; -1 when no long bracket opens here. */
  longBracketLevel(): number {
    const m = /^\[(=*)\[/.exec(this.s.slice(this.i, this.i + 64))
    return m ? m[1]!.length : -1
  }

  longString(level: number): string {
    this.i += level + 2
    const close = ']' + '='.repeat(level) + ']'
    const end = this.s.indexOf(close, this.i)
    if (end < 0) this.fail('unterminated long string')
    // Lua drops a newline right after the opening bracket.
    const text = this.s.slice(this.i, end).replace(/^\r?\n/, '')
    this.i = end + close.length
    return text
  }

  quoted(): string {
    const quote = this.s[this.i++]!
    let out = ''
    while (this.i < this.s.length) {
      const c = this.s[this.i++]!
      if (c === quote) return out
      if (c === '\n') break
      if (c !== '\\') {
        out += c
        continue
      }
      const e = this.s[this.i++] ?? ''
      const simple: Record<string, string> = {
        n: '\n',
        t: '\t',
        r: '\r',
        '\\': '\\',
        '"': '"',
        "'": "'",
        '\n': '\n'
      }
      if (e in simple) out += simple[e]
      else if (/[0-9]/.test(e)) {
        const digits = /^[0-9]{1,3}/.exec(this.s.slice(this.i - 1))![0]
        out += String.fromCharCode(Number(digits))
        this.i += digits.length - 1
      } else out += e
    }
    return this.fail('unterminated string')
  }
}

/** Every top-level assignment of a rockspec, locals resolved; throws LuaSyntaxError on what it cannot read. */
export function parseLuaAssignments(text: string): Map<string, LuaValue> {
  const r = new Reader(text)
  const globals = new Map<string, LuaValue>()
  const locals = new Map<string, LuaValue>()
  while (r.peek() !== '') {
    let name = r.name() ?? r.fail('expected a name')
    const isLocal = name === 'local'
    if (isLocal) name = r.name() ?? r.fail('expected a local name')
    if (!r.eat('=')) r.fail(`expected = after ${name}`)
    // Build instructions may hold any Lua and say nothing about the package's identity.
    if (name === 'build' && !isLocal && r.peek() === '{') {
      skipTable(r)
      r.eat(';')
      continue
    }
    const value = expression(r, locals, 0)
    ;(isLocal ? locals : globals).set(name, value)
    r.eat(';')
  }
  return globals
}

function expression(r: Reader, locals: Map<string, LuaValue>, depth: number): LuaValue {
  let value = term(r, locals, depth)
  while (r.eat('..')) {
    const next = term(r, locals, depth)
    if (typeof value !== 'string' || typeof next !== 'string') r.fail('concatenation of a table')
    value += next
  }
  return value
}

function term(r: Reader, locals: Map<string, LuaValue>, depth: number): LuaValue {
  const c = r.peek()
  if (c === '"' || c === "'") return r.quoted()
  if (c === '{') return table(r, locals, depth + 1)
  if (c === '[') {
    const level = r.longBracketLevel()
    if (level >= 0) return r.longString(level)
  }
  const number = /^-?(0x[0-9a-fA-F]+|[0-9]+(\.[0-9]*)?([eE][-+]?[0-9]+)?)/.exec(text(r))
  if (number) {
    r.i += number[0].length
    return number[0]
  }
  const name = r.name() ?? r.fail('expected a value')
  if (name === 'true' || name === 'false' || name === 'nil') return name
  const value = locals.get(name)
  if (value === undefined) r.fail(`unknown name ${name}`)
  return value
}

function text(r: Reader): string {
  return r.s.slice(r.i, r.i + 64)
}

/** Passes over a balanced `{ … }` without evaluating it (strings and comments may hold braces). */
function skipTable(r: Reader): void {
  let open = 0
  do {
    const c = r.peek()
    if (c === '') r.fail('unterminated table')
    if (c === '"' || c === "'") r.quoted()
    else if (c === '[' && r.longBracketLevel() >= 0) r.longString(r.longBracketLevel())
    else {
      if (c === '{') open++
      if (c === '}') open--
      r.i++
    }
  } while (open > 0)
}

function table(r: Reader, locals: Map<string, LuaValue>, depth: number): LuaTable {
  if (depth > MAX_DEPTH) r.fail('tables nested too deep')
  r.eat('{')
  const t: LuaTable = { fields: new Map(), items: [] }
  while (!r.eat('}')) {
    if (r.peek() === '') r.fail('unterminated table')
    if (r.peek() === '[' && r.longBracketLevel() < 0) {
      // `["key"] = value`
      r.eat('[')
      const key = expression(r, locals, depth)
      if (!r.eat(']') || !r.eat('=')) r.fail('expected ] =')
      if (typeof key !== 'string') r.fail('table key')
      t.fields.set(key, expression(r, locals, depth))
    } else {
      const start = r.i
      const name = /^[A-Za-z_]/.test(r.peek()) ? r.name() : undefined
      if (name !== undefined && r.eat('=')) {
        t.fields.set(name, expression(r, locals, depth))
      } else {
        r.i = start
        t.items.push(expression(r, locals, depth))
      }
    }
    if (!r.eat(',')) r.eat(';')
  }
  return t
}
