// Entry point of the bundled action (dist/index.js): everything happens in main.ts.
import './commonjs-globals.js'
import { run } from './main.js'

await run()
