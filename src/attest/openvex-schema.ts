// OpenVEX v0.2.0 documents checked field by field against the spec's JSON schema, each problem at its JSON path.

/** The `@context` a v0.2.0 document carries (its version is in the context, the predicate type has none). */
export const OPENVEX_CONTEXT = 'https://openvex.dev/ns/v0.2.0'

export const OPENVEX_STATUSES = ['not_affected', 'affected', 'fixed', 'under_investigation'] as const
export const OPENVEX_JUSTIFICATIONS = [
  'component_not_present',
  'vulnerable_code_not_present',
  'vulnerable_code_not_in_execute_path',
  'vulnerable_code_cannot_be_controlled_by_adversary',
  'inline_mitigations_already_exist'
] as const
const HASH_ALGORITHMS = [
  'md5',
  'sha1',
  'sha-256',
  'sha-384',
  'sha-512',
  'sha3-224',
  'sha3-256',
  'sha3-384',
  'sha3-512',
  'blake2s-256',
  'blake2b-256',
  'blake2b-512'
]
// The schema spells CPE keys with "@"; the spec's prose and go-vex without: both are read.
const IDENTIFIER_KEYS = ['purl', '@cpe22', '@cpe23', 'cpe22', 'cpe23']

export interface SchemaProblem {
  /** JSONPath of the offending value, e.g. `$.statements[0].products[1]["@id"]`. */
  path: string
  problem: string
}

type Json = Record<string, unknown>

/** `$.a.b[0]["@id"]`: dotted where the key is an identifier, bracketed where it is not. */
export const jsonPath = (base: string, key: string | number): string =>
  typeof key === 'number'
    ? `${base}[${key}]`
    : /^[A-Za-z_][A-Za-z0-9_]*$/.test(key)
      ? `${base}.${key}`
      : `${base}[${JSON.stringify(key)}]`

const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v)
const kindOf = (v: unknown): string => (v === null ? 'null' : Array.isArray(v) ? 'an array' : `a ${typeof v}`)

// RFC 3339 date-time, the schema's `format: date-time` (a zone is required, fractions of any length).
const DATE_TIME =
  /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])[Tt]([01]\d|2[0-3]):[0-5]\d:([0-5]\d|60)(\.\d+)?([Zz]|[+-]([01]\d|2[0-3]):[0-5]\d)$/
// The schema's `format: uri`: an absolute IRI with a scheme (a purl is one: `pkg:oci/…`).
const IRI = /^[A-Za-z][A-Za-z0-9+.-]*:[^\s]+$/

class Checker {
  readonly problems: SchemaProblem[] = []

  add(path: string, problem: string): void {
    this.problems.push({ path, problem })
  }

  object(v: unknown, path: string, allowed: readonly string[], required: readonly string[] = []): v is Json {
    if (!isObject(v)) {
      this.add(path, `must be an object, found ${kindOf(v)}`)
      return false
    }
    for (const key of required) if (!(key in v)) this.add(jsonPath(path, key), 'is required')
    for (const key of Object.keys(v))
      if (!allowed.includes(key))
        this.add(jsonPath(path, key), `is not an OpenVEX v0.2.0 field here (allowed: ${allowed.join(', ')})`)
    return true
  }

  string(o: Json, key: string, path: string, format?: 'iri' | 'date-time' | 'non-empty'): void {
    if (!(key in o)) return
    const v = o[key]
    const at = jsonPath(path, key)
    if (typeof v !== 'string') return this.add(at, `must be a string, found ${kindOf(v)}`)
    if (format === 'iri' && !IRI.test(v))
      this.add(at, `"${v}" is not an IRI (an absolute URI such as https://… or a purl pkg:…)`)
    if (format === 'date-time' && !DATE_TIME.test(v))
      this.add(at, `"${v}" is not an RFC 3339 date-time with a zone (e.g. 2026-01-31T12:00:00Z)`)
    if (format === 'non-empty' && v.trim() === '') this.add(at, 'must not be empty')
  }

  oneOf(o: Json, key: string, path: string, values: readonly string[]): void {
    if (!(key in o)) return
    const v = o[key]
    if (typeof v !== 'string' || !values.includes(v))
      this.add(jsonPath(path, key), `${JSON.stringify(v)} is not one of ${values.join(', ')}`)
  }

  integer(o: Json, key: string, path: string): void {
    if (!(key in o)) return
    const v = o[key]
    if (typeof v !== 'number' || !Number.isInteger(v) || v < 1)
      this.add(jsonPath(path, key), `must be an integer of at least 1, found ${JSON.stringify(v)}`)
  }

