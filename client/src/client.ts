/** What the desktop and browser clients share: the documents served and the client's options. No feature logic. */
import type * as vscode from 'vscode';
import type { BaseLanguageClient, DocumentSelector, LanguageClientOptions } from 'vscode-languageclient';

export const CLIENT_ID = 'smtpStatusCodes';
export const CLIENT_NAME = 'SMTP Enhanced Status Codes';

/** Languages whose documents may hold enhanced status codes. */
export const LANGUAGES = [
  'plaintext', 'log', 'email', 'properties', 'ini', 'markdown', 'json', 'jsonc', 'yaml', 'toml',
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

export function clientOptions(): LanguageClientOptions {
  return {
    documentSelector: DOCUMENT_SELECTOR,
    synchronize: { configurationSection: 'smtpStatusCodes' },
  };
}

export async function startClient(
  context: vscode.ExtensionContext,
  makeClient: (options: LanguageClientOptions) => BaseLanguageClient,
): Promise<BaseLanguageClient> {
  const client = makeClient(clientOptions());
  context.subscriptions.push({ dispose: () => void client.stop() });
  await client.start();
  return client;
}
