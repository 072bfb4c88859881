/** A page read by keyset: the rows, whether more follow, and the total when it was counted. */
export interface KeysetPage<T> {
  nodes: T[];
  hasNextPage: boolean;
  /** Null when not asked for. */
  totalCount: number | null;
}

/** A page as the schema's connection; a total not counted reads 0, and nobody asked for it. */
export function connectionOf<T>(page: KeysetPage<T>, cursorOf: (node: T) => string) {
  const edges = page.nodes.map((node) => ({ cursor: cursorOf(node), node }));
  return { edges, totalCount: page.totalCount ?? 0, pageInfo: { hasNextPage: page.hasNextPage, endCursor: edges.at(-1)?.cursor ?? null } };
}
