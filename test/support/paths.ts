import * as fs from 'node:fs';
import * as path from 'node:path';

/** The repository root (tests run from out/test/...). */
export const ROOT = path.resolve(__dirname, '..', '..', '..');
/** The team's shared data beside the repository; absent on machines that only build and test the product. */
export const SHARED_IANA = path.resolve(ROOT, '..', 'shared', 'iana');
export const HAS_SHARED = fs.existsSync(SHARED_IANA);
export const FIXTURES = path.join(ROOT, 'test', 'fixtures');
export const SERVER = path.join(ROOT, 'dist', 'server.js');

export function fixture(name: string): string {
  return fs.readFileSync(path.join(FIXTURES, name), 'utf8');
}
