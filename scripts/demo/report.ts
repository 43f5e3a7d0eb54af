// The demo's terminal output: the action's log without workflow commands, and a one-screen summary at the end.

/** A runner turns `::group::` and friends into folds and annotations; a terminal shows them as plain lines. */
export function plainLog(actionStdout: string): string {
  const out: string[] = []
  for (const line of actionStdout.split('\n')) {
    const command = /^::([a-z-]+)(?: [^:]*)?::(.*)$/.exec(line)
    if (!command) {
      out.push(line)
      continue
    }
    const [, name, text] = command
    if (name === 'group') out.push(`── ${text}`)
    else if (name === 'warning' || name === 'error' || name === 'notice') out.push(`${name}: ${text}`)
    // add-mask, debug, endgroup and the rest are for the runner only.
  }
  return out.join('\n')
}

export interface SummarySubject {
  ref: string
  digest: string
  kind: string
  bundles: string[]
}

export interface DemoSummary {
  registry: string
  identity: string
  issuer: string
  trustedRoot: string
  subjects: SummarySubject[]
  passed: string[]
  failed: string[]
  verifiers: string[]
  markdownSummary: string
  resultFile: string
  keepRunning: boolean
}

const short = (digest: string): string => `${digest.slice(0, 19)}…`

export function demoSummary(s: DemoSummary): string {
  const first = s.subjects.find(x => x.kind === 'index') ?? s.subjects[0]
  const lines = [
    '',
    '════ oci-attest demo ════',
    `Published to ${s.registry} (registry without the referrers API, like ghcr.io), signed by`,
    `  ${s.identity}`,
    ...s.subjects.map(
      x =>
        `  ${x.kind.padEnd(6)} ${x.ref}@${short(x.digest)}  signature, provenance, SBOM${x.kind === 'chart' ? ' (the images it deploys)' : ''} · ${x.bundles.length} bundle files`
    ),
    `Verified by ${s.verifiers.join(', ')}: ${s.passed.length} checks passed${s.failed.length ? `, ${s.failed.length} FAILED:` : ''}`,
    ...s.failed.map(f => `  ✗ ${f}`),
    `Job summary (Markdown, as GitHub shows it): ${s.markdownSummary}`,
    `Everything above, as JSON: ${s.resultFile}`
  ]
  if (first) {
    const verify = `node dist/cli/index.js verify ${first.ref}@${first.digest} --certificate-identity ${s.identity} --certificate-oidc-issuer ${s.issuer} --trusted-root ${s.trustedRoot} --require signature,provenance`
    lines.push(
      s.keepRunning
        ? `Verify it yourself while the bed runs:\n  ${verify}`
        : `Verify it yourself: run \`npm run demo -- --keep-running\`, then in another terminal\n  ${verify.replace(first.digest, '<digest from demo-result.json>').replace(s.registry, '<registry>')}`
    )
  }
  return `${lines.join('\n')}\n`
}
