/** Commands and requests shared by the server and the VS Code client. */
export const ADD_KNOWN_CODE_COMMAND = 'smtpStatusCodes.addKnownCode';
export const OPEN_REGISTRY_COMMAND = 'smtpStatusCodes.openRegistryEntry';

/** Params `{ uri, byReason? }`: the failures are grouped by bounce reason only when asked, since that reads their reply text. */
export const SUMMARY_REQUEST = 'smtpStatusCodes/summary';
export const REGISTRY_REQUEST = 'smtpStatusCodes/registry';
export const REGISTRY_MARKDOWN_REQUEST = 'smtpStatusCodes/registryMarkdown';
/** Open documents and memory, for benchmarks and bug reports. */
export const SERVER_STATUS_REQUEST = 'smtpStatusCodes/serverStatus';
