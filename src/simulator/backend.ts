// Where postgresql databases really live: a private PostgreSQL cluster (postgres.ts) or
// nowhere (memory mode: users are kept in the state only, URLs are not connectable).

export interface BackendUser {
  name: string;
  password: string;
  readOnly: boolean;
}

export interface ExtensionInfo {
  name: string;
  version: string;
}

/** An extension as kept in the state file, so a new cluster can recreate it. */
export interface ExtensionRecord {
  name: string;
  schema: string;
  version: string;
}

export interface DatabaseBackend {
  readonly mode: 'real' | 'memory';
  /** Host and port clients connect to, or null when databases are not connectable. */
  readonly endpoint: { host: string; port: number } | null;
  /** Creates a database owned by its protected role. */
  createDatabase(database: string, owner: BackendUser): Promise<void>;
  /** Drops a database and the given roles. */
  dropDatabase(database: string, roles: string[]): Promise<void>;
  createUser(database: string, owner: string, user: BackendUser): Promise<void>;
  setPassword(role: string, password: string): Promise<void>;
  dropUser(database: string, owner: string, role: string): Promise<void>;
  /** True when a role of that name exists anywhere in the cluster. */
  roleExists(role: string): Promise<boolean>;
  listExtensions(database: string): Promise<ExtensionInfo[]>;
  /** Extensions with their schema, to persist; null when the backend cannot know them. */
  snapshotExtensions(database: string): Promise<ExtensionRecord[] | null>;
  /** Recreates a persisted extension, as the database's owner when PostgreSQL allows it. */
  restoreExtension(database: string, owner: string, extension: ExtensionRecord): Promise<void>;
  /** Bytes used by the database, or null when unknown. */
  dataSize(database: string): Promise<number | null>;
  /** A real `pg_dump` of the database into the data directory; null when there is no real database. */
  dump(database: string, name: string): Promise<{ file: string; size: number } | null>;
  /**
   * Puts the database back to a dump's content (null: to an empty database), in place: its
   * roles and grants on the database stay.
   */
  restore(database: string, owner: string, file: string | null): Promise<void>;
  close(): Promise<void>;
}

export class MemoryBackend implements DatabaseBackend {
  readonly mode = 'memory' as const;
  readonly endpoint = null;
  async createDatabase(): Promise<void> {}
  async dropDatabase(): Promise<void> {}
  async createUser(): Promise<void> {}
  async setPassword(): Promise<void> {}
  async dropUser(): Promise<void> {}
  async roleExists(): Promise<boolean> {
    return false;
  }
  async listExtensions(): Promise<ExtensionInfo[]> {
    return [];
  }
  async snapshotExtensions(): Promise<ExtensionRecord[] | null> {
    return null;
  }
  async restoreExtension(): Promise<void> {}
  async dataSize(): Promise<number | null> {
    return null;
  }
  async dump(): Promise<null> {
    return null;
  }
  async restore(): Promise<void> {}
  async close(): Promise<void> {}
}
