import { describe, expect, it } from 'vitest';
import { HybridLogicalClock, parseHlc } from '../../electron/core/hlc';

describe('hybrid logical clock', () => {
  it('is strictly increasing while the wall clock stands still', () => {
    const clock = new HybridLogicalClock('ws-a', () => 1_000);
    const a = clock.tick();
    const b = clock.tick();
    const c = clock.tick();
    expect(a < b && b < c).toBe(true);
    expect(parseHlc(c)).toEqual({ wall: 1_000, counter: 2, node: 'ws-a' });
  });

  it('stays monotonic when the wall clock jumps back', () => {
    let now = 5_000_000;
    const clock = new HybridLogicalClock('ws-a', () => now);
    const before = clock.tick();
    now -= 3_600_000; // an hour back (NTP correction, wrong BIOS clock)
    const after = clock.tick();
    const later = clock.tick();
    expect(after > before).toBe(true);
    expect(later > after).toBe(true);
    expect(parseHlc(after).wall).toBe(5_000_000);
  });

  it('follows the wall clock again once it catches up', () => {
    let now = 10_000;
    const clock = new HybridLogicalClock('ws-a', () => now);
    clock.tick();
    now = 20_000;
    expect(parseHlc(clock.tick())).toEqual({ wall: 20_000, counter: 0, node: 'ws-a' });
  });

  it('orders after a remote timestamp it received, even from a clock far ahead', () => {
    const local = new HybridLogicalClock('ws-a', () => 1_000);
    const remote = new HybridLogicalClock('ws-b', () => 9_000);
    const seen = remote.tick();
    local.receive(seen);
    const next = local.tick();
    expect(next > seen).toBe(true);
    expect(parseHlc(next).wall).toBe(9_000);
  });

  it('resumes after the last timestamp it issued before a restart', () => {
    const first = new HybridLogicalClock('ws-a', () => 50_000);
    const last = first.tick();
    const restarted = new HybridLogicalClock('ws-a', () => 10_000, last);
    expect(restarted.tick() > last).toBe(true);
  });

  it('keeps a fixed width when the counter overflows', () => {
    const clock = new HybridLogicalClock('ws-a', () => 1_000);
    let previous = clock.tick();
    for (let i = 0; i < 1_000_001; i++) {
      const next = clock.tick();
      if (next <= previous) throw new Error(`not increasing at ${i}`);
      previous = next;
    }
    expect(previous.length).toBe(clock.tick().length);
    expect(parseHlc(previous).wall).toBe(1_001);
  });
});
