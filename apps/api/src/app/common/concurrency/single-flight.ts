/**
 * Runs `pass` one at a time for work that is "drain whatever is due": a call while a pass runs
 * shares it and makes one more pass run after it (something became due meanwhile), so no call
 * is lost and no two passes overlap.
 */
export class SingleFlight {
  private running: Promise<void> | null = null;
  private again = false;

  constructor(private readonly pass: () => Promise<void>) {}

  run(): Promise<void> {
    if (this.running) {
      this.again = true;
      return this.running;
    }
    this.running = (async () => {
      try {
        do {
          this.again = false;
          await this.pass();
        } while (this.again);
      } finally {
        this.running = null;
      }
    })();
    return this.running;
  }
}
