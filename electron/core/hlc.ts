/**
 * Hybrid logical clock (Kulkarni et al.). Timestamps are strings that sort lexically in
 * causal order: `<wall ms, 15 digits>-<counter, 6 digits>-<node id>`. The clock never goes
 * backwards even if the machine's wall clock does, so per-field last-writer-wins stays sane.
 */
export interface HlcTimestamp {
  wall: number;
  counter: number;
  node: string;
}

const MAX_COUNTER = 999_999;

export function formatHlc({ wall, counter, node }: HlcTimestamp): string {
  return `${String(wall).padStart(15, '0')}-${String(counter).padStart(6, '0')}-${node}`;
}

export function parseHlc(value: string): HlcTimestamp {
  const match = /^(\d{15})-(\d{6})-(.+)$/.exec(value);
  if (!match) throw new Error(`Not an HLC timestamp: ${value}`);
  return { wall: Number(match[1]), counter: Number(match[2]), node: match[3]! };
}

export class HybridLogicalClock {
  private wall = 0;
  private counter = 0;

  constructor(
    private readonly node: string,
    private readonly now: () => number = Date.now,
    last?: string | null,
  ) {
    if (last) {
      const parsed = parseHlc(last);
      this.wall = parsed.wall;
      this.counter = parsed.counter;
    }
  }

  /** A timestamp for a local event, strictly greater than every one issued or received. */
  tick(): string {
    const physical = this.now();
    if (physical > this.wall) {
      this.wall = physical;
      this.counter = 0;
    } else {
      this.bump();
    }
    return formatHlc({ wall: this.wall, counter: this.counter, node: this.node });
  }

  /** Merge a timestamp seen on a remote change, so later local ticks order after it. */
  receive(remote: string): string {
    const r = parseHlc(remote);
    const physical = this.now();
    const wall = Math.max(this.wall, r.wall, physical);
    if (wall === this.wall && wall === r.wall) this.counter = Math.max(this.counter, r.counter) + 1;
    else if (wall === this.wall) this.counter += 1;
    else if (wall === r.wall) this.counter = r.counter + 1;
    else this.counter = 0;
    this.wall = wall;
    if (this.counter > MAX_COUNTER) this.bump();
    return formatHlc({ wall: this.wall, counter: this.counter, node: this.node });
  }

  private bump(): void {
    this.counter += 1;
    // The counter is bounded so the string width stays fixed; borrow a millisecond instead.
    if (this.counter > MAX_COUNTER) {
      this.wall += 1;
      this.counter = 0;
    }
  }
}
