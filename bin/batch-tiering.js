import { setFlagsFromString } from 'node:v8';

/**
 * How much more a function must run than V8's default before TurboFan optimises it. V8's
 * defaults suit pages and servers that run for hours; a build is a batch of a few seconds,
 * in which Node 20 sent about 400 functions to TurboFan: its compile threads took over a
 * quarter of the Node process's CPU in a 100-release build, on the two cores Chromium
 * prints on too. Four times the evidence halves that work and leaves the code that matters
 * optimised: a full build about 5 % faster on Node 20, 4 % on Node 22, one release
 * unchanged (BENCHMARKS.md, "Measured by hand"). Only for `build`: `check` runs on one
 * thread with the other core idle, where the compile threads cost nothing and code left
 * unoptimised longer made a check of 1,000 releases 15 % slower.
 */
const FACTOR = 4;

/**
 * The flag and its default in each V8 where raising it was measured to help. V8 12 (Node 22)
 * counts invocations instead of bytecode run. Node 24 and 26 have the same flag and gained
 * nothing from it in the same measurement, so they, and any V8 not listed, are left
 * alone: a flag V8 does not know is reported on stderr.
 */
function tieringFlag(v8Version) {
  const [major, minor] = v8Version.split('.').map(Number);
  if (major === 11 && minor === 3) return { name: 'interrupt-budget', default: 67_584 }; // Node 20
  if (major === 12) return { name: 'invocation-count-for-turbofan', default: 3_000 }; // Node 22
  return undefined;
}

/**
 * The V8 flag `tuneTieringForBatch` sets for this V8, these Node options and this command
 * line (`node`, the script, then the command and its arguments), if any.
 */
export function batchTieringFlag(v8Version, execArgv, argv) {
  // The command is the first argument: presskit's own options (--help, --version) come alone.
  if (argv[2] !== 'build') return undefined;
  const flag = tieringFlag(v8Version);
  if (!flag) return undefined;
  // The user's own choice, given to node, stands; another flag that merely starts with its
  // name (`--interrupt-budget-for-feedback-allocation`) is not that choice.
  const given = (arg) => arg.replace(/_/g, '-').split('=')[0] === `--${flag.name}`;
  if (execArgv.some(given)) return undefined;
  return `--${flag.name}=${flag.default * FACTOR}`;
}

/**
 * Sets a build's tiering (see FACTOR), unless the user gave V8 that flag themselves;
 * returns the flag set, if any. For the command only: the library never changes the V8 of
 * the program that imports it. Call it before the bundle is imported.
 */
export function tuneTieringForBatch(argv = process.argv) {
  const setting = batchTieringFlag(process.versions.v8, process.execArgv, argv);
  if (setting) setFlagsFromString(setting);
  return setting;
}
