/** Chromium's switches, shared by presskit's browser and the benchmark's floor script. */
import { isHeadlessShell } from './find.js';

/**
 * Puppeteer's `headless` setting for `executablePath`: chrome-headless-shell is started as
 * the shell it is (`--headless`), any other Chrome in its new headless mode.
 */
export function headlessMode(executablePath: string): 'shell' | true {
  return isHeadlessShell(executablePath) ? 'shell' : true;
}

/**
 * Puppeteer's defaults already disable background networking, sync, extensions,
 * first-run UI and /dev/shm use; these add what printing does not need either.
 */
export function launchArgs(env: NodeJS.ProcessEnv = process.env): string[] {
  const args = [
    // Printing needs no GPU acceleration; this keeps GPU drivers out of the picture.
    '--disable-gpu',
    '--disable-component-update',
    // Glyph metrics independent of the host's fontconfig hinting: same layout on laptop and CI.
    '--font-render-hinting=none',
    // Nothing this browser shows may come from the network. Request interception stops
    // requests, but Chrome still opens speculative connections (iframe navigations,
    // meta refresh, preconnect hints) below it; resolving no host at all stops those too,
    // IP literals included.
    '--host-resolver-rules=MAP * ~NOTFOUND',
  ];
  // Chromium refuses to start as root with its sandbox (containers, CI); elsewhere keep it,
  // unless PRESSKIT_NO_SANDBOX=1 says the machine cannot give it one: a container whose
  // seccomp profile denies the user namespaces it needs (presskit's image sets it; the
  // container is the sandbox there, and pages run no JavaScript and reach no network).
  if (process.getuid?.() === 0 || env['PRESSKIT_NO_SANDBOX'] === '1') args.push('--no-sandbox');
  return args;
}
