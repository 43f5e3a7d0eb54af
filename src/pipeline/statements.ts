// Which statements a subject gets: the bundle-format signature, provenance versions, the SBOM, a custom predicate,
// OpenVEX documents.
import { buildStatement, serializeStatement, subjectFor } from '../attest/statement.js'
import { provenancePredicate } from '../attest/provenance.js'
import type { ProvenanceVersion } from '../attest/provenance.js'
import { DEFAULT_SBOM_LIMIT, assertSbomSize } from '../attest/sbom-predicate.js'
import { DEFAULT_PREDICATE_LIMIT, CustomPredicateError } from '../attest/custom-predicate.js'
import type { CustomPredicate } from '../attest/custom-predicate.js'
import type { SbomPredicate } from '../attest/sbom-predicate.js'
import { OPENVEX_PREDICATE, OpenVexError } from '../attest/openvex.js'
import type { BoundOpenVex } from '../attest/openvex-bind.js'
import { COSIGN_SIGN_PREDICATE } from '../publish/bundle-referrer.js'
import type { GitHubClaims } from '../github/claims.js'
import type { RegistrySubject } from '../subject/index.js'

/** The kind name of the caller's own predicate in outputs, bundle file names and reports. */
export const CUSTOM_KIND = 'custom'

/** The kind name of OpenVEX documents; the second and later of several are `openvex-2`, `openvex-3`… */
export const OPENVEX_KIND = 'openvex'
export const isOpenVexKind = (kind: string): boolean => /^openvex(-\d+)?$/.test(kind)

export interface PlannedStatement {
  /** Stable short name used in file names and reports: signature, provenance-v1, provenance-v0.2, sbom-cyclonedx, custom. */
  kind: string
  predicateType: string
  bytes: Buffer
  /** false for the bundle-format signature, whose tag-layout form is the `.sig` layer instead. */
  inAttTag: boolean
}

export function planStatements(opts: {
  subject: RegistrySubject
  claims: GitHubClaims
  serverUrl: string
  provenance: ProvenanceVersion[]
  sbom?: SbomPredicate
  bundleSignature: boolean
  /** Whatever produced the SBOM (file, generator), its signed statement must fit, checked before signing. */
  sbomLimitBytes?: number
  /** The caller's predicate-type + predicate: kind `custom`. */
  custom?: CustomPredicate
  /** OpenVEX documents already bound to this subject (pipeline/vex-binding.ts). */
  vex?: BoundOpenVex[]
}): PlannedStatement[] {
  const subject = [subjectFor(opts.subject.repository, opts.subject.digest)]
  const make = (
    kind: string,
    predicateType: string,
    predicate: object,
    inAttTag = true
  ): PlannedStatement => ({
    kind,
    predicateType,
    bytes: serializeStatement(buildStatement(subject, predicateType, predicate)),
    inAttTag
  })
  const out: PlannedStatement[] = []
  if (opts.bundleSignature) out.push(make('signature', COSIGN_SIGN_PREDICATE, {}, false))
  for (const version of opts.provenance) {
    const { predicateType, predicate } = provenancePredicate(version, opts.claims, opts.serverUrl)
    out.push(make(`provenance-${version}`, predicateType, predicate))
  }
  if (opts.sbom) {
    const statement = make(`sbom-${opts.sbom.kind}`, opts.sbom.predicateType, opts.sbom.predicate)
    const what = `the SBOM statement for ${opts.subject.ref}${opts.sbom.path ? ` (${opts.sbom.path})` : ''}`
    assertSbomSize(statement.bytes.length, opts.sbomLimitBytes ?? DEFAULT_SBOM_LIMIT, what)
    out.push(statement)
  }
  if (opts.custom) {
    const statement = make(CUSTOM_KIND, opts.custom.predicateType, opts.custom.predicate)
    // The predicate was size-checked as input; the statement around it must fit too.
    if (statement.bytes.length > DEFAULT_PREDICATE_LIMIT)
      throw new CustomPredicateError(
        opts.custom.source === 'inline' ? 'predicate' : 'predicate-path',
        `the statement for ${opts.subject.ref} is ${statement.bytes.length} bytes, over the ${DEFAULT_PREDICATE_LIMIT}-byte limit; make the predicate smaller`
      )
    out.push(statement)
  }
  for (const [i, bound] of (opts.vex ?? []).entries()) {
    const statement = make(
      i === 0 ? OPENVEX_KIND : `${OPENVEX_KIND}-${i + 1}`,
      OPENVEX_PREDICATE,
      bound.predicate
    )
    if (statement.bytes.length > DEFAULT_PREDICATE_LIMIT)
      throw new OpenVexError(
        'INVALID_VEX',
        bound.file,
        '$',
        `its statement for ${opts.subject.ref} is ${statement.bytes.length} bytes, over the ${DEFAULT_PREDICATE_LIMIT}-byte limit; split the document`
      )
    out.push(statement)
  }
  return out
}
