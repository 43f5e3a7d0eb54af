// Stand-alone entry for the sbom command (bench and scripts) until the top-level dispatcher exists.
import { runSbomCommand } from './sbom.js'

void runSbomCommand(process.argv.slice(2), { stdout: process.stdout, stderr: process.stderr }).then(code => {
  process.exitCode = code
})
