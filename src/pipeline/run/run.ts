// One run, for the action and the CLI alike: inputs → context → dry-run decision → plan → identity → SBOMs → attest → outputs and summary.
import { join } from 'node:path'
import { createHttpClient, setDebugSink } from '../../http/index.js'
import type { HttpClient } from '../../http/index.js'
import { RegistryClient } from '../../oci/index.js'
import type { FileReport } from '../attest-files.js'
import { attestSubjects } from '../attest-subjects.js'
import type { AttestReport } from '../attest-subjects.js'
import { RecordingRegistry } from '../dry-run-registry.js'
import { openDryRunSession } from '../dry-run-session.js'
import { parseSubjectInputs, planSubjects } from '../plan.js'
import { planFiles } from '../plan-files.js'
import { probeWriteAccess, WRITE_PROBE_PHASE } from '../write-probe.js'
import type { Plan } from '../plan.js'
import { openSigningSession } from '../session.js'
import type { SigningSession } from '../session.js'
import type { RegistrySubject } from '../../subject/index.js'
import { GitHubAttestationStore } from '../../publish/github-store.js'
import { ActionsIdentityProvider } from '../../sigstore/identity/provider.js'
import type { IdentityProvider } from '../../sigstore/identity/provider.js'
import { readRunContext, decideDryRun } from './context.js'
import type { RunContext } from './context.js'
import { registryCredentials } from './credentials.js'
import { startRunDeadline } from './deadline.js'
import type { RunDeadline } from './deadline.js'
import { failureMessage } from './failure.js'
import { fileStep } from './files-step.js'
import type { InputLabel } from './failure.js'
import { getInputs, InputError } from './inputs.js'
import type { ActionInputs, InputGetter } from './inputs.js'
import { Phases } from './phases.js'
import { loadSbomFile, prepareSboms } from './sbom-step.js'
import { bindVex } from './vex-step.js'
import type { Ui } from './ui.js'
import { WriteLog } from './write-log.js'
import { ActionError } from './action-error.js'
import { reportNotPushed } from './not-pushed-step.js'
import { reportRun } from './report-step.js'
import { publishFormats, servicesStep } from './services-step.js'
import type { SigstoreServices } from '../../sigstore/signing-config/index.js'

export { OIDC_DISCOVERY_ENV } from './context.js'

export { ActionError } from './action-error.js'

export interface RunResult {
  dryRun: boolean
  plan: Plan
  report: AttestReport
  files?: FileReport
}

export interface RunOptions {
  env?: NodeJS.ProcessEnv
  /** Where input values come from: core.getInput on a runner, parsed flags in the CLI. */
  getInput: InputGetter
  /** Where the run reports to. */
  ui: Ui
  /** Where the OIDC token comes from; default the Actions token endpoint (the CLI passes a given token). */
  identity?: IdentityProvider
  /** How failure messages name inputs; default the action's `input "name"`. */
  inputLabel?: InputLabel
}

/** What a run has under way, so a run stopped by its timeout can say how far it got. */
interface Progress {
  deadline?: RunDeadline
  plan?: Plan
  session?: SigningSession
  writes?: WriteLog
}

export async function run(opts: RunOptions): Promise<RunResult | undefined> {
  const ui = opts.ui
  // The run entry: the environment is read here, once, and handed down as the typed RunContext.
  const env = opts.env ?? process.env
  const context = readRunContext(env)
  const phases = new Phases(ui)
  const progress: Progress = {}
  // Retries, backoffs and deadlines of every request show as debug lines when the job asks for them.
  if (context.debug && ui.debug) setDebugSink(line => ui.debug!(line))
  try {
    const inputs = getInputs(opts.getInput)
    const deadline = startRunDeadline(inputs.timeoutMs)
    progress.deadline = deadline
    const http = createHttpClient({ env, signal: deadline.signal })
    try {
      return await deadline.race(execute({ ...opts, env, context, ui }, inputs, http, phases, progress))
    } finally {
      deadline.clear()
    }
  } catch (err) {
    if (progress.deadline?.expired) {
      progress.session?.cancel(err)
      ui.setFailed(failureMessage(err, phases.current, opts.inputLabel) + `\n${stoppedReport(progress)}`)
    } else ui.setFailed(failureMessage(err, phases.current, opts.inputLabel))
    return undefined
  } finally {
    setDebugSink(undefined)
  }
}

