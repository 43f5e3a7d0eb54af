// A Sigstore SigningConfig v0.2 document (protobuf-specs trustroot.v1.SigningConfig in its JSON form), checked
// once with errors that name the document and the JSON path at fault.
import { SigstoreError } from '../error.js'

export const SIGNING_CONFIG_MEDIA_TYPE = 'application/vnd.dev.sigstore.signingconfig.v0.2+json'

/** How many of a list's services a client uses (ServiceSelector; UNDEFINED is refused). */
export type ServiceSelector = 'ALL' | 'ANY' | 'EXACT'

export interface ServiceConfiguration {
  selector: ServiceSelector
  /** EXACT only: how many services, each from a distinct operator. */
  count?: number
}

export interface ServiceEntry {
  url: string
  /** 0 is a service not yet released (proto3's default for a missing field): no client supports it. */
  majorApiVersion: number
  /** Inclusive at both ends; an open end is unbounded. */
  validFor: { start?: Date; end?: Date }
  /** Scheme-less URI such as sigstore.dev; '' when absent (one group, as sigstore-go treats it). */
  operator: string
  /** Where it sits in the document, for messages: `$.rekorTlogUrls[1]`. */
  path: string
}

export type ServiceList = 'caUrls' | 'oidcUrls' | 'rekorTlogUrls' | 'tsaUrls'

export interface SigningConfig {
  /** Names the document in messages: a file path or the TUF target it came from. */
  source: string
  caUrls: ServiceEntry[]
  oidcUrls: ServiceEntry[]
  rekorTlogUrls: ServiceEntry[]
  rekorTlogConfig?: ServiceConfiguration
  tsaUrls: ServiceEntry[]
  tsaConfig?: ServiceConfiguration
}

const SELECTORS: Record<string, ServiceSelector> = {
  ALL: 'ALL',
  ANY: 'ANY',
  EXACT: 'EXACT',
  1: 'ALL',
  2: 'ANY',
  3: 'EXACT'
}
// protojson's Timestamp: RFC 3339 with Z or an offset, up to nanosecond fractions.
const RFC3339 = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,9})?(Z|[+-]\d{2}:\d{2})$/

const isObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v)

/** Parses the JSON text of a signing config; `source` names it in every error. */
export function parseSigningConfigText(text: string, source: string): SigningConfig {
  let json: unknown
  try {
    json = JSON.parse(text)
  } catch (cause) {
    throw invalid(source, '$', `is not JSON (${(cause as Error).message})`)
  }
  return parseSigningConfig(json, source)
}

export function parseSigningConfig(document: unknown, source: string): SigningConfig {
  const json = camelCaseKeys(document)
  if (!isObject(json)) throw invalid(source, '$', 'must be a JSON object (a Sigstore SigningConfig)')
  if (json.mediaType !== SIGNING_CONFIG_MEDIA_TYPE)
    throw invalid(
      source,
      '$.mediaType',
      `is ${JSON.stringify(json.mediaType ?? null)}; only ${SIGNING_CONFIG_MEDIA_TYPE} is read (the version whose services carry API versions and selectors)`
    )
  const list = (name: ServiceList): ServiceEntry[] => services(source, json, name)
  const config: SigningConfig = {
    source,
    caUrls: list('caUrls'),
    oidcUrls: list('oidcUrls'),
    rekorTlogUrls: list('rekorTlogUrls'),
    tsaUrls: list('tsaUrls')
  }
  const rekorTlogConfig = configuration(source, json, 'rekorTlogConfig', config.rekorTlogUrls.length)
  const tsaConfig = configuration(source, json, 'tsaConfig', config.tsaUrls.length)
  return { ...config, ...(rekorTlogConfig ? { rekorTlogConfig } : {}), ...(tsaConfig ? { tsaConfig } : {}) }
}

function services(source: string, doc: Record<string, unknown>, name: ServiceList): ServiceEntry[] {
  const value = doc[name]
  if (value === undefined || value === null) return []
  if (!Array.isArray(value)) throw invalid(source, `$.${name}`, 'must be a list of services')
  return value.map((item, i) => service(source, item, `$.${name}[${i}]`))
}

