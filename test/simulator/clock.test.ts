import { expect, test } from '@jest/globals';
import { SimClock } from '../../src/simulator/clock.js';
import type { ClockState } from '../../src/simulator/clock.js';

function fakeWall(start = 1_000_000): { now: () => number; advance: (ms: number) => void } {
  let t = start;
  return { now: () => t, advance: (ms) => (t += ms) };
}

test('virtual time runs `speed` times faster and stays monotonic across speed changes', () => {
  const wall = fakeWall();
  const state: ClockState = { segments: [] };
  const clock = new SimClock(state, wall.now);
  const v0 = clock.now();
  wall.advance(1000);
  expect(clock.now() - v0).toBe(1000);
  clock.setSpeed(10);
  wall.advance(1000);
  expect(clock.now() - v0).toBe(11_000);
  clock.setSpeed(0.5);
  wall.advance(1000);
  expect(clock.now() - v0).toBe(11_500);
  expect(clock.speed).toBe(0.5);
  expect(() => clock.setSpeed(0)).toThrow();
});

test('virtual instants map back to the wall-clock instant they happen at, per segment', () => {
  const wall = fakeWall();
  const clock = new SimClock({ segments: [] }, wall.now);
  const v0 = clock.now();
  clock.setSpeed(4);
  // A transition 8 s of virtual time away happens 2 s of wall time later.
  expect(clock.toWall(v0 + 8000) - wall.now()).toBe(2000);
  wall.advance(500);
  clock.setSpeed(1);
  expect(clock.toWall(v0 + 1000)).toBe(1_000_000 + 250);
  expect(clock.toWall(v0 + 8000)).toBe(1_000_500 + 6000);
});

test('a restored clock continues from its persisted segments', () => {
  const wall = fakeWall();
  const state: ClockState = { segments: [] };
  const clock = new SimClock(state, wall.now);
  clock.setSpeed(2);
  const before = clock.now();
  wall.advance(1000);
  const restored = new SimClock(JSON.parse(JSON.stringify(state)) as ClockState, wall.now);
  expect(restored.now()).toBe(before + 2000);
});
