import { CodedError } from '../errors/index.js'
import { digestProblem } from './digest.js'

export const DOCKER_HUB = 'index.docker.io'
/** Host names that all mean Docker Hub (references and docker config entries alike). */
export const DOCKER_HUB_ALIASES: ReadonlySet<string> = new Set([
  'docker.io',
  'index.docker.io',
  'registry-1.docker.io',
  'registry.hub.docker.com'
])
const TAG = /^[\w][\w.-]{0,127}$/
const PATH_COMPONENT = /^[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*$/
const DOMAIN =
  /^(?:[a-zA-Z0-9](?:[a-zA-Z0-9-]*[a-zA-Z0-9])?(?:\.[a-zA-Z0-9](?:[a-zA-Z0-9-]*[a-zA-Z0-9])?)*|\[[0-9a-fA-F:.]+\])(?::\d{1,5})?$/

/** An image reference that failed to parse; the message quotes it and says what to change. */
export class InvalidReferenceError extends CodedError<'INVALID_REFERENCE'> {
  readonly reference: string

  constructor(reference: string, problem: string) {
    super('INVALID_REFERENCE', `invalid image reference "${reference}": ${problem}`)
    this.name = 'ReferenceError'
    this.reference = reference
  }
}

/** A normalised reference: registry host (Docker Hub is index.docker.io), repository, tag and/or digest. */
export class ImageReference {
  constructor(
    readonly registry: string,
    readonly repository: string,
    readonly tag?: string,
    readonly digest?: string
  ) {}

  /** registry/repository, the name cosign puts in docker-reference. */
  repoString(): string {
    return `${this.registry}/${this.repository}`
  }

  /** What goes after /manifests/: the digest when known, else the tag. */
  get identifier(): string {
    return this.digest ?? this.tag ?? 'latest'
  }

  withDigest(digest: string): ImageReference {
    const problem = digestProblem(digest)
    if (problem) throw new InvalidReferenceError(`${this.repoString()}@${digest}`, `digest ${problem}`)
    return new ImageReference(this.registry, this.repository, undefined, digest)
  }

  withTag(tag: string): ImageReference {
    if (!TAG.test(tag)) throw new InvalidReferenceError(`${this.repoString()}:${tag}`, tagProblem(tag))
    return new ImageReference(this.registry, this.repository, tag, undefined)
  }

  toString(): string {
    return `${this.repoString()}${this.tag ? `:${this.tag}` : ''}${this.digest ? `@${this.digest}` : ''}`
  }
}

function tagProblem(tag: string): string {
  if (tag === '') return 'the tag after ":" is empty'
  if (tag.length > 128)
    return `tag "${tag.slice(0, 20)}..." is ${tag.length} characters long; the limit is 128`
  return `tag "${tag}" may contain only letters, digits, "_", "." and "-", and must not start with "." or "-"`
}

function isDomain(component: string): boolean {
  return (
    component.includes('.') ||
    component.includes(':') ||
    component === 'localhost' ||
    component.startsWith('[')
  )
}

/** Parses `[registry/]repository[:tag][@digest]`; a bare name means Docker Hub and `library/`, no tag means latest. */
export function parseReference(input: string): ImageReference {
  const fail = (problem: string): never => {
    throw new InvalidReferenceError(input, problem)
  }
  if (input === '') fail('it is empty; expected registry/repository[:tag][@digest]')
  if (/\s/.test(input)) fail('it contains whitespace')
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(input))
    fail('remove the URL scheme; references have none (e.g. ghcr.io/org/app:1.0)')

  let rest = input
  let digest: string | undefined
  const at = rest.indexOf('@')
  if (at >= 0) {
    digest = rest.slice(at + 1)
    rest = rest.slice(0, at)
    if (digest.includes('@')) fail('it has more than one "@"; only one digest may follow the name')
    const problem = digestProblem(digest)
    if (problem) fail(`digest "${digest}" ${problem}`)
  }

  let tag: string | undefined
  const colon = rest.lastIndexOf(':')
  if (colon > rest.lastIndexOf('/') && !rest.endsWith(']')) {
    tag = rest.slice(colon + 1)
    rest = rest.slice(0, colon)
    if (!TAG.test(tag)) fail(tagProblem(tag))
  }
  if (rest === '') fail('the repository name is missing')

  const slash = rest.indexOf('/')
  let registry = 'docker.io'
  let repository = rest
  if (slash >= 0 && isDomain(rest.slice(0, slash))) {
    registry = rest.slice(0, slash)
    repository = rest.slice(slash + 1)
  } else if (slash < 0 && isDomain(rest) && rest.includes('.') && tag === undefined && digest === undefined) {
    fail(`"${rest}" looks like a registry host; add the repository (e.g. ${rest}/org/app)`)
  }
  if (!DOMAIN.test(registry)) fail(`registry "${registry}" is not a valid host[:port]`)
  const port = /:(\d+)$/.exec(registry)?.[1]
  if (port !== undefined && (Number(port) === 0 || Number(port) > 65535))
    fail(`registry port ${port} is out of range`)
  registry = registry.toLowerCase()
  if (DOCKER_HUB_ALIASES.has(registry)) {
    registry = DOCKER_HUB
    if (!repository.includes('/')) repository = `library/${repository}`
  }

  if (repository === '') fail('the repository name is missing after the registry')
  for (const component of repository.split('/')) {
    if (PATH_COMPONENT.test(component)) continue
    if (PATH_COMPONENT.test(component.toLowerCase())) fail(`repository "${repository}" must be lower case`)
    if (component === '')
      fail(`repository "${repository}" has an empty path component (a doubled or trailing "/")`)
    fail(
      `repository component "${component}" may contain only a-z, 0-9 and the separators ".", "_", "__", "-", ` +
        'and must start and end with a letter or digit'
    )
  }
  if (registry.length + 1 + repository.length > 255) fail('the name is longer than 255 characters')

  if (tag === undefined && digest === undefined) tag = 'latest'
  return new ImageReference(registry, repository, tag, digest)
}

/** Whether a registry is on this machine (spoken to over plain HTTP, like docker and cosign do). */
export function isLoopbackRegistry(registry: string): boolean {
  const host = registry.replace(/:\d+$/, '').toLowerCase()
  return host === 'localhost' || host === '[::1]' || /^127(?:\.\d{1,3}){3}$/.test(host)
}

/** The host that serves the registry API: Docker Hub's differs from its name. */
export function apiHost(registry: string): string {
  return registry === DOCKER_HUB ? 'registry-1.docker.io' : registry
}

/** https://host, or http://host for loopback registries and those listed as insecure. */
export function registryBaseUrl(registry: string, insecureRegistries: readonly string[] = []): string {
  const plain = isLoopbackRegistry(registry) || insecureRegistries.some(r => r.toLowerCase() === registry)
  return `${plain ? 'http' : 'https'}://${apiHost(registry)}`
}
