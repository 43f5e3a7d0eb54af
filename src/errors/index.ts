export { CodedError, isWriteOperation } from './coded-error.js'
export type { ErrorFacts, Operation } from './coded-error.js'
export { codedChain, errorChain, errorText } from './text.js'
