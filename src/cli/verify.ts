// `oci-attest verify <ref>`: what the action published for one artifact, verified and described.
import { errorText } from '../errors/index.js'
import { RegistryClient, dockerConfigCredentials, parseReference } from '../oci/index.js'
import { BundleVerifier } from '../sigstore/verify/bundle-verifier.js'
import { loadTrustMaterial } from '../sigstore/verify/trust.js'
import { PublishedVerifier } from '../verify/index.js'
import { parseFlags } from './args.js'
import type { CommandIo } from './attest.js'
import { verifyFileCommand } from './verify-file.js'
import { writeVerifiedPredicates } from './verify-output.js'
import type { FoundItem, WrittenPredicate } from './verify-output.js'

export const VERIFY_USAGE = `usage: oci-attest verify <registry/repo@sha256:… | registry/repo:tag>
       (--certificate-identity SAN | --certificate-identity-regexp RE) --certificate-oidc-issuer URL
       [--trusted-root trusted_root.json] [--require signature,provenance,sbom,<predicate type URI>] [--json]
       [--output-predicate DIR]
       oci-attest verify FILE --bundle FILE.sigstore.json [--bundle statement.sigstore.json…] (same identity flags)
  Verifies the signature, SLSA provenance and SBOM attestations published for the artifact (bundle referrers
  and cosign .sig/.att tags) against the trusted root (default: Sigstore public good via TUF).
  --output-predicate writes each verified predicate to DIR once verification succeeds: sbom.cdx.json or
  sbom.spdx.json (a bare SBOM, e.g. for grype sbom:DIR/sbom.cdx.json), provenance-v1.json, provenance-v0.2.json.
  With --bundle, FILE is a file on disk: a sign-blob bundle must sign its bytes, a statement must list its sha256.
  Exit codes: 0 verified, 1 not verified (or the registry/trust could not be read), 2 bad command line.`

type Requirement = 'signature' | 'provenance' | 'sbom'
const REQUIREMENTS: Requirement[] = ['signature', 'provenance', 'sbom']

export function classify(kind: string): Requirement | undefined {
  if (kind === 'signature') return 'signature'
  if (kind.startsWith('https://slsa.dev/provenance/')) return 'provenance'
  if (kind === 'https://cyclonedx.org/bom' || kind === 'https://spdx.dev/Document') return 'sbom'
  return undefined
}

/** Source repository, commit and workflow, as provenance v1 or v0.2 names them. */
export function provenanceFacts(predicate: Record<string, unknown> | undefined): string {
  const p = predicate as {
    buildDefinition?: {
      externalParameters?: { workflow?: { repository?: string; path?: string; ref?: string } }
      resolvedDependencies?: { digest?: { gitCommit?: string } }[]
    }
    invocation?: { configSource?: { uri?: string; digest?: { sha1?: string }; entryPoint?: string } }
  }
  const w = p?.buildDefinition?.externalParameters?.workflow
  if (w)
    return `${w.repository}@${p.buildDefinition?.resolvedDependencies?.[0]?.digest?.gitCommit ?? '?'} ${w.path} (${w.ref})`
  const c = p?.invocation?.configSource
  if (c) return `${c.uri}@${c.digest?.sha1 ?? '?'} ${c.entryPoint ?? ''}`
  return ''
}

