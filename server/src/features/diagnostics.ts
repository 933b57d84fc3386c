import { DiagnosticSeverity, type Diagnostic, type Range } from 'vscode-languageserver-types';
import type { DocumentAnalysis, TextDocumentLike } from '../analysis';
import { findSuppressions, isSuppressed } from '../comments';
import { basename, isReadOnlyKind, quotesOthers } from '../documentKind';
import { findKnownCode } from '../knownCodes';
import { firstOnOrAfterLine } from '../lines';
import { isProviderCode } from '../registry/providerLookup';
import { allowsReplyCode, findEntry, findReplyCode, usageAllows, findSubject, REGISTRY_URL } from '../registry/registry';
import type { Occurrence } from '../scanner/scanner';
import { quote } from '../text';
import type { DiagnosticCode, SeverityLevel, Settings } from '../settings';
import { dsnFindings } from './dsn';
import { mtaFindings } from './mtaChecks';
import { providerUseOf, whoDocuments, type ProviderUse } from './providers';

export const DIAGNOSTIC_SOURCE = 'smtp-status-codes';

export const DOCUMENTATION: Record<DiagnosticCode, string> = {
  'unregistered-code': REGISTRY_URL,
  'malformed-code': 'https://www.rfc-editor.org/rfc/rfc3463#section-2',
  'class-mismatch': 'https://www.rfc-editor.org/rfc/rfc2034#section-4',
  'unexpected-reply-code': REGISTRY_URL,
  'usage-mismatch': 'https://www.rfc-editor.org/rfc/rfc3463#section-3',
  'deprecated-code': REGISTRY_URL,
  'missing-code': 'https://www.rfc-editor.org/rfc/rfc2034#section-4',
  'invalid-reply-code': 'https://www.rfc-editor.org/rfc/rfc5321#section-4.2',
  'dsn-inconsistency': 'https://www.rfc-editor.org/rfc/rfc3464#section-2.3.3',
};

const SEVERITY: Record<Exclude<SeverityLevel, 'off'>, DiagnosticSeverity> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  information: DiagnosticSeverity.Information,
  hint: DiagnosticSeverity.Hint,
};

/**
 * The longest message sent: every message passes through one place (`add` below), where it is cut to this length
 * should a check quote more of a line than it means to (each check quotes document text through quote()).
 */
const MAX_MESSAGE_LENGTH = 500;

export const CLASS_WORD: Record<number, string> = { 2: 'success', 4: 'transient failure', 5: 'permanent failure' };

interface Finding {
  code: DiagnosticCode;
  message: string;
}

/**
 * What is wrong with one confident occurrence, most important first; `providers` says what a code a provider documents counts
 * for. The registry's associated reply codes and its permanent/transient notes are examples that the world's MTAs depart from
 * by design (`452 4.5.3`, `450 4.1.1`, `553 5.1.3`, `5.4.6` for a loop): they are checked only under `strictRegistry`;
 * otherwise a reply code is checked only for being defined.
 */
