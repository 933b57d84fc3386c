/** The standalone server in another real LSP client: Neovim (Debian's, 0.7) headless, with its built-in client. */
import * as assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { describe, test } from 'node:test';
import { SERVER } from '../support/paths';

function neovim(): string | undefined {
  const found = spawnSync('nvim', ['--version'], { encoding: 'utf8' });
  if (found.status === 0) return undefined;
  try {
    execFileSync('bash', ['-c', 'apt-get install -y -qq neovim >/dev/null 2>&1 || (apt-get update -qq && apt-get install -y -qq neovim >/dev/null)'], { stdio: 'inherit' });
    return undefined;
  } catch {
    return 'Neovim is not installed and could not be installed with apt-get';
  }
}

const LUA = `
local out = ...
local client = vim.lsp.start_client({ name = 'smtp-status-codes', cmd = { NODE, SERVER, '--stdio' }, root_dir = DIR })
vim.lsp.buf_attach_client(0, client)
vim.wait(15000, function() return #vim.diagnostic.get(0) > 0 end, 50)
local diagnostics = {}
for _, d in ipairs(vim.diagnostic.get(0)) do
  table.insert(diagnostics, { line = d.lnum, col = d.col, code = d.code or (d.user_data and d.user_data.lsp and d.user_data.lsp.code), message = d.message })
end
local responses = vim.lsp.buf_request_sync(0, 'textDocument/hover', { textDocument = { uri = vim.uri_from_bufnr(0) }, position = { line = 1, character = 36 } }, 10000)
local hover = ''
for _, response in pairs(responses or {}) do
  if response.result then hover = response.result.contents.value end
end
local file = io.open(OUT, 'w')
file:write(vim.fn.json_encode({ diagnostics = diagnostics, hover = hover }))
file:close()
vim.cmd('qa!')
`;

describe('the language server in Neovim', { timeout: 120_000 }, () => {
  const missing = neovim();
  test('shows a hover and a diagnostic in a Postfix access map', { skip: missing ?? false }, () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'smtp-nvim-'));
    const file = path.join(dir, 'sender_access');
    const out = path.join(dir, 'result.json');
    fs.writeFileSync(file, '# Postfix sender access\nbadguy.example              REJECT 4.7.1 Sender blocked\n');
    const init = path.join(dir, 'init.lua');
    const quote = (value: string) => JSON.stringify(value);
    fs.writeFileSync(init, `NODE = ${quote(process.execPath)}\nSERVER = ${quote(SERVER)}\nDIR = ${quote(dir)}\nOUT = ${quote(out)}\n${LUA}`);
    const result = spawnSync('nvim', ['--headless', '--noplugin', '-u', 'NONE', '-c', `luafile ${init}`, file], { encoding: 'utf8', timeout: 60_000 });
    assert.ok(fs.existsSync(out), `Neovim wrote no result: ${result.stderr}${result.stdout}`);
    const { diagnostics, hover } = JSON.parse(fs.readFileSync(out, 'utf8'));
    assert.deepEqual(diagnostics.map((d: { line: number; col: number; code: string }) => [d.line, d.col, d.code]), [[1, 35, 'class-mismatch']]);
    assert.match(hover, /\*\*4\.7\.1\*\* Delivery not authorized, message refused/);
  });
});
