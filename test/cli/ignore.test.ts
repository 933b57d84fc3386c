import * as assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { cli, cliInProcess, lines, mismatch, remove, tree } from './cliProcess';

/** The files a run reports findings in: each file of these trees holds one. */
const reported = (stdout: string) => lines(stdout).filter((line) => / error /.test(line)).map((line) => line.split(':')[0]);

const finding = `${mismatch('a@example.net')}\n`;
const FORTY_A = 'a'.repeat(40);

describe('which files a directory holds, as git sees them', () => {
  test('.gitignore: wildcards in linear time, bracket sets, escapes, negation, nested files, directory-only patterns', () => {
    const root = tree({
      '.gitignore': ['*a*a*a*a*a*a*a*a*a*a*a*a*b', '[abc].txt', '\\#hash.txt', '*.cf', '!keep.cf', 'out/', ''].join('\n'),
      [FORTY_A]: finding,
      [`${FORTY_A}b`]: finding,
      'a.txt': finding,
      'd.txt': finding,
      '#hash.txt': finding,
      'x.cf': finding,
      'keep.cf': finding,
      'out/sender_access': finding,
      'local_access': finding,
      'sub/out': finding,
      'sub/.gitignore': ['!again.cf', 'local_access', ''].join('\n'),
      'sub/again.cf': finding,
      'sub/local_access': finding,
      'sub/deeper/local_access': finding,
    });
    try {
      const { code, stdout } = cliInProcess(['check'], root);
      assert.equal(code, 1);
      assert.deepEqual(reported(stdout), [FORTY_A, 'd.txt', 'keep.cf', 'local_access', 'sub/again.cf', 'sub/out']);
    } finally {
      remove(root);
    }
  });

  test('glob arguments: * ? [set] and ** match in linear time', () => {
    const root = tree({ [FORTY_A]: finding, 'postfix/sender_access': finding, 'postfix/client_access': finding, 'postfix/deep/x_access': finding, 'postfix/main.cf': finding });
    try {
      const pathological = cliInProcess(['check', '*a*a*a*a*a*a*a*a*a*a*a*a*b'], root);
      assert.equal(pathological.code, 2);
      assert.match(pathological.stderr, /^\*a\*a.*\*b: no file matches it$/m);
      assert.deepEqual(reported(cliInProcess(['check', '*a*a*a*a*a*a*a*a*a*a*a*a*'], root).stdout), [FORTY_A]);
      assert.deepEqual(reported(cliInProcess(['check', 'postfix/*_access'], root).stdout), ['postfix/client_access', 'postfix/sender_access']);
      assert.deepEqual(reported(cliInProcess(['check', 'postfix/[s]ender_acces?'], root).stdout), ['postfix/sender_access']);
      assert.deepEqual(reported(cliInProcess(['check', 'postfix/**/*_access'], root).stdout), ['postfix/client_access', 'postfix/deep/x_access', 'postfix/sender_access']);
    } finally {
      remove(root);
    }
  });
});
