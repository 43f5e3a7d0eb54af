// Suites attest what production attests: subjects made by the plan, and an SBOM handed over per subject.
import { sbomPredicateFromFile } from '../../../src/attest/sbom-predicate.js'
import type { SbomPredicate } from '../../../src/attest/sbom-predicate.js'
import type { AttestOptions } from '../../../src/pipeline/attest-subjects.js'
import { planSubjects } from '../../../src/pipeline/plan.js'
import type { PlanRegistry, PlatformSelection } from '../../../src/pipeline/plan.js'
import type { RegistrySubject } from '../../../src/subject/index.js'

/** `registry/repository@sha256:…` (or `:tag`) lines → the plan's subjects, as the action makes them. */
export async function planned(
  registry: PlanRegistry,
  refs: string[],
  platforms: PlatformSelection = 'both'
): Promise<RegistrySubject[]> {
  return (await planSubjects(registry, refs, platforms)).subjects
}

/** The given SBOM file (read and checked once) for every subject, as the action's sbom input does. */
export async function sbomFromFile(path: string): Promise<Pick<AttestOptions, 'sbomFor'>> {
  const predicate: SbomPredicate = await sbomPredicateFromFile(path)
  return { sbomFor: async () => predicate }
}
