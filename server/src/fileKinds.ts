/**
 * The user's say over a document's kind: `smtpStatusCodes.fileKinds` maps globs to kinds, and a matching glob decides
 * the kind before any detection. Also why a document has the kind it has, for the editor's status item.
 */
import { Minimatch } from 'minimatch';
import type { DocumentKind, KindDecision } from './documentKind';

/** Every kind a user can choose, with the words the editor shows for it. */
export const FILE_KINDS: Record<DocumentKind, { label: string; description: string }> = {
  'postfix': { label: 'Postfix configuration', description: 'main.cf, master.cf, access maps, header and body checks' },
  'exim': { label: 'Exim configuration', description: 'exim.conf and its ACLs' },
  'sendmail': { label: 'Sendmail configuration', description: 'sendmail.mc, access, virtusertable, rules' },
  'opensmtpd': { label: 'OpenSMTPD configuration', description: 'smtpd.conf and filters' },
  'mail-log': { label: 'Mail log', description: 'Postfix, Exim, Sendmail and qmail logs: codes are not yours to fix' },
  'bounce': { label: 'Mail message', description: 'a bounce, a delivery status notification or received mail' },
  'source': { label: 'Source code', description: 'replies in string literals' },
  'data': { label: 'Data', description: 'JSON, YAML, TOML, lock files and changelogs: versions are not codes' },
  'text': { label: 'Documentation and plain text', description: 'README files, Markdown, HTML, man pages, notes: codes quoted from elsewhere, softer checks' },
  'prose': { label: 'Prose only', description: 'no configuration syntax at all: REJECT or DEFER before a code is not an MTA action' },
};

export const FILE_KIND_NAMES = Object.keys(FILE_KINDS) as DocumentKind[];

export function isFileKind(value: unknown): value is DocumentKind {
  return typeof value === 'string' && Object.prototype.hasOwnProperty.call(FILE_KINDS, value);
}

/** How the kind was decided: the user's setting, or what detection went by. */
export type KindReason = 'setting' | KindDecision['reason'];

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
    const entries = Object.entries(fileKinds).map(([pattern, kind]) => {
      const wholePath = pattern.includes('/');
      const glob = wholePath && !/^[/*]/.test(pattern) ? `**/${pattern}` : pattern;
      return { pattern, kind, wholePath, matcher: new Minimatch(glob, { dot: true, nocomment: true, nonegate: true }) };
    });
    matchers = [...entries.filter((entry) => entry.wholePath), ...entries.filter((entry) => !entry.wholePath)];
    compiledByTable.set(fileKinds, matchers);
  }
  return matchers;
}
