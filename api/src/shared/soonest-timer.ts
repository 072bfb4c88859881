/**
 * One pending call, kept at the soonest time asked for: asking for a later time while a sooner one
 * waits changes nothing, asking for a sooner one moves it. It never keeps the process alive.
 */
export class SoonestTimer {
  private timer: NodeJS.Timeout | null = null;
  private at = Infinity;

  constructor(private readonly fire: () => void) {}

  in(ms: number): void {
    const at = Date.now() + ms;
    if (this.timer && this.at <= at) return;
    this.clear();
    this.at = at;
    this.timer = setTimeout(() => {
      this.timer = null;
      this.at = Infinity;
      this.fire();
    }, ms);
    this.timer.unref();
  }

  clear(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    this.at = Infinity;
  }
}
