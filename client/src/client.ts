/** What the desktop and browser clients share: the documents served and the client's options. No feature logic. */
import type * as vscode from 'vscode';
import { registerCommands } from './commands';
import { registerSummaryView } from './summaryView';
import type { BaseLanguageClient, LanguageClientOptions } from 'vscode-languageclient';
import { DOCUMENT_SELECTOR } from './documents';

export const CLIENT_ID = 'smtpStatusCodes';
export const CLIENT_NAME = 'SMTP Enhanced Status Codes';

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
  registerCommands(context, client);
  registerSummaryView(context, client);
  return client;
}