  /** An array, unique items (the schema's uniqueItems), each checked by `item`. */
  array(o: Json, key: string, path: string, item: (v: unknown, at: string) => void, minItems = 0): void {
    if (!(key in o)) return
    const v = o[key]
    const at = jsonPath(path, key)
    if (!Array.isArray(v)) return this.add(at, `must be an array, found ${kindOf(v)}`)
    if (v.length < minItems) this.add(at, `must hold at least ${minItems} item(s)`)
    const seen = new Map<string, number>()
    v.forEach((entry, i) => {
      const text = JSON.stringify(entry)
      const first = seen.get(text)
      if (first !== undefined)
        this.add(jsonPath(at, i), `repeats ${jsonPath(at, first)} (items must be unique)`)
      else seen.set(text, i)
      item(entry, jsonPath(at, i))
    })
  }

  stringMap(o: Json, key: string, path: string, keys: readonly string[]): void {
    if (!(key in o)) return
    const at = jsonPath(path, key)
    if (!this.object(o[key], at, keys)) return
    for (const k of Object.keys(o[key] as Json)) this.string(o[key] as Json, k, at)
  }

  component(v: unknown, path: string, withSubcomponents: boolean): void {
    const fields = ['@id', 'identifiers', 'hashes', ...(withSubcomponents ? ['subcomponents'] : [])]
    if (!this.object(v, path, fields)) return
    this.string(v, '@id', path, 'iri')
    this.stringMap(v, 'identifiers', path, IDENTIFIER_KEYS)
    this.stringMap(v, 'hashes', path, HASH_ALGORITHMS)
    if (withSubcomponents) this.array(v, 'subcomponents', path, (s, at) => this.component(s, at, false))
  }

  vulnerability(v: unknown, path: string): void {
    if (!this.object(v, path, ['@id', 'name', 'description', 'aliases'], ['name'])) return
    this.string(v, '@id', path, 'iri')
    this.string(v, 'name', path, 'non-empty')
    this.string(v, 'description', path)
    this.array(v, 'aliases', path, (a, at) => {
      if (typeof a !== 'string') this.add(at, `must be a string, found ${kindOf(a)}`)
    })
  }

  statement(v: unknown, path: string): void {
    const fields = [
      '@id',
      'version',
      'vulnerability',
      'timestamp',
      'last_updated',
      'products',
      'status',
      'supplier',
      'status_notes',
      'justification',
      'impact_statement',
      'action_statement',
      'action_statement_timestamp'
    ]
    if (!this.object(v, path, fields, ['vulnerability', 'status'])) return
    this.string(v, '@id', path, 'iri')
    this.integer(v, 'version', path)
    if ('vulnerability' in v) this.vulnerability(v.vulnerability, jsonPath(path, 'vulnerability'))
    for (const key of ['timestamp', 'last_updated', 'action_statement_timestamp'])
      this.string(v, key, path, 'date-time')
    this.array(v, 'products', path, (p, at) => this.component(p, at, true))
    this.oneOf(v, 'status', path, OPENVEX_STATUSES)
    this.oneOf(v, 'justification', path, OPENVEX_JUSTIFICATIONS)
    for (const key of ['supplier', 'status_notes', 'impact_statement', 'action_statement'])
      this.string(v, key, path)
    // The spec's MUSTs per status (it recommends a justification, optionally with an impact statement).
    if (v.status === 'not_affected' && !('justification' in v) && !('impact_statement' in v))
      this.add(
        path,
        'has status not_affected but neither justification nor impact_statement (one is required)'
      )
    if (v.status === 'affected' && !('action_statement' in v))
      this.add(path, 'has status affected but no action_statement (required for affected)')
  }
}

/** Every way `doc` departs from the OpenVEX v0.2.0 schema; empty when it conforms. */
export function checkOpenVexSchema(doc: unknown): SchemaProblem[] {
  const c = new Checker()
  const fields = [
    '@context',
    '@id',
    'author',
    'role',
    'timestamp',
    'last_updated',
    'version',
    'tooling',
    'statements'
  ]
  const required = ['@context', '@id', 'author', 'timestamp', 'version', 'statements']
  if (!c.object(doc, '$', fields, required)) return c.problems
  if ('@context' in doc && doc['@context'] !== OPENVEX_CONTEXT)
    c.add(
      '$["@context"]',
      `is ${JSON.stringify(doc['@context'])}; an OpenVEX v0.2.0 document has "${OPENVEX_CONTEXT}"`
    )
  c.string(doc, '@id', '$', 'iri')
  c.string(doc, 'author', '$', 'non-empty')
  c.string(doc, 'role', '$')
  c.string(doc, 'tooling', '$')
  c.string(doc, 'timestamp', '$', 'date-time')
  c.string(doc, 'last_updated', '$', 'date-time')
  c.integer(doc, 'version', '$')
  c.array(doc, 'statements', '$', (s, at) => c.statement(s, at), 1)
  return c.problems
}