/** What a run stopped by its timeout left behind: registry writes, Rekor entries, and what is missing. */
function stoppedReport(p: Progress): string {
  const written = p.writes?.written ?? []
  const entries = p.session?.rekor.entries ?? 0
  const subjects = p.plan?.subjects ?? []
  const planned = subjects.map(s => s.ref)
  const untouched = subjects.filter(s => !p.writes?.repositories.has(s.repository.toString())).map(s => s.ref)
  return [
    written.length
      ? `Published before the run stopped (${written.length}): ${written.join(', ')}`
      : 'Nothing was published to a registry.',
    `Rekor entries created: ${entries}.`,
    planned.length
      ? `Not published: ${untouched.length === planned.length ? 'anything for' : 'the rest of'} the ${planned.length} planned subject(s)` +
        `${untouched.length ? ` (nothing at all for ${untouched.join(', ')})` : ''}; re-run the job (it signs again and appends), ` +
        'or raise the timeout input'
      : 'No subject was planned yet; raise the timeout input if the registry is slow'
  ].join('\n')
}

async function openSession(
  inputs: ActionInputs,
  services: SigstoreServices,
  context: RunContext,
  ui: Ui,
  identity: IdentityProvider | undefined,
  http: HttpClient
): Promise<SigningSession> {
  const discovery = context.oidcDiscoveryUrl
  return openSigningSession(
    {
      // One log (resolveServices refuses more); every TSA the config selects timestamps each signature.
      fulcioUrl: services.fulcio.url,
      rekorUrl: services.rekor[0]!.url,
      rekorApiVersion: services.rekor[0]!.majorApiVersion === 2 ? 2 : 1,
      tsaUrls: services.tsa.map(t => t.url),
      ...(inputs.trustedRoot ? { trustedRootPath: inputs.trustedRoot } : {}),
      ...(discovery ? { oidcDiscoveryUrl: discovery } : {}),
      allowPublicRekorForPrivateRepos: inputs.allowPublicRekorForPrivateRepos,
      insecureIgnoreSct: inputs.insecureIgnoreSct,
      serverUrl: context.serverUrl
    },
    {
      identity:
        identity ??
        new ActionsIdentityProvider({ request: context.oidcRequest, maskSecret: s => ui.setSecret(s) }),
      http
    }
  )
}

