/** Browser entry point (vscode.dev): runs the bundled server in a web worker. */
import * as vscode from 'vscode';
import { LanguageClient } from 'vscode-languageclient/browser';
import { CLIENT_ID, CLIENT_NAME, startClient } from './client';

let client: LanguageClient | undefined;

export async function activate(context: vscode.ExtensionContext): Promise<void> {
  const worker = new Worker(vscode.Uri.joinPath(context.extensionUri, 'dist/browser/server.js').toString(true));
  client = (await startClient(context, (options) => new LanguageClient(CLIENT_ID, CLIENT_NAME, worker, options))) as LanguageClient;
}

export async function deactivate(): Promise<void> {
  await client?.stop();
}
