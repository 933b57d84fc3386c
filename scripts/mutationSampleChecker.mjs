/**
 * A Stryker checker for `npm run test:mutation:sample`: a mutant outside the sample named by MUTATION_SAMPLE is set aside
 * (reported as a compile error, which Stryker leaves out of the score) before any test runs it. A `--mutate` range also
 * takes in every mutant nested inside the sampled one (a block, a function), and only the sampled ones are to be run.
 */
import fs from 'node:fs';
import path from 'node:path';
import { CheckStatus } from '@stryker-mutator/api/check';
import { declareClassPlugin, PluginKind } from '@stryker-mutator/api/plugin';
import { mutantKey } from './mutationSampleKey.mjs';

class SampleChecker {
  sampled = new Set();

  async init() {
    const file = process.env.MUTATION_SAMPLE;
    if (!file) throw new Error('MUTATION_SAMPLE must name the sample file written by scripts/mutationSample.mjs');
    const sample = JSON.parse(fs.readFileSync(file, 'utf8'));
    this.sampled = new Set(sample.mutants.map(mutantKey));
  }

  async check(mutants) {
    return Object.fromEntries(mutants.map((mutant) => [
      mutant.id,
      this.sampled.has(mutantKey({ ...mutant, fileName: path.relative(process.env.MUTATION_SAMPLE_ROOT ?? process.cwd(), mutant.fileName) }))
        ? { status: CheckStatus.Passed }
        : { status: CheckStatus.CompileError, reason: 'outside the sample' },
    ]));
  }
}

export const strykerPlugins = [declareClassPlugin(PluginKind.Checker, 'mutation-sample', SampleChecker)];
