/**
 * What a document is, from its path, the editor's language id and its first lines: the kind selects which
 * bare codes are plausible, the default severities, and (in configuration) the comment syntax.
 */

export type ConfigKind = 'postfix' | 'exim' | 'sendmail' | 'opensmtpd';
/** `prose` is never detected: the user chooses it (smtpStatusCodes.fileKinds) for text with no MTA syntax. */
export type DocumentKind = 'mail-log' | 'bounce' | ConfigKind | 'source' | 'data' | 'text' | 'prose';

const SOURCE_LANGUAGES = new Set([
  'javascript', 'javascriptreact', 'typescript', 'typescriptreact', 'python', 'go', 'java', 'csharp', 'c', 'cpp',
  'php', 'ruby', 'perl', 'perl6', 'rust', 'shellscript', 'lua', 'kotlin', 'scala', 'swift', 'elixir', 'erlang', 'haskell',
  'powershell', 'vb', 'fsharp', 'dart', 'groovy', 'clojure', 'r', 'nim', 'zig', 'tcl',
]);
const DATA_LANGUAGES = new Set(['json', 'jsonc', 'jsonl', 'yaml', 'toml', 'xml', 'csv', 'tsv', 'html', 'markdown', 'restructuredtext', 'sql']);
const LANGUAGE_KINDS: Record<string, DocumentKind> = { log: 'mail-log', maillog: 'mail-log', email: 'bounce', eml: 'bounce', postfix: 'postfix', exim: 'exim', sendmail: 'sendmail', m4: 'sendmail' };

/** Rules on the path, most specific first. */
const PATH_RULES: [RegExp, DocumentKind][] = [
  [/\.(?:lock|sum)$|(?:^|\/)(?:requirements[^/]*\.txt|Gemfile|Pipfile|Podfile|(?:CHANGELOG|CHANGES|NEWS|HISTORY|RELEASE[-_]?NOTES)(?:\.\w+)?)$/i, 'data'],
  [/(?:^|\/)(?:mail\.(?:log|err|warn|info)|maillog|exim_(?:main|reject|panic)log|(?:main|reject|panic)log)(?:[.-]\d+|-\d{8})?(?:\.gz)?$/i, 'mail-log'],
  [/\.(?:eml|msg|mbox|dsn)$/i, 'bounce'],
  [/(?:^|\/)smtpd\.conf$|\/opensmtpd\//i, 'opensmtpd'],
  [/\.mc$|(?:^|\/)(?:sendmail|submit)\.cf$|(?:^|\/)(?:virtusertable|mailertable)$|\/etc\/mail\/access$/i, 'sendmail'],
  [/(?:^|\/)exim[^/]*\.conf(?:\.template)?$|\/exim4?\//i, 'exim'],
  [/(?:^|\/)(?:main|master)\.cf$|(?:^|\/)(?:\w+_)?access$|(?:^|\/)(?:\w+_)?(?:header|body)_checks$|(?:^|\/)(?:relocated|transport|canonical|\w+_reply_filter)$|\/postfix\//i, 'postfix'],
  [/\.log(?:\.\d+)?$/i, 'mail-log'],
];

/** Rules on the first few kilobytes, for untitled buffers and files without telling names. */
const CONTENT_RULES: [RegExp, DocumentKind][] = [
  [/^(?:Final-Recipient|Diagnostic-Code|Reporting-MTA|Original-Recipient):|message\/delivery-status/im, 'bounce'],
  [/\bpostfix\/[\w/-]+\[\d+\]:|\bsendmail\[\d+\]:|\bsm-mta\[\d+\]:|^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d(?:\.\d+)? (?:\[\d+\] )?\w{6}-\w{6,11}-\w{2,4} (?:<=|=>|->|\*\*|==|Completed)|\bsmtpd\[\d+\]: [0-9a-f]{16} |^@[0-9a-f]{24} (?:new msg|info msg|starting delivery|delivery \d+:|status:)/m, 'mail-log'],
  [/^\s*(?:begin\s+acl|acl_smtp_\w+\s*=|(?:deny|defer|drop)\s+message\s*=)/m, 'exim'],
  [/^(?:divert\(|dnl\b|FEATURE\(|OSTYPE\(|MAILER\()|\$#error\b|^(?:From|To|Connect):\S+\s+(?:ERROR|REJECT|DISCARD|RELAY)\b/m, 'sendmail'],
  [/^\s*(?:smtpd_\w+|myhostname|mydestination|smtp_\w+)\s*=|^\S+\s+(?:REJECT|DEFER|DEFER_IF_PERMIT|DEFER_IF_REJECT|DUNNO|OK|PREPEND|HOLD|DISCARD)\b|^\/.*\/\s+(?:REJECT|WARN|DISCARD)\b/m, 'postfix'],
  [/^\s*(?:listen on|action\s+"?\w+"?\s+(?:relay|mbox|maildir|lmtp)|match\s+(?:from|for)\b|filter\s+"?\w+"?\s+phase\b)/m, 'opensmtpd'],
];

/** How much of the text is read to recognise a document without a telling name. */
export const SNIFF_LENGTH = 4096;

export function basename(uri: string): string {
  const path = uri.replace(/[?#].*$/, '');
  return decodeURIComponent(path.slice(path.lastIndexOf('/') + 1));
}

export function documentKind(uri: string, languageId: string, text = ''): DocumentKind {
  const path = decodeURIComponent(uri.replace(/[?#].*$/, ''));
  for (const [pattern, kind] of PATH_RULES) if (pattern.test(path)) return kind;
  if (LANGUAGE_KINDS[languageId]) return LANGUAGE_KINDS[languageId];
  if (SOURCE_LANGUAGES.has(languageId)) return 'source';
  if (DATA_LANGUAGES.has(languageId)) return 'data';
  const head = text.slice(0, SNIFF_LENGTH);
  for (const [pattern, kind] of CONTENT_RULES) if (pattern.test(head)) return kind;
  return 'text';
}

export function isConfigKind(kind: DocumentKind): kind is ConfigKind {
  return kind === 'postfix' || kind === 'exim' || kind === 'sendmail' || kind === 'opensmtpd';
}

/** Logs and bounces report what remote servers sent: not the user's to fix, so diagnostics there are softer. */
export function isReadOnlyKind(kind: DocumentKind): boolean {
  return kind === 'mail-log' || kind === 'bounce';
}
