/** The documents the extension serves: by language, and MTA files the editor gives no language of their own. */
import type { DocumentSelector } from 'vscode-languageclient';

/** Languages whose documents may hold enhanced status codes. */
export const LANGUAGES = [
  'plaintext', 'log', 'maillog', 'email', 'properties', 'ini', 'markdown', 'json', 'jsonc', 'yaml', 'toml',
  'javascript', 'javascriptreact', 'typescript', 'typescriptreact', 'python', 'go', 'java', 'csharp', 'c', 'cpp',
  'php', 'ruby', 'perl', 'rust', 'shellscript', 'lua',
];

/** MTA configuration and mail logs that the editor may not give a language of their own. */
export const FILE_PATTERNS = [
  '**/main.cf', '**/master.cf', '**/access', '**/*_access', '**/*_checks', '**/*.mc', '**/*.cf', '**/exim*.conf',
  '**/smtpd.conf', '**/virtusertable', '**/mail.log*', '**/maillog*', '**/mail.err*', '**/exim_mainlog*', '**/exim_rejectlog*', '**/*.eml',
];

export const DOCUMENT_SELECTOR: DocumentSelector = [
  ...LANGUAGES.map((language) => ({ language })),
  ...FILE_PATTERNS.map((pattern) => ({ pattern })),
];
