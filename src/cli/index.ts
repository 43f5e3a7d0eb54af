#!/usr/bin/env node
// `oci-attest`: sbom | attest | verify, dispatched to one module each; published as the package's bin.
// Commands load on demand: a command pays only for its own modules' start-up.
import '../bundle-globals.js'
import { VERSION } from '../http/version.js'
import { nodeVersionProblem } from './args.js'

const USAGE = `usage: oci-attest <command> [options]
  attest   sign, attest (SLSA provenance, SBOM), log in Rekor and push for OCI artifacts (the action's pipeline)
  verify   verify what was published for an artifact: signature, provenance, SBOM
  sbom     write an SBOM of an image (registry, oci-layout:DIR or docker-archive:FILE)
Run \`oci-attest <command> --help\` for a command's options. Version ${VERSION}.
Exit codes: 0 success, 1 the command ran and failed (not attested, not verified), 2 bad usage.`

export async function main(
  argv: string[],
  io = { stdout: process.stdout, stderr: process.stderr }
): Promise<number> {
  const [command, ...rest] = argv
  const tooOld = nodeVersionProblem(process.version)
  if (tooOld && command !== '--version' && command !== 'version') {
    io.stderr.write(`${tooOld}\n`)
    return 1
  }
  switch (command) {
    case 'attest':
      return (await import('./attest.js')).runAttestCommand(rest, io)
    case 'verify':
      return (await import('./verify.js')).runVerifyCommand(rest, io)
    case 'sbom':
      return (await import('./sbom.js')).runSbomCommand(rest, io)
    case '--version':
    case 'version':
      io.stdout.write(`${VERSION}\n`)
      return 0
    case undefined:
    case '--help':
    case '-h':
    case 'help':
      io.stdout.write(`${USAGE}\n`)
      return 0
    default:
      io.stderr.write(`oci-attest: unknown command "${command}"\n${USAGE}\n`)
      return 2
  }
}

process.exitCode = await main(process.argv.slice(2))
// Pipes are asynchronous on some platforms (macOS): let an SBOM written to stdout drain before exiting.
await Promise.all([process.stdout, process.stderr].map(s => new Promise(done => s.write('', done))))
// A run stopped by its timeout may leave work behind (a layer scan, a retry wait): the command ends with it.
process.exit()
