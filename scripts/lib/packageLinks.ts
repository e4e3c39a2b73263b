/**
 * Where the project lives, read from its one place: package.json `repository.url`. `npm run package`
 * (scripts/package.ts) gives vsce the bases made here, so the packaged README's relative links become absolute
 * ones under the repository (the Marketplace shows the README without the files beside it); vsce derives the bugs
 * and homepage links from the same field when it is a GitHub or GitLab address. Moving the project is a change of
 * that one line.
 */

interface Manifest {
  repository?: string | { url?: string };
}

/** The repository's web address: `repository.url` without `git+` and `.git`. Throws naming what is wrong. */
export function repositoryPage(pkg: Manifest): string {
  const url = typeof pkg.repository === 'string' ? pkg.repository : pkg.repository?.url;
  if (!url) throw new Error('package.json: no repository.url (the project\u2019s address, which the packaged README links to)');
  const page = url.replace(/^git\+/, '').replace(/\.git$/, '').replace(/\/+$/, '');
  if (!/^https?:\/\/[^/]+\/./.test(page)) throw new Error(`package.json: repository.url "${url}" is not an http(s) address of a repository`);
  return page;
}

/** Where the packaged README's relative links and images point: the files of the default branch. */
export function linkBases(pkg: Manifest): { content: string; images: string } {
  const page = repositoryPage(pkg);
  return { content: `${page}/blob/HEAD/`, images: `${page}/raw/HEAD/` };
}

/** A placeholder address (a reserved `.invalid` host): the links are made, but do not resolve yet. */
export function isPlaceholder(pkg: Manifest): boolean {
  return /^https?:\/\/[^/]*\.invalid\//.test(`${repositoryPage(pkg)}/`);
}

/**
 * The options `npm run package` gives vsce for the README's links. While the address is a placeholder the links
 * stay relative: VS Code's extension page resolves those in the installed .vsix, and a link to the placeholder
 * resolves nowhere.
 */
export function vsceLinkOptions(pkg: Manifest): { baseContentUrl: string; baseImagesUrl: string } | { rewriteRelativeLinks: false } {
  if (isPlaceholder(pkg)) return { rewriteRelativeLinks: false };
  const bases = linkBases(pkg);
  return { baseContentUrl: bases.content, baseImagesUrl: bases.images };
}
