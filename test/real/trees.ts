/**
 * The real public trees of mail software that the evaluations read (trees.json): each exported at its pinned commit into
 * .real-trees/ (ignored), from a directory of git mirrors (`--mirrors DIR` or SMTP_REAL_TREES_MIRRORS; a mirror of
 * owner/name is looked up as DIR/owner+name/repo, DIR/owner+name, DIR/owner/name or DIR/name.git), or as it already is.
 */
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { ROOT } from '../support/paths';

export interface Tree { name: string; repository: string; commit: string; what: string }

const TREES_DIR = path.join(ROOT, '.real-trees');

/** The trees of trees.json, or those named in `only`. */
export function loadTrees(only?: string[]): Tree[] {
  const trees = JSON.parse(fs.readFileSync(path.join(ROOT, 'test', 'real', 'trees.json'), 'utf8')) as Tree[];
  return trees.filter((tree) => !only || only.includes(tree.name));
}

function findMirror(mirrors: string | undefined, repository: string): string | undefined {
  if (!mirrors) return undefined;
  const [owner, name] = repository.split('/');
  return [path.join(mirrors, `${owner}+${name}`, 'repo'), path.join(mirrors, `${owner}+${name}`), path.join(mirrors, owner, name), path.join(mirrors, `${name}.git`)]
    .find((candidate) => fs.existsSync(path.join(candidate, 'HEAD')) || fs.existsSync(path.join(candidate, '.git')));
}

/** The tree's directory, exported from its mirror when it is not there yet; undefined when it cannot be had. */
export function prepare(tree: Tree, mirrors: string | undefined): string | undefined {
  const directory = path.join(TREES_DIR, tree.name);
  const stamp = path.join(TREES_DIR, `${tree.name}.commit`);
  if (fs.existsSync(directory) && fs.existsSync(stamp) && fs.readFileSync(stamp, 'utf8').trim() === tree.commit) return directory;
  const mirror = findMirror(mirrors, tree.repository);
  if (!mirror) return undefined;
  fs.rmSync(directory, { recursive: true, force: true });
  fs.mkdirSync(directory, { recursive: true });
  exportCommit(fs.existsSync(path.join(mirror, '.git')) ? path.join(mirror, '.git') : mirror, tree.commit, directory);
  fs.writeFileSync(stamp, `${tree.commit}\n`);
  return directory;
}

/** Writes the files of `commit` into `directory`; blobs a partial mirror lacks (large binaries) are left out. */
function exportCommit(gitDir: string, commit: string, directory: string): void {
  const listing = execFileSync('git', ['--git-dir', gitDir, 'ls-tree', '-r', '-z', commit], { maxBuffer: 1 << 30 }).toString('utf8');
  const entries = listing.split('\0').filter(Boolean).map((entry) => {
    const [meta, file] = entry.split('\t');
    const [mode, type, sha] = meta.split(' ');
    return { mode, type, sha, file };
  }).filter((entry) => entry.type === 'blob' && entry.mode !== '120000');
  const output = execFileSync('git', ['--git-dir', gitDir, 'cat-file', '--batch'], { input: entries.map((e) => e.sha).join('\n') + '\n', maxBuffer: 2 ** 31 });
  let offset = 0;
  for (const entry of entries) {
    const headerEnd = output.indexOf(10, offset);
    const header = output.subarray(offset, headerEnd).toString('utf8');
    offset = headerEnd + 1;
    if (header.endsWith(' missing')) continue;
    const size = Number(header.split(' ')[2]);
    const target = path.join(directory, entry.file);
    fs.mkdirSync(path.dirname(target), { recursive: true });
    fs.writeFileSync(target, output.subarray(offset, offset + size), { mode: entry.mode === '100755' ? 0o755 : 0o644 });
    offset += size + 1;
  }
}

