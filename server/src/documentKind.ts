/**
 * What a document is, from the editor's language id, its content and its path: the kind selects which bare codes are
 * plausible, which checks apply, the default severities, and (in configuration) the comment syntax.
 *
 * The language id and the content decide; a path decides alone only where the name tells (`main.cf`, `maillog`,
 * `sender_access`), and a directory (`/etc/postfix/`) only where the content neither reads as prose nor says otherwise.
 */

export type ConfigKind = 'postfix' | 'exim' | 'sendmail' | 'opensmtpd';
/**
 * `bounce` is any mail message (a bounce, a DSN, received mail); `text` is prose and plain text with no configuration
 * syntax (README files, Markdown, HTML, man pages, notes); `data` is structured data (JSON, YAML, lock files, changelogs).
 * `prose` is never detected: the user chooses it (smtpStatusCodes.fileKinds) for text where not even MTA actions are read.
 */
export type DocumentKind = 'mail-log' | 'bounce' | ConfigKind | 'source' | 'data' | 'text' | 'prose';

const SOURCE_LANGUAGES = new Set([
  'javascript', 'javascriptreact', 'typescript', 'typescriptreact', 'python', 'go', 'java', 'csharp', 'c', 'cpp',
  'php', 'ruby', 'perl', 'perl6', 'rust', 'shellscript', 'lua', 'kotlin', 'scala', 'swift', 'elixir', 'erlang', 'haskell',
  'powershell', 'vb', 'fsharp', 'dart', 'groovy', 'clojure', 'r', 'nim', 'zig', 'tcl',
]);
const DATA_LANGUAGES = new Set(['json', 'jsonc', 'jsonl', 'yaml', 'toml', 'xml', 'csv', 'tsv', 'sql']);
const PROSE_LANGUAGES = new Set(['markdown', 'html', 'restructuredtext', 'asciidoc', 'latex', 'tex', 'troff', 'groff', 'man']);
const LANGUAGE_KINDS: Record<string, DocumentKind> = { log: 'mail-log', maillog: 'mail-log', email: 'bounce', eml: 'bounce', postfix: 'postfix', exim: 'exim', sendmail: 'sendmail', m4: 'sendmail' };

/** Names that tell the kind whatever the content, most specific first. The path is a URI's, so a `/` precedes each name. */
const NAME_RULES: [RegExp, DocumentKind][] = [
  [/\.(?:lock|sum)$|\/(?:requirements[^/]*\.txt|Gemfile|Pipfile|Podfile|(?:CHANGELOG|CHANGES|NEWS|HISTORY|RELEASE[-_]?NOTES)(?:\.\w+)?)$/i, 'data'],
  [/\/(?:mail\.(?:log|err|warn|info)|maillog|exim_(?:main|reject|panic)log|(?:main|reject|panic)log)(?:[.-]\d+)?(?:\.gz)?$/i, 'mail-log'],
  // Before the man-page names (`.1` to `.8`): a rotated log keeps its `.log`.
  [/\.log(?:\.\d+)?$/i, 'mail-log'],
  [/\.(?:md|markdown|html?|rst|adoc|texi|[1-8])$|\/(?:README|INSTALL|FAQ|TODO|COPYING|AUTHORS|THANKS)(?:[._-][\w.-]*)?$|_README$/i, 'text'],
  [/\.(?:eml|msg|mbox|dsn)$/i, 'bounce'],
  [/\/smtpd\.conf$/i, 'opensmtpd'],
  [/\.mc$|\/(?:sendmail|submit)\.cf$|\/(?:virtusertable|mailertable)$|\/etc\/mail\/access$/i, 'sendmail'],
  [/\/exim[^/]*\.conf(?:\.template)?$/i, 'exim'],
  [/\/(?:main|master)\.cf$|\/(?:\w+_)?access(?:\.(?:pcre|regexp|cidr|hash|texthash))?$|\/(?:\w+_)?(?:header|body)_checks(?:\.\w+)?$|\/(?:relocated|transport|canonical|\w+_reply_filter)$|\.(?:pcre|regexp|cidr)$/i, 'postfix'],
];

