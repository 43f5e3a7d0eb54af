// Copy-ready commands that check what this run published, with this run's identity.
import type { ProducedItem } from '../attest-subject.js'
import { CUSTOM_KIND, isOpenVexKind } from '../statements.js'

export interface VerifyCommandOptions {
  ref: string
  identity: string
  issuer: string
  /** owner/name, for gh. */
  repository?: string
  formats: ('legacy' | 'referrers')[]
  trustedRoot?: string
  items: Pick<ProducedItem, 'kind' | 'predicateType'>[]
}

const quote = (s: string): string => `'${s.replace(/'/g, `'\\''`)}'`

/** cosign's --type for each kind we produce (INTEROP §3: slsaprovenance is v0.2). */
const COSIGN_TYPE: Record<string, string> = {
  'provenance-v1': 'slsaprovenance1',
  'provenance-v0.2': 'slsaprovenance',
  'sbom-cyclonedx': 'cyclonedx',
  'sbom-spdx': 'spdxjson'
}

export interface VerifyCommands {
  cosignV2: string[]
  cosignV3: string[]
  gh: string[]
}

export function verifyCommands(o: VerifyCommandOptions): VerifyCommands {
  const who = `--certificate-identity ${quote(o.identity)} --certificate-oidc-issuer ${quote(o.issuer)}`
  const root = o.trustedRoot ? ` --trusted-root ${quote(o.trustedRoot)}` : ''
  // A custom predicate has no cosign short name: --type takes its URI as is (quoted, it is the caller's text).
  const typeOf = (i: Pick<ProducedItem, 'kind' | 'predicateType'>): string | undefined =>
    i.kind === CUSTOM_KIND && i.predicateType
      ? quote(i.predicateType)
      : isOpenVexKind(i.kind)
        ? 'openvex'
        : COSIGN_TYPE[i.kind]
  const types = [...new Set(o.items.map(typeOf).filter((t): t is string => Boolean(t)))]
  const commands = (bin: string, extra: string): string[] => [
    `${bin} verify ${who}${root}${extra} ${o.ref}`,
    ...types.map(t => `${bin} verify-attestation --type ${t} ${who}${root}${extra} ${o.ref}`)
  ]
  // v2 reads the tag layout by default; v3 reads bundles by default and only tags with --new-bundle-format=false.
  const v2Extra = o.formats.includes('legacy') ? '' : ' --new-bundle-format'
  const v3Extra = o.formats.includes('referrers') ? '' : ' --new-bundle-format=false'
  const gh = o.formats.includes('referrers')
    ? [
        `gh attestation verify oci://${o.ref} --bundle-from-oci${o.repository ? ` --repo ${o.repository}` : ''} ` +
          `--cert-identity ${quote(o.identity)} --cert-oidc-issuer ${quote(o.issuer)}` +
          `${o.trustedRoot ? ` --custom-trusted-root ${quote(o.trustedRoot)}` : ''} --predicate-type https://slsa.dev/provenance/v1`
      ]
    : []
  return { cosignV2: commands('cosign', v2Extra), cosignV3: commands('cosign', v3Extra), gh }
}

/** Per file: its sign-blob bundle and each shared statement, as cosign and gh check files. */
export function fileVerifyCommands(o: {
  /** The file as the job has it, its signature bundle (absent for a checksums line), the statements' bundles. */
  files: { path: string; signature?: string }[]
  statements: Pick<ProducedItem, 'kind' | 'predicateType' | 'bundlePath'>[]
  identity: string
  issuer: string
  repository?: string
  trustedRoot?: string
}): string[] {
  const who = `--certificate-identity ${quote(o.identity)} --certificate-oidc-issuer ${quote(o.issuer)}`
  const root = o.trustedRoot ? ` --trusted-root ${quote(o.trustedRoot)}` : ''
  return o.files.flatMap(f => [
    ...(f.signature
      ? [`cosign verify-blob --bundle ${quote(f.signature)} ${who}${root} ${quote(f.path)}`]
      : []),
    ...o.statements.flatMap(s => {
      const type = s.kind === CUSTOM_KIND && s.predicateType ? quote(s.predicateType) : COSIGN_TYPE[s.kind]
      return type && s.bundlePath
        ? [
            `cosign verify-blob-attestation --bundle ${quote(s.bundlePath)} --type ${type} ${who}${root} ${quote(f.path)}`
          ]
        : []
    }),
    ...o.statements
      .filter(s => s.kind === 'provenance-v1' && s.bundlePath && o.repository)
      .map(
        s =>
          `gh attestation verify ${quote(f.path)} --bundle ${quote(s.bundlePath!)} --repo ${o.repository}` +
          `${o.trustedRoot ? ` --custom-trusted-root ${quote(o.trustedRoot)}` : ''}`
      )
  ])
}
