/** Finding the files to check: paths, directories (honouring .gitignore as git does) and globs, and reading them safely. */
import * as fs from 'node:fs';
import * as path from 'node:path';
import ignore, { type Ignore } from 'ignore';
import { globMatcher, isGlob } from './glob';

const ALWAYS_SKIPPED = new Set(['.git', 'node_modules', '.hg', '.svn']);

export interface Input {
  file: string;
  /** Named on the command line (or by a glob), not found by walking a directory. */
  explicit: boolean;
}

/** Something about a path the user should know: `failed` when a check that was asked for did not run. */
export interface Note {
  file: string;
  message: string;
  failed: boolean;
}

const REASONS: Record<string, string> = {
  EACCES: 'permission denied',
  EPERM: 'operation not permitted',
  ENOENT: 'no such file or directory',
  ENOTDIR: 'a part of the path is not a directory',
  ENAMETOOLONG: 'the path is too long',
  ELOOP: 'too many levels of symbolic links',
  EISDIR: 'is a directory',
  EMFILE: 'too many open files',
  EIO: 'input/output error',
  EROFS: 'read-only file system',
  ETXTBSY: 'text file busy',
  EBUSY: 'resource busy',
  ENXIO: 'no such device or address',
  ERR_FS_FILE_TOO_LARGE: 'too large to read at once',
  ERR_STRING_TOO_LONG: 'too large to hold as text',
};

/** A file-system error as words and its code: `permission denied (EACCES)`. */
export function reasonOf(error: unknown): string {
  const code = (error as NodeJS.ErrnoException)?.code;
  if (code) return REASONS[code] ? `${REASONS[code]} (${code})` : code;
  return error instanceof Error ? error.message : String(error);
}

/** What a path that is neither a file nor a directory is, or undefined for those two. */
export function specialKind(stat: fs.Stats | fs.Dirent): string | undefined {
  if (stat.isFIFO()) return 'a named pipe (FIFO)';
  if (stat.isSocket()) return 'a socket';
  if (stat.isCharacterDevice()) return 'a character device';
  if (stat.isBlockDevice()) return 'a block device';
  return undefined;
}

export type ReadResult = { bytes: Buffer } | { skipped: string } | { tooLarge: number };

/**
 * The bytes of a regular file, never blocking: the file is opened without waiting (a FIFO without a writer opens at once)
 * and its type is checked on the open descriptor. A file of more than `maxBytes` bytes is not read.
 */
export function readRegularFile(file: string): { bytes: Buffer } | { skipped: string };
export function readRegularFile(file: string, maxBytes: number): ReadResult;
export function readRegularFile(file: string, maxBytes = Infinity): ReadResult {
  const fd = fs.openSync(file, fs.constants.O_RDONLY | (fs.constants.O_NONBLOCK ?? 0));
  try {
    const stat = fs.fstatSync(fd);
    const special = specialKind(stat);
    if (special) return { skipped: `${special}, not a file` };
    if (stat.isDirectory()) return { skipped: 'a directory' };
    if (stat.size > maxBytes) return { tooLarge: stat.size };
    return { bytes: fs.readFileSync(fd) };
  } finally {
    fs.closeSync(fd);
  }
}

interface IgnoreLevel {
  base: string;
  rules: Ignore;
}

function readIgnoreFile(directory: string, notes: Note[]): IgnoreLevel | undefined {
  const file = path.join(directory, '.gitignore');
  try {
    const read = readRegularFile(file);
    if ('bytes' in read) return { base: directory, rules: ignore().add(read.bytes.toString('utf8')) };
    notes.push({ file, message: `its rules are not applied: ${read.skipped}`, failed: true });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') notes.push({ file, message: `cannot read it, so its rules are not applied: ${reasonOf(error)}`, failed: true });
  }
  return undefined;
}

/** git's rule: the deepest .gitignore that has a say wins, and within one file the last matching line. */
function isIgnored(levels: IgnoreLevel[], full: string, isDirectory: boolean): boolean {
  let ignored = false;
  for (const level of levels) {
    const relative = path.relative(level.base, full).split(path.sep).join('/');
    try {
      const verdict = level.rules.test(isDirectory ? `${relative}/` : relative);
      if (verdict.ignored) ignored = true;
      else if (verdict.unignored) ignored = false;
    } catch {
      // a name the rules cannot express is not ignored
    }
  }
  return ignored;
}

