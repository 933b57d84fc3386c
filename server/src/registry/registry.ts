/** Look-ups over the generated IANA table and the basic reply codes. */
import { IANA_REGISTRY } from './iana.generated';
import { REPLY_CODES, type ReplyCodeEntry } from './replyCodes';
import type { ClassEntry, EnumeratedEntry, StatusClass, SubjectEntry } from './types';

export * from './types';
export type { ReplyCodeEntry } from './replyCodes';

export const REGISTRY_URL = 'https://www.iana.org/assignments/smtp-enhanced-status-codes/smtp-enhanced-status-codes.xhtml';
export const REGISTRY_UPDATED = IANA_REGISTRY.updated;

const byKey = new Map<string, EnumeratedEntry>(IANA_REGISTRY.codes.map((entry) => [`${entry.subject}.${entry.detail}`, entry]));
const replyCodes = new Map<number, ReplyCodeEntry>(REPLY_CODES.map((entry) => [entry.code, entry]));

export const ENUMERATED_CODES: readonly EnumeratedEntry[] = IANA_REGISTRY.codes;

export function isStatusClass(value: number): value is StatusClass {
  return value === 2 || value === 4 || value === 5;
}

/** The enumerated entry (X.subject.detail) for a code of any class. */
export function findEntry(subject: number, detail: number): EnumeratedEntry | undefined {
  return byKey.get(`${subject}.${detail}`);
}

/** The entry for a code written with any class, "5.1.1" or "X.1.1". */
export function findEntryByCode(code: string): EnumeratedEntry | undefined {
  const shape = /^[245X]\.(\d{1,3})\.(\d{1,3})$/.exec(code);
  return shape ? findEntry(Number(shape[1]), Number(shape[2])) : undefined;
}

export function findClass(statusClass: number): ClassEntry | undefined {
  return IANA_REGISTRY.classes.find((entry) => entry.statusClass === statusClass);
}

export function findSubject(subject: number): SubjectEntry | undefined {
  return IANA_REGISTRY.subjects.find((entry) => entry.subject === subject);
}

export function findReplyCode(code: number): ReplyCodeEntry | undefined {
  return replyCodes.get(code);
}

/** Enumerated entries whose associated basic codes name `replyCode` explicitly. */
export function entriesAssociatedWith(replyCode: number): EnumeratedEntry[] {
  return IANA_REGISTRY.codes.filter((entry) => entry.replyCodes.codes.includes(replyCode));
}

/**
 * Whether the registry allows `replyCode` with this entry (true where it says nothing). Many entries list only the
 * permanent form of a reply (X.2.2 lists 552); its transient twin (452) fits too where the entry's usage allows class 4.
 */
export function allowsReplyCode(entry: EnumeratedEntry, replyCode: number): boolean {
  const { kind, codes, classes } = entry.replyCodes;
  if (kind !== 'listed') return true;
  const replyClass = Math.floor(replyCode / 100);
  if (codes.includes(replyCode) || classes.includes(replyClass as StatusClass)) return true;
  const twinListed = codes.some((code) => code % 100 === replyCode % 100 && Math.floor(code / 100) !== replyClass);
  return twinListed && usageAllows(entry, replyClass);
}

/** Whether the entry's usage admits a code of this class: the registry's own reply-code list counts as admission. */
export function usageAllows(entry: EnumeratedEntry, statusClass: number): boolean {
  if (entry.replyCodes.codes.some((code) => Math.floor(code / 100) === statusClass)) return true;
  if (statusClass === 4) return entry.usage !== 'permanent';
  if (statusClass === 5) return entry.usage !== 'transient';
  return true;
}

/**
 * Whether a reply of this class may carry the entry: not deprecated, and usage allowing the class. Success codes: where a
 * 2xx reply is listed, and a subject's "other" code whose replies are not given (RFC 3463's X.Y.0 serves any class): MTAs
 * answer MAIL FROM with `250 2.1.0` and Exchange queues with `250 2.6.0`.
 */
export function suitsClass(entry: EnumeratedEntry, statusClass: StatusClass): boolean {
  if (entry.deprecatedBy) return false;
  const { kind, codes } = entry.replyCodes;
  if (statusClass === 2) return kind === 'any' || codes.some((code) => code < 300) || (kind === 'not-given' && entry.detail === 0);
  return usageAllows(entry, statusClass);
}

/** "X.1.1" written with a concrete class: "5.1.1". */
export function withClass(entry: EnumeratedEntry, statusClass: StatusClass): string {
  return `${statusClass}.${entry.subject}.${entry.detail}`;
}
