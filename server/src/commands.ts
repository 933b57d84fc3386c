/** Commands and requests shared by the server and the VS Code client. */
export const ADD_KNOWN_CODE_COMMAND = 'smtpStatusCodes.addKnownCode';
export const OPEN_REGISTRY_COMMAND = 'smtpStatusCodes.openRegistryEntry';

/** Params `{ uri, byReason? }`: the failures are grouped by bounce reason only when asked, since that reads their reply text. */
export const SUMMARY_REQUEST = 'smtpStatusCodes/summary';
export const REGISTRY_REQUEST = 'smtpStatusCodes/registry';
export const REGISTRY_MARKDOWN_REQUEST = 'smtpStatusCodes/registryMarkdown';
/**
 * For benchmarks and bug reports: open documents, memory (settled by a collection where the process allows one, unless
 * asked not to) and the processor time the process has used, read before that collection.
 */
export const SERVER_STATUS_REQUEST = 'smtpStatusCodes/serverStatus';
/** The kind a document is analysed as and why (`DocumentKindInfo`), for the editor's status item. */
export const DOCUMENT_KIND_REQUEST = 'smtpStatusCodes/documentKind';

export interface ServerStatusParams {
  collectGarbage?: boolean;
}

export interface ServerStatus {
  documents: number;
  memory: { rss: number; heapUsed: number; heapTotal: number; external: number; arrayBuffers: number };
  /** User and system time in milliseconds; undefined in a browser worker. */
  cpuMs: number | undefined;
}
