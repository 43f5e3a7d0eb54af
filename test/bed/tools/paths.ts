// Where the test bed keeps what it installs and what it writes, resolved from this file so any cwd works.
import { fileURLToPath } from 'node:url'
import { join } from 'node:path'

export const REPO_ROOT = fileURLToPath(new URL('../../../', import.meta.url)).replace(/\/$/, '')
// OCI_ATTEST_TOOLS_DIR moves the installed tools elsewhere (a CI cache, or a cold-install measurement).
export const TOOLS_DIR = process.env.OCI_ATTEST_TOOLS_DIR || join(REPO_ROOT, '.tools')
export const BIN_DIR = join(TOOLS_DIR, 'bin')
export const VENV_DIR = join(TOOLS_DIR, 'venv')
export const TESTBED_DIR = join(REPO_ROOT, '.testbed')
export const DEFAULT_STATE_PATH = join(TESTBED_DIR, 'state.json')
