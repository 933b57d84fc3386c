/**
 * The user's say over a document's kind: `smtpStatusCodes.fileKinds` maps globs to kinds, and a matching glob decides
 * the kind before any detection. Also why a document has the kind it has, for the editor's status item.
 */
import { Minimatch } from 'minimatch';
import { documentKind, type DocumentKind } from './documentKind';

/** Every kind a user can choose, with the words the editor shows for it. */
export const FILE_KINDS: Record<DocumentKind, { label: string; description: string }> = {
  'postfix': { label: 'Postfix configuration', description: 'main.cf, master.cf, access maps, header and body checks' },
  'exim': { label: 'Exim configuration', description: 'exim.conf and its ACLs' },
  'sendmail': { label: 'Sendmail configuration', description: 'sendmail.mc, access, virtusertable, rules' },
  'opensmtpd': { label: 'OpenSMTPD configuration', description: 'smtpd.conf and filters' },
  'mail-log': { label: 'Mail log', description: 'Postfix, Exim, Sendmail and qmail logs: codes are not yours to fix' },
  'bounce': { label: 'Bounce message', description: 'delivery status notifications and non-delivery reports' },
  'source': { label: 'Source code', description: 'replies in string literals' },
  'data': { label: 'Data', description: 'JSON, YAML, Markdown and other data: versions are not codes' },
  'text': { label: 'Plain text', description: 'notes that may hold replies and MTA actions' },
  'prose': { label: 'Prose', description: 'plain text with no configuration syntax: REJECT or DEFER before a code means nothing' },
};

export const FILE_KIND_NAMES = Object.keys(FILE_KINDS) as DocumentKind[];

export function isFileKind(value: unknown): value is DocumentKind {
  return typeof value === 'string' && Object.prototype.hasOwnProperty.call(FILE_KINDS, value);
}

/** How the kind was decided: the user's setting, or detection from the file's name, its language, its content, or nothing. */
export type KindReason = 'setting' | 'name' | 'language' | 'content' | 'default';

export interface KindDecision {
  kind: DocumentKind;
  reason: KindReason;
  /** The glob of smtpStatusCodes.fileKinds that decided it, where the setting did. */
  pattern?: string;
}

/** The document's path (file URIs and others alike), decoded; '' where the URI has none. */
export function uriPath(uri: string): string {
  const match = /^[a-z][\w+.-]*:(?:\/\/[^/?#]*)?([^?#]*)/i.exec(uri);
  const path = match ? match[1] : uri;
  try {
    return decodeURIComponent(path);
  } catch {
    return path;
  }
}

/**
 * The kind the user gave this document, if any. A glob without a `/` is matched against the file name; one with a `/`
 * against the whole path, where a relative one (`conf/*.txt`) may match its end (`**\/conf/*.txt`). Globs with a `/`
 * are tried first, then the others, each in the order written.
 */
export function userFileKind(uri: string, fileKinds: Record<string, DocumentKind>): { kind: DocumentKind; pattern: string } | undefined {
  const matchers = compiled(fileKinds);
  if (matchers.length === 0) return undefined;
  const path = uriPath(uri);
  const name = path.slice(path.lastIndexOf('/') + 1);
  for (const { pattern, kind, wholePath, matcher } of matchers) if (matcher.match(wholePath ? path : name)) return { kind, pattern };
  return undefined;
}

interface KindMatcher {
  pattern: string;
  kind: DocumentKind;
  wholePath: boolean;
  matcher: Minimatch;
}

/** Settings objects live as long as they are current: their globs are compiled once, not on every request. */
const compiledByTable = new WeakMap<Record<string, DocumentKind>, KindMatcher[]>();

function compiled(fileKinds: Record<string, DocumentKind>): KindMatcher[] {
  let matchers = compiledByTable.get(fileKinds);
  if (!matchers) {
    const entries = Object.entries(fileKinds).map(([pattern, kind]) => ({
      pattern, kind, wholePath: pattern.includes('/'),
      matcher: new Minimatch(pattern.includes('/') && !/^[/*]/.test(pattern) ? `**/${pattern}` : pattern, { dot: true, nocomment: true, nonegate: true }),
    }));
    matchers = [...entries.filter((entry) => entry.wholePath), ...entries.filter((entry) => !entry.wholePath)];
    compiledByTable.set(fileKinds, matchers);
  }
  return matchers;
}

/** A URI that no name rule knows, to ask detection about the language or the content alone. */
const NAMELESS = 'untitled:Untitled-1';

/**
 * Why detection gave `kind`: the first of name, language and content that alone gives the same kind.
 * Detection is asked about each one apart, so this stays true whatever order its rules take.
 */
export function detectionReason(uri: string, languageId: string, text: string, kind: DocumentKind): KindReason {
  if (documentKind(uri, 'plaintext', '') === kind && kind !== 'text') return 'name';
  if (documentKind(NAMELESS, languageId, '') === kind && kind !== 'text') return 'language';
  if (documentKind(NAMELESS, 'plaintext', text) === kind && kind !== 'text') return 'content';
  return 'default';
}
