import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { KIND_STYLES } from '../../../src/features/kindStyles';
import { composite, contrastRatio, deltaE, parseHex, simulate, type Deficiency } from '../../support/colorVision';

/**
 * The contributed colours (package.json `contributes.colors`) checked for the four theme kinds against VS Code's
 * default themes (Dark Modern/Dark+, Light Modern/Light+, Dark High Contrast, Light High Contrast; values from
 * `editor.background` and `editor.foreground` in microsoft/vscode extensions/theme-defaults and
 * src/vs/editor/common/core/editorColorRegistry.ts, VS Code 1.100):
 * - borders and foregrounds (underlines, ruler marks, the manual marker, notes) against the editor background: WCAG 1.4.11 non-text
 *   contrast, >= 3:1;
 * - text on a fill (the fill painted over the editor background) against the theme's default foreground: WCAG
 *   1.4.3, >= 4.5:1;
 * - the kinds' borders pairwise, as seen with full protanopia and deuteranopia (Machado et al. 2009): CIELAB
 *   distance >= MIN_DELTA_E, so the kinds stay apart for the commonest colour-vision deficiencies.
 */
const ROOT = path.resolve(__dirname, '..', '..', '..');
const pkg = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8'));
const colors: { id: string; defaults: Record<string, string> }[] = pkg.contributes.colors;

const THEMES: Record<string, { background: string; foreground: string; error: string }> = {
  dark: { background: '#1E1E1E', foreground: '#D4D4D4', error: '#F14C4C' },
  light: { background: '#FFFFFF', foreground: '#000000', error: '#E51400' },
  highContrast: { background: '#000000', foreground: '#FFFFFF', error: '#F48771' },
  highContrastLight: { background: '#FFFFFF', foreground: '#292929', error: '#B5200D' },
};
const KINDS = Object.keys(KIND_STYLES);
/** Two colours this far apart in CIELAB read as different colours at a glance, not only side by side. */
const MIN_DELTA_E = 15;

function color(id: string, theme: string): string {
  const c = colors.find((x) => x.id === id);
  assert.ok(c, `package.json contributes no colour ${id}`);
  assert.ok(c.defaults[theme], `${id} has no default for ${theme}`);
  return c.defaults[theme];
}

describe('palette: contrast and colour-vision deficiencies', () => {
  for (const [theme, t] of Object.entries(THEMES)) {
    it(`every border and foreground has >= 3:1 against the ${theme} editor background`, () => {
      const low = colors
        .filter((c) => /(Border|Foreground)$/.test(c.id))
        .map((c) => ({ id: c.id, ratio: contrastRatio(parseHex(color(c.id, theme)).rgb, parseHex(t.background).rgb) }))
        .filter((r) => r.ratio < 3);
      assert.deepEqual(low, []);
    });

    it(`text on every fill keeps >= 4.5:1 with the ${theme} foreground`, () => {
      const low = colors
        .filter((c) => c.id.endsWith('Background'))
        .map((c) => ({ id: c.id, ratio: contrastRatio(parseHex(t.foreground).rgb, composite(color(c.id, theme), t.background)) }))
        .filter((r) => r.ratio < 4.5);
      assert.deepEqual(low, []);
    });

    for (const vision of ['normal', 'protanopia', 'deuteranopia'] as const) {
      it(`the kinds' borders stay apart (delta E >= ${MIN_DELTA_E}) in ${theme} with ${vision} vision`, () => {
        const seen = KINDS.map((k) => {
          const rgb = parseHex(color(`marginalia.${k}Border`, theme)).rgb;
          return vision === 'normal' ? rgb : simulate(rgb, vision as Deficiency);
        });
        const close: string[] = [];
        for (let i = 0; i < KINDS.length; i++) {
          for (let j = i + 1; j < KINDS.length; j++) {
            const d = deltaE(seen[i], seen[j]);
            if (d < MIN_DELTA_E) close.push(`${KINDS[i]}/${KINDS[j]} ${d.toFixed(1)}`);
          }
        }
        assert.deepEqual(close, []);
      });
    }

    it(`the manual marker in ${theme} is far from the theme's error red`, () => {
      const d = deltaE(parseHex(color('marginalia.manualBorder', theme)).rgb, parseHex(t.error).rgb);
      assert.ok(d >= 40, `marginalia.manualBorder is ${d.toFixed(1)} from editorError.foreground: it reads as an error`);
    });
  }
});

describe('palette: kinds told apart by more than colour', () => {
  it('each kind has a line shape of its own', () => {
    const shapes = KINDS.map((k) => `${KIND_STYLES[k as keyof typeof KIND_STYLES].line} ${KIND_STYLES[k as keyof typeof KIND_STYLES].width}`);
    assert.equal(new Set(shapes).size, KINDS.length, shapes.join(', '));
  });

  it('the kinds are spread over the three overview-ruler lanes', () => {
    const lanes = new Set(Object.values(KIND_STYLES).map((s) => s.lane));
    assert.deepEqual([...lanes].sort(), ['center', 'left', 'right']);
  });
});

describe('colour arithmetic', () => {
  it('matches known WCAG ratios and a known dichromacy', () => {
    assert.equal(contrastRatio([0, 0, 0], [255, 255, 255]).toFixed(2), '21.00');
    assert.equal(contrastRatio(parseHex('#767676').rgb, [255, 255, 255]).toFixed(2), '4.54');
    // Pure red and green, the textbook protan/deutan confusion pair, come out close under the simulation.
    assert.ok(deltaE(simulate([255, 0, 0], 'deuteranopia'), simulate([0, 200, 0], 'deuteranopia')) < deltaE([255, 0, 0], [0, 200, 0]) / 2);
    assert.throws(() => parseHex('blue'), /not a hex colour: "blue"/);
  });
});
