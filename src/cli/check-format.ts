import type { CheckReport } from '../check.js';
import type { Problem } from '../errors.js';
import { formatProblem } from '../errors.js';

export type CheckFormat = 'text' | 'json' | 'github';

export function formatCheck(report: CheckReport, format: CheckFormat): string {
  switch (format) {
    case 'json':
      return `${JSON.stringify(report, null, 2)}\n`;
    case 'github':
      return report.problems.map((problem) => `${githubAnnotation(problem)}\n`).join('');
    default:
      return report.problems.map((problem) => `${formatProblem(problem)}\n`).join('');
  }
}

/** A GitHub Actions workflow command: `::error file=…,line=…::message`. */
export function githubAnnotation(problem: Problem): string {
  const properties = [
    `file=${escapeProperty(problem.file)}`,
    ...(problem.line ? [`line=${problem.line}`] : []),
    ...(problem.column ? [`col=${problem.column}`] : []),
    `title=${escapeProperty(problem.field ? `presskit: ${problem.field}` : 'presskit')}`,
  ];
  const message = problem.field ? `${problem.field}: ${problem.message}` : problem.message;
  return `::error ${properties.join(',')}::${escapeData(message)}`;
}

function escapeData(text: string): string {
  return text.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

function escapeProperty(text: string): string {
  return escapeData(text).replace(/:/g, '%3A').replace(/,/g, '%2C');
}
