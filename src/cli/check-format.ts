import { existsSync } from 'node:fs';
import { isAbsolute, relative, resolve, sep } from 'node:path';
import type { CheckReport } from '../index.js';
import type { Problem } from '../errors.js';
import { formatProblem, formatWarning } from '../errors.js';
import { printable, printableJson } from '../util/unsafe-text.js';

export type CheckFormat = 'text' | 'json' | 'github';

export function formatCheck(
  report: CheckReport,
  format: CheckFormat,
  env: NodeJS.ProcessEnv = process.env,
): string {
  switch (format) {
    case 'json':
      return `${printableJson(report)}\n`;
    case 'github':
      return [
        ...report.problems.map((problem) => githubAnnotation(problem, env['GITHUB_WORKSPACE'])),
        ...report.warnings.map((warning) =>
          githubAnnotation(warning, env['GITHUB_WORKSPACE'], 'warning'),
        ),
      ]
        .map((line) => `${line}\n`)
        .join('');
    default:
      return report.problems.map((problem) => `${formatProblem(problem)}\n`).join('');
  }
}

/** The warnings of a text report, for stderr: they are not problems, and fail nothing. */
export function formatCheckWarnings(report: CheckReport): string {
  return report.warnings.map((warning) => `${formatWarning(warning)}\n`).join('');
}

/**
 * A GitHub Actions workflow command: `::error file=…,line=…::message`. GitHub reads `file`
 * from the repository's root (`workspace`); a problem names it from the working folder,
 * which differs where the project is a folder of the repository (`working-directory:`).
 */
export function githubAnnotation(
  problem: Problem,
  workspace?: string,
  level: 'error' | 'warning' = 'error',
): string {
  // Escaped first: a raw ESC or line break would still reach the log that shows the annotation.
  const field = problem.field === undefined ? undefined : printable(problem.field);
  const properties = [
    `file=${escapeProperty(printable(fromWorkspace(problem.file, workspace)))}`,
    ...(problem.line ? [`line=${problem.line}`] : []),
    ...(problem.column ? [`col=${problem.column}`] : []),
    `title=${escapeProperty(field ? `presskit: ${field}` : 'presskit')}`,
  ];
  const message = printable(problem.message);
  return `::${level} ${properties.join(',')}::${escapeData(field ? `${field}: ${message}` : message)}`;
}

/** `file` from the workspace, when it is a file inside it; else as the problem names it. */
function fromWorkspace(file: string, workspace: string | undefined): string {
  if (!workspace) return file;
  const absolute = resolve(file);
  // A problem may name what is no file ("options", "--now", "chromium").
  if (!existsSync(absolute)) return file;
  const path = relative(resolve(workspace), absolute);
  if (path === '' || path.startsWith('..') || isAbsolute(path)) return file;
  return path.split(sep).join('/');
}

function escapeData(text: string): string {
  return text.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

function escapeProperty(text: string): string {
  return escapeData(text).replace(/:/g, '%3A').replace(/,/g, '%2C');
}
