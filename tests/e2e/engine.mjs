// The engine's own answers for the end-to-end tests: runs the host build of the engine
// (examples/headlines.rs) on a built-in scenario or on a scenario file, so the tests compare
// the page with what the engine computes rather than with numbers written into the test.

import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { ROOT } from './helpers.mjs';

function run(args, input) {
  const out = execFileSync('cargo', ['run', '--quiet', '--example', 'headlines', '--', ...args], {
    cwd: ROOT,
    input,
    encoding: 'utf8',
    stdio: ['pipe', 'pipe', 'inherit'],
  });
  return JSON.parse(out);
}

/** Headline figures and sentence of a built-in scenario, by id. */
export function enginePreset(id) {
  return run([id]);
}

/** Headline figures and sentence of a scenario object (the file format). */
export function engineScenario(scenario) {
  return run(['-'], JSON.stringify(scenario));
}

/** A built-in scenario's JSON as shipped, as an object to modify. */
export function presetJson(file) {
  return JSON.parse(readFileSync(path.join(ROOT, 'crates', 'model', 'src', 'presets', file), 'utf8'));
}

/** The Monte Carlo's chances and financing figures of a scenario object (examples/monte_carlo.rs). */
export function engineMonteCarlo(scenario) {
  const out = execFileSync('cargo', ['run', '--quiet', '--example', 'monte_carlo'], {
    cwd: ROOT,
    input: JSON.stringify(scenario),
    encoding: 'utf8',
    stdio: ['pipe', 'pipe', 'inherit'],
  });
  return JSON.parse(out);
}

/** The Suppliers page's sentence and suppliers.csv for a set of companies: preset ids or
 * scenario objects (examples/suppliers.rs). */
export function engineSuppliers(items) {
  const out = execFileSync('cargo', ['run', '--quiet', '--example', 'suppliers'], {
    cwd: ROOT,
    input: JSON.stringify(items),
    encoding: 'utf8',
    stdio: ['pipe', 'pipe', 'inherit'],
  });
  return JSON.parse(out);
}
