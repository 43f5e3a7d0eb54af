// The job summary: a table per subject, what a dry run would push, and copy-ready verification commands.
import type { FileReport } from '../attest-files.js'
import type { AttestReport } from '../attest-subjects.js'
import type { WouldPush } from '../dry-run-report.js'
import type { Plan } from '../plan.js'
import { entryLink, ordered } from './outputs.js'
import type { PhaseTiming } from './phases.js'
import type { Ui } from './ui.js'
import { fileVerifyCommands, verifyCommands } from './verify-commands.js'
import type { SigstoreServices } from '../../sigstore/signing-config/index.js'

const GH_LOGIN_NOTE =
  '# gh needs a login even for --bundle-from-oci: `gh auth login` first, or set GH_TOKEN (in a workflow: GH_TOKEN: ${{ github.token }})'

export interface SummaryInput {
  plan: Plan
  report: AttestReport
  files?: FileReport
  dryRun: boolean
  dryRunReason: string
  rekorUrl: string
  services?: SigstoreServices
  formats: ('legacy' | 'referrers')[]
  repository?: string
  trustedRoot?: string
  wouldPush: WouldPush[]
  /** digest → packages found (images, for a chart), for generated SBOMs. */
  sbomPackages: Record<string, number>
  pushed: boolean
  timings: PhaseTiming[]
}

const esc = (s: string): string => s.replace(/[<>&|]/g, c => `&#${c.charCodeAt(0)};`)
const code = (s: string): string => `<code>${esc(s)}</code>`

export function summaryMarkdown(o: SummaryInput): string {
  const parts: string[] = []
  parts.push(`## oci-attest${o.dryRun ? ': DRY RUN' : ''}`)
  if (o.dryRun)
    parts.push(
      `> [!NOTE]\n> **DRY RUN** (${esc(o.dryRunReason)}): no OIDC token, Fulcio, Rekor, registry push or GitHub API write. ` +
        'Everything was built and signed with an ephemeral **self-signed** key that nothing trusts.'
    )
  parts.push(
    `Identity${o.dryRun ? ' (what a real run would get)' : ''}: ${code(o.report.identity)}, issuer ${code(o.report.issuer)}`
  )
  if (o.services) parts.push(servicesLine(o.services, o.dryRun))
  for (const s of o.report.subjects) {
    const { subject } = s
    const label = subject.ref
    parts.push(
      `### ${esc(subject.repository.toString())} (${subject.kind}${subject.platform ? `, ${subject.platform}` : ''})\n` +
        `Digest ${code(subject.digest)}${subject.input !== label ? ` from ${code(subject.input)}` : ''}` +
        (o.sbomPackages[subject.digest] !== undefined
          ? ` · generated SBOM: ${o.sbomPackages[subject.digest]} ${subject.kind === 'chart' ? 'images' : 'packages'}`
          : '')
    )
    const rows = ordered(s.items).map(i => {
      const rekor = o.dryRun ? 'not logged (dry run)' : rekorAnchor(o, i.rekorLogIndex)
      const where = [
        i.legacy ? `tag ${code(i.legacy.tag)}` : '',
        i.referrer ? `referrer ${code(i.referrer.slice(0, 19))}…` : '',
        i.githubAttestationUrl ? `<a href="${i.githubAttestationUrl}">GitHub</a>` : ''
      ].filter(Boolean)
      return `| ${i.kind} | ${i.predicateType ? code(i.predicateType) : 'simple signing'} | ${rekor} | ${where.join(', ') || '—'}${o.pushed ? '' : ' (not pushed)'} |`
    })
    parts.push(
      ['| Produced | Predicate type | Rekor entry | Stored |', '|---|---|---|---|', ...rows].join('\n')
    )
    for (const w of s.warnings) parts.push(`> [!WARNING]\n> ${esc(w)}`)
    const cmds = verifyCommands({
      ref: label,
      identity: o.report.identity,
      issuer: o.report.issuer,
      formats: o.formats,
      items: s.items,
      ...(o.repository ? { repository: o.repository } : {}),
      ...(o.trustedRoot ? { trustedRoot: o.trustedRoot } : {})
    })
    const block = (title: string, lines: string[]): string =>
      lines.length ? `<b>${title}</b>\n\n\`\`\`sh\n${lines.join('\n')}\n\`\`\`\n` : ''
    parts.push(
      `<details><summary>Verify ${esc(subject.repository.toString())}@${subject.digest.slice(0, 19)}…</summary>\n\n` +
        block('cosign v2', cmds.cosignV2) +
        block('cosign v3', cmds.cosignV3) +
        // gh refuses to start without a login even for --bundle-from-oci, which makes no GitHub API call.
        block('gh', cmds.gh.length ? [GH_LOGIN_NOTE, ...cmds.gh] : []) +
        '</details>'
    )
  }
  if (o.files) parts.push(filesSection(o, o.files))
  if (o.plan.skipped.length)
    parts.push(
      `Skipped: ${o.plan.skipped.map(k => `${code(k.digest.slice(0, 19))}… ${esc(k.reason)}`).join('; ')}`
    )
  if (o.wouldPush.length) {
    const rows = o.wouldPush.map(
      w => `| ${code(w.target)} | ${esc(w.what)} | ${code(w.mediaType)} | ${w.size} |`
    )
    const detail = o.wouldPush.map(w => `${w.target}\n${w.contents.map(c => `  ${c}`).join('\n')}`).join('\n')
    parts.push(
      `<details${o.dryRun ? ' open' : ''}><summary>${o.dryRun ? 'DRY RUN: would push' : 'Not pushed (push-to-registry: false)'} ` +
        `(${o.wouldPush.length} writes)</summary>\n\n| Where | What | Media type | Bytes |\n|---|---|---|---|\n${rows.join('\n')}\n\n` +
        `\`\`\`\n${detail}\n\`\`\`\n</details>`
    )
  }
  parts.push(`<sub>${o.timings.map(t => `${esc(t.name)} ${(t.ms / 1000).toFixed(1)} s`).join(' · ')}</sub>`)
  return parts.join('\n\n') + '\n'
}

