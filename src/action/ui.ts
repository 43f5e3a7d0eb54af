// Where the run reports to: workflow commands on a runner, plain text on a terminal (the CLI passes its own).
import * as core from '@actions/core'

export interface Ui {
  info(line: string): void
  warning(line: string): void
  group<T>(name: string, work: () => Promise<T>): Promise<T>
  setSecret(secret: string): void
  setOutput(name: string, value: string): void
  setFailed(message: string): void
  writeSummary(markdown: string): Promise<void>
}

export const actionsUi: Ui = {
  info: line => core.info(line),
  warning: line => core.warning(line),
  group: (name, work) => core.group(name, work),
  setSecret: secret => core.setSecret(secret),
  setOutput: (name, value) => core.setOutput(name, value),
  setFailed: message => core.setFailed(message),
  writeSummary: async markdown => {
    await core.summary.addRaw(markdown).write()
  }
}
