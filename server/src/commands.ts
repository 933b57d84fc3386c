/** Commands and requests shared by the server and the VS Code client. */
export const ADD_KNOWN_CODE_COMMAND = 'smtpStatusCodes.addKnownCode';
export const OPEN_REGISTRY_COMMAND = 'smtpStatusCodes.openRegistryEntry';

export const SUMMARY_REQUEST = 'smtpStatusCodes/summary';
export const REGISTRY_REQUEST = 'smtpStatusCodes/registry';
export const REGISTRY_MARKDOWN_REQUEST = 'smtpStatusCodes/registryMarkdown';
/** Open documents and memory, for benchmarks and bug reports. */
export const SERVER_STATUS_REQUEST = 'smtpStatusCodes/serverStatus';
/** The kind a document is analysed as and why (`DocumentKindInfo`), for the editor's status item. */
export const DOCUMENT_KIND_REQUEST = 'smtpStatusCodes/documentKind';
