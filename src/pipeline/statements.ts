// Which statements a subject gets: the bundle-format signature, provenance versions and the SBOM.
import { buildStatement, serializeStatement, subjectFor } from '../attest/statement.js'
import { provenancePredicate } from '../attest/provenance.js'
import type { ProvenanceVersion } from '../attest/provenance.js'
import { DEFAULT_SBOM_LIMIT, assertSbomSize } from '../attest/sbom-predicate.js'
import type { SbomPredicate } from '../attest/sbom-predicate.js'
import { COSIGN_SIGN_PREDICATE } from '../publish/bundle-referrer.js'
import type { GitHubClaims } from '../sigstore/identity/claims.js'

export interface PlannedStatement {
  /** Stable short name used in file names and reports: signature, provenance-v1, provenance-v0.2, sbom-cyclonedx. */
  kind: string
  predicateType: string
  bytes: Buffer
  /** false for the bundle-format signature, whose tag-layout form is the `.sig` layer instead. */
  inAttTag: boolean
}

export function planStatements(opts: {
  repository: string
  digest: string
  claims: GitHubClaims
  serverUrl: string
  provenance: ProvenanceVersion[]
  sbom?: SbomPredicate
  bundleSignature: boolean
  /** Whatever produced the SBOM (file, generator), its signed statement must fit, checked before signing. */
  sbomLimitBytes?: number
}): PlannedStatement[] {
  const subject = [subjectFor(opts.repository, opts.digest)]
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
    const what = `the SBOM statement for ${opts.repository}@${opts.digest}${opts.sbom.path ? ` (${opts.sbom.path})` : ''}`
    assertSbomSize(statement.bytes.length, opts.sbomLimitBytes ?? DEFAULT_SBOM_LIMIT, what)
    out.push(statement)
  }
  return out
}
