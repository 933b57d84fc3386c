/**
 * The "Status Codes" view: the codes of the active file by class, or the failures by bounce reason, with counts,
 * each revealing its occurrences.
 */
import * as vscode from 'vscode';
import type { BaseLanguageClient } from 'vscode-languageclient';
import { SUMMARY_REQUEST } from '../../server/src/commands';
import type { DocumentSummary } from '../../server/src/languageService';

export const SUMMARY_VIEW = 'smtpStatusCodes.summary';
export const REVEAL_COMMAND = 'smtpStatusCodes.revealOccurrence';
export const GROUP_BY_REASON_COMMAND = 'smtpStatusCodes.summary.groupByReason';
export const GROUP_BY_CLASS_COMMAND = 'smtpStatusCodes.summary.groupByClass';
/** The context key the view's title buttons read, and the workspace state that remembers the choice. */
const GROUPING_KEY = 'smtpStatusCodes.summaryGrouping';

type Grouping = 'class' | 'reason';
type ReasonSummary = NonNullable<DocumentSummary['reasons']>[number];

type Node =
  | { kind: 'class'; statusClass: number; label: string; count: number; codes: DocumentSummary['classes'][number]['codes'] }
  | { kind: 'reason'; reason: ReasonSummary }
  | { kind: 'code'; code: DocumentSummary['classes'][number]['codes'][number] }
  | { kind: 'occurrence'; code: string; range: { start: { line: number; character: number }; end: { line: number; character: number } } };

const CLASS_ICON: Record<number, string> = { 2: 'pass', 4: 'warning', 5: 'error' };

class SummaryProvider implements vscode.TreeDataProvider<Node> {
  readonly changed = new vscode.EventEmitter<void>();
  readonly onDidChangeTreeData = this.changed.event;
  summary: DocumentSummary | undefined;
  document: vscode.TextDocument | undefined;
  grouping: Grouping = 'class';

  constructor(private readonly client: BaseLanguageClient) {}

  async refresh(): Promise<void> {
    const document = vscode.window.activeTextEditor?.document;
    this.document = document;
    const params = { uri: document?.uri.toString(), byReason: this.grouping === 'reason' };
    this.summary = document ? ((await this.client.sendRequest<DocumentSummary | null>(SUMMARY_REQUEST, params)) ?? undefined) : undefined;
    this.changed.fire();
  }

  getChildren(node?: Node): Node[] {
    if (!node) {
      return this.grouping === 'reason'
        ? (this.summary?.reasons ?? []).map((reason) => ({ kind: 'reason', reason }))
        : (this.summary?.classes ?? []).map((c) => ({ kind: 'class', ...c }));
    }
    if (node.kind === 'class') return node.codes.map((code) => ({ kind: 'code', code }));
    if (node.kind === 'reason') return node.reason.codes.map((code) => ({ kind: 'code', code }));
    if (node.kind === 'code') return node.code.occurrences.map((range) => ({ kind: 'occurrence', code: node.code.code, range }));
    return [];
  }

  getTreeItem(node: Node): vscode.TreeItem {
    if (node.kind === 'class') {
      const item = new vscode.TreeItem(node.label, vscode.TreeItemCollapsibleState.Expanded);
      item.description = `${node.count}`;
      item.iconPath = new vscode.ThemeIcon(CLASS_ICON[node.statusClass] ?? 'circle-outline');
      return item;
    }
    if (node.kind === 'reason') {
      const { label, meaning, count, hard, soft } = node.reason;
      const item = new vscode.TreeItem(label, vscode.TreeItemCollapsibleState.Expanded);
      item.description = `${count} · ${[hard ? `${hard} hard` : '', soft ? `${soft} soft` : ''].filter(Boolean).join(', ')}`;
      item.tooltip = `${label}: ${meaning}`;
      item.iconPath = new vscode.ThemeIcon(hard > 0 ? 'error' : 'warning');
      return item;
    }
    if (node.kind === 'code') {
      const item = new vscode.TreeItem(node.code.code, vscode.TreeItemCollapsibleState.Collapsed);
      item.description = `${node.code.count} · ${node.code.meaning}`;
      item.tooltip = `${node.code.code}: ${node.code.meaning} (${node.code.count} in this file${node.code.count > node.code.occurrences.length ? `; the first ${node.code.occurrences.length} are listed` : ''})`;
      return item;
    }
    const line = node.range.start.line;
    const item = new vscode.TreeItem(`line ${line + 1}`, vscode.TreeItemCollapsibleState.None);
    item.description = this.document?.lineAt(Math.min(line, this.document.lineCount - 1)).text.trim().slice(0, 120);
    item.command = { title: 'Reveal', command: REVEAL_COMMAND, arguments: [this.document?.uri, node.range] };
    return item;
  }
}

export function registerSummaryView(context: vscode.ExtensionContext, client: BaseLanguageClient): void {
  const provider = new SummaryProvider(client);
  provider.grouping = context.workspaceState.get<Grouping>(GROUPING_KEY, 'class');
  const setGrouping = (grouping: Grouping) => {
    provider.grouping = grouping;
    void context.workspaceState.update(GROUPING_KEY, grouping);
    void vscode.commands.executeCommand('setContext', GROUPING_KEY, grouping);
    void provider.refresh();
  };
  void vscode.commands.executeCommand('setContext', GROUPING_KEY, provider.grouping);
  const view = vscode.window.createTreeView(SUMMARY_VIEW, { treeDataProvider: provider, showCollapseAll: true });
  let timer: ReturnType<typeof setTimeout> | undefined;
  const refreshSoon = () => {
    clearTimeout(timer);
    timer = setTimeout(() => void provider.refresh(), 300);
  };
  const updateMessage = () => {
    view.message = provider.summary && provider.summary.total > 0 ? undefined : 'No enhanced status codes in the active file.';
    view.description = provider.summary ? `${provider.summary.total} codes` : undefined;
  };
  context.subscriptions.push(
    view,
    provider.onDidChangeTreeData(updateMessage),
    vscode.window.onDidChangeActiveTextEditor(refreshSoon),
    vscode.workspace.onDidChangeTextDocument((event) => {
      if (event.document === vscode.window.activeTextEditor?.document) refreshSoon();
    }),
    vscode.commands.registerCommand(GROUP_BY_REASON_COMMAND, () => setGrouping('reason')),
    vscode.commands.registerCommand(GROUP_BY_CLASS_COMMAND, () => setGrouping('class')),
    vscode.commands.registerCommand(REVEAL_COMMAND, async (uri: vscode.Uri, range: { start: vscode.Position; end: vscode.Position }) => {
      const editor = await vscode.window.showTextDocument(uri, { preserveFocus: false });
      const selection = new vscode.Selection(range.start.line, range.start.character, range.end.line, range.end.character);
      editor.selection = selection;
      editor.revealRange(selection, vscode.TextEditorRevealType.InCenterIfOutsideViewport);
    }),
    { dispose: () => clearTimeout(timer) },
  );
  void provider.refresh();
}
