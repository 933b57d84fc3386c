import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, test } from 'node:test';
import { FILE_PATTERNS, LANGUAGES } from '../../client/src/documents';
import { DEFAULT_SETTINGS, DIAGNOSTIC_CODES, SEVERITY_LEVELS } from '../../server/src/settings';
import { ROOT } from '../support/paths';

const manifest = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8'));
const properties: Record<string, { default: unknown; enum?: string[]; properties?: Record<string, { enum: string[]; default: string }> }> =
  manifest.contributes.configuration.properties;

/** `{ hover: { enabled: true }, severity: {...} }` -> `{ 'hover.enabled': true, severity: {...} }`: only switches (booleans) are flattened. */
function flatten(value: Record<string, unknown>, prefix = ''): Record<string, unknown> {
  return Object.fromEntries(Object.entries(value).flatMap(([key, inner]) =>
    typeof inner === 'object' && inner !== null && Object.values(inner).length > 0 && Object.values(inner).every((v) => typeof v === 'boolean')
      ? Object.entries(flatten(inner as Record<string, unknown>, `${prefix}${key}.`))
      : [[`${prefix}${key}`, inner]]));
}

describe('extension manifest', () => {
  test('every server setting is contributed with the same default, and nothing else is', () => {
    const server = flatten(DEFAULT_SETTINGS as unknown as Record<string, unknown>);
    const contributed = Object.fromEntries(Object.entries(properties)
      .filter(([key]) => key !== 'smtpStatusCodes.trace.server')
      .map(([key, schema]) => [key.replace(/^smtpStatusCodes\./, ''), schema.default]));
    assert.deepEqual(contributed, server);
  });

  test('severity settings list every check with the same levels', () => {
    for (const key of ['smtpStatusCodes.severity', 'smtpStatusCodes.severityInLogs']) {
      assert.deepEqual(Object.keys(properties[key].properties!), [...DIAGNOSTIC_CODES], key);
      for (const [check, schema] of Object.entries(properties[key].properties!)) {
        assert.deepEqual(schema.enum, [...SEVERITY_LEVELS], `${key}.${check}`);
      }
    }
  });

  test('activates on exactly the languages the client serves, never on *', () => {
    assert.deepEqual(manifest.activationEvents, LANGUAGES.map((language) => `onLanguage:${language}`));
    assert.ok(FILE_PATTERNS.includes('**/main.cf') && FILE_PATTERNS.includes('**/*.eml'));
  });

  test('declares untrusted and virtual workspaces supported and has both entry points', () => {
    assert.deepEqual(manifest.capabilities, { untrustedWorkspaces: { supported: true }, virtualWorkspaces: true });
    assert.equal(manifest.main, './dist/extension.js');
    assert.equal(manifest.browser, './dist/browser/extension.js');
  });

  test('the server package runs the bundled server', () => {
    const serverManifest = JSON.parse(fs.readFileSync(path.join(ROOT, 'server', 'package.json'), 'utf8'));
    const bin = path.join(ROOT, 'server', serverManifest.bin['smtp-status-codes-language-server']);
    assert.ok(fs.existsSync(bin), `${bin} is built`);
    assert.ok(fs.readFileSync(bin).equals(fs.readFileSync(path.join(ROOT, 'dist', 'server.js'))));
    assert.match(fs.readFileSync(bin, 'utf8').slice(0, 30), /^#!\/usr\/bin\/env node/);
  });
});
