// The runner's side of a run: workflow commands and the job summary through @actions/core.
import * as core from '@actions/core'
import type { Ui } from '../pipeline/run/ui.js'

export const actionsUi: Ui = {
  info: line => core.info(line),
  warning: line => core.warning(line),
  debug: line => core.debug(line),
  group: (name, work) => core.group(name, work),
  setSecret: secret => core.setSecret(secret),
  setOutput: (name, value) => core.setOutput(name, value),
  setFailed: message => core.setFailed(message),
  writeSummary: async markdown => {
    await core.summary.addRaw(markdown).write()
  }
}
