// The text a reader sees in an element, shadow roots included (innerText stops at them): the
// text nodes of rendered elements, plus labels drawn as SVG text. Hidden subtrees are skipped.
import type { Locator } from '@playwright/test';

export function visibleText(root: Locator): Promise<string> {
  return root.evaluate((el) => {
    const out: string[] = [];
    const walk = (node: Node): void => {
      if (node.nodeType === Node.TEXT_NODE) {
        const t = node.textContent?.trim();
        if (t) out.push(t);
        return;
      }
      if (node instanceof Element) {
        if (node instanceof HTMLStyleElement || node instanceof HTMLScriptElement) return;
        if (!node.checkVisibility({ visibilityProperty: true } as CheckVisibilityOptions)) return;
        if (node.shadowRoot) node.shadowRoot.childNodes.forEach(walk);
      }
      // Slotted light-DOM children are reached through the light DOM itself.
      node.childNodes.forEach(walk);
    };
    walk(el);
    return out.join('\n');
  });
}
