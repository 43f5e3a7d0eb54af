// Which Fulcio, Rekor and TSA the run uses: explicit URL inputs, the rest from the signing config; a config
// that cannot be honoured is an input error here, before the plan's first request.
import { SigstoreError } from '../../sigstore/error.js'
import { resolveServices } from '../../sigstore/signing-config/index.js'
import type {
  SigningConfig,
  SigningConfigChoice,
  SigstoreServices
} from '../../sigstore/signing-config/index.js'
import type { ActionInputs } from './inputs.js'
import { InputError } from './inputs.js'
import type { Phases } from './phases.js'
import type { Ui } from './ui.js'

const CONFIG_CODES: ReadonlySet<string> = new Set([
  'SIGNING_CONFIG_INVALID',
  'SIGNING_CONFIG_NO_SERVICE',
  'SIGNING_CONFIG_UNSUPPORTED'
])

/** Whether choosing the services needs public good's TUF repository (a request a dry run does not make). */
export function needsTuf(inputs: ActionInputs): boolean {
  return inputs.signingConfig ? inputs.signingConfig.kind !== 'file' : !(inputs.fulcioUrl && inputs.rekorUrl)
}

export async function runServices(
  inputs: ActionInputs,
  opts: { now?: Date; load?: (choice: SigningConfigChoice) => Promise<SigningConfig> } = {}
): Promise<SigstoreServices> {
  try {
    return await resolveServices({
      ...(inputs.signingConfig ? { choice: inputs.signingConfig } : {}),
      explicit: {
        ...(inputs.fulcioUrl ? { fulcioUrl: inputs.fulcioUrl } : {}),
        ...(inputs.rekorUrl ? { rekorUrl: inputs.rekorUrl } : {}),
        ...(inputs.tsaUrl ? { tsaUrl: inputs.tsaUrl } : {})
      },
      ...opts
    })
  } catch (err) {
    if (err instanceof SigstoreError && CONFIG_CODES.has(err.code))
      throw new InputError('signing-config', err.message)
    throw err
  }
}

/** Rekor v2 gives no SET, which cosign's tag layout needs: bundles only, and `legacy` asked for is an error. */
export function publishFormats(
  inputs: Pick<ActionInputs, 'formats' | 'formatsGiven'>,
  services: SigstoreServices | undefined
): ActionInputs['formats'] {
  const v2 = services?.rekor.find(r => r.majorApiVersion >= 2)
  if (!v2 || !inputs.formats.includes('legacy')) return inputs.formats
  if (inputs.formatsGiven)
    throw new InputError(
      'formats',
      `legacy (cosign's .sig/.att tags) needs a Rekor v1 entry's signed timestamp (SET), and Rekor ${v2.url} is a ` +
        'v2 log, which gives none: set formats: referrers (Sigstore bundles, read by cosign v3, sigstore-python ' +
        'and gh), or sign to a Rekor v1 log (signing-config: public-good, or a rekor-url of a v1 log)'
    )
  return inputs.formats.filter(f => f !== 'legacy')
}

/** One line per service for the log and the summary: `Rekor https://rekor.sigstore.dev (API v1)`. */
export function serviceLines(s: SigstoreServices): string[] {
  const line = (name: string, u: { url: string; majorApiVersion: number }) =>
    `${name} ${u.url} (API v${u.majorApiVersion})`
  return [
    line('Fulcio', s.fulcio),
    ...s.rekor.map(r => line('Rekor', r)),
    ...(s.tsa.length ? s.tsa.map(t => line('TSA', t)) : ['no TSA'])
  ]
}

/** The run's phase; a dry run makes no TUF request, but a given file or explicit URLs are checked as for real. */
export async function servicesStep(
  inputs: ActionInputs,
  dryRun: boolean,
  phases: Phases,
  ui: Ui
): Promise<SigstoreServices | undefined> {
  if (dryRun && needsTuf(inputs)) return undefined
  return phases.run('Sigstore services', async () => {
    const s = await runServices(inputs)
    if (inputs.signingConfig && !s.signingConfig)
      ui.warning('signing-config is set, but fulcio-url and rekor-url override every service it would choose')
    ui.info(
      `${dryRun ? 'DRY RUN, what a real run would use: ' : ''}${serviceLines(s).join(', ')}` +
        (s.signingConfig ? ` (signing config ${s.signingConfig})` : ' (inputs)')
    )
    return s
  })
}
