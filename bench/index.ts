/**
 * `npm run bench [-- --families N]`: encrypted vault vs plaintext SQLite on the app's workloads.
 * A report, not a gate: it exits 0 even when a target fails, and says FAIL in the table.
 */
import { runBench } from './run';

await runBench(process.argv.slice(2));
