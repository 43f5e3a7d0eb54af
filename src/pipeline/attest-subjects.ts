// The pipeline's entry: every subject checked up front, then attested concurrently with one signer.
import { errorText } from '../errors/index.js'
import type { ProvenanceVersion } from '../attest/provenance.js'
import type { SbomPredicate } from '../attest/sbom-predicate.js'
import type { CustomPredicate } from '../attest/custom-predicate.js'
import type { BoundOpenVex } from '../attest/openvex-bind.js'
import { bundleDirectory } from '../publish/bundle-file.js'
import type { GitHubAttestationStore } from '../publish/github-store.js'
import type { PublishRegistry } from '../oci/publish-registry.js'
import { processTagWriters } from '../oci/tag-writer.js'
import type { TagWriters } from '../oci/tag-writer.js'
import { publishSubject, signSubject } from './attest-subject.js'
import type { PublishFormat, SubjectOptions, SubjectReport } from './attest-subject.js'
import { PipelineError } from './errors.js'
import { mapInTwoStages } from './fail-fast.js'
import { DRY_RUN_REKOR_URL } from './dry-run-sigstore.js'
import { RekorLedger } from './rekor-ledger.js'
import type { SigningSession } from './session.js'
import type { RegistrySubject } from '../subject/index.js'

export interface AttestOptions {
  /** What the plan found (planSubjects): each subject is in the registry, its manifest read once. */
  subjects: RegistrySubject[]
  /** The SBOM each subject is attested with, if any (generated, composed or a given file). */
  sbomFor?: (subject: RegistrySubject) => Promise<SbomPredicate | undefined>
  /** Limit for any SBOM statement, generated or from a file (default 16 MiB). */
  sbomLimitBytes?: number
  provenance?: ProvenanceVersion[]
  /** One more attestation per subject with the caller's predicate type. */
  custom?: CustomPredicate
  /** The OpenVEX documents bound to each subject (bound up front, so a mismatch refuses the run before signing). */
  vexFor?: (subject: RegistrySubject) => BoundOpenVex[] | undefined
  formats?: PublishFormat[]
  /** Also push each SBOM as a plain (unsigned) artifact referrer. */
  sbomReferrer?: boolean
  verify?: boolean
  /** Verify every signature before it is pushed (default true; dry runs, whose key nothing trusts, turn it off). */
  verifyBeforePush?: boolean
  bundleDir?: string
  concurrency?: number
}

export interface AttestCollaborators {
  registry: PublishRegistry
  session: SigningSession
  githubStore?: GitHubAttestationStore
  locks?: TagWriters
  /** Debug lines (re-merges of raced tags). */
  log?: (line: string) => void
}

export interface AttestReport {
  subjects: SubjectReport[]
  fulcioRequests: number
  rekorEntries: number
  identity: string
  issuer: string
}

export async function attestSubjects(options: AttestOptions, c: AttestCollaborators): Promise<AttestReport> {
  const locks = c.locks ?? processTagWriters
  const subjectOptions = (
    sbom: SbomPredicate | undefined,
    vex: BoundOpenVex[] | undefined
  ): SubjectOptions => ({
    provenance: options.provenance ?? ['v1', 'v0.2'],
    formats: options.formats ?? ['legacy', 'referrers'],
    ...(sbom ? { sbom } : {}),
    ...(options.sbomLimitBytes ? { sbomLimitBytes: options.sbomLimitBytes } : {}),
    ...(options.sbomReferrer ? { sbomReferrer: true } : {}),
    ...(options.custom ? { custom: options.custom } : {}),
    ...(vex?.length ? { vex } : {}),
    verify: options.verify ?? true,
    verifyBeforePush: options.verifyBeforePush ?? true,
    bundleDir: options.bundleDir ?? bundleDirectory()
  })
  const ledger = new RekorLedger(c.session.rekorUrl)
  const collaborators = {
    ledger,
    registry: c.registry,
    session: c.session,
    locks,
    ...(c.log ? { log: c.log } : {}),
    ...(c.githubStore ? { githubStore: c.githubStore } : {})
  }
  const named =
    (subject: RegistrySubject) =>
    (cause: unknown): never => {
      if (cause instanceof PipelineError) throw cause
      throw new PipelineError('SUBJECT_FAILED', subject.ref, 'attest', errorText(cause), { cause })
    }
  // Signing (Rekor-bound) and publishing (registry-bound) overlap across subjects, each with its own
  // limit, so the last subjects' signatures are not waiting for the first subjects' uploads. A publishing
  // subject spends most of its time in tag settle waits (no requests), so twice as many may publish.
  const limit = options.concurrency ?? 8
  const reports = await mapInTwoStages(
    options.subjects,
    { first: limit, second: 2 * limit },
    async subject => {
      const sbom = await options.sbomFor?.(subject)
      const subjectOpts = subjectOptions(sbom, options.vexFor?.(subject))
      const signed = await signSubject(subject, subjectOpts, collaborators).catch(named(subject))
      return { signed, subjectOpts }
    },
    ({ signed, subjectOpts }, subject) =>
      publishSubject(signed, subjectOpts, collaborators).then(
        report => (ledger.published(subject.ref), report),
        named(subject)
      )
  ).catch((err: unknown) => {
    // Everything has settled by now, so the ledger holds every entry the run created.
    if (err instanceof Error && c.session.rekorUrl !== DRY_RUN_REKOR_URL)
      err.message += ledger.describeUnpublished()
    throw err
  })
  return {
    subjects: reports,
    fulcioRequests: c.session.ephemeral.fulcioRequests,
    rekorEntries: c.session.rekor.entries,
    identity: c.session.identity.subjectAlternativeName,
    issuer: c.session.identity.issuer
  }
}
