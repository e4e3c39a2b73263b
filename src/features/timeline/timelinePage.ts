/**
 * The timeline page's own style and script (both run under the page's nonce). The script only forwards what the
 * user does: a click or Enter/Space on an item or its table row reveals it, the colour buttons and the treaty
 * list ask the extension to render again; the table's next rows come from the extension when asked for. Arrow
 * keys move between the items of the picture.
 */

export const PAGE_CSS = [
  'body{padding:0 12px 24px;color:var(--vscode-foreground);background:var(--vscode-editor-background);font-family:var(--vscode-font-family)}',
  '.toolbar{display:flex;gap:8px;align-items:center;margin:10px 0}',
  'button,select{font:inherit;color:var(--vscode-button-secondaryForeground);background:var(--vscode-button-secondaryBackground);border:1px solid var(--vscode-button-border,transparent);padding:2px 8px}',
  'select{color:var(--vscode-dropdown-foreground);background:var(--vscode-dropdown-background);border-color:var(--vscode-dropdown-border)}',
  'button[aria-pressed="true"]{color:var(--vscode-button-foreground);background:var(--vscode-button-background)}',
  'button:focus,select:focus,.mg-item:focus-visible{outline:1px solid var(--vscode-focusBorder);outline-offset:1px}',
  '.chart{overflow-x:auto}',
  '.summary{opacity:.85}',
  'td button{background:none;border:none;color:var(--vscode-textLink-foreground);text-decoration:underline;cursor:pointer;padding:0}',
].join('\n');

export const PAGE_SCRIPT = `(function () {
  const vscode = acquireVsCodeApi();
  const reveal = (el) => vscode.postMessage({ type: 'reveal', item: Number(el.getAttribute('data-item')) });
  const items = Array.from(document.querySelectorAll('svg .mg-item'));
  document.addEventListener('click', (e) => {
    const el = e.target.closest('[data-item]');
    if (el) return reveal(el);
    const more = e.target.closest('[data-more]');
    if (more) return vscode.postMessage({ type: 'rows', from: Number(more.getAttribute('data-more')) });
    const colour = e.target.closest('[data-colour]');
    if (colour) vscode.postMessage({ type: 'colourBy', value: colour.getAttribute('data-colour') });
  });
  document.addEventListener('keydown', (e) => {
    const el = e.target.closest && e.target.closest('svg .mg-item');
    if (!el) return;
    if (e.key === 'Enter' || e.key === ' ') { e.preventDefault(); reveal(el); }
    const step = e.key === 'ArrowRight' || e.key === 'ArrowDown' ? 1 : e.key === 'ArrowLeft' || e.key === 'ArrowUp' ? -1 : 0;
    if (step) { e.preventDefault(); const next = items[items.indexOf(el) + step]; if (next) next.focus(); }
  });
  window.addEventListener('message', (e) => {
    const m = e.data;
    const more = document.getElementById('mg-more');
    if (!m || m.type !== 'rows' || !more) return;
    document.getElementById('mg-rows').insertAdjacentHTML('beforeend', m.html);
    if (m.more) { more.setAttribute('data-more', String(m.next)); more.textContent = m.more; } else more.remove();
  });
  document.getElementById('treaty').addEventListener('change', (e) => vscode.postMessage({ type: 'treaty', value: e.target.value }));
})();`;
