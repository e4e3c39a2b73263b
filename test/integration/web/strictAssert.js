// `node:assert/strict` in the web suite: the npm port of Node's assert, strict mode.
module.exports = require('assert').strict;
