/**
 * Finds stop strings in streamed text. Text that might be the start of a stop string is held
 * back until the next piece shows whether it is, so a stop string never leaks into the output.
 */
export class StopStringMatcher {
  private held = "";

  constructor(private readonly stops: string[]) {}

  /** Returns the text that is safe to show now, and whether a stop string was reached. */
  push(text: string): { text: string; stopped: boolean } {
    const buffer = this.held + text;
    let earliest = -1;
    for (const stop of this.stops) {
      const index = buffer.indexOf(stop);
      if (index !== -1 && (earliest === -1 || index < earliest)) earliest = index;
    }
    if (earliest !== -1) {
      this.held = "";
      return { text: buffer.slice(0, earliest), stopped: true };
    }
    const keep = this.longestPartialMatch(buffer);
    this.held = buffer.slice(buffer.length - keep);
    return { text: buffer.slice(0, buffer.length - keep), stopped: false };
  }

  /** Whatever is still held back, once generation has ended for another reason. */
  flush(): string {
    const rest = this.held;
    this.held = "";
    return rest;
  }

  private longestPartialMatch(buffer: string): number {
    let longest = 0;
    for (const stop of this.stops) {
      for (let length = Math.min(stop.length - 1, buffer.length); length > longest; length--) {
        if (buffer.endsWith(stop.slice(0, length))) {
          longest = length;
          break;
        }
      }
    }
    return longest;
  }
}
