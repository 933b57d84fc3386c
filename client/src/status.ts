/**
 * The language status item: the kind the server gave the active file and why, a quick pick to choose another
 * (kept in smtpStatusCodes.fileKinds), and the server's state. Also the usual controls: Restart Server, Show Output.
 */
import * as vscode from 'vscode';
import { State, type BaseLanguageClient } from 'vscode-languageclient';
import { DOCUMENT_KIND_REQUEST } from '../../server/src/commands';
import type { DocumentKind } from '../../server/src/documentKind';
import { FILE_KIND_NAMES, FILE_KINDS, type KindReason } from '../../server/src/fileKinds';
import type { DocumentKindInfo } from '../../server/src/languageService';
import { DOCUMENT_SELECTOR } from './documents';

export const CHOOSE_FILE_KIND_COMMAND = 'smtpStatusCodes.chooseFileKind';
export const RESTART_SERVER_COMMAND = 'smtpStatusCodes.restartServer';
export const SHOW_OUTPUT_COMMAND = 'smtpStatusCodes.showOutput';

const REASON: Record<KindReason, string> = {
  setting: 'set in smtpStatusCodes.fileKinds',
  name: 'recognised by its name',
  language: 'from its language',
  content: 'recognised by its content',
  directory: 'from its directory, where the content says nothing else',
  default: 'nothing more specific recognised',
};

type ServerState = 'starting' | 'running' | 'stopped' | 'failed';

export interface ServerStatus {
  /** Tells the item that the server could not start, with the reason. */
  failed(error: unknown): void;
}

export function registerServerStatus(context: vscode.ExtensionContext, client: BaseLanguageClient): ServerStatus {
  const item = vscode.languages.createLanguageStatusItem('smtpStatusCodes.fileKind', DOCUMENT_SELECTOR as vscode.DocumentSelector);
  item.name = 'SMTP Status Codes';
  let state: ServerState = 'starting';
  let failure = '';
  let generation = 0;

  function showState(): boolean {
    item.busy = state === 'starting';
    if (state === 'running') return false;
    item.severity = state === 'starting' ? vscode.LanguageStatusSeverity.Information : vscode.LanguageStatusSeverity.Error;
    item.text = state === 'starting' ? 'SMTP Status Codes: starting' : state === 'stopped' ? 'SMTP Status Codes: server stopped' : 'SMTP Status Codes: server failed';
    item.detail = state === 'failed' ? failure : undefined;
    item.command = state === 'starting' ? undefined : { title: 'Restart', command: RESTART_SERVER_COMMAND };
    return true;
  }

  async function update(): Promise<void> {
    if (showState()) return;
    const document = vscode.window.activeTextEditor?.document;
    if (!document) return;
    const current = ++generation;
    item.busy = true;
    let info: DocumentKindInfo | null = null;
    try {
      info = await client.sendRequest<DocumentKindInfo | null>(DOCUMENT_KIND_REQUEST, { uri: document.uri.toString() });
    } catch {
      info = null; // the server stopped or restarted meanwhile; its state change updates the item
    }
    if (current !== generation || showState()) return;
    item.busy = false;
    item.severity = vscode.LanguageStatusSeverity.Information;
    if (!info) {
      item.text = 'SMTP Status Codes';
      item.detail = 'waiting for the server';
      item.command = undefined;
      return;
    }
    item.text = `$(mail) ${info.label}`;
    item.detail = info.reason === 'setting' ? `${REASON.setting}: "${info.pattern}"` : REASON[info.reason];
    item.command = { title: 'Change the kind', command: CHOOSE_FILE_KIND_COMMAND, arguments: [document.uri] };
  }

  const updateSoon = () => void update();
  client.onDidChangeState(({ newState }) => {
    state = newState === State.Running ? 'running' : newState === State.Starting ? 'starting' : 'stopped';
    updateSoon();
  });

  context.subscriptions.push(
    item,
    vscode.window.onDidChangeActiveTextEditor(updateSoon),
    vscode.workspace.onDidChangeConfiguration((event) => {
      if (event.affectsConfiguration('smtpStatusCodes')) updateSoon();
    }),
    // New diagnostics mean the server has read the document: the moment its kind is known after opening or editing it.
    vscode.languages.onDidChangeDiagnostics((event) => {
      const active = vscode.window.activeTextEditor?.document.uri.toString();
      if (event.uris.some((uri) => uri.toString() === active)) updateSoon();
    }),
    vscode.commands.registerCommand(CHOOSE_FILE_KIND_COMMAND, (uri?: vscode.Uri) => chooseFileKind(client, uri).catch((error: unknown) => {
      void vscode.window.showErrorMessage(`SMTP Status Codes: the kind could not be saved: ${error instanceof Error ? error.message : String(error)}`);
    })),
    vscode.commands.registerCommand(RESTART_SERVER_COMMAND, async () => {
      try {
        const restartable = client as BaseLanguageClient & { restart?(): Promise<void> };
        if (restartable.restart && client.needsStop()) await restartable.restart();
        else {
          if (client.needsStop()) await client.stop();
          await client.start();
        }
      } catch (error) {
        state = 'failed';
        failure = error instanceof Error ? error.message : String(error);
        updateSoon();
        void vscode.window.showErrorMessage(`SMTP Status Codes: the server did not start: ${failure}`);
      }
    }),
    vscode.commands.registerCommand(SHOW_OUTPUT_COMMAND, () => client.outputChannel.show(true)),
  );
  updateSoon();
  return {
    failed(error) {
      state = 'failed';
      failure = error instanceof Error ? error.message : String(error);
      updateSoon();
    },
  };
}

