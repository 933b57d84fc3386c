/** Comment syntax per document, and the comments that switch checks off: `# smtp-status-codes-disable-next-line class-mismatch`. */
import { basename, isConfigKind, type DocumentKind } from './documentKind';
import { matchesWithPositions } from './text';

export const DISABLE = 'smtp-status-codes-disable';
export const DISABLE_NEXT_LINE = 'smtp-status-codes-disable-next-line';

const LINE_COMMENT: Record<string, string> = {
  javascript: '//', javascriptreact: '//', typescript: '//', typescriptreact: '//', java: '//', csharp: '//', c: '//', cpp: '//',
  go: '//', rust: '//', php: '//', swift: '//', kotlin: '//', scala: '//', dart: '//', groovy: '//', fsharp: '//', jsonc: '//',
  python: '#', ruby: '#', perl: '#', shellscript: '#', powershell: '#', r: '#', elixir: '#', yaml: '#', toml: '#', properties: '#', ini: ';',
  lua: '--', sql: '--', haskell: '--', erlang: '%', vb: "'", clojure: ';',
};
/** Other ways a line comment starts, read but not written: `#` in INI files beside `;`, `!` in `.properties` files. */
const OTHER_LINE_COMMENTS: Record<string, readonly string[]> = { ini: ['#'], properties: ['!'] };

/** How a line comment starts in this document (the way a comment is written), or undefined where comments do not exist (logs, bounces, JSON). */
export function lineCommentPrefix(kind: DocumentKind, languageId: string, uri: string): string | undefined {
  if (kind === 'sendmail' && /\.mc$/i.test(basename(uri))) return 'dnl';
  if (isConfigKind(kind)) return '#';
  if (kind === 'source' || kind === 'data' || kind === 'text' || kind === 'prose') return LINE_COMMENT[languageId];
  return undefined;
}

/** Every way a line comment starts in this document: the one written first (see lineCommentPrefix). */
export function lineCommentPrefixes(kind: DocumentKind, languageId: string, uri: string): readonly string[] {
  const written = lineCommentPrefix(kind, languageId, uri);
  if (written === undefined) return [];
  return isConfigKind(kind) ? [written] : [written, ...(OTHER_LINE_COMMENTS[languageId] ?? [])];
}

/** Whether a comment line may be indented: in Postfix tables a line that starts with white space continues the one before. */
export function commentsMayBeIndented(kind: DocumentKind): boolean {
  return kind !== 'postfix' && kind !== 'sendmail';
}

/** The checks switched off by comments: for the whole file, and per line. `true` means every check. */
export interface Suppressions {
  file: Set<string> | true | undefined;
  lines: Map<number, Set<string> | true>;
}

const DIRECTIVE = /smtp-status-codes-disable(-next-line)?(?![\w-])([ \t]+[a-z][a-z -]*)?/g;

export function findSuppressions(text: string): Suppressions {
  const suppressions: Suppressions = { file: undefined, lines: new Map() };
  if (!text.includes(DISABLE)) return suppressions;
  for (const { match, line } of matchesWithPositions(text, DIRECTIVE)) {
    const checks = match[2]?.match(/[a-z-]+/g);
    const value: Set<string> | true = checks ? new Set(checks) : true;
    if (match[1]) suppressions.lines.set(line + 1, merge(suppressions.lines.get(line + 1), value));
    else suppressions.file = merge(suppressions.file, value);
  }
  return suppressions;
}

function merge(a: Set<string> | true | undefined, b: Set<string> | true): Set<string> | true {
  if (a === true || b === true) return true;
  return a ? new Set([...a, ...b]) : b;
}

export function isSuppressed(suppressions: Suppressions, line: number, check: string): boolean {
  const covers = (value: Set<string> | true | undefined) => value === true || (value !== undefined && value.has(check));
  return covers(suppressions.file) || covers(suppressions.lines.get(line));
}
