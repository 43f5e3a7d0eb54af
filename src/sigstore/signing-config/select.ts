// Service selection as the SigningConfig spec and sigstore-go/cosign v3 do it: services valid now (inclusive
// window), the highest API version the client supports that has any, newest start first, one per operator.
import { SigstoreError } from '../error.js'
import type { ServiceConfiguration, ServiceEntry, ServiceList, SigningConfig } from './document.js'

export interface SelectedService {
  url: string
  majorApiVersion: number
  operator: string
}

/** The API versions this client can speak, per service kind. */
export interface SupportedVersions {
  fulcio: readonly number[]
  oidc: readonly number[]
  rekor: readonly number[]
  tsa: readonly number[]
}

export interface SelectedServices {
  /** Absent when the document lists no CA (the caller decides whether it needs one). */
  fulcio?: SelectedService
  oidc?: SelectedService
  rekor: SelectedService[]
  tsa: SelectedService[]
}

export function validAt(s: ServiceEntry, now: Date): boolean {
  return !(s.validFor.start && now < s.validFor.start) && !(s.validFor.end && now > s.validFor.end)
}

/** Services of the highest supported version with any valid now, newest start first (document order on ties). */
function candidates(services: ServiceEntry[], versions: readonly number[], now: Date): ServiceEntry[] {
  // No start sorts as the oldest (sigstore-go's zero time); sort is stable, so ties keep document order.
  const start = (s: ServiceEntry): number => s.validFor.start?.getTime() ?? Number.MIN_SAFE_INTEGER
  const newestFirst = [...services].sort((a, b) => start(b) - start(a))
  for (const version of [...new Set(versions)].sort((a, b) => b - a)) {
    const valid = newestFirst.filter(s => s.majorApiVersion === version && validAt(s, now))
    if (valid.length) return valid
  }
  return []
}

/** One service (caUrls, oidcUrls): the newest valid one of the highest supported version. */
export function selectService(
  config: SigningConfig,
  list: ServiceList,
  versions: readonly number[],
  now: Date
): SelectedService {
  const found = candidates(config[list], versions, now)[0]
  if (!found) throw noService(config, list, versions, now)
  return selected(found)
}

/** Several services (rekorTlogUrls, tsaUrls) as their configuration's selector says. */
export function selectServices(
  config: SigningConfig,
  list: 'rekorTlogUrls' | 'tsaUrls',
  versions: readonly number[],
  now: Date
): SelectedService[] {
  const how: ServiceConfiguration | undefined =
    list === 'rekorTlogUrls' ? config.rekorTlogConfig : config.tsaConfig
  const perOperator = new Map<string, ServiceEntry>()
  for (const s of candidates(config[list], versions, now))
    if (!perOperator.has(s.operator)) perOperator.set(s.operator, s)
  const found = [...perOperator.values()]
  if (!found.length || !how) throw noService(config, list, versions, now)
  // ANY and EXACT take the first (newest) ones, not a random draw: the spec leaves it to the client, and a
  // deterministic choice makes runs reproducible and says in advance which service a run will use.
  if (how.selector === 'ALL') return found.map(selected)
  const count = how.selector === 'ANY' ? 1 : how.count!
  if (found.length < count)
    throw new SigstoreError(
      'SIGNING_CONFIG_NO_SERVICE',
      `signing config ${config.source}: ${configName(list)} asks for EXACT ${count} services from distinct operators, ` +
        `but only ${found.length} ${list} ${found.length === 1 ? 'is' : 'are'} usable at ${now.toISOString()} (` +
        `${found.map(s => `${s.url} by ${s.operator || 'no operator'}`).join(', ')})`
    )
  return found.slice(0, count).map(selected)
}

/** Fulcio and OIDC: one each; Rekor and TSA: per their selectors. Empty lists select nothing. */
export function selectSigningServices(
  config: SigningConfig,
  versions: SupportedVersions,
  now: Date
): SelectedServices {
  return {
    ...(config.caUrls.length ? { fulcio: selectService(config, 'caUrls', versions.fulcio, now) } : {}),
    ...(config.oidcUrls.length ? { oidc: selectService(config, 'oidcUrls', versions.oidc, now) } : {}),
    rekor: config.rekorTlogUrls.length ? selectServices(config, 'rekorTlogUrls', versions.rekor, now) : [],
    tsa: config.tsaUrls.length ? selectServices(config, 'tsaUrls', versions.tsa, now) : []
  }
}

const selected = (s: ServiceEntry): SelectedService => ({
  url: s.url,
  majorApiVersion: s.majorApiVersion,
  operator: s.operator
})

const configName = (list: 'rekorTlogUrls' | 'tsaUrls'): string =>
  list === 'rekorTlogUrls' ? 'rekorTlogConfig' : 'tsaConfig'

function noService(
  config: SigningConfig,
  list: ServiceList,
  versions: readonly number[],
  now: Date
): SigstoreError {
  const day = (d: Date | undefined): string => (d ? d.toISOString() : 'open')
  const listed = config[list]
    .map(
      s =>
        `${s.url} (majorApiVersion ${s.majorApiVersion}, valid ${day(s.validFor.start)} to ${day(s.validFor.end)})`
    )
    .join('; ')
  const wanted = [...versions].sort((a, b) => b - a).join(' or ')
  return new SigstoreError(
    'SIGNING_CONFIG_NO_SERVICE',
    `signing config ${config.source}: no service in ${list} is valid at ${now.toISOString()} with majorApiVersion ` +
      `${wanted}${listed ? `; it lists ${listed}` : '; it lists none'}`
  )
}
