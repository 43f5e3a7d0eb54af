// Where benchmark artefacts live (git-ignored) and the tools they run.
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'

export const REPO = resolve(dirname(fileURLToPath(import.meta.url)), '../..')
export const BENCH_DIR = join(REPO, '.testbed', 'bench', 'sbom')
export const CRANE = join(REPO, '.tools', 'bin', 'crane')
/** Built with `GOBIN=$PWD/.tools/bin go install github.com/anchore/syft/cmd/syft@v1.57.0`. */
export const SYFT = join(REPO, '.tools', 'bin', 'syft')
export const SYFT_VERSION = 'v1.57.0'
export const NODE = join(REPO, 'node_modules', '.bin', 'node')
