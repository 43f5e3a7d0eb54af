// What `start.ts --keep-running` prints for a person: where everything is and how to point cosign at it.
import type { BedState } from '../state.js'
import { cosignEnv } from './cosign-env.js'

export function printSummary(state: BedState, statePath: string): void {
  const lines = [
    '',
    'oci-attest test bed is running (Ctrl-C stops it)',
    '',
    'registries (credentials are in the state file):'
  ]
  for (const [name, r] of Object.entries(state.registries))
    lines.push(`  ${name.padEnd(13)} ${r.host}  auth=${r.auth}`)
  {
    const s = state.sigstore
    lines.push(
      '',
      'sigstore:',
      `  oidc   ${s.oidcUrl}  (POST /__mint for a token)`,
      `  fulcio ${s.fulcioUrl}`
    )
    lines.push(`  rekor  ${s.rekorUrl}  (v1 stand-in)`, `  tsa    ${s.tsaUrl}  (stand-in)`)
    if (s.real)
      lines.push(
        `  rekor v2 ${s.real.rekorV2Url}  (rekor-tiles; checkpoint origin ${s.real.rekorV2Origin})`,
        `  tsa      ${s.real.tsaUrl}  (timestamp-authority)`
      )
    if (s.real?.fulcio)
      lines.push(
        `  fulcio   ${s.real.fulcio.url}  (real, ephemeral CA; CT log ${s.real.fulcio.ctlogUrl})`,
        `  issuer   ${s.real.fulcio.issuer}  (the one it trusts; POST /__mint for a token)`
      )
    lines.push(`  trusted root ${s.trustedRootPath}  (both logs, both TSAs)`)
    lines.push(`  signing config, Rekor v1: ${s.signingConfigPath}`)
    if (s.real) lines.push(`  signing config, Rekor v2: ${s.real.signingConfigPath}`)
    if (s.real?.fulcio)
      lines.push(`  signing config, real Fulcio + Rekor v2: ${s.real.fulcio.signingConfigPath}`)
    lines.push('', 'cosign against it (environment-variable trust mode):')
    for (const [k, v] of Object.entries(cosignEnv(state, 'v3'))) lines.push(`  export ${k}=${v}`)
    const mint = `curl -s -X POST -d '{}' ${s.oidcUrl}/__mint | sed 's/.*"token":"\\([^"]*\\)".*/\\1/'`
    lines.push(
      `  ${state.tools.cosignV3} sign --yes --use-signing-config=false --fulcio-url ${s.fulcioUrl} \\`,
      `    --rekor-url ${s.rekorUrl} --identity-token "$(${mint})" <registry>/<repo>@<digest>`,
      `  ${state.tools.cosignV3} verify --trusted-root ${s.trustedRootPath} --certificate-oidc-issuer ${s.issuer} \\`,
      `    --certificate-identity-regexp '^https://github.com/' <registry>/<repo>@<digest>`
    )
    if (s.real)
      lines.push(
        '  with Rekor v2 and the real TSA:',
        `  ${state.tools.cosignV3} sign --yes --signing-config ${s.real.signingConfigPath} \\`,
        `    --trusted-root ${s.trustedRootPath} --identity-token "$(${mint})" <registry>/<repo>@<digest>`
      )
  }
  lines.push('', 'suites read the state through:', `  export OCI_ATTEST_BED_STATE=${statePath}`, '')
  process.stdout.write(lines.join('\n') + '\n')
}
