/**
 * The end-to-end scenarios through the VS Code API, run inside a VS Code that @vscode/test-electron downloads.
 * Loaded by the extension host: `run()` resolves when every scenario passed and rejects on the first failure.
 */
import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import * as vscode from 'vscode';

const FIXTURES = path.resolve(__dirname, '..', '..', '..', 'test', 'fixtures');

function diagnosticsOf(uri: vscode.Uri, predicate: (d: vscode.Diagnostic[]) => boolean): Promise<vscode.Diagnostic[]> {
  return new Promise((resolve) => {
    const check = () => {
      const diagnostics = vscode.languages.getDiagnostics(uri);
      if (!predicate(diagnostics)) return false;
      subscription.dispose();
      resolve(diagnostics);
      return true;
    };
    const subscription = vscode.languages.onDidChangeDiagnostics(check);
    check();
  });
}

async function hoverText(uri: vscode.Uri, position: vscode.Position): Promise<string> {
  const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', uri, position);
  return hovers.flatMap((h) => h.contents.map((c) => (typeof c === 'string' ? c : 'value' in c ? c.value : ''))).join('\n');
}

export async function run(): Promise<void> {
  // activate() resolves once the language client has started its server.
  await vscode.extensions.getExtension('smtp-status-codes.smtp-status-codes')!.activate();
  const log = await vscode.workspace.openTextDocument(vscode.Uri.file(path.join(FIXTURES, 'logs', 'mail.log')));
  await vscode.window.showTextDocument(log);
  const line = log.lineAt(3).text;
  assert.match(await hoverText(log.uri, new vscode.Position(3, line.indexOf('dsn=5.1.1') + 5)), /Bad destination mailbox address/);

  const access = await vscode.workspace.openTextDocument(vscode.Uri.file(path.join(FIXTURES, 'quickfix', 'sender_access')));
  await vscode.window.showTextDocument(access);
  const diagnostics = await diagnosticsOf(access.uri, (list) => list.some((d) => d.code === 'class-mismatch'));
  const mismatch = diagnostics.find((d) => d.code === 'class-mismatch')!;

  const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', access.uri, mismatch.range, vscode.CodeActionKind.QuickFix.value);
  const preferred = actions.find((a) => a.isPreferred && a.edit)!;
  assert.ok(preferred, 'a preferred quick fix');
  assert.ok(await vscode.workspace.applyEdit(preferred.edit!));
  assert.match(access.lineAt(mismatch.range.start.line).text, /REJECT 5\.7\.1 We do not accept mail from you/);

  const source = await vscode.workspace.openTextDocument({ language: 'javascript', content: 'reply("550 5.' });
  const completions = await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', source.uri, new vscode.Position(0, 13));
  const labels = completions.items.map((item) => (typeof item.label === 'string' ? item.label : item.label.label));
  assert.ok(labels.includes('5.1.1') && !labels.some((label) => label.startsWith('4.')), labels.slice(0, 10).join(', '));
}
