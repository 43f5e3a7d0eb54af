// Nix store derivations (`.drv`): the ATerm text `Derive([outputs],[input drvs],[input srcs],platform,builder,
// [args],[env])` Nix writes for every build; only the parts that relate outputs to their inputs are kept.

export interface Derivation {
  /** Output name → store path ("out" → "/nix/store/…-hello-2.10"). */
  outputs: Map<string, string>
  /** Input derivation path → the output names used. */
  inputDrvs: Map<string, string[]>
  inputSrcs: string[]
  platform: string
}

type Term = string | Term[]

const ESCAPES: Record<string, string> = { n: '\n', r: '\r', t: '\t' }

/** Reads one ATerm value: a string, a list `[…]`, a tuple `(…)` or a constructor `Name(…)` (both as lists). */
function reader(text: string) {
  let i = 0
  const expect = (ch: string): void => {
    if (text[i] !== ch) throw new Error(`expected "${ch}" at ${i}`)
    i++
  }
  const value = (): Term => {
    const ch = text[i]
    if (ch === '"') {
      i++
      let out = ''
      for (;;) {
        const c = text[i++]
        if (c === undefined) throw new Error('unterminated string')
        if (c === '"') return out
        if (c === '\\') {
          const e = text[i++] ?? ''
          out += ESCAPES[e] ?? e
        } else out += c
      }
    }
    if (ch === '[' || ch === '(') {
      const close = ch === '[' ? ']' : ')'
      i++
      const items: Term[] = []
      while (text[i] !== close) {
        if (items.length > 0) expect(',')
        items.push(value())
      }
      i++
      return items
    }
    const name = /^[A-Za-z]+/.exec(text.slice(i, i + 32))
    if (!name) throw new Error(`unexpected "${ch ?? 'end'}" at ${i}`)
    i += name[0].length
    return value()
  }
  return { value, rest: () => text.slice(i).trim() }
}

const str = (t: Term | undefined): string => (typeof t === 'string' ? t : '')
const list = (t: Term | undefined): Term[] => (Array.isArray(t) ? t : [])

/** Throws on text that is not a derivation. */
export function parseDerivation(text: string): Derivation {
  if (!text.startsWith('Derive(')) throw new Error('not a Nix derivation (no "Derive(")')
  const r = reader(text)
  const fields = list(r.value())
  if (fields.length < 7 || r.rest() !== '') throw new Error('malformed derivation')
  const outputs = new Map<string, string>()
  for (const o of list(fields[0])) outputs.set(str(list(o)[0]), str(list(o)[1]))
  const inputDrvs = new Map<string, string[]>()
  for (const d of list(fields[1])) inputDrvs.set(str(list(d)[0]), list(list(d)[1]).map(str))
  return { outputs, inputDrvs, inputSrcs: list(fields[2]).map(str), platform: str(fields[3]) }
}
