import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, test } from 'node:test';
import { ROOT } from '../support/paths';

/** The names in a zip file, read from its central directory. */
function zipEntries(file: string): string[] {
  const zip = fs.readFileSync(file);
  const end = zip.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  const count = zip.readUInt16LE(end + 10);
  let offset = zip.readUInt32LE(end + 16);
  const names: string[] = [];
  for (let i = 0; i < count; i++) {
    const nameLength = zip.readUInt16LE(offset + 28);
    names.push(zip.toString('utf8', offset + 46, offset + 46 + nameLength));
    offset += 46 + nameLength + zip.readUInt16LE(offset + 30) + zip.readUInt16LE(offset + 32);
  }
  return names.sort();
}

describe('the packaged extension', { skip: fs.existsSync(path.join(ROOT, 'smtp-status-codes.vsix')) ? false : 'run npm run package first' }, () => {
  test('holds only bundles, grammars, the icon and the documents, and is small', () => {
    const vsix = path.join(ROOT, 'smtp-status-codes.vsix');
    assert.deepEqual(zipEntries(vsix), [
      '[Content_Types].xml', 'extension.vsixmanifest', 'extension/LICENSE.txt', 'extension/changelog.md',
      'extension/dist/browser/extension.js', 'extension/dist/browser/server.js', 'extension/dist/extension.js', 'extension/dist/server.js',
      'extension/images/icon.png', 'extension/package.json', 'extension/readme.md',
      'extension/samples/mail.log', 'extension/samples/sender_access',
      'extension/syntaxes/mail-log.language-configuration.json', 'extension/syntaxes/mail-log.tmLanguage.json',
      'extension/syntaxes/smtp-status-codes.injection.tmLanguage.json',
      'extension/walkthrough/mail-log.md', 'extension/walkthrough/postfix-map.md', 'extension/walkthrough/registry.md',
    ]);
    assert.ok(fs.statSync(vsix).size < 600_000, `${fs.statSync(vsix).size} bytes`);
  });
});
