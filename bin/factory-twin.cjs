#!/usr/bin/env node
// Launcher for `npx factory-twin`: runs the bundled CLI built by `npm install` (prepare).
'use strict';
const path = require('node:path');
const fs = require('node:fs');

const bundle = path.join(__dirname, '..', 'dist', 'cli', 'main.cjs');
if (!fs.existsSync(bundle)) {
  process.stderr.write('factory-twin: the command line is not built yet. Run "npm install" (or "npm run build:cli") in the project folder first.\n');
  process.exit(2);
}
require(bundle).main(process.argv.slice(2), path.join(__dirname, '..')).then((code) => {
  process.exitCode = code;
});
