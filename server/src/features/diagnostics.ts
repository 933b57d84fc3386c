import { DiagnosticSeverity, type Diagnostic, type Range } from 'vscode-languageserver-types';
import { firstOnOrAfter, type DocumentAnalysis, type TextDocumentLike } from '../analysis';
import { findSuppressions, isSuppressed } from '../comments';
import { basename, isReadOnlyKind, quotesOthers } from '../documentKind';
import { findKnownCode } from '../knownCodes';
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

/**
 * The diagnostics of each occurrence as last built, kept while its line and the settings stay the same (an occurrence
 * belongs to one analysis, whose kind is fixed for its life): after an edit only the occurrences it touched are checked
 * again, and unchanged diagnostics are the same objects, which tells the server at a glance that a report has not changed.
 */
const built = new WeakMap<Occurrence, { line: number; settings: Settings; diagnostics: Diagnostic[] }>();

function occurrenceDiagnostics(occurrence: Occurrence, settings: Settings, levels: Settings['severity'], providers: ProviderUse): Diagnostic[] {
  const cached = built.get(occurrence);
  if (cached && cached.line === occurrence.line && cached.settings === settings) return cached.diagnostics;
  const range = { start: { line: occurrence.line, character: occurrence.start }, end: { line: occurrence.line, character: occurrence.end } };
  const diagnostics: Diagnostic[] = [];
  for (const finding of findingsFor(occurrence, settings.knownCodes, providers, settings.strictRegistry)) {
    const level = levels[finding.code];
    if (level !== 'off') diagnostics.push(diagnosticOf(finding, level, range));
  }
  built.set(occurrence, { line: occurrence.line, settings, diagnostics });
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
  const text = readOnly ? '' : document.getText();
  const suppressions = findSuppressions(text);
  const max = settings.maxNumberOfProblems;
  let result: Diagnostic[] = [];
  let firstOccurrence = 0;
  let limited = false;
  /** The line of the first problem left out by the limit. */
  let limitLine = Infinity;

  // In logs and bounces each diagnostic depends on its occurrence alone: those before the first line edited since the
  // last report are kept, and the occurrences are checked from that line on (not at all once the limit is reached there).
  const previous = readOnly ? lastReports.get(analysis) : undefined;
  if (previous && previous.settings === settings) {
    const kept = firstOnOrAfter(previous.validation.diagnostics, analysis.changedFromLine, (diagnostic) => diagnostic.range.start.line);
    const unchanged = kept === previous.validation.diagnostics.length && (previous.validation.limited ? previous.limitLine : Infinity) < analysis.changedFromLine;
    if (unchanged || analysis.changedFromLine === Infinity) {
      analysis.changedFromLine = Infinity;
      return previous.validation;
    }
    result = previous.validation.diagnostics.slice(0, kept);
    firstOccurrence = firstOnOrAfter(analysis.occurrences, analysis.changedFromLine);
  }
  const keep = (diagnostic: Diagnostic) => {
    if (isSuppressed(suppressions, diagnostic.range.start.line, diagnostic.code as DiagnosticCode)) return;
    if (result.length >= max) {
      if (!limited) limitLine = diagnostic.range.start.line;
      limited = true;
      return;
    }
    result.push(diagnostic);
  };

  const providers = providerUseOf(analysis.kind, settings.providers.enabled);
  const occurrences = analysis.occurrences;
  for (let i = firstOccurrence; i < occurrences.length && !limited; i++) {
    const occurrence = occurrences[i];
    if (!occurrence.confident) continue;
    for (const diagnostic of occurrenceDiagnostics(occurrence, settings, levels, providers)) {
      if (diagnostic.code === 'class-mismatch' && !readOnly && shownWithItsCorrection(occurrence, document)) continue;
      keep(diagnostic);
    }
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
  if (readOnly) {
    lastReports.set(analysis, { settings, validation, limitLine });
    analysis.changedFromLine = Infinity;
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

/** The last report of each analysis of a log or bounce, and the settings it was built with. */
const lastReports = new WeakMap<DocumentAnalysis, { settings: Settings; validation: Validation; limitLine: number }>();

