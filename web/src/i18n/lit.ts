// Lit integration: a component that shows strings adds `new LanguageController(this)` and is
// re-rendered when the reader switches language. Each component needs its own controller, since a
// parent's re-render does not re-render children whose properties did not change.
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { onLanguageChange } from './language';

export class LanguageController implements ReactiveController {
  private off: (() => void) | null = null;

  constructor(private readonly host: ReactiveControllerHost) {
    host.addController(this);
  }

  hostConnected(): void {
    this.off = onLanguageChange(() => this.host.requestUpdate());
  }

  hostDisconnected(): void {
    this.off?.();
    this.off = null;
  }
}
