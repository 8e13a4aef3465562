// Checks run inside the page: axe-core's audit, and where every control sits on a phone screen.
// Both walk open shadow roots (the page is Lit components).
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Page } from '@playwright/test';

const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

export interface AxeFinding {
  id: string;
  impact: string | null;
  help: string;
  targets: string[];
}

/**
 * axe-core on the whole page, every rule on, nothing excluded; the serious and critical findings.
 * The site's CSP (script-src 'self') rightly refuses an injected <script> (page.addScriptTag),
 * so axe's source is evaluated through the DevTools protocol, which the CSP does not govern.
 */
export async function seriousAxeFindings(page: Page): Promise<AxeFinding[]> {
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(axeSource);
  return page.evaluate(async () => {
    const axe = (
      window as unknown as {
        axe: {
          run: (
            ctx: Document,
            o: object,
          ) => Promise<{
            violations: { id: string; impact: string | null; help: string; nodes: { target: unknown[] }[] }[];
          }>;
        };
      }
    ).axe;
    const r = await axe.run(document, { resultTypes: ['violations'] });
    return r.violations
      .filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .map((v) => ({
        id: v.id,
        impact: v.impact,
        help: v.help,
        targets: v.nodes.slice(0, 5).map((n) => JSON.stringify(n.target)),
      }));
  });
}

export interface Misplaced {
  what: string;
  problem: string;
}

/**
 * Every visible control of the page (buttons, fields, tabs, focusable regions): each must lie
 * inside the viewport or inside an ancestor that scrolls on its own (overflow auto/scroll) and
 * itself lies inside the viewport; each must be at least 24 × 24 CSS pixels.
 */
export function misplacedControls(page: Page): Promise<Misplaced[]> {
  return page.evaluate(() => {
    const selector = 'button, input, select, textarea, a[href], [role=tab], [tabindex]:not([tabindex="-1"])';
    const found: Element[] = [];
    const walk = (root: Document | ShadowRoot) => {
      root.querySelectorAll('*').forEach((el) => {
        if (el.matches(selector)) found.push(el);
        if (el.shadowRoot) walk(el.shadowRoot);
      });
    };
    walk(document);
    const parentOf = (el: Element): Element | null =>
      el.parentElement ?? (el.getRootNode() as ShadowRoot).host ?? null;
    const scrollBox = (el: Element): Element | null => {
      for (
        let p = parentOf(el);
        p && p !== document.documentElement && p !== document.body;
        p = parentOf(p)
      ) {
        const s = getComputedStyle(p);
        if (/(auto|scroll)/.test(s.overflowX + s.overflowY)) return p;
      }
      return null;
    };
    const W = window.innerWidth;
    const inside = (r: DOMRect) => r.left >= -0.5 && r.right <= W + 0.5;
    const name = (el: Element) =>
      `${el.tagName.toLowerCase()}${el.id ? `#${el.id}` : ''} "${(el.getAttribute('aria-label') ?? el.textContent ?? '').trim().slice(0, 40)}"`;
    const out: { what: string; problem: string }[] = [];
    for (const el of found) {
      if (!(el as HTMLElement).checkVisibility?.({ visibilityProperty: true } as CheckVisibilityOptions))
        continue;
      const r = el.getBoundingClientRect();
      if (r.width === 0 && r.height === 0) continue;
      if (!inside(r)) {
        const box = scrollBox(el);
        if (!box || !inside(box.getBoundingClientRect()))
          out.push({
            what: name(el),
            problem: `outside the screen (${Math.round(r.left)}..${Math.round(r.right)} of ${W})`,
          });
      }
      // The target-size rule (WCAG 2.2, 2.5.8): 24 × 24 at least. Text fields count by height.
      if (r.height < 23.5 || (r.width < 23.5 && !(el instanceof HTMLTextAreaElement))) {
        out.push({ what: name(el), problem: `${r.width.toFixed(0)} × ${r.height.toFixed(0)} px` });
      }
    }
    const html = getComputedStyle(document.documentElement),
      body = getComputedStyle(document.body);
    if ([html.overflowX, body.overflowX, html.overflow, body.overflow].includes('hidden'))
      out.push({ what: 'html/body', problem: 'overflow hidden' });
    if (document.documentElement.scrollWidth > W + 0.5)
      out.push({
        what: 'page',
        problem: `scrolls sideways: ${document.documentElement.scrollWidth} px wide`,
      });
    return out;
  });
}
