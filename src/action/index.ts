// Entry point of the bundled action (dist/index.js): the runner's inputs and workflow commands, then one run.
// The bundle is also the SBOM worker's script: in that thread it generates an SBOM and nothing else, so the
// run and its dependencies load only in the main thread.
import '../bundle-globals.js'
import { enterSbomWorker } from '../sbom/worker/serve.js'

if (!(await enterSbomWorker(import.meta.url))) {
  const [core, { run }, { actionsUi }] = await Promise.all([
    import('@actions/core'),
    import('../pipeline/run/run.js'),
    import('./actions-ui.js')
  ])
  // The only getInput call of the project: every input is read through it, into one typed object.
  await run({ getInput: name => core.getInput(name), ui: actionsUi })
}