function servicesLine(s: SigstoreServices, dryRun: boolean): string {
  const one = (name: string, u: { url: string; majorApiVersion: number }) =>
    `${name} ${code(u.url)} (API v${u.majorApiVersion})`
  const all = [
    one('Fulcio', s.fulcio),
    ...s.rekor.map(r => one('Rekor', r)),
    ...s.tsa.map(t => one('TSA', t))
  ]
  return (
    `Sigstore services${dryRun ? ' (what a real run would use)' : ''}: ${all.join(' · ')}${s.tsa.length ? '' : ' · no TSA'}` +
    (s.signingConfig ? `, chosen by signing config ${code(s.signingConfig)}` : ', as given in the inputs') +
    ([s.fulcio, ...s.rekor, ...s.tsa].some(u => u.from === 'input') && s.signingConfig
      ? ' and the URL inputs'
      : '')
  )
}

/** A log entry's index, linked where the log shows it (the log itself for Rekor v2). */
function rekorAnchor(o: SummaryInput, logIndex: string): string {
  return `<a href="${entryLink(o.rekorUrl, o.services)(logIndex)}">${logIndex}</a>`
}

function filesSection(o: SummaryInput, files: FileReport): string {
  const signature = new Map(files.signatures.map(s => [s.subject.name, s.item.bundlePath]))
  const rows = files.files.map(
    f =>
      `| ${code(f.name)} | ${code(f.digest)} | ${signature.has(f.name) ? 'sign-blob bundle' : 'listed only (checksums line)'} |`
  )
  const statements = ordered(files.statements).map(
    i =>
      `${i.kind} ${o.dryRun ? '(not logged, dry run)' : `Rekor ${rekorAnchor(o, i.rekorLogIndex)}`}` +
      `${i.githubAttestationUrl ? `, <a href="${i.githubAttestationUrl}">GitHub</a>` : ''}`
  )
  const cmds = fileVerifyCommands({
    files: files.files.map(f => ({
      path: f.path ?? f.name,
      ...(signature.get(f.name) ? { signature: signature.get(f.name)! } : {})
    })),
    statements: ordered(files.statements),
    identity: o.report.identity,
    issuer: o.report.issuer,
    ...(o.repository ? { repository: o.repository } : {}),
    ...(o.trustedRoot ? { trustedRoot: o.trustedRoot } : {})
  })
  return (
    `### Files (${files.files.length})\nOne statement per predicate lists every file: ${statements.join(' · ')}\n\n` +
    ['| File | Digest | Signature |', '|---|---|---|', ...rows].join('\n') +
    `\n\n<details><summary>Verify the files</summary>\n\n\`\`\`sh\n${cmds.join('\n')}\n\`\`\`\n</details>`
  )
}

export async function writeSummary(ui: Ui, o: SummaryInput): Promise<void> {
  await ui.writeSummary(summaryMarkdown(o))
}
