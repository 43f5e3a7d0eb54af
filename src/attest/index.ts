// What gets signed: in-toto statements, SLSA provenance, SBOM predicates.
export {
  STATEMENT_TYPE,
  StatementError,
  buildStatement,
  serializeStatement,
  subjectFor
} from './statement.js'
export type { Statement, Subject } from './statement.js'
export {
  GITHUB_WORKFLOW_BUILD_TYPE,
  SLSA_V02,
  SLSA_V1,
  provenancePredicate,
  provenanceV02,
  provenanceV1
} from './provenance.js'
export type { ProvenanceVersion } from './provenance.js'
export {
  CYCLONEDX_PREDICATE,
  DEFAULT_SBOM_LIMIT,
  SPDX_PREDICATE,
  SbomPredicateError,
  assertSbomSize,
  sbomPredicate,
  sbomPredicateFromFile
} from './sbom-predicate.js'
export type { SbomKind, SbomPredicate } from './sbom-predicate.js'
