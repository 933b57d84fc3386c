/** Quick fixes for the diagnostics: edits that mend the code, the reply code or the action, and comments that silence a check. */
import { CodeActionKind, type CodeAction, type Diagnostic, type Range, type TextEdit } from 'vscode-languageserver-types';
import type { DocumentAnalysis, TextDocumentLike } from '../analysis';
import { ADD_KNOWN_CODE_COMMAND, OPEN_REGISTRY_COMMAND } from '../commands';
import { commentsMayBeIndented, DISABLE, DISABLE_NEXT_LINE, lineCommentPrefix } from '../comments';
import { isEditableKind, isTestPath } from '../documentKind';
import { withoutLineBreak } from '../lines';
import { findEntry, findEntryByCode, findReplyCode, isStatusClass, REGISTRY_URL, type StatusClass } from '../registry/registry';
import { COUNTERPART_REPLY_CODES } from '../registry/replyCodes';
import type { Occurrence } from '../scanner/scanner';
import { CLASS_WORD, DIAGNOSTIC_SOURCE } from './diagnostics';
import { entrySummary } from './describe';
import { mtaFindings, type Fix } from './mtaChecks';
import { suggestCodes } from './suggest';

const OPPOSITE_ACTION: Record<string, string> = {
  REJECT: 'DEFER', DEFER: 'REJECT', DEFER_IF_PERMIT: 'REJECT', DEFER_IF_REJECT: 'REJECT', DENY: 'DENYSOFT', DENYSOFT: 'DENY',
  DENYDISCONNECT: 'DENYSOFTDISCONNECT', DENYSOFTDISCONNECT: 'DENYDISCONNECT',
};

function span(line: number, start: number, end: number): Range {
  return { start: { line, character: start }, end: { line, character: end } };
}

function describeCode(code: string): string {
  const entry = findEntryByCode(code);
  return entry ? `${code} (${entrySummary(entry)})` : code;
}

function replaceCode(occurrence: Occurrence, code: string, preferred = false): Fix {
  return { title: `Replace ${occurrence.text} with ${describeCode(code)}`, edits: [{ range: span(occurrence.line, occurrence.start, occurrence.end), newText: code }], preferred };
}

/** The reply code of `statusClass` that means what `reply` means, if there is one (550 for 450; none for 554). */
function counterpart(reply: number, statusClass: number): number | undefined {
  const other = COUNTERPART_REPLY_CODES[reply];
  return other !== undefined && Math.floor(other / 100) === statusClass ? other : undefined;
}

function replaceReplyCode(occurrence: Occurrence, reply: number, title: string): Fix {
  const start = occurrence.replyStart!;
  return { title, edits: [{ range: span(occurrence.line, start, start + 3), newText: String(reply) }] };
}

/**
 * The fixes for one finding on one occurrence. A fix is preferred only where it keeps what the reply does: the basic reply
 * code (or the MTA action) is what a client acts on, so a class fix changes the enhanced code to match it, and never the other
 * way round; a temporary failure stays temporary, a 421 stays a 421; where the right code is a guess, nothing is preferred.
 */
function occurrenceFixes(code: string, occurrence: Occurrence, lineText: string): Fix[] {
  const { line, statusClass, subject, detail, replyCode, replyStart, impliedClass, action } = occurrence;
  const textAfter = lineText.slice(occurrence.end, occurrence.end + 120);
  const targetClass = (replyCode !== undefined && isStatusClass(Math.floor(replyCode / 100)) ? Math.floor(replyCode / 100) : impliedClass ?? (isStatusClass(statusClass) ? statusClass : 5)) as StatusClass;
  switch (code) {
    case 'unregistered-code':
    case 'malformed-code': {
      // The sub-codes are already read as numbers: 5.01.6 is 5.1.6 written with a leading zero; 3.1.1 after 550 is 5.1.1.
      // An unregistered code has no registered normal form: it gets the guesses alone.
      const normalised = `${targetClass}.${subject}.${detail}`;
      const registered = findEntry(subject, detail) !== undefined;
      const classKnown = isStatusClass(statusClass) || replyCode !== undefined || impliedClass !== undefined;
      const suggestions = registered ? [normalised] : [];
      for (const suggestion of suggestCodes(targetClass, textAfter, subject)) if (!suggestions.includes(suggestion)) suggestions.push(suggestion);
      return suggestions.slice(0, 3).map((suggestion, index) => replaceCode(occurrence, suggestion, index === 0 && registered && classKnown));
    }
    case 'class-mismatch': {
      const fixes = [replaceCode(occurrence, `${targetClass}.${subject}.${detail}`, true)];
      const reply = replyCode !== undefined && replyStart !== undefined ? counterpart(replyCode, statusClass) : undefined;
      if (reply !== undefined) {
        fixes.push(replaceReplyCode(occurrence, reply, `Change the reply code ${replyCode} to ${reply} (${CLASS_WORD[statusClass]})`));
      } else if (replyCode === undefined && action && OPPOSITE_ACTION[action.toUpperCase()]) {
        const at = lineText.lastIndexOf(action, occurrence.start);
        const opposite = OPPOSITE_ACTION[action.toUpperCase()];
        if (at !== -1) fixes.push({ title: `Change ${action} to ${opposite}`, edits: [{ range: span(line, at, at + action.length), newText: opposite }] });
      }
      return fixes;
    }
    case 'deprecated-code': {
      const replacement = findEntry(subject, detail)?.deprecatedBy;
      return replacement ? [replaceCode(occurrence, `${statusClass}.${replacement.slice(2)}`, true)] : [];
    }
    case 'unexpected-reply-code': {
      const entry = findEntry(subject, detail);
      if (!entry || replyStart === undefined || replyCode === undefined) return [];
      const generic = statusClass * 100 + 50;
      const choices = [...(findReplyCode(replyCode) ? [] : [generic]), ...entry.replyCodes.codes.filter((reply) => Math.floor(reply / 100) === statusClass && findReplyCode(reply))];
      // The reply written is never among them: one the registry lists with the code is not unexpected.
      return [...new Set(choices)].slice(0, 4)
        .map((reply) => replaceReplyCode(occurrence, reply, `Change the reply code ${replyCode} to ${reply} (${findReplyCode(reply)!.meaning})`));
    }
    case 'usage-mismatch': {
      // The other class would turn a temporary failure into a permanent one or the reverse: offered, never preferred.
      // The code itself is never suggested: its usage does not suit its class.
      const sameClass = suggestCodes(statusClass as StatusClass, textAfter).map((suggestion) => replaceCode(occurrence, suggestion));
      const other = statusClass === 4 ? 5 : 4;
      const reply = replyCode !== undefined ? counterpart(replyCode, other) : undefined;
      if (replyCode !== undefined && reply === undefined) return sameClass;
      const edits: TextEdit[] = [{ range: span(line, occurrence.start, occurrence.end), newText: `${other}.${subject}.${detail}` }];
      if (reply !== undefined) edits.push({ range: span(line, replyStart!, replyStart! + 3), newText: String(reply) });
      return [...sameClass, { title: `Make it a ${other === 5 ? 'permanent' : 'transient'} failure: ${reply !== undefined ? `${reply} ` : ''}${other}.${subject}.${detail}`, edits }];
    }
    default:
      return [];
  }
}

