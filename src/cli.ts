// Scaffold: the marginalia CLI (analyze, annotate, check, export) is built in issues 3, 5 and 6.
process.stdout.write('marginalia: no commands yet\n');
