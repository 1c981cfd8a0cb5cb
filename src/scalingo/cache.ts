// A small TTL cache for read-mostly resources that a Terraform run reads again and again.
// Values are stored as parsed results and handed out as structured clones, so a caller mutating
// its copy cannot alter what the next caller gets.

interface Entry {
  value: unknown;
  expiresAt: number;
}

export class TtlCache {
  private readonly entries = new Map<string, Entry>();

  get<T>(key: string, now: number = Date.now()): T | undefined {
    const entry = this.entries.get(key);
    if (!entry) return undefined;
    if (entry.expiresAt <= now) {
      this.entries.delete(key);
      return undefined;
    }
    return structuredClone(entry.value) as T;
  }

  set(key: string, value: unknown, ttlMs: number, now: number = Date.now()): void {
    if (ttlMs <= 0) return;
    this.entries.set(key, { value: structuredClone(value), expiresAt: now + ttlMs });
  }

  /** Drops every entry whose key starts with `prefix` (every entry without a prefix). */
  invalidate(prefix = ''): void {
    for (const key of [...this.entries.keys()]) {
      if (key.startsWith(prefix)) this.entries.delete(key);
    }
  }

  get size(): number {
    return this.entries.size;
  }
}