async function execute(
  opts: RunOptions & { env: NodeJS.ProcessEnv; context: RunContext; ui: Ui },
  inputs: ActionInputs,
  http: HttpClient,
  phases: Phases,
  progress: Progress
): Promise<RunResult> {
  const { env, context, ui } = opts
  for (const secret of [inputs.registryPassword, inputs.githubToken]) if (secret) ui.setSecret(secret)
  const { dryRun, reason } = decideDryRun(inputs.dryRun, context)
  if (dryRun)
    ui.info(
      `DRY RUN (${reason}): no OIDC token, Fulcio, Rekor, registry push or GitHub API write will happen`
    )
  if (inputs.githubAttestations === 'true' && !dryRun && !(inputs.githubToken && context.repository))
    throw new InputError(
      'github-attestations',
      'is true, but there is no github-token (or GITHUB_REPOSITORY) to store attestations with'
    )
  const services = await servicesStep(inputs, dryRun, phases, ui)
  inputs = { ...inputs, formats: publishFormats(inputs, services) }
  const log = ui.debug ? (line: string) => ui.debug?.(line) : undefined
  const sbomFile = await loadSbomFile(inputs)

  let registry!: RegistryClient
  const plan = await phases.run('Plan: resolve subjects', async () => {
    // Each subject line is parsed here, once: the login inputs go to the registries it names.
    const parsed = parseSubjectInputs(inputs.subjects)
    registry = new RegistryClient({
      http,
      credentials: registryCredentials(
        inputs,
        [...new Set(parsed.map(s => s.ref.registry))],
        { env, actor: context.actor },
        secret => ui.setSecret(secret)
      ),
      ...(log ? { log } : {})
    })
    const p = await planSubjects(registry, parsed, inputs.platforms)
    // Files are hashed here too, so a bad path or checksums line fails before any token or signature.
    p.files = await planFiles({
      paths: inputs.subjectPaths,
      ...(inputs.subjectChecksums !== undefined ? { checksums: inputs.subjectChecksums } : {}),
      cwd: process.cwd()
    })
    for (const f of p.files)
      ui.info(`file ${f.ref} → ${f.digest}${f.path ? '' : ' (checksums line: listed, not signed)'}`)
    for (const [input, digest] of Object.entries(p.digests)) ui.info(`${input} → ${digest}`)
    for (const s of p.subjects) ui.info(`subject ${s.ref} (${s.kind}${s.platform ? `, ${s.platform}` : ''})`)
    for (const k of p.skipped) ui.info(`skipped ${k.repository}@${k.digest}: ${k.reason}`)
    return p
  })
  progress.plan = plan
  const vex = bindVex(inputs, plan, ui)

  // Before any token, certificate or log entry: a repository that refuses writes fails the run here.
  const probeWrites = !dryRun && inputs.pushToRegistry && plan.subjects.length > 0
  if (probeWrites) await phases.run(WRITE_PROBE_PHASE, () => probeWriteAccess(registry, plan.subjects))

  const session = await phases.run(
    dryRun ? 'Identity (DRY RUN: ephemeral self-signed key)' : 'Identity: OIDC token',
    async () =>
      dryRun ? openDryRunSession(context) : openSession(inputs, services!, context, ui, opts.identity, http)
  )
  progress.session = session
  ui.info(
    `Certificate identity${dryRun ? ' (DRY RUN, what a real run would get)' : ''}: ${session.identity.subjectAlternativeName} ` +
      `(issuer ${session.identity.issuer})`
  )

  const sboms = await phases.run('SBOM', () =>
    prepareSboms(plan, inputs, sbomFile, registry, join(context.runnerTemp, 'oci-attest-sbom'), ui)
  )

  if (inputs.verify && !inputs.pushToRegistry && !dryRun)
    ui.warning('verify: nothing is pushed (push-to-registry: false), so nothing can be re-read and verified')
  const recording = dryRun || !inputs.pushToRegistry ? new RecordingRegistry(registry) : undefined
  const writes = new WriteLog(recording ?? registry)
  progress.writes = writes
  const githubStore =
    !dryRun && inputs.githubAttestations !== 'false' && inputs.githubToken && context.repository
      ? new GitHubAttestationStore({
          token: inputs.githubToken,
          repository: context.repository,
          apiUrl: context.apiUrl
        })
      : undefined
  const verify = inputs.verify && !recording
  const attestRegistry = (): Promise<AttestReport> =>
    phases.run(
      `Sign, log${recording ? '' : ', push'}${verify ? ', verify' : ''} (${plan.subjects.length} subjects)`,
      async () => {
        const r = await attestSubjects(
          {
            // The plan found each subject in the registry moments ago: they go on exactly as it made them.
            subjects: plan.subjects,
            sbomFor: async s => sboms.bySubject.get(s.ref),
            provenance: inputs.provenance,
            ...(inputs.customPredicate ? { custom: inputs.customPredicate } : {}),
            ...(vex.size ? { vexFor: (s: RegistrySubject) => vex.get(s.ref) } : {}),
            formats: inputs.formats,
            sbomReferrer: inputs.sbomReferrer,
            verify,
            verifyBeforePush: !dryRun,
            bundleDir: join(context.runnerTemp, dryRun ? 'oci-attest-dry-run' : 'oci-attest')
          },
          {
            registry: writes,
            session,
            ...(githubStore ? { githubStore } : {}),
            ...(log ? { log } : {})
          }
        )
        for (const s of r.subjects) ui.info(`${s.subject.ref}: ${s.items.map(i => i.kind).join(', ')}`)
        ui.info(
          dryRun
            ? `DRY RUN: ${r.rekorEntries} signatures with the self-signed key; nothing sent to Fulcio or Rekor`
            : `${r.fulcioRequests} Fulcio certificate(s), ${r.rekorEntries} Rekor entries${verify ? ', all re-read and verified' : ''}`
        )
        return r
      }
    )
  // A run of files alone has no registry stage to report.
  const report: AttestReport =
    plan.subjects.length || !plan.files.length
      ? await attestRegistry()
      : {
          subjects: [],
          fulcioRequests: 0,
          rekorEntries: 0,
          identity: session.identity.subjectAlternativeName,
          issuer: session.identity.issuer
        }
  const files = await fileStep(plan, inputs, {
    sbom: sbomFile,
    session,
    githubStore,
    runnerTemp: context.runnerTemp,
    dryRun,
    phases,
    ui
  })
  const warnings = [...new Set([...report.subjects.flatMap(s => s.warnings), ...(files?.warnings ?? [])])]
  for (const w of warnings) ui.warning(w)
  if (inputs.githubAttestations === 'true' && warnings.length > 0)
    throw new ActionError('GITHUB_ATTESTATION_REFUSED', `github-attestations: true, and ${warnings[0]}`)

  const wouldPush = recording ? await reportNotPushed(phases, ui, { recording, report, session, dryRun }) : []
  await reportRun(ui, phases, {
    inputs,
    context,
    plan,
    report,
    sboms,
    ...(files ? { files } : {}),
    rekorUrl: session.rekorUrl,
    ...(services ? { services } : {}),
    dryRun,
    dryRunReason: reason,
    pushed: !recording,
    wouldPush
  })
  return { dryRun, plan, report, ...(files ? { files } : {}) }
}
