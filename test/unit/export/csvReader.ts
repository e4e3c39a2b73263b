import * as assert from 'node:assert/strict';

/** A strict RFC 4180 reader (test-only): CRLF records, quoted fields with doubled quotes. */
export function parseCsv(content: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let i = 0;
  const s = content.replace(/^\uFEFF/, '');
  while (i < s.length) {
    let cell = '';
    if (s[i] === '"') {
      i++;
      for (;;) {
        const q = s.indexOf('"', i);
        assert.ok(q >= 0, 'unterminated quoted field');
        cell += s.slice(i, q);
        i = q + 1;
        if (s[i] === '"') {
          cell += '"';
          i++;
        } else break;
      }
    } else {
      const m = /^[^,\r\n"]*/.exec(s.slice(i))![0];
      cell = m;
      i += m.length;
    }
    row.push(cell);
    if (s[i] === ',') i++;
    else {
      assert.equal(s.slice(i, i + 2), '\r\n', `record must end with CRLF at ${i}`);
      i += 2;
      rows.push(row);
      row = [];
    }
  }
  return rows;
}