/** Directories that hint at a kind where the content says nothing else (a configuration snippet of comments, say). */
const DIRECTORY_HINTS: [RegExp, DocumentKind][] = [
  [/\/opensmtpd\//i, 'opensmtpd'],
  [/\/exim4?\//i, 'exim'],
  [/\/postfix\//i, 'postfix'],
  [/\/etc\/mail\//i, 'sendmail'],
];

/** A key of a Postfix lookup table: an address, a domain, an IP network, a pattern. */
export const POSTFIX_KEY = String.raw`(?:\/[^/\s]+\/\w*|![\w/]\S*|[\w.+=-]*@[\w.-]*|\.?[\w-]+(?:\.[\w-]+)+|\d{1,3}(?:\.\d{1,3}){0,3}(?:\/\d{1,2})?|\[[\d.:a-f]+\](?:\/\d+)?)`;
/** Actions whose word is not common in other text (OK and DUNNO count only after a key that looks like one). */
const POSTFIX_TABLE_LINE = new RegExp(String.raw`^${POSTFIX_KEY}\s+(?:REJECT|DEFER|DEFER_IF_PERMIT|DEFER_IF_REJECT|DUNNO|OK|PREPEND|HOLD|DISCARD|REDIRECT|FILTER|WARN|[45]\d\d)(?:\s+[^\s-]|\s*$)`, 'm');

/** Rules on the first few kilobytes that win even over prose around them: messages, logs, OpenSMTPD's rule lines. */
const DECISIVE_CONTENT_RULES: [RegExp, DocumentKind][] = [
  [/^(?:Final-Recipient|Diagnostic-Code|Reporting-MTA|Original-Recipient):|message\/delivery-status/im, 'bounce'],
  [/\bpostfix\/[\w/-]+\[\d+\]:|\bsendmail\[\d+\]:|\bsm-mta\[\d+\]:|^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d(?:\.\d+)? (?:\[\d+\] )?\w{6}-\w{6,11}-\w{2,4} (?:<=|=>|->|\*\*|==|Completed)|\bsmtpd\[\d+\]: [0-9a-f]{16} |^@[0-9a-f]{24} (?:new msg|info msg|starting delivery|delivery \d+:|status:)/m, 'mail-log'],
  // A mail message: a header block first (an mbox `From ` line may precede it).
  [/^(?:From \S+ .*\n)?(?:(?:Return-Path|Received|Delivered-To|X-[\w-]+|Message-ID|From|To|Subject|Date|MIME-Version|Content-Type|Reply-To|Sender|DKIM-Signature|ARC-[\w-]+|Authentication-Results):[^\n]*\n(?:[ \t][^\n]*\n)*){3}/i, 'bounce'],
  [/^\s*(?:listen on|action\s+"?\w+"?\s+(?:relay|mbox|maildir|lmtp)|match\s+(?:from|for)\b|filter\s+"?\w+"?\s+phase\b)/m, 'opensmtpd'],
];

/** Rules on the first few kilobytes of text that does not read as prose, in order. */
const CONTENT_RULES: [RegExp, DocumentKind][] = [
  [/^\s*(?:begin\s+acl|acl_smtp_\w+\s*=|(?:deny|defer|drop)\s+message\s*=)/m, 'exim'],
  [/^(?:divert\(|dnl\b|FEATURE\(|OSTYPE\(|MAILER\()|\$#error\b|^(?:From|To|Connect):\S+\s+(?:ERROR|REJECT|DISCARD|RELAY)\b/m, 'sendmail'],
  [/^\s*(?:smtpd_\w+|myhostname|mydestination|smtp_\w+|relayhost|mynetworks|virtual_\w+)\s*=/m, 'postfix'],
  [POSTFIX_TABLE_LINE, 'postfix'],
];

/** How much of the text is read to recognise a document. */
export const SNIFF_LENGTH = 4096;

/** A line of prose: words and spaces, or markup around them (HTML, troff requests). */
const PROSE_LINE = /^\s*(?:<\/?[a-zA-Z][^>]*>|\.[A-Z]{1,2}\b|[*>-]\s+)?\s*[("'`]?[A-Za-z][a-z'’]*,?(?:[ \t]+[("'`<]?[A-Za-z0-9][\w'’.,:;!?)"'`>/-]*){3,}/;
const COMMENT_LINE = /^\s*(?:#|dnl\b|\/\/|;|--\s)/;

/** Whether the head reads as prose: most of its lines (comments left out) are sentences or markup. */
export function looksLikeProse(head: string): boolean {
  let prose = 0;
  let other = 0;
  for (const line of head.split(/\r\n|\r|\n/)) {
    if (!line.trim() || COMMENT_LINE.test(line)) continue;
    if (PROSE_LINE.test(line) || /^\s*<[a-zA-Z!/][^>]*>\s*$/.test(line) || /^\.[A-Za-z]{1,2}(?:\s|$)/.test(line)) prose++;
    else other++;
  }
  return prose >= 4 && prose > other;
}

export function basename(uri: string): string {
  const path = withoutQuery(uri);
  return safeDecode(path.slice(path.lastIndexOf('/') + 1));
}

function withoutQuery(uri: string): string {
  return uri.replace(/[?#].*/, '');
}

/** The URI's path without its query and fragment, decoded where it can be (a stray `%` is read as written). */
function decodedPath(uri: string): string {
  return safeDecode(withoutQuery(uri));
}

function safeDecode(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

export interface KindDecision {
  kind: DocumentKind;
  /** What decided it: the name, the language id, the content, or a directory the content agrees with. */
  reason: 'name' | 'language' | 'content' | 'directory' | 'default';
}

export function decideDocumentKind(uri: string, languageId: string, text = ''): KindDecision {
  if (SOURCE_LANGUAGES.has(languageId)) return { kind: 'source', reason: 'language' };
  const path = decodedPath(uri);
  for (const [pattern, kind] of NAME_RULES) if (pattern.test(path)) return { kind, reason: 'name' };
  if (LANGUAGE_KINDS[languageId]) return { kind: LANGUAGE_KINDS[languageId], reason: 'language' };
  if (DATA_LANGUAGES.has(languageId)) return { kind: 'data', reason: 'language' };
  if (PROSE_LANGUAGES.has(languageId)) return { kind: 'text', reason: 'language' };
  const head = text.slice(0, SNIFF_LENGTH);
  const first = DECISIVE_CONTENT_RULES.find(([pattern]) => pattern.test(head))?.[1];
  if (first) return { kind: first, reason: 'content' };
  if (looksLikeProse(head)) return { kind: 'text', reason: 'content' };
  const byContent = CONTENT_RULES.find(([pattern]) => pattern.test(head))?.[1];
  const hinted = DIRECTORY_HINTS.find(([pattern]) => pattern.test(path))?.[1];
  if (byContent) return { kind: byContent, reason: 'content' };
  if (hinted) return { kind: hinted, reason: 'directory' };
  return { kind: 'text', reason: 'default' };
}

export function documentKind(uri: string, languageId: string, text = ''): DocumentKind {
  return decideDocumentKind(uri, languageId, text).kind;
}

export function isConfigKind(kind: DocumentKind): kind is ConfigKind {
  return kind === 'postfix' || kind === 'exim' || kind === 'sendmail' || kind === 'opensmtpd';
}

/** Logs and mail messages report what remote servers sent: not the user's to fix, so diagnostics there are softer. */
export function isReadOnlyKind(kind: DocumentKind): boolean {
  return kind === 'mail-log' || kind === 'bounce';
}

/**
 * Where codes are mostly quoted from others (remote servers, providers, examples in documentation) rather than written as
 * the user's own replies: the softer severities (`severityInLogs`) apply.
 */
export function quotesOthers(kind: DocumentKind): boolean {
  return isReadOnlyKind(kind) || kind === 'text' || kind === 'prose';
}

/** Test sources and test data, where wrong replies are often written on purpose as inputs: no fix is applied there unasked. */
const TEST_PATH = /\/(?:tests?|spec|__tests__|testdata|t)\/|\/test_[^/]*$|_test\.\w+$|\.(?:test|spec)\.\w+$/i;

export function isTestPath(uri: string): boolean {
  return TEST_PATH.test(decodedPath(uri));
}

/** Where the text is the user's own reply definitions, so that a fix may be applied without asking: configuration and code. */
export function isEditableKind(kind: DocumentKind): boolean {
  return isConfigKind(kind) || kind === 'source' || kind === 'data';
}
