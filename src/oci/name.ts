// Names with types, parsed once: a checked digest and a repository that cannot carry a tag or digest.
import { digestProblem } from './digest.js'
import { ImageReference, InvalidReferenceError, parseReference } from './reference.js'

/** `algorithm:hex`, checked once by parseDigest; a plain string everywhere a string is expected. */
export type Digest = string & { readonly __digest: unique symbol }

export function parseDigest(text: string, where = text): Digest {
  const problem = digestProblem(text)
  if (problem) throw new InvalidReferenceError(where, `digest "${text}" ${problem}`)
  return text as Digest
}

/** `sha256:<hex>` → `sha256-<hex>`: the tag cosign's layout and the referrers fallback index are named by. */
export function digestTag(digest: string): string {
  return digest.replace(':', '-').slice(0, 128)
}

/** `registry/repository`, never a tag or digest (so nothing quietly means `:latest`). */
export class Repository extends ImageReference {
  constructor(registry: string, repository: string) {
    super(registry, repository)
  }

  /** A repository, with or without tag/digest given: only the name is kept. */
  static of(ref: ImageReference): Repository {
    return ref instanceof Repository ? ref : new Repository(ref.registry, ref.repository)
  }

  /** `registry/repository`; a tag or digest in the text is an error that says so. */
  static parse(text: string): Repository {
    const ref = parseReference(text)
    // parseReference adds `latest` to a bare name; only a tag written in the text is refused.
    if (ref.digest || text.endsWith(`:${ref.tag}`))
      throw new InvalidReferenceError(text, 'must be registry/repository, without a tag or digest')
    return Repository.of(ref)
  }

  /** The manifest of this repository by digest. */
  at(digest: Digest): ImageReference {
    return this.withDigest(digest)
  }

  override toString(): string {
    return this.repoString()
  }
}
