// Baseline for the benchmark: a script that runs chrono-node alone over a file, as a user might.
const fs = require('node:fs');
const chrono = require('chrono-node');
const text = fs.readFileSync(process.argv[2], 'utf8');
const results = chrono.parse(text, new Date(2023, 0, 1));
process.stdout.write(`${results.length} dates\n`);
