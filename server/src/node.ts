#!/usr/bin/env node
/** Node entry point: `smtp-status-codes-language-server --stdio` (or --node-ipc, --socket=N). */
import { createConnection, ProposedFeatures } from 'vscode-languageserver/node';
import { startServer } from './server';

startServer(createConnection(ProposedFeatures.all));