function service(source: string, item: unknown, path: string): ServiceEntry {
  if (!isObject(item))
    throw invalid(source, path, 'must be an object with url, majorApiVersion, validFor, operator')
  if (typeof item.url !== 'string' || item.url === '') throw invalid(source, `${path}.url`, 'is required')
  let url: URL
  try {
    url = new URL(item.url)
  } catch {
    throw invalid(source, `${path}.url`, `"${item.url}" is not a URL with scheme and host`)
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:')
    throw invalid(source, `${path}.url`, `"${item.url}" must be an http(s) URL`)
  const majorApiVersion = uint32(source, item.majorApiVersion, `${path}.majorApiVersion`) ?? 0
  if (item.operator !== undefined && typeof item.operator !== 'string')
    throw invalid(source, `${path}.operator`, 'must be a string such as "sigstore.dev"')
  return {
    url: item.url.replace(/\/+$/, ''),
    majorApiVersion,
    validFor: timeRange(source, item.validFor, `${path}.validFor`),
    operator: item.operator ?? '',
    path
  }
}

function timeRange(source: string, value: unknown, path: string): ServiceEntry['validFor'] {
  if (value === undefined || value === null) return {}
  if (!isObject(value)) throw invalid(source, path, 'must be an object with start and/or end')
  const at = (key: 'start' | 'end'): Date | undefined => {
    const v = value[key]
    if (v === undefined || v === null) return undefined
    const date = typeof v === 'string' && RFC3339.test(v) && realDay(v) ? new Date(v) : undefined
    if (!date || Number.isNaN(date.getTime()))
      throw invalid(
        source,
        `${path}.${key}`,
        `${JSON.stringify(v)} is not an RFC 3339 time such as 2025-01-01T00:00:00Z`
      )
    return date
  }
  const start = at('start')
  const end = at('end')
  if (start && end && end < start) throw invalid(source, `${path}.end`, 'is before its start')
  return { ...(start ? { start } : {}), ...(end ? { end } : {}) }
}

/** Date rolls 2024-02-30 over into March; protojson refuses it. */
function realDay(rfc3339: string): boolean {
  const [y, m, d] = rfc3339.slice(0, 10).split('-').map(Number) as [number, number, number]
  return new Date(Date.UTC(y, m - 1, d)).getUTCDate() === d
}

function configuration(
  source: string,
  doc: Record<string, unknown>,
  name: 'rekorTlogConfig' | 'tsaConfig',
  listed: number
): ServiceConfiguration | undefined {
  const value = doc[name]
  const list = name === 'rekorTlogConfig' ? 'rekorTlogUrls' : 'tsaUrls'
  if (value === undefined || value === null) {
    // Selection needs a selector whenever the list has services (sigstore-go fails the same way, later).
    if (listed > 0)
      throw invalid(source, `$.${name}`, `is required when ${list} lists services: give {"selector": "ANY"}`)
    return undefined
  }
  if (!isObject(value)) throw invalid(source, `$.${name}`, 'must be an object with a selector')
  const selector = SELECTORS[String(value.selector)]
  if (!selector)
    throw invalid(
      source,
      `$.${name}.selector`,
      `is ${JSON.stringify(value.selector ?? null)}; give ANY, ALL or EXACT (with count)`
    )
  if (selector !== 'EXACT') return { selector }
  const count = uint32(source, value.count, `$.${name}.count`)
  if (!count) throw invalid(source, `$.${name}.count`, 'must be greater than 0 with selector EXACT')
  if (count > listed)
    throw invalid(source, `$.${name}.count`, `is ${count}, but ${list} lists ${listed} service(s)`)
  return { selector, count }
}

/** protojson also reads the proto field names (ca_urls, major_api_version…); paths then use the JSON names. */
function camelCaseKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(camelCaseKeys)
  if (!isObject(value)) return value
  const out: Record<string, unknown> = {}
  for (const [key, v] of Object.entries(value)) {
    const camel = key.replace(/_([a-z])/g, (_m, c: string) => c.toUpperCase())
    if (!(camel in out) || camel === key) out[camel] = camelCaseKeys(v)
  }
  return out
}

/** protojson writes uint32 as a number and reads a decimal string too. */
function uint32(source: string, value: unknown, path: string): number | undefined {
  if (value === undefined || value === null) return undefined
  const n = typeof value === 'string' && /^\d+$/.test(value) ? Number(value) : value
  if (typeof n !== 'number' || !Number.isInteger(n) || n < 0 || n > 0xffffffff)
    throw invalid(source, path, `${JSON.stringify(value)} is not a non-negative integer`)
  return n
}

function invalid(source: string, path: string, problem: string): SigstoreError {
  return new SigstoreError('SIGNING_CONFIG_INVALID', `signing config ${source}: ${path} ${problem}`)
}
