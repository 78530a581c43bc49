import cliProgress from 'cli-progress';
import type { BuildReport, ProgressEvent, ReleaseReport } from '../index.js';
import type { Output } from './output.js';
import { printInternalErrors, problemLines } from './output.js';
import { printable } from '../util/unsafe-text.js';

export interface BuildProgress {
  onProgress(event: ProgressEvent): void;
  /** Takes the live bar away, also when the build stopped before its last release. */
  stop(): void;
}

/** Live progress on a terminal; one plain line per release elsewhere (CI logs). */
export function buildProgress(output: Output): BuildProgress {
  if (!output.interactive) {
    return {
      onProgress: (event) => {
        if (event.type === 'notice') output.error(event.message);
        else if (event.type === 'release-done')
          output.info(releaseLine(event.report, event.done, event.total));
      },
      stop: () => undefined,
    };
  }
  const bar = new cliProgress.SingleBar(
    {
      stream: process.stderr,
      format: '{bar} {value}/{total} releases | {duration_formatted} | {current}',
      hideCursor: true,
      clearOnComplete: true,
      barsize: 24,
    },
    cliProgress.Presets.shades_classic,
  );
  const running = new Set<string>();
  let started = false;
  const stop = (): void => {
    if (started) bar.stop();
    started = false;
  };
  return {
    onProgress: (event) => {
      if (event.type === 'notice') output.error(event.message);
      else if (event.type === 'start') {
        bar.start(event.total, 0, { current: '' });
        started = true;
      } else if (event.type === 'release-start') {
        running.add(event.source);
        bar.update({ current: current(running) });
      } else {
        running.delete(event.report.source);
        bar.update(event.done, { current: current(running) });
        if (event.done === event.total) stop();
      }
    },
    stop,
  };
}

/** The release in the works longest, and how many more: the line must fit a terminal. */
function current(running: ReadonlySet<string>): string {
  const [first] = running;
  if (first === undefined) return '';
  const name = printable(first);
  return running.size > 1 ? `${name} (+${running.size - 1})` : name;
}

function releaseLine(report: ReleaseReport, done: number, total: number): string {
  const counter = `[${String(done).padStart(String(total).length)}/${total}]`;
  const seconds = (report.timings.totalMs / 1000).toFixed(2);
  return `${counter} ${report.status.padEnd(9)} ${releaseName(report)} (${seconds} s)`;
}

/** A file name may hold a newline or an ESC: shown escaped, it cannot forge a log line. */
function releaseName(report: ReleaseReport): string {
  return printable(report.slug ?? report.source);
}

/** The end of a build: each failure's problems, then a table, then a one-line verdict. */
export function printBuildSummary(report: BuildReport, output: Output): void {
  for (const release of report.releases) {
    // An interrupted release has nothing wrong with it; the verdict line counts those.
    if (release.status === 'skipped') continue;
    for (const line of problemLines(release.problems)) output.error(line);
  }
  for (const line of problemLines(report.problems)) output.error(line);
  printInternalErrors(report.releases, output);
  if (report.releases.length === 0) {
    output.error('no releases found: put Markdown files under releases/ or name a path');
    return;
  }
  const rows = report.releases.map((release) => [
    release.status,
    releaseName(release),
    release.zip ? `${printable(release.zip.path)} (${kilobytes(release.zip.bytes)})` : '—',
    `${(release.timings.totalMs / 1000).toFixed(2)} s`,
  ]);
  const widths = [0, 1, 2].map((column) =>
    Math.max(...rows.map((row) => row[column]?.length ?? 0)),
  );
  output.info('');
  for (const row of rows) {
    output.info(
      row
        .map((cell, column) => cell.padEnd(widths[column] ?? 0))
        .join('  ')
        .trimEnd(),
    );
  }
  const count = (status: ReleaseReport['status']): number =>
    report.releases.filter((release) => release.status === status).length;
  const parts = [
    `${count('built')} built`,
    `${count('unchanged')} unchanged`,
    `${count('failed')} failed`,
    ...(count('draft') > 0 ? [`${count('draft')} draft(s) left out (--drafts builds them)`] : []),
    ...(report.interrupted ? [`${count('skipped')} not built (interrupted)`] : []),
  ];
  output.info(
    `${parts.join(', ')} in ${(report.timings.totalMs / 1000).toFixed(2)} s → ${printable(report.outDir)}`,
  );
}

function kilobytes(bytes: number): string {
  return `${(bytes / 1024).toFixed(0)} KB`;
}