/** The glob that names this file in smtpStatusCodes.fileKinds: its path in the workspace, or its whole path. */
function globFor(uri: vscode.Uri): { glob: string; target: vscode.ConfigurationTarget } {
  const folder = vscode.workspace.getWorkspaceFolder(uri);
  if (folder) return { glob: vscode.workspace.asRelativePath(uri, false), target: vscode.ConfigurationTarget.Workspace };
  return { glob: uri.path, target: vscode.ConfigurationTarget.Global };
}

type KindItem = vscode.QuickPickItem & { fileKind?: DocumentKind; detect?: true };

async function chooseFileKind(client: BaseLanguageClient, uri = vscode.window.activeTextEditor?.document.uri): Promise<void> {
  if (!uri) return;
  if (uri.scheme === 'untitled') {
    void vscode.window.showInformationMessage('Save the file first: its kind is kept in smtpStatusCodes.fileKinds by its path.');
    return;
  }
  const info = await client.sendRequest<DocumentKindInfo | null>(DOCUMENT_KIND_REQUEST, { uri: uri.toString() }).catch(() => null);
  const items: KindItem[] = FILE_KIND_NAMES.map((kind) => ({
    label: FILE_KINDS[kind].label,
    description: kind === info?.kind ? `${kind} · current` : kind,
    detail: FILE_KINDS[kind].description,
    fileKind: kind,
  }));
  if (info?.reason === 'setting') {
    items.push({ label: '', kind: vscode.QuickPickItemKind.Separator });
    items.push({ label: 'Detect automatically', description: `remove "${info.pattern}" from smtpStatusCodes.fileKinds`, detect: true });
  }
  const pick = await vscode.window.showQuickPick(items, {
    title: `The kind of ${uri.path.slice(uri.path.lastIndexOf('/') + 1)}`,
    placeHolder: info ? `Now: ${info.label} (${REASON[info.reason]})` : 'Choose how the file is read',
    matchOnDescription: true,
  });
  if (!pick) return;
  const configuration = vscode.workspace.getConfiguration('smtpStatusCodes', uri);
  const inspected = configuration.inspect<Record<string, DocumentKind>>('fileKinds');
  if (pick.detect && info?.pattern) {
    // Wherever the glob is written: folder settings (in a multi-root workspace), workspace settings, user settings.
    const levels: [vscode.ConfigurationTarget, Record<string, DocumentKind> | undefined][] = [
      [vscode.ConfigurationTarget.Workspace, inspected?.workspaceValue],
      [vscode.ConfigurationTarget.Global, inspected?.globalValue],
    ];
    if (vscode.workspace.workspaceFile && inspected?.workspaceFolderValue) levels.unshift([vscode.ConfigurationTarget.WorkspaceFolder, inspected.workspaceFolderValue]);
    for (const [target, value] of levels) {
      if (value && Object.prototype.hasOwnProperty.call(value, info.pattern)) {
        const { [info.pattern]: _removed, ...rest } = value;
        await configuration.update('fileKinds', rest, target);
      }
    }
    return;
  }
  if (!pick.fileKind) return;
  const { glob, target } = globFor(uri);
  const current = (target === vscode.ConfigurationTarget.Workspace ? inspected?.workspaceValue : inspected?.globalValue) ?? {};
  await configuration.update('fileKinds', { ...current, [glob]: pick.fileKind }, target);
}
