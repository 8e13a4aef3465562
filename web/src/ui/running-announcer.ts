// A panel that trains models (Compare, Run chapter 9) tells the page when it starts and stops.

/** Tells the page when a panel's models start or stop training: `event`, detail true or false, once per change. */
export class RunningAnnouncer {
  private was = false;
  constructor(
    private readonly host: HTMLElement,
    private readonly event: string,
  ) {}

  update(running: boolean): void {
    if (running === this.was) return;
    this.was = running;
    this.host.dispatchEvent(new CustomEvent(this.event, { detail: running, bubbles: true, composed: true }));
  }
}
