import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, test } from 'node:test';
import { FILE_PATTERNS, LANGUAGES } from '../../client/src/documents';
import { SEMANTIC_TOKENS_LEGEND } from '../../server/src/features/semanticTokens';
import { FILE_KIND_NAMES } from '../../server/src/fileKinds';
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

describe('extension manifest: colours and file kinds', () => {
  test('smtpStatusCodes.fileKinds offers exactly the kinds the server knows', () => {
    const schema = (properties['smtpStatusCodes.fileKinds'] as unknown as { additionalProperties: { enum: string[]; enumDescriptions: string[] } }).additionalProperties;
    assert.deepEqual(schema.enum, FILE_KIND_NAMES);
    assert.equal(schema.enumDescriptions.length, FILE_KIND_NAMES.length);
  });

  test('every semantic token type and custom modifier is declared, and each type maps to a scope the grammars colour', () => {
    const contributes = manifest.contributes;
    assert.deepEqual(contributes.semanticTokenTypes.map((type: { id: string }) => type.id), SEMANTIC_TOKENS_LEGEND.tokenTypes);
    const standardModifiers = ['deprecated'];
    assert.deepEqual(
      contributes.semanticTokenModifiers.map((modifier: { id: string }) => modifier.id),
      SEMANTIC_TOKENS_LEGEND.tokenModifiers.filter((modifier) => !standardModifiers.includes(modifier)),
    );
    const scopes: Record<string, string[]> = contributes.semanticTokenScopes[0].scopes;
    assert.deepEqual(Object.keys(scopes), SEMANTIC_TOKENS_LEGEND.tokenTypes);
    const grammar = fs.readFileSync(path.join(ROOT, 'syntaxes', 'smtp-status-codes.injection.tmLanguage.json'), 'utf8');
    for (const [type, [scope]] of Object.entries(scopes)) {
      if (type === 'statusCode') assert.match(scope, /^invalid\.illegal\./);
      else assert.ok(grammar.includes(`"${scope}"`), `${type}: ${scope} is a scope of the injection grammar`);
    }
  });

  test('the walkthrough opens the samples the package ships, and every command has a title in the palette category', () => {
    const commands: { command: string; title: string; category: string }[] = manifest.contributes.commands;
    for (const command of commands) assert.equal(command.category, 'SMTP Status Codes', command.command);
    assert.ok(commands.some((c) => c.command === 'smtpStatusCodes.restartServer' && c.title === 'Restart Server'));
    assert.ok(commands.some((c) => c.command === 'smtpStatusCodes.showOutput' && c.title === 'Show Output'));
    const steps: { description: string; media: { markdown: string } }[] = manifest.contributes.walkthroughs[0].steps;
    for (const step of steps) {
      assert.ok(fs.existsSync(path.join(ROOT, step.media.markdown)), step.media.markdown);
      for (const [, command, argument] of step.description.matchAll(/\(command:([\w.]+)(?:\?([^)]*))?\)/g)) {
        assert.ok(commands.some((c) => c.command === command), command);
        if (command === 'smtpStatusCodes.openSample') {
          const [sample] = JSON.parse(decodeURIComponent(argument));
          assert.ok(fs.existsSync(path.join(ROOT, 'samples', sample)), sample);
        }
      }
    }
  });
});
