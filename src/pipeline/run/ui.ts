// Where a run reports to: workflow commands on a runner (src/action), plain text on a terminal (src/cli).
export interface Ui {
  info(line: string): void
  warning(line: string): void
  /** Lines shown only when the job runs with debug logging (RUNNER_DEBUG / ACTIONS_STEP_DEBUG). */
  debug?(line: string): void
  group<T>(name: string, work: () => Promise<T>): Promise<T>
  setSecret(secret: string): void
  setOutput(name: string, value: string): void
  setFailed(message: string): void
  writeSummary(markdown: string): Promise<void>
}
