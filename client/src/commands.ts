/** The extension's commands: look up a code, show the registry, add a known code. They ask the server for the data. */
import * as vscode from 'vscode';
import type { BaseLanguageClient } from 'vscode-languageclient';
import { ADD_KNOWN_CODE_COMMAND, OPEN_REGISTRY_COMMAND, REGISTRY_MARKDOWN_REQUEST, REGISTRY_REQUEST } from '../../server/src/commands';
import type { RegistryItem } from '../../server/src/languageService';

export const LOOK_UP_COMMAND = 'smtpStatusCodes.lookUpCode';
export const SHOW_REGISTRY_COMMAND = 'smtpStatusCodes.showRegistry';
export const OPEN_SAMPLE_COMMAND = 'smtpStatusCodes.openSample';

/** The samples the walkthrough opens, and the language each opens in: the Postfix map as Plain Text, as most open it. */
const SAMPLES: Record<string, string> = { 'mail.log': 'maillog', 'sender_access': 'plaintext' };
const SCHEME = 'smtp-status-codes';

/** Adds `code` to smtpStatusCodes.knownCodes in the workspace or user settings, with a description the user gives. */
async function addKnownCode(code: string, target: 'workspace' | 'user'): Promise<void> {
  const description = await vscode.window.showInputBox({
    title: `Add ${code} to the known status codes`,
    prompt: 'What does this code mean? (shown on hover)',
    value: 'Provider-specific code',
  });
  if (description === undefined) return;
  const configuration = vscode.workspace.getConfiguration('smtpStatusCodes');
  const inWorkspace = target === 'workspace' && (vscode.workspace.workspaceFolders?.length ?? 0) > 0;
  const inspected = configuration.inspect<Record<string, string>>('knownCodes');
  const current = (inWorkspace ? inspected?.workspaceValue : inspected?.globalValue) ?? {};
  await configuration.update('knownCodes', { ...current, [code]: description }, inWorkspace ? vscode.ConfigurationTarget.Workspace : vscode.ConfigurationTarget.Global);
}

/** Read-only Markdown documents (`smtp-status-codes:/registry.md`, `smtp-status-codes:/5.1.1.md`) shown as previews. */
class ReadOnlyPages implements vscode.TextDocumentContentProvider {
  readonly pages = new Map<string, string>();
  provideTextDocumentContent(uri: vscode.Uri): string {
    return this.pages.get(uri.path) ?? '';
  }
  async show(name: string, markdown: string): Promise<void> {
    this.pages.set(`/${name}.md`, markdown);
    await vscode.commands.executeCommand('markdown.showPreview', vscode.Uri.from({ scheme: SCHEME, path: `/${name}.md` }));
  }
}

export function registerCommands(context: vscode.ExtensionContext, client: BaseLanguageClient): void {
  const pages = new ReadOnlyPages();
  const insert = { iconPath: new vscode.ThemeIcon('insert'), tooltip: 'Insert at the cursor' };

  async function lookUp(): Promise<void> {
    const items = await client.sendRequest<RegistryItem[]>(REGISTRY_REQUEST);
    const pick = vscode.window.createQuickPick<vscode.QuickPickItem & { entry: RegistryItem }>();
    pick.title = 'Look up an enhanced status code';
    pick.placeholder = 'Type a code (5.1.1, 7.26) or words (mailbox full)';
    pick.matchOnDescription = true;
    pick.matchOnDetail = true;
    pick.items = items.map((entry) => ({ label: entry.usual, description: entry.sample, detail: entry.description, entry, buttons: [insert] }));
    pick.onDidTriggerItemButton(async ({ item }) => {
      pick.hide();
      const editor = vscode.window.activeTextEditor;
      if (editor) await editor.edit((edit) => edit.replace(editor.selection, item.entry.usual));
    });
    pick.onDidAccept(async () => {
      const [item] = pick.selectedItems;
      pick.hide();
      if (item) await pages.show(item.entry.usual, item.entry.documentation);
    });
    pick.onDidHide(() => pick.dispose());
    pick.show();
  }

  context.subscriptions.push(
    vscode.workspace.registerTextDocumentContentProvider(SCHEME, pages),
    vscode.commands.registerCommand(ADD_KNOWN_CODE_COMMAND, addKnownCode),
    vscode.commands.registerCommand(OPEN_REGISTRY_COMMAND, (url: string) => vscode.env.openExternal(vscode.Uri.parse(url))),
    vscode.commands.registerCommand(LOOK_UP_COMMAND, lookUp),
    vscode.commands.registerCommand(OPEN_SAMPLE_COMMAND, async (name: string) => {
      if (!Object.prototype.hasOwnProperty.call(SAMPLES, name)) return;
      const bytes = await vscode.workspace.fs.readFile(vscode.Uri.joinPath(context.extensionUri, 'samples', name));
      const document = await vscode.workspace.openTextDocument({ content: new TextDecoder().decode(bytes), language: SAMPLES[name] });
      await vscode.window.showTextDocument(document);
    }),
    vscode.commands.registerCommand(SHOW_REGISTRY_COMMAND, async () => pages.show('registry', await client.sendRequest<string>(REGISTRY_MARKDOWN_REQUEST))),
  );
}
