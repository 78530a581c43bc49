import type { CheckReport } from '../index.js';
import type { Problem } from '../errors.js';
import { formatProblem } from '../errors.js';
import { printable, printableJson } from '../util/unsafe-text.js';

export type CheckFormat = 'text' | 'json' | 'github';

export function formatCheck(report: CheckReport, format: CheckFormat): string {
  switch (format) {
    case 'json':
      return `${printableJson(report)}\n`;
    case 'github':
      return report.problems.map((problem) => `${githubAnnotation(problem)}\n`).join('');
    default:
      return report.problems.map((problem) => `${formatProblem(problem)}\n`).join('');
  }
}

/** A GitHub Actions workflow command: `::error file=…,line=…::message`. */
export function githubAnnotation(problem: Problem): string {
  // Escaped first: a raw ESC or line break would still reach the log that shows the annotation.
  const field = problem.field === undefined ? undefined : printable(problem.field);
  const properties = [
    `file=${escapeProperty(printable(problem.file))}`,
    ...(problem.line ? [`line=${problem.line}`] : []),
    ...(problem.column ? [`col=${problem.column}`] : []),
    `title=${escapeProperty(field ? `presskit: ${field}` : 'presskit')}`,
  ];
  const message = printable(problem.message);
  return `::error ${properties.join(',')}::${escapeData(field ? `${field}: ${message}` : message)}`;
}

function escapeData(text: string): string {
  return text.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

function escapeProperty(text: string): string {
  return escapeData(text).replace(/:/g, '%3A').replace(/,/g, '%2C');
}