interface Frame {
  directory: string;
  levels: IgnoreLevel[];
  entries: fs.Dirent[];
  next: number;
}

/** The files under `root`, in name order, skipping what .gitignore files ignore; no symbolic link to a directory is followed. */
function walk(root: string, out: Input[], notes: Note[]): void {
  const open = (directory: string, levels: IgnoreLevel[]): Frame | undefined => {
    let entries: fs.Dirent[];
    try {
      entries = fs.readdirSync(directory, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name));
    } catch (error) {
      notes.push({ file: directory, message: `cannot read the directory: ${reasonOf(error)}`, failed: true });
      return undefined;
    }
    const own = readIgnoreFile(directory, notes);
    return { directory, levels: own ? [...levels, own] : levels, entries, next: 0 };
  };
  const first = open(root, []);
  const stack: Frame[] = first ? [first] : [];
  while (stack.length > 0) {
    const frame = stack[stack.length - 1];
    if (frame.next >= frame.entries.length) {
      stack.pop();
      continue;
    }
    const entry = frame.entries[frame.next++];
    if (ALWAYS_SKIPPED.has(entry.name)) continue;
    const full = path.join(frame.directory, entry.name);
    let type: fs.Stats | fs.Dirent = entry;
    if (entry.isSymbolicLink()) {
      try {
        type = fs.statSync(full);
      } catch (error) {
        notes.push({ file: full, message: `cannot follow the symbolic link: ${reasonOf(error)}`, failed: true });
        continue;
      }
    }
    if (isIgnored(frame.levels, full, type.isDirectory())) continue;
    if (type.isDirectory()) {
      if (entry.isSymbolicLink()) notes.push({ file: full, message: 'skipped: a symbolic link to a directory, not followed (name it to check it)', failed: false });
      else {
        const child = open(full, frame.levels);
        if (child) stack.push(child);
      }
    } else if (type.isFile()) out.push({ file: full, explicit: false });
    else notes.push({ file: full, message: `skipped: ${specialKind(type) ?? 'not a regular file'}, not a file`, failed: false });
  }
}

function collectGlob(input: string, cwd: string, files: Input[], notes: Note[]): void {
  const segments = input.split('/');
  const firstGlob = segments.findIndex(isGlob);
  const staticPart = segments.slice(0, firstGlob).join('/') || (input.startsWith('/') ? '/' : '.');
  const root = path.resolve(cwd, staticPart);
  try {
    if (!fs.statSync(root).isDirectory()) {
      notes.push({ file: input, message: `no file matches it: ${staticPart} is not a directory`, failed: true });
      return;
    }
  } catch (error) {
    notes.push({ file: input, message: `no file matches it: cannot read ${staticPart}: ${reasonOf(error)}`, failed: true });
    return;
  }
  const matches = globMatcher(segments.slice(firstGlob).join('/'));
  const found: Input[] = [];
  walk(root, found, notes);
  const matching = found.filter(({ file }) => matches(path.relative(root, file).split(path.sep).join('/')));
  if (matching.length === 0) notes.push({ file: input, message: 'no file matches it', failed: true });
  files.push(...matching.map(({ file }) => ({ file, explicit: true })));
}

/** The files named by `inputs` (files, directories, globs), and notes on what could not be found or read. */
export function collectFiles(inputs: string[], cwd: string): { files: Input[]; notes: Note[] } {
  const files: Input[] = [];
  const notes: Note[] = [];
  for (const input of inputs) {
    if (isGlob(input)) {
      collectGlob(input, cwd, files, notes);
      continue;
    }
    const full = path.resolve(cwd, input);
    let stat: fs.Stats;
    try {
      stat = fs.statSync(full);
    } catch (error) {
      notes.push({ file: full, message: `cannot read it: ${reasonOf(error)}`, failed: true });
      continue;
    }
    if (stat.isDirectory()) walk(full, files, notes);
    else if (stat.isFile()) files.push({ file: full, explicit: true });
    else notes.push({ file: full, message: `not checked: ${specialKind(stat) ?? 'not a regular file'}, not a file`, failed: true });
  }
  const unique = new Map<string, Input>();
  for (const input of files) unique.set(input.file, { file: input.file, explicit: input.explicit || (unique.get(input.file)?.explicit ?? false) });
  return { files: [...unique.values()], notes };
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
