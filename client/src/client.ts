/** What the desktop and browser clients share: the documents served and the client's options. No feature logic. */
import type * as vscode from 'vscode';
import { registerCommands } from './commands';
import { registerServerStatus } from './status';
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
  // Registered before the server starts, so that a server that fails to start can be seen, read about and restarted.
  const status = registerServerStatus(context, client);
  registerCommands(context, client);
  try {
    await client.start();
  } catch (error) {
    status.failed(error);
    client.outputChannel.appendLine(`The server did not start: ${error instanceof Error ? error.stack ?? error.message : String(error)}`);
    return client;
  }
  registerSummaryView(context, client);
  return client;
}