export async function runVerifyCommand(argv: string[], io: CommandIo): Promise<number> {
  let parsed
  try {
    parsed = parseFlags({
      args: argv,
      allowPositionals: true,
      options: {
        'certificate-identity': { type: 'string' },
        'certificate-identity-regexp': { type: 'string' },
        'certificate-oidc-issuer': { type: 'string' },
        'trusted-root': { type: 'string' },
        require: { type: 'string', default: 'signature' },
        json: { type: 'boolean', default: false },
        'output-predicate': { type: 'string' },
        bundle: { type: 'string', multiple: true },
        help: { type: 'boolean', short: 'h', default: false }
      }
    })
  } catch (err) {
    io.stderr.write(`oci-attest verify: ${errorText(err)}\n${VERIFY_USAGE}\n`)
    return 2
  }
  const { values: v, positionals } = parsed
  if (v.help) {
    io.stdout.write(`${VERIFY_USAGE}\n`)
    return 0
  }
  const usage = (problem: string): number => {
    io.stderr.write(`oci-attest verify: ${problem}\n${VERIFY_USAGE}\n`)
    return 2
  }
  if (positionals.length !== 1) return usage(`expected one artifact reference, got ${positionals.length}`)
  const exact = v['certificate-identity']
  const regexp = v['certificate-identity-regexp']
  if (!exact === !regexp)
    return usage('give exactly one of --certificate-identity or --certificate-identity-regexp')
  if (!v['certificate-oidc-issuer']) return usage('--certificate-oidc-issuer is required')
  const required = v.require
    .split(',')
    .map(s => s.trim())
    .filter(Boolean)
  // A predicate type URI (e.g. a custom predicate-type) may be required too, matched exactly.
  const unknown = required.filter(r => !(REQUIREMENTS as string[]).includes(r) && !r.includes('://'))
  if (unknown.length)
    return usage(
      `--require: "${unknown.join(', ')}" is not one of ${REQUIREMENTS.join(', ')} or a predicate type URI`
    )

  const bundles = (v.bundle as string[] | undefined) ?? []
  if (bundles.length)
    return verifyFileCommand(
      {
        path: positionals[0]!,
        bundles,
        identity: {
          subjectAlternativeName: exact ?? new RegExp(regexp!),
          issuer: v['certificate-oidc-issuer']
        },
        ...(v['trusted-root'] ? { trustedRoot: v['trusted-root'] } : {}),
        required,
        json: v.json,
        classify
      },
      io
    ).catch((err: unknown) => {
      io.stderr.write(`oci-attest verify: ${errorText(err)}\n`)
      return 1
    })

  let ref
  try {
    ref = parseReference(positionals[0]!)
  } catch (err) {
    return usage(`${errorText(err)}: give registry/repo@sha256:<hex> or registry/repo:tag`)
  }
  try {
    const registry = new RegistryClient({
      credentials: dockerConfigCredentials({ env: io.env ?? process.env })
    })
    const digest = await registry.resolveDigest(ref)
    const repo = parseReference(ref.repoString())
    const verifier = new PublishedVerifier(new BundleVerifier(await loadTrustMaterial(v['trusted-root'])), {
      identity: {
        subjectAlternativeName: exact ?? new RegExp(regexp!),
        issuer: v['certificate-oidc-issuer']
      }
    })
    const found = (await verifier.verifySubject(registry, { repo, digest })).items
    const verified = new Set(
      found
        .filter(f => f.ok)
        .map(f => classify(f.kind))
        .filter(Boolean)
    )
    const verifiedTypes = new Set(found.filter(f => f.ok).map(f => f.kind))
    const missing = required.filter(r => !verified.has(r as Requirement) && !verifiedTypes.has(r))
    // Only a verification that passed leaves files behind: a later step must not scan an unverified SBOM.
    const outDir = v['output-predicate']
    const predicates = outDir && missing.length === 0 ? await writeVerifiedPredicates(outDir, found) : []
    const subject = `${repo.repoString()}@${digest}`
    if (v.json)
      io.stdout.write(
        `${JSON.stringify({ ref: subject, verified: [...verified], missing, found, ...(outDir ? { predicates } : {}) }, null, 2)}\n`
      )
    else io.stdout.write(report(subject, found, missing, predicates))
    if (missing.length > 0)
      io.stderr.write(
        `oci-attest verify: ${subject} NOT VERIFIED: no valid ${missing.join(', ')} for this identity and issuer\n`
      )
    return missing.length === 0 ? 0 : 1
  } catch (err) {
    const code = (err as { code?: unknown }).code
    const hint =
      typeof code === 'string' && code.startsWith('TUF_')
        ? ' (the public-good trusted root comes from tuf-repo-cdn.sigstore.dev; without network access, or for a private instance, pass --trusted-root)'
        : ''
    io.stderr.write(
      `oci-attest verify: ${typeof code === 'string' ? `${code}: ` : ''}${errorText(err)}${hint}\n`
    )
    return 1
  }
}

function report(ref: string, found: FoundItem[], missing: string[], predicates: WrittenPredicate[]): string {
  const lines = [ref]
  if (found.length === 0)
    lines.push('  nothing published for this digest (no bundle referrers, no .sig/.att tags)')
  for (const f of found) {
    const label = f.kind === 'signature' ? 'signature' : f.kind
    if (!f.ok) {
      lines.push(`  ✗ ${f.source} ${f.where}: ${f.problem}`)
      continue
    }
    const facts = classify(f.kind) === 'provenance' ? ` — ${provenanceFacts(f.predicate)}` : ''
    const sbom = classify(f.kind) === 'sbom' ? ` — ${sbomFacts(f.predicate)}` : ''
    lines.push(
      `  ✓ ${label} (${f.source} ${f.where}, Rekor ${f.logIndex ?? '?'}, ${f.san ?? '?'})${facts}${sbom}`
    )
  }
  for (const p of predicates) lines.push(`  wrote ${p.path} (${p.predicateType})`)
  lines.push(missing.length ? `NOT VERIFIED: no valid ${missing.join(', ')} for this identity` : 'Verified.')
  return `${lines.join('\n')}\n`
}

function sbomFacts(predicate: Record<string, unknown> | undefined): string {
  const p = predicate as {
    components?: unknown[]
    packages?: unknown[]
    specVersion?: string
    spdxVersion?: string
  }
  const count = (p?.components ?? p?.packages ?? []).length
  return `${p?.specVersion ? `CycloneDX ${p.specVersion}` : (p?.spdxVersion ?? 'SBOM')}, ${count} packages`
}
