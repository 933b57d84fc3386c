/** The CLI's outputs: lines for people, JSON, and SARIF 2.1.0 for code scanning. */
import { DIAGNOSTIC_CODES } from '../settings';

export interface Finding {
  path: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  severity: 'error' | 'warning' | 'information' | 'hint';
  code: string;
  message: string;
  helpUri?: string;
}

export function textReport(findings: Finding[], filesChecked: number): string {
  const lines = findings.map((f) => `${f.path}:${f.line}:${f.column} ${f.severity} ${f.code} ${f.message}`);
  const count = (severity: Finding['severity']) => findings.filter((f) => f.severity === severity).length;
  const files = new Set(findings.map((f) => f.path)).size;
  lines.push(findings.length === 0
    ? `No problems in ${filesChecked} file${filesChecked === 1 ? '' : 's'}.`
    : `${findings.length} problem${findings.length === 1 ? '' : 's'} (${count('error')} errors, ${count('warning')} warnings, ${count('information')} infos, ${count('hint')} hints) in ${files} of ${filesChecked} files.`);
  return lines.join('\n');
}

export function jsonReport(findings: Finding[]): string {
  return JSON.stringify(findings, null, 2);
}

const SARIF_LEVEL: Record<Finding['severity'], string> = { error: 'error', warning: 'warning', information: 'note', hint: 'note' };

export function sarifReport(findings: Finding[], version: string, helpUris: Record<string, string>): string {
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
      results: findings.map((f) => ({
        ruleId: f.code,
        ruleIndex: DIAGNOSTIC_CODES.indexOf(f.code as never),
        level: SARIF_LEVEL[f.severity],
        message: { text: f.message },
        locations: [{
          physicalLocation: {
            artifactLocation: { uri: f.path.split('\\').join('/') },
            region: { startLine: f.line, startColumn: f.column, endLine: f.endLine, endColumn: f.endColumn },
          },
        }],
      })),
    }],
  }, null, 2);
}
