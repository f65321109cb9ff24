// Maximum flow by Dinic's algorithm (Dinic 1970): BFS levels, then blocking flows by DFS along
// level-increasing arcs. By max-flow/min-cut (Ford-Fulkerson 1956) the flow from one half of
// the endpoints to the other equals the capacity of the narrowest cut between them, which is
// the bisection bandwidth when the halves are the two halves of the hall.
// Arcs live in preallocated typed arrays; an undirected (full-duplex) link is an arc each way
// with its full capacity, which is the standard reduction.

export class FlowNetwork {
  private head: Int32Array;
  private next: Int32Array;
  private to: Int32Array;
  private cap: Float64Array;
  private arcs = 0;

  constructor(readonly nodes: number, maxArcs: number) {
    this.head = new Int32Array(nodes).fill(-1);
    this.next = new Int32Array(maxArcs);
    this.to = new Int32Array(maxArcs);
    this.cap = new Float64Array(maxArcs);
  }

  private arc(u: number, v: number, c: number): void {
    if (this.arcs >= this.to.length) this.grow();
    const a = this.arcs++;
    this.to[a] = v;
    this.cap[a] = c;
    this.next[a] = this.head[u] ?? -1;
    this.head[u] = a;
  }

  private grow(): void {
    const n = this.to.length * 2 + 16;
    const copy = <T extends Int32Array | Float64Array>(old: T, make: (n: number) => T): T => {
      const fresh = make(n);
      fresh.set(old);
      return fresh;
    };
    this.next = copy(this.next, (k) => new Int32Array(k));
    this.to = copy(this.to, (k) => new Int32Array(k));
    this.cap = copy(this.cap, (k) => new Float64Array(k));
  }

  /** A one-way arc u -> v (its residual twin starts empty). */
  addDirected(u: number, v: number, capacity: number): void {
    this.arc(u, v, capacity);
    this.arc(v, u, 0);
  }

  /** A full-duplex link: capacity each way. */
  addUndirected(u: number, v: number, capacity: number): void {
    this.arc(u, v, capacity);
    this.arc(v, u, capacity);
  }

  /** Maximum flow from s to t. Consumes the capacities (call once). */
  maxFlow(s: number, t: number): number {
    const n = this.nodes;
    const level = new Int32Array(n);
    const iter = new Int32Array(n);
    const queue = new Int32Array(n);
    const { head, next, to, cap } = this;
    const eps = 1e-9;
    let total = 0;
    for (;;) {
      level.fill(-1);
      level[s] = 0;
      let qh = 0;
      let qt = 0;
      queue[qt++] = s;
      while (qh < qt) {
        const u = queue[qh++] as number;
        for (let a = head[u] as number; a !== -1; a = next[a] as number) {
          const v = to[a] as number;
          if ((cap[a] as number) > eps && level[v] === -1) {
            level[v] = (level[u] as number) + 1;
            queue[qt++] = v;
          }
        }
      }
      if (level[t] === -1) return total;
      iter.set(head);
      for (;;) {
        const f = this.push(s, t, Infinity, level, iter);
        if (f <= eps) break;
        total += f;
      }
    }
  }

  private push(u: number, t: number, limit: number, level: Int32Array, iter: Int32Array): number {
    if (u === t) return limit;
    const { next, to, cap } = this;
    for (let a = iter[u] as number; a !== -1; a = next[a] as number, iter[u] = a) {
      const v = to[a] as number;
      const c = cap[a] as number;
      if (c > 1e-9 && level[v] === (level[u] as number) + 1) {
        const f = this.push(v, t, Math.min(limit, c), level, iter);
        if (f > 1e-9) {
          cap[a] = c - f;
          cap[a ^ 1] = (cap[a ^ 1] as number) + f;
          return f;
        }
      }
    }
    iter[u] = -1;
    return 0;
  }
}
