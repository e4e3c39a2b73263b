#!/usr/bin/env node
// Entry point of `npm start` and `npm test` on a fresh clone: the harness is TypeScript run by tsx, which
// lives in node_modules, so this plain-JS step installs the npm dependencies first when they are missing
// (`npm ci`, from the lockfile) and then hands over to the TypeScript script named on the command line.
// It never reinstalls over an existing node_modules: other processes may be using it.
'use strict';
const { spawnSync, spawn } = require('node:child_process');
const fs = require('node:fs');
const path = require('node:path');

const root = path.resolve(__dirname, '..');
const [script, ...args] = process.argv.slice(2);
if (!script) {
  console.error('usage: node scripts/bootstrap.js <script.ts> [args...]');
  process.exit(2);
}

if (!fs.existsSync(path.join(root, 'node_modules', 'tsx', 'package.json'))) {
  console.log('[setup] installing npm dependencies (npm ci)');
  const npm = spawnSync('npm', ['ci', '--no-audit', '--no-fund'], { cwd: root, stdio: 'inherit' });
  if (npm.status !== 0) process.exit(npm.status ?? 1);
}

// Same process group as this one, so a Ctrl+C in the terminal reaches the script, which cleans up.
const child = spawn(process.execPath, ['--import', 'tsx', path.join(root, script), ...args], {
  cwd: root,
  stdio: 'inherit',
});
for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) {
  process.on(signal, () => {
    // SIGINT from a terminal already reached the child; other signals are passed on.
    if (signal !== 'SIGINT') child.kill(signal);
  });
}
child.on('exit', (code, signal) => process.exit(code ?? (signal === 'SIGINT' ? 130 : 1)));
