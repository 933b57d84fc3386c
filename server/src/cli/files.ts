/** Finding the files to check: paths, directories (honouring .gitignore) and globs. */
import * as fs from 'node:fs';
import * as path from 'node:path';

const ALWAYS_SKIPPED = new Set(['.git', 'node_modules', '.hg', '.svn']);

/** A glob or .gitignore pattern as a regular expression over `/`-separated relative paths. */
export function globToRegExp(glob: string): RegExp {
  let pattern = '';
  for (let i = 0; i < glob.length; i++) {
    const char = glob[i];
    if (char === '*' && glob[i + 1] === '*') {
      pattern += glob[i + 2] === '/' ? '(?:.*/)?' : '.*';
      i += glob[i + 2] === '/' ? 2 : 1;
    } else if (char === '*') pattern += '[^/]*';
    else if (char === '?') pattern += '[^/]';
    else pattern += char.replace(/[.+^${}()|[\]\\]/g, '\\$&');
  }
  return new RegExp(`^${pattern}$`);
}

interface IgnoreRule {
  base: string;
  regex: RegExp;
  negate: boolean;
  directoryOnly: boolean;
}

function readIgnoreRules(directory: string): IgnoreRule[] {
  const file = path.join(directory, '.gitignore');
  if (!fs.existsSync(file)) return [];
  return fs.readFileSync(file, 'utf8').split(/\r?\n/).flatMap((raw) => {
    let line = raw.trim();
    if (!line || line.startsWith('#')) return [];
    const negate = line.startsWith('!');
    if (negate) line = line.slice(1);
    const directoryOnly = line.endsWith('/');
    if (directoryOnly) line = line.slice(0, -1);
    const anchored = line.includes('/');
    if (line.startsWith('/')) line = line.slice(1);
    return [{ base: directory, regex: globToRegExp(anchored ? line : `**/${line}`), negate, directoryOnly }];
  });
}

function ignored(rules: IgnoreRule[], fullPath: string, isDirectory: boolean): boolean {
  let result = false;
  for (const rule of rules) {
    if (rule.directoryOnly && !isDirectory) continue;
    const relative = path.relative(rule.base, fullPath).split(path.sep).join('/');
    if (rule.regex.test(relative)) result = !rule.negate;
  }
  return result;
}

function walk(directory: string, rules: IgnoreRule[], out: string[]): void {
  const here = [...rules, ...readIgnoreRules(directory)];
  for (const entry of fs.readdirSync(directory, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
    const full = path.join(directory, entry.name);
    if (ALWAYS_SKIPPED.has(entry.name) || ignored(here, full, entry.isDirectory())) continue;
    if (entry.isDirectory()) walk(full, here, out);
    else if (entry.isFile()) out.push(full);
  }
}

/** The files named by `inputs` (files, directories, globs), or an error message for an input that matches nothing. */
export function collectFiles(inputs: string[], cwd: string): { files: string[]; errors: string[] } {
  const files: string[] = [];
  const errors: string[] = [];
  for (const input of inputs) {
    if (/[*?]/.test(input)) {
      const parts = input.split('/');
      const staticPart = parts.slice(0, parts.findIndex((part) => /[*?]/.test(part))).join('/') || '.';
      const root = path.resolve(cwd, staticPart);
      const regex = globToRegExp(path.relative(root, path.resolve(cwd, input)).split(path.sep).join('/'));
      const found: string[] = [];
      if (fs.existsSync(root)) walk(root, [], found);
      const matching = found.filter((file) => regex.test(path.relative(root, file).split(path.sep).join('/')));
      if (matching.length === 0) errors.push(`no file matches ${input}`);
      files.push(...matching);
      continue;
    }
    const full = path.resolve(cwd, input);
    let stat: fs.Stats;
    try {
      stat = fs.statSync(full);
    } catch {
      errors.push(`cannot read ${input}: no such file or directory`);
      continue;
    }
    if (stat.isDirectory()) walk(full, [], files);
    else files.push(full);
  }
  return { files: [...new Set(files)], errors };
}

const LANGUAGE_BY_EXTENSION: Record<string, string> = {
  '.js': 'javascript', '.mjs': 'javascript', '.cjs': 'javascript', '.jsx': 'javascriptreact', '.ts': 'typescript', '.tsx': 'typescriptreact',
  '.py': 'python', '.go': 'go', '.java': 'java', '.cs': 'csharp', '.c': 'c', '.h': 'c', '.cc': 'cpp', '.cpp': 'cpp', '.hpp': 'cpp',
  '.php': 'php', '.rb': 'ruby', '.pl': 'perl', '.pm': 'perl', '.rs': 'rust', '.sh': 'shellscript', '.bash': 'shellscript', '.lua': 'lua',
  '.json': 'json', '.yaml': 'yaml', '.yml': 'yaml', '.toml': 'toml', '.ini': 'ini', '.md': 'markdown', '.log': 'log',
  '.html': 'html', '.htm': 'html', '.xml': 'xml', '.rst': 'restructuredtext', '.csv': 'csv', '.sql': 'sql',
};

/** The language id an editor would give the file. */
export function languageOf(file: string): string {
  return LANGUAGE_BY_EXTENSION[path.extname(file).toLowerCase()] ?? 'plaintext';
}