/** Comments that switch the check off for the line, or for the whole file. */
function suppressionFixes(document: TextDocumentLike, analysis: DocumentAnalysis, diagnostic: Diagnostic, lineText: string): Fix[] {
  const prefix = lineCommentPrefix(analysis.kind, document.languageId, document.uri);
  if (!prefix) return [];
  const line = diagnostic.range.start.line;
  // The comment line ends as the document's lines do: a file of lone CRs stays one.
  const firstLineText = document.getText({ start: { line: 0, character: 0 }, end: { line: 1, character: 0 } });
  const lineBreak = firstLineText.slice(withoutLineBreak(firstLineText).length) || '\n';
  const indent = commentsMayBeIndented(analysis.kind) ? /^\s*/.exec(lineText)![0] : '';
  const firstLine = document.getText(span(0, 0, 2)) === '#!' ? 1 : 0;
  return [
    { title: `Disable ${diagnostic.code} for this line`, edits: [{ range: span(line, 0, 0), newText: `${indent}${prefix} ${DISABLE_NEXT_LINE} ${diagnostic.code}${lineBreak}` }] },
    { title: `Disable ${diagnostic.code} for this file`, edits: [{ range: span(firstLine, 0, 0), newText: `${prefix} ${DISABLE} ${diagnostic.code}${lineBreak}` }] },
  ];
}

export function codeActions(document: TextDocumentLike, analysis: DocumentAnalysis, diagnostics: readonly Diagnostic[]): CodeAction[] {
  const actions: CodeAction[] = [];
  let lineFindings: ReturnType<typeof mtaFindings> | undefined;
  for (const diagnostic of diagnostics) {
    if (diagnostic.source !== DIAGNOSTIC_SOURCE || typeof diagnostic.code !== 'string') continue;
    const { line, character } = diagnostic.range.start;
    const lineText = withoutLineBreak(document.getText(span(line, 0, Number.MAX_SAFE_INTEGER)));
    const occurrence = analysis.occurrencesOnLine(line).find((o) => o.start === character && o.confident);
    let fixes: Fix[] = [];
    if (occurrence && diagnostic.range.end.character === occurrence.end) {
      fixes = occurrenceFixes(diagnostic.code, occurrence, lineText);
      const entry = findEntry(occurrence.subject, occurrence.detail);
      if (entry) {
        actions.push({
          title: `Open ${entry.code} in the IANA registry`,
          kind: CodeActionKind.QuickFix,
          diagnostics: [diagnostic],
          command: { title: 'Open the registry entry', command: OPEN_REGISTRY_COMMAND, arguments: [REGISTRY_URL, entry.code] },
        });
      }
      if (diagnostic.code === 'unregistered-code') {
        for (const target of ['workspace', 'user'] as const) {
          actions.push({
            title: `Add ${occurrence.text} to the known codes (${target} settings)`,
            kind: CodeActionKind.QuickFix,
            diagnostics: [diagnostic],
            command: { title: 'Add to known codes', command: ADD_KNOWN_CODE_COMMAND, arguments: [occurrence.text, target] },
          });
        }
      }
    } else {
      lineFindings ??= mtaFindings(document.getText(), analysis.kind);
      const finding = lineFindings.find((f) => f.code === diagnostic.code && f.range.start.line === line && f.range.start.character === character);
      fixes = finding?.fixes ?? [];
    }
    fixes.push(...suppressionFixes(document, analysis, diagnostic, lineText));
    // Logs, bounces and prose report what others wrote, and tests hold wrong replies on purpose: fixes are offered there,
    // never preferred, so nothing applies them unasked.
    const mayPrefer = isEditableKind(analysis.kind) && !isTestPath(document.uri);
    for (const fix of fixes) {
      actions.push({
        title: fix.title,
        kind: CodeActionKind.QuickFix,
        diagnostics: [diagnostic],
        isPreferred: (mayPrefer && fix.preferred) || undefined,
        edit: { changes: { [document.uri]: fix.edits } },
      });
    }
  }
  return actions;
}
