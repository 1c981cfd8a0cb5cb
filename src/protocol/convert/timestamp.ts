// Dates <-> google.protobuf.Timestamp (seconds since the epoch and nanoseconds).

import type { google } from '../generated/tfplugin6.js';

export function timestampToProto(date: Date): google.protobuf.Timestamp.$Properties {
  const ms = date.getTime();
  const seconds = Math.floor(ms / 1000);
  return { seconds, nanos: (ms - seconds * 1000) * 1_000_000 };
}

export function timestampFromProto(ts: google.protobuf.Timestamp.$Properties | null | undefined): Date | undefined {
  if (!ts) return undefined;
  return new Date(Number(ts.seconds ?? 0) * 1000 + Math.floor(Number(ts.nanos ?? 0) / 1_000_000));
}
