/** The CLI's outputs: lines for people, JSON, and SARIF 2.1.0 for code scanning. */
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { DIAGNOSTIC_CODES } from '../settings';

export interface Finding {
  /** The file's path as shown: relative to the working directory where it lies inside it. */
  path: string;
  /** One-based line and UTF-16 column, with `\n`, `\r\n` and `\r` as line ends and the byte-order mark not counted (as LSP and editors count). */
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  severity: 'error' | 'warning' | 'information' | 'hint';
  code: string;
  message: string;
}

/** A finding and the absolute path of its file. */
export interface LocatedFinding extends Finding {
  file: string;
}

/** What the run did not do, or did besides checking: said per file as it happens, and counted here. */
export interface RunSummary {
  checked: number;
  /** Files that were asked for but not checked (unreadable, too large, unread encoding ...). */
  notChecked: number;
  /** Files found in directories that hold no text to check (binary files, pipes, links to directories). */
  skipped: number;
  /** Files with more problems than maxNumberOfProblems. */
  cut: number;
  fixed?: { problems: number; files: number; wouldFix: boolean };
  /** Paths and directories that could not be read or found. */
  failures: number;
  /** Files whose fixes could not be written. */
  unfixed: number;
}

const plural = (count: number, word: string) => `${count} ${word}${count === 1 ? '' : 's'}`;

export function summaryLine(findings: Finding[], summary: RunSummary): string {
  const count = (severity: Finding['severity']) => findings.filter((f) => f.severity === severity).length;
  const files = new Set(findings.map((f) => f.path)).size;
  const parts = [findings.length === 0
    ? `No problems in ${plural(summary.checked, 'file')}.`
    : `${plural(findings.length, 'problem')} (${count('error')} errors, ${count('warning')} warnings, ${count('information')} infos, ${count('hint')} hints) in ${files} of ${summary.checked} files.`];
  if (summary.fixed) parts.push(`${summary.fixed.wouldFix ? 'Would fix' : 'Fixed'} ${plural(summary.fixed.problems, 'problem')} in ${plural(summary.fixed.files, 'file')}.`);
  if (summary.cut > 0) parts.push(`${plural(summary.cut, 'file')} had more problems than maxNumberOfProblems: the first are listed, and every one at or above --fail-on.`);
  if (summary.notChecked > 0) parts.push(`${plural(summary.notChecked, 'file')} not checked.`);
  if (summary.failures > 0) parts.push(`${plural(summary.failures, 'path')} could not be read.`);
  if (summary.unfixed > 0) parts.push(`${plural(summary.unfixed, 'file')} could not be fixed.`);
  if (summary.skipped > 0) parts.push(`${plural(summary.skipped, 'file')} skipped (not text).`);
  return parts.join(' ');
}

export function textReport(findings: Finding[], summary: RunSummary): string {
  const lines = findings.map((f) => `${f.path}:${f.line}:${f.column} ${f.severity} ${f.code} ${f.message}`);
  lines.push(summaryLine(findings, summary));
  return lines.join('\n');
}

export function jsonReport(findings: LocatedFinding[]): string {
  return JSON.stringify(findings.map(({ file: _file, ...finding }) => finding), null, 2);
}

const SARIF_LEVEL: Record<Finding['severity'], string> = { error: 'error', warning: 'warning', information: 'note', hint: 'note' };

/** The base that relative artifact URIs are resolved against. */
export const SOURCE_ROOT = '%SRCROOT%';

/** A percent-encoded URI relative to SOURCE_ROOT for files inside `base`, an absolute file URI for those outside. */
export function artifactLocation(file: string, base: string): { uri: string; uriBaseId?: string } {
  const relative = path.relative(base, file);
  if (relative === '' || relative === '..' || relative.startsWith(`..${path.sep}`) || path.isAbsolute(relative)) return { uri: pathToFileURL(file).href };
  return { uri: relative.split(path.sep).map(encodeURIComponent).join('/'), uriBaseId: SOURCE_ROOT };
}

export interface SarifNotification {
  file: string;
  message: string;
  failed: boolean;
}

export function sarifReport(findings: LocatedFinding[], version: string, helpUris: Record<string, string>, base: string, notifications: SarifNotification[]): string {
  const baseUri = pathToFileURL(base).href;
  return JSON.stringify({
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [{
      tool: {
        driver: {
          name: 'smtp-status-codes',
          version,
          informationUri: 'https://www.iana.org/assignments/smtp-enhanced-status-codes/',
          rules: DIAGNOSTIC_CODES.map((id) => ({ id, name: id, shortDescription: { text: id.replace(/-/g, ' ') }, helpUri: helpUris[id] })),
        },
      },
      originalUriBaseIds: { [SOURCE_ROOT]: { uri: baseUri.endsWith('/') ? baseUri : `${baseUri}/` } },
      columnKind: 'utf16CodeUnits',
      invocations: [{
        executionSuccessful: !notifications.some((n) => n.failed),
        toolExecutionNotifications: notifications.map((n) => ({
          level: n.failed ? 'error' : 'note',
          message: { text: n.message },
          locations: [{ physicalLocation: { artifactLocation: artifactLocation(n.file, base) } }],
        })),
      }],
      results: findings.map((f) => ({
        ruleId: f.code,
        ruleIndex: DIAGNOSTIC_CODES.indexOf(f.code as never),
        level: SARIF_LEVEL[f.severity],
        message: { text: f.message },
        locations: [{
          physicalLocation: {
            artifactLocation: artifactLocation(f.file, base),
            region: { startLine: f.line, startColumn: f.column, endLine: f.endLine, endColumn: f.endColumn },
          },
        }],
      })),
    }],
  }, null, 2);
}