export function findingsFor(occurrence: Occurrence, knownCodes: Record<string, string> = {}, providers: ProviderUse = 'known', strictRegistry = false): Finding[] {
  const { text, statusClass, subject, detail, replyCode, impliedClass, action } = occurrence;
  if (occurrence.malformation) {
    return [{ code: 'malformed-code', message: `${text} is not a well-formed enhanced status code: ${occurrence.malformation}.` }];
  }
  const findings: Finding[] = [];
  const expectedClass = replyCode !== undefined ? Math.floor(replyCode / 100) : impliedClass;
  const classMismatch = expectedClass !== undefined && expectedClass !== 3 && expectedClass !== statusClass;
  if (classMismatch) {
    const cause = replyCode !== undefined ? `reply code ${replyCode}` : `${quote(action ?? '')} (a ${CLASS_WORD[expectedClass]})`;
    findings.push({
      code: 'class-mismatch',
      message: `${text} is a ${CLASS_WORD[statusClass]} code but ${cause} needs class ${expectedClass}: write ${expectedClass}.${subject}.${detail}, or change the ${replyCode !== undefined ? 'reply code' : 'action'}.`,
    });
  }

  const entry = findEntry(subject, detail);
  if (!entry && (findKnownCode(knownCodes, text) || (providers === 'known' && isProviderCode(text)))) return findings;
  if (!entry) {
    const documentedBy = providers === 'named' ? whoDocuments(text) : undefined;
    const subjectEntry = findSubject(subject);
    const known = subjectEntry ? `subject X.${subject} (${subjectEntry.summary}) has no detail ${detail}` : `there is no subject X.${subject}`;
    const provider = documentedBy ? ` ${documentedBy}; a reply of your own should use a registered code.` : '';
    findings.push({ code: 'unregistered-code', message: `${text} is not in the IANA registry of enhanced status codes: ${known}.${provider}` });
    return findings;
  }
  if (entry.deprecatedBy) {
    findings.push({
      code: 'deprecated-code',
      message: `${text} is deprecated: the registry marks ${entry.code} as a duplicate of ${entry.deprecatedBy}; use ${statusClass}.${entry.deprecatedBy.slice(2)}.`,
    });
  }
  if (replyCode !== undefined && !classMismatch && !findReplyCode(replyCode) && !entry.replyCodes.codes.includes(replyCode)) {
    findings.push({
      code: 'unexpected-reply-code',
      message: `${replyCode} is not a reply code that RFC 5321 or its extensions define, so clients read it only by its first digit; the registry associates ${entry.code} (${entry.sample}) with ${entry.replyCodes.raw}.`,
    });
  } else if (strictRegistry && replyCode !== undefined && !classMismatch && !allowsReplyCode(entry, replyCode)) {
    findings.push({
      code: 'unexpected-reply-code',
      message: `The registry associates ${entry.code} (${entry.sample}) with reply codes ${entry.replyCodes.raw}, not ${replyCode}.`,
    });
  }
  if (strictRegistry && !classMismatch && (statusClass === 4 || statusClass === 5) && !usageAllows(entry, statusClass)) {
    const only = entry.usage === 'permanent' ? 'permanent failures (5.X.X)' : 'persistent transient failures (4.X.X)';
    findings.push({
      code: 'usage-mismatch',
      message: `${entry.code} (${entry.sample}) is registered as useful only for ${only}, but ${text} is a ${CLASS_WORD[statusClass]}.`,
    });
  }
  return findings;
}

export interface Validation {
  diagnostics: Diagnostic[];
  /** Set when a limit cut the checks short: the setting, and a message saying what was limited and how to change it. */
  limited?: { setting: 'maxFileSize' | 'maxNumberOfProblems'; message: string };
}

function diagnosticOf(finding: Finding, level: Exclude<SeverityLevel, 'off'>, range: Range): Diagnostic {
  return { range, severity: SEVERITY[level], code: finding.code, codeDescription: { href: DOCUMENTATION[finding.code] }, source: DIAGNOSTIC_SOURCE, message: quote(finding.message, MAX_MESSAGE_LENGTH) };
}

function occurrenceDiagnostics(occurrence: Occurrence, settings: Settings, levels: Settings['severity'], providers: ProviderUse): Diagnostic[] {
  const range = { start: { line: occurrence.line, character: occurrence.start }, end: { line: occurrence.line, character: occurrence.end } };
  const diagnostics: Diagnostic[] = [];
  for (const finding of findingsFor(occurrence, settings.knownCodes, providers, settings.strictRegistry)) {
    const level = levels[finding.code];
    if (level !== 'off') diagnostics.push(diagnosticOf(finding, level, range));
  }
  return diagnostics;
}

