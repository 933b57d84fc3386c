/** Commands the server's code actions call: they change settings, which only the editor can do. */
import * as vscode from 'vscode';
import { ADD_KNOWN_CODE_COMMAND } from '../../server/src/commands';


/** Adds `code` to smtpStatusCodes.knownCodes in the workspace or user settings, with a description the user gives. */
export async function addKnownCode(code: string, target: 'workspace' | 'user'): Promise<void> {
  const description = await vscode.window.showInputBox({
    title: `Add ${code} to the known status codes`,
    prompt: 'What does this code mean? (shown on hover)',
    value: 'Provider-specific code',
  });
  if (description === undefined) return;
  const configuration = vscode.workspace.getConfiguration('smtpStatusCodes');
  const scope = target === 'workspace' && vscode.workspace.workspaceFolders?.length ? vscode.ConfigurationTarget.Workspace : vscode.ConfigurationTarget.Global;
  const current = (scope === vscode.ConfigurationTarget.Workspace ? configuration.inspect<Record<string, string>>('knownCodes')?.workspaceValue : configuration.inspect<Record<string, string>>('knownCodes')?.globalValue) ?? {};
  await configuration.update('knownCodes', { ...current, [code]: description }, scope);
}

export function registerCommands(context: vscode.ExtensionContext): void {
  context.subscriptions.push(vscode.commands.registerCommand(ADD_KNOWN_CODE_COMMAND, addKnownCode));
}
