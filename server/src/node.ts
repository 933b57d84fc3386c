#!/usr/bin/env node
/** Node entry point: `smtp-status-codes-language-server --stdio` (or --node-ipc, --socket=N). */
import { createConnection, ProposedFeatures } from 'vscode-languageserver/node';
import { startServer } from './server';

const server = startServer(createConnection(ProposedFeatures.all));
// A client that closes the server's output can no longer be answered: leave quietly, as when it closes the input.
process.stdout.on('error', () => process.exit(server.shutdownReceived ? 0 : 1));
