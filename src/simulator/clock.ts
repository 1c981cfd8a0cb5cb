// Simulated time. Every lifecycle duration is expressed in "virtual" milliseconds at speed 1;
// the virtual clock runs `speed` times faster than the wall clock. Speed changes append a
// segment, so virtual time stays monotonic (a status never goes backwards) and any virtual
// instant can be mapped back to the wall-clock instant at which it happens(ed).

export interface SpeedSegment {
  /** Wall-clock ms at which this segment starts. */
  wall: number;
  /** Virtual ms at that wall instant. */
  virtual: number;
  speed: number;
}

export interface ClockState {
  segments: SpeedSegment[];
}

const MAX_SEGMENTS = 64;

export class SimClock {
  constructor(
    private readonly state: ClockState,
    private readonly wallNow: () => number = Date.now,
  ) {
    if (state.segments.length === 0) {
      const now = this.wallNow();
      state.segments.push({ wall: now, virtual: now, speed: 1 });
    }
  }

  get speed(): number {
    return this.last().speed;
  }

  /** Current virtual time in ms. */
  now(): number {
    const seg = this.last();
    return seg.virtual + (this.wallNow() - seg.wall) * seg.speed;
  }

  setSpeed(speed: number): void {
    if (!(speed > 0) || !Number.isFinite(speed)) throw new RangeError('speed must be a positive number');
    const wall = this.wallNow();
    const virtual = this.now();
    this.state.segments.push({ wall, virtual, speed });
    // Old segments only matter for mapping old instants back to wall time; keep a bounded history.
    if (this.state.segments.length > MAX_SEGMENTS) this.state.segments.splice(0, this.state.segments.length - MAX_SEGMENTS);
  }

  /** Wall-clock ms at which the given virtual instant happens (or happened). */
  toWall(virtual: number): number {
    const segs = this.state.segments;
    let seg = segs[0]!;
    for (const s of segs) {
      if (s.virtual <= virtual) seg = s;
      else break;
    }
    return seg.wall + (virtual - seg.virtual) / seg.speed;
  }

  /** ISO 8601 wall-clock date (with milliseconds) of a virtual instant. */
  iso(virtual: number): string {
    return new Date(Math.round(this.toWall(virtual))).toISOString();
  }

  private last(): SpeedSegment {
    return this.state.segments[this.state.segments.length - 1]!;
  }
}