export function diagnostics(analysis: DocumentAnalysis, settings: Settings, document: TextDocumentLike): Validation {
  const name = quote(basename(document.uri));
  if (!settings.validate.enabled) return { diagnostics: [] };
  if (analysis.textLength > settings.maxFileSize) {
    return {
      diagnostics: [],
      limited: {
        setting: 'maxFileSize',
        message: `${name} has ${analysis.textLength} characters, more than smtpStatusCodes.maxFileSize (${settings.maxFileSize}), so its status codes are not checked; hover still works. Raise the setting to check it.`,
      },
    };
  }
  const readOnly = isReadOnlyKind(analysis.kind);
  const levels = quotesOthers(analysis.kind) ? settings.severityInLogs : settings.severity;
  // Logs and bounces have no comments and no configuration syntax: their text is not read again.
  // Stryker disable next-line StringLiteral: any stand-in text is equivalent, as no suppression or MTA check reads a log's or bounce's text
  const text = readOnly ? '' : document.getText();
  const suppressions = findSuppressions(text);
  const max = settings.maxNumberOfProblems;
  let result: Diagnostic[] = [];
  let limited = false;
  /** The line of the first problem left out by the limit. */
  let limitLine = Infinity;
  const keep = (diagnostic: Diagnostic) => {
    if (isSuppressed(suppressions, diagnostic.range.start.line, diagnostic.code as DiagnosticCode)) return;
    if (result.length >= max) {
      if (!limited) limitLine = diagnostic.range.start.line;
      limited = true;
      return;
    }
    result.push(diagnostic);
  };

  // In a log each diagnostic depends on its occurrence alone: after edits, the diagnostics before the lines they touched
  // are kept, those after them are kept and moved with their lines, and only the occurrences on those lines are checked.
  // Once the last report reached the limit, the occurrences are checked from the first edited line on, up to the limit.
  let fromLine = 0;
  let toLine = Infinity;
  let after: readonly Diagnostic[] = [];
  let shift = 0;
  const previous = analysis.kind === 'mail-log' ? lastReports.get(analysis) : undefined;
  const changed = analysis.changedLines;
  if (previous && previous.settings === settings && changed?.to !== Infinity) {
    const old = previous.validation.diagnostics;
    if (!changed || (previous.validation.limited && previous.limitLine < changed.from)) {
      analysis.changedLines = undefined;
      return previous.validation;
    }
    result = old.slice(0, firstOnOrAfterLine(old.length, lineOf(old), changed.from));
    fromLine = changed.from;
    if (!previous.validation.limited) {
      toLine = changed.to;
      after = old.slice(firstOnOrAfterLine(old.length, lineOf(old), changed.to - changed.shift + 1));
      shift = changed.shift;
    }
  }

  const providers = providerUseOf(analysis.kind, settings.providers.enabled);
  for (const occurrence of analysis.eachInLines(fromLine, toLine)) {
    if (limited) break;
    if (!occurrence.confident) continue;
    for (const diagnostic of occurrenceDiagnostics(occurrence, settings, levels, providers)) {
      if (diagnostic.code === 'class-mismatch' && !readOnly && shownWithItsCorrection(occurrence, document)) continue;
      keep(diagnostic);
    }
  }
  for (const diagnostic of after) {
    if (limited) break;
    keep(shift === 0 ? diagnostic : movedBy(diagnostic, shift));
  }
  const lineFindings = analysis.kind === 'bounce' ? dsnFindings(document.getText()) : mtaFindings(text, analysis.kind);
  for (const finding of lineFindings) {
    const level = levels[finding.code];
    if (level !== 'off') keep(diagnosticOf(finding, level, finding.range));
  }
  if (lineFindings.length > 0) result.sort((a, b) => a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character);

  const validation: Validation = limited
    ? {
      diagnostics: result,
      limited: {
        setting: 'maxNumberOfProblems',
        message: `${name} has more than ${max} status code problems; only the first ${max} are shown. Raise smtpStatusCodes.maxNumberOfProblems to see more.`,
      },
    }
    : { diagnostics: result };
  if (analysis.kind === 'mail-log') {
    analysis.changedLines = undefined;
    const report = previous && sameDiagnostics(previous.validation, validation) ? previous.validation : validation;
    lastReports.set(analysis, { settings, validation: report, limitLine });
    return report;
  }
  return validation;
}

/**
 * A class mismatch written beside its correction (`Reply('550', '2.3.4 Stuff')` and then `assertEqual('5.3.4', …)`) is a
 * test of the correction, not a mistake: the corrected code alone in quotes on the same line or one of the next two.
 */
function shownWithItsCorrection(occurrence: Occurrence, document: TextDocumentLike): boolean {
  const expectedClass = occurrence.replyCode !== undefined ? Math.floor(occurrence.replyCode / 100) : occurrence.impliedClass;
  const corrected = `${expectedClass}.${occurrence.subject}.${occurrence.detail}`;
  const nearby = document.getText({ start: { line: occurrence.line, character: occurrence.end }, end: { line: occurrence.line + 3, character: 0 } });
  return ['"', "'", '`'].some((quote) => nearby.includes(`${quote}${corrected}${quote}`));
}

/** The line of each diagnostic of `diagnostics`, by index. */
const lineOf = (diagnostics: readonly Diagnostic[]) => (index: number) => diagnostics[index].range.start.line;

function movedBy(diagnostic: Diagnostic, lines: number): Diagnostic {
  const { start, end } = diagnostic.range;
  return { ...diagnostic, range: { start: { line: start.line + lines, character: start.character }, end: { line: end.line + lines, character: end.character } } };
}

/** The same diagnostic objects: the report is unchanged, and its being the same object tells the server so. */
function sameDiagnostics(a: Validation, b: Validation): boolean {
  return a.limited?.message === b.limited?.message && a.diagnostics.length === b.diagnostics.length && a.diagnostics.every((diagnostic, index) => diagnostic === b.diagnostics[index]);
}

/** The last report of each analysis of a log, and the settings it was built with. */
const lastReports = new WeakMap<DocumentAnalysis, { settings: Settings; validation: Validation; limitLine: number }>();

