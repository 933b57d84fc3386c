/** What a document is, from its name and the editor's language id: it selects contexts and default severities. */

export type DocumentKind = 'mail-log' | 'bounce' | 'mta-config' | 'source' | 'data' | 'text';

const SOURCE_LANGUAGES = new Set([
  'javascript', 'javascriptreact', 'typescript', 'typescriptreact', 'python', 'go', 'java', 'csharp', 'c', 'cpp',
  'php', 'ruby', 'perl', 'perl6', 'rust', 'shellscript', 'lua', 'kotlin', 'scala', 'swift', 'elixir', 'erlang', 'haskell',
  'powershell', 'vb', 'fsharp', 'dart', 'groovy', 'clojure', 'r', 'nim', 'zig', 'tcl',
]);
const DATA_LANGUAGES = new Set(['json', 'jsonc', 'jsonl', 'yaml', 'toml', 'xml', 'csv', 'tsv', 'html', 'markdown', 'restructuredtext', 'sql']);
const CONFIG_LANGUAGES = new Set(['postfix', 'exim', 'sendmail', 'm4', 'properties', 'ini']);

const MAIL_LOG_NAME = /^(?:mail\.(?:log|err|warn|info)|maillog|exim_(?:mainlog|rejectlog|paniclog)|mainlog|rejectlog|syslog|messages)(?:[.-]\d+(?:\.gz)?|-\d{8})?$/i;
const BOUNCE_NAME = /\.(?:eml|msg|mbox|dsn)$/i;
const CONFIG_NAME = /^(?:main\.cf|master\.cf|access|sender_access|recipient_access|client_access|helo_access|header_checks|body_checks|mime_header_checks|nested_header_checks|smtp_reply_filter|transport|virtual|relocated|virtusertable|mailertable|smtpd\.conf|exim\d?\.conf|configure|.*\.mc|.*\.cf)$/i;

export function basename(uri: string): string {
  const path = uri.replace(/[?#].*$/, '');
  return decodeURIComponent(path.slice(path.lastIndexOf('/') + 1));
}

export function documentKind(uri: string, languageId: string): DocumentKind {
  const name = basename(uri);
  if (languageId === 'log' || MAIL_LOG_NAME.test(name) || /\.log(?:\.\d+)?$/i.test(name)) return 'mail-log';
  if (languageId === 'email' || languageId === 'eml' || BOUNCE_NAME.test(name)) return 'bounce';
  if (CONFIG_LANGUAGES.has(languageId) || CONFIG_NAME.test(name) || /\/(?:postfix|exim4?|mail|opensmtpd|haraka\/config)\//i.test(uri)) {
    return 'mta-config';
  }
  if (SOURCE_LANGUAGES.has(languageId)) return 'source';
  if (DATA_LANGUAGES.has(languageId)) return 'data';
  return 'text';
}

/** Logs and bounces report what remote servers sent: not the user's to fix, so diagnostics there are softer. */
export function isReadOnlyKind(kind: DocumentKind): boolean {
  return kind === 'mail-log' || kind === 'bounce';
}
