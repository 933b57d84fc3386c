/** Running the bundled command line as a process, over trees of files written by the test. */
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { run } from '../../server/src/cli/cli';
import { ROOT } from '../support/paths';

export const CLI = path.join(ROOT, 'dist', 'cli.js');
export const EXAMPLES = path.join(ROOT, 'examples');

export interface Outcome {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Permission errors need a user the permissions apply to: as root, the run drops to `nobody`. */
const UNPRIVILEGED = 65534;
const isRoot = () => process.getuid?.() === 0;

export function cli(args: string[], cwd: string, options: { unprivileged?: boolean } = {}): Outcome {
  const asUser = options.unprivileged && isRoot() ? { uid: UNPRIVILEGED, gid: UNPRIVILEGED } : {};
  const result = spawnSync(process.execPath, [CLI, ...args], { cwd, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024, timeout: 120_000, ...asUser });
  if (result.error) throw new Error(`smtp-status-codes ${args.join(' ')} did not finish: ${result.error.message}`);
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** Runs the command in this process, its standard output and error captured as the process would write them. */
function runCaptured(args: string[], cwd: string): { code: number | Promise<number>; output: { stdout: string; stderr: string } } {
  const output = { stdout: '', stderr: '' };
  const code = run(args, cwd, (chunk) => (output.stdout += typeof chunk === 'string' ? `${chunk}\n` : Buffer.from(chunk).toString('utf8')), (text) => (output.stderr += `${text}\n`));
  return { code, output };
}

/** `check` and `explain`, which finish synchronously, run in this process: the same command, without a process per run. */
export function cliInProcess(args: string[], cwd: string): Outcome {
  const { code, output } = runCaptured(args, cwd);
  if (typeof code !== 'number') throw new Error(`smtp-status-codes ${args.join(' ')} does not finish synchronously`);
  return { code, ...output };
}

/** Any command, `summary` (which reads its files as streams) included, run in this process. */
export async function commandInProcess(args: string[], cwd: string): Promise<Outcome> {
  const { code, output } = runCaptured(args, cwd);
  const finished = await code;
  return { code: finished, ...output };
}

/** A fresh directory holding `files` (path → text or bytes); with `unprivileged`, owned by the user the runs drop to. */
export function tree(files: Record<string, string | Uint8Array>, options: { unprivileged?: boolean } = {}): string {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'smtp-cli-'));
  for (const [name, content] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(root, name)), { recursive: true });
    fs.writeFileSync(path.join(root, name), content);
  }
  if (options.unprivileged && isRoot()) giveAway(root);
  return root;
}

/** Hands a tree to the unprivileged user (as root), so that the runs that drop to it own what they write. */
export function giveAway(root: string): void {
  if (!isRoot()) return;
  spawnSync('chown', ['-R', `${UNPRIVILEGED}:${UNPRIVILEGED}`, root]);
}

export function copyOfExamples(): string {
  const copy = fs.mkdtempSync(path.join(os.tmpdir(), 'smtp-cli-'));
  fs.cpSync(EXAMPLES, copy, { recursive: true });
  return copy;
}

export function remove(root: string): void {
  spawnSync('chmod', ['-R', 'u+rwx', root]);
  spawnSync('rm', ['-rf', root]);
}

/** Lines of standard output or error, without the final empty one. */
export const lines = (text: string) => text.split('\n').filter((line) => line !== '');

/** A line of an access map with a class mismatch that has one preferred fix (4.7.1 → 5.7.1). */
export const mismatch = (sender: string) => `${sender} REJECT 4.7.1 Sender blocked`;
