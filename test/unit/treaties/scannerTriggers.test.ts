import * as assert from 'node:assert/strict';
import { links } from './helpers';

describe('treaties: words that start a form only before a joiner', () => {
  it('finds the forms they start, and nothing for the word on its own', () => {
    assert.deepEqual(links('the A/CFE entered into force; a post-A/CFE world'), [
      ['A/CFE', 'treaty:adapted-cfe'],
      ['A/CFE', 'treaty:adapted-cfe'],
    ]);
    assert.deepEqual(links('A treaty. A-CFE. Russia said. Russia-NATO Founding Act'), [['Russia-NATO Founding Act', 'treaty:nato-russia-founding-act']]);
    assert.deepEqual(links('the Anti-Ballistic Missile Treaty and Non-Proliferation Treaty'), [
      ['Anti-Ballistic Missile Treaty', 'treaty:abm'],
      ['Non-Proliferation Treaty', 'treaty:npt'],
    ]);
  });
});
