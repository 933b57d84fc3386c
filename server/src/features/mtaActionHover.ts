/** Hover on the words of MTA configuration that produce replies: what each does and the reply it sends by default. */
import type { Hover, Position } from 'vscode-languageserver-types';
import type { DocumentKind } from '../documentKind';
import { findMtaAction, MTA_ACTIONS, type Mta, type MtaAction } from '../registry/mtaActions';

const MTA_NAME: Record<Mta, string> = { postfix: 'Postfix', exim: 'Exim', sendmail: 'Sendmail', opensmtpd: 'OpenSMTPD', haraka: 'Haraka' };
const WORD_CHARACTER = /[\w$#]/;
const EXIM_VERB = new RegExp(String.raw`^\s*(${MTA_ACTIONS.filter((action) => action.mta === 'exim').map((action) => action.word).join('|')})\b`);
const OPENSMTPD_FILTER = /^\s*filter\b/;
const HARAKA_CALL = /\bnext\s*\(|\bconstants\./;

function describe(action: MtaAction): string {
  const what = action.kind === 'parameter' ? 'parameter' : action.mta === 'exim' ? 'ACL verb' : action.mta === 'haraka' ? 'plugin verdict' : action.mta === 'opensmtpd' ? 'filter verdict' : 'action';
  const lines = [`**${action.word}** · ${MTA_NAME[action.mta]} ${what}`, '', action.effect];
  if (action.kind === 'parameter') lines.push('', `Default: \`${action.word} = ${action.defaultReply}\``);
  else if (action.defaultReply) lines.push('', `Replies by default: ${action.defaultReply.includes('`') ? action.defaultReply : `\`${action.defaultReply}\``}`);
  if (action.changedBy && action.kind !== 'parameter') lines.push('', `Changed by: ${action.changedBy}`);
  lines.push('', `[${action.source.label}](${action.source.url})`);
  return lines.join('\n');
}

/** The word under the cursor, with a trailing colon where Sendmail's `ERROR:` / `TEMP:` forms have one. */
function wordAt(lineText: string, character: number): { word: string; start: number; end: number } | undefined {
  let start = character;
  let end = character;
  while (start > 0 && WORD_CHARACTER.test(lineText[start - 1])) start--;
  while (end < lineText.length && WORD_CHARACTER.test(lineText[end])) end++;
  if (start === end) return undefined;
  if (lineText[end] === ':' && /^[A-Za-z]+$/.test(lineText.slice(start, end))) end++;
  return { word: lineText.slice(start, end), start, end };
}

/** The entry a word stands for in a document of this kind, where the word is in a place that MTA reads it. */
function actionFor(kind: DocumentKind, lineText: string, word: string, start: number): MtaAction | undefined {
  const before = lineText.slice(0, start);
  switch (kind) {
    case 'postfix': {
      const parameter = word.replace(/^\$/, '');
      if (/^(?:\w+_)?(?:reject|defer)_code$/.test(parameter)) return findMtaAction('postfix', parameter);
      const inValue = /(?:\S\s+|=)$/.test(before);
      return inValue && (word === word.toUpperCase() || word === 'permit') ? findMtaAction('postfix', word) : undefined;
    }
    case 'exim':
      return EXIM_VERB.exec(lineText)?.[1] === word && before.trim() === '' ? findMtaAction('exim', word) : undefined;
    case 'sendmail':
      if (word === '$#error') return findMtaAction('sendmail', word);
      if (word === 'tempfail' && /\$@\s*$/.test(before)) return findMtaAction('sendmail', 'TEMPFAIL');
      return (word === word.toUpperCase() || word === 'error:') && /\s$/.test(before) ? findMtaAction('sendmail', word) : undefined;
    case 'opensmtpd':
      return OPENSMTPD_FILTER.test(lineText) && word === word.toLowerCase() && before.trim() !== '' ? findMtaAction('opensmtpd', word) : undefined;
    case 'source':
      return HARAKA_CALL.test(lineText) && /^[A-Z]+$/.test(word) ? findMtaAction('haraka', word) : undefined;
    default:
      return undefined;
  }
}

export function mtaActionHover(lineText: string, position: Position, kind: DocumentKind): Hover | null {
  if (kind !== 'source' && /^\s*(?:#|dnl\b)/.test(lineText)) return null;
  const found = wordAt(lineText, position.character);
  if (!found) return null;
  const action = actionFor(kind, lineText, found.word, found.start);
  if (!action) return null;
  return {
    contents: { kind: 'markdown', value: describe(action) },
    range: { start: { line: position.line, character: found.start }, end: { line: position.line, character: found.end } },
  };
}
