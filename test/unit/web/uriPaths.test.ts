import * as assert from 'node:assert/strict';
import { uriBasename, uriDirname, uriIsInside, uriRelative, uriStem, type UriLike } from '../../../src/features/uriPaths';

/** The members of vscode.Uri the helpers use; `with` keeps scheme and authority as vscode.Uri does. */
class TestUri implements UriLike<TestUri> {
  constructor(
    readonly scheme: string,
    readonly authority: string,
    readonly path: string,
  ) {}
  with(change: { path: string }): TestUri {
    return new TestUri(this.scheme, this.authority, change.path);
  }
}
const remote = (path: string) => new TestUri('vscode-remote', '127.0.0.1:8080', path);

describe('Uri path helpers (node:path for the web)', () => {
  it('takes the name, the stem and the folder of a Uri, keeping scheme and authority', () => {
    const uri = remote('/work/news/report.v2.txt');
    assert.equal(uriBasename(uri), 'report.v2.txt');
    assert.equal(uriStem(uri), 'report.v2');
    assert.equal(uriStem(remote('/work/.env')), '.env');
    const folder = uriDirname(uri);
    assert.deepEqual([folder.scheme, folder.authority, folder.path], ['vscode-remote', '127.0.0.1:8080', '/work/news']);
    assert.equal(uriDirname(remote('/work/')).path, '/');
    assert.equal(uriDirname(remote('/')).path, '/');
    assert.equal(uriBasename(remote('/work/news/')), 'news');
  });

  it('gives the relative path only inside the folder, on the same scheme and authority', () => {
    const root = remote('/work/corpus');
    assert.equal(uriRelative(root, remote('/work/corpus/a/b.txt')), 'a/b.txt');
    assert.equal(uriRelative(root, remote('/work/corpus')), '');
    assert.equal(uriRelative(remote('/work/corpus/'), remote('/work/corpus/b.txt')), 'b.txt');
    assert.equal(uriRelative(remote('/'), remote('/b.txt')), 'b.txt');
    assert.equal(uriRelative(root, remote('/work/corpus-old/b.txt')), undefined);
    assert.equal(uriRelative(root, new TestUri('file', '', '/work/corpus/b.txt')), undefined);
    assert.equal(uriRelative(root, new TestUri('vscode-remote', 'other:1', '/work/corpus/b.txt')), undefined);
    assert.equal(uriIsInside(root, remote('/work/corpus/x')), true);
    assert.equal(uriIsInside(root, remote('/work')), false);
  });
});
