// Entry point of the bundled action (dist/index.js): the runner's inputs and workflow commands, then one run.
import '../bundle-globals.js'
import * as core from '@actions/core'
import { run } from '../pipeline/run/run.js'
import { actionsUi } from './actions-ui.js'

// The only getInput call of the project: every input is read through it, into one typed object.
await run({ getInput: name => core.getInput(name), ui: actionsUi })
// A run stopped by its timeout may leave work behind (a layer scan); the step ends with the run.
process.exit(process.exitCode ?? 0)
