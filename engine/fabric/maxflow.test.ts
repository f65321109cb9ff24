import { describe, expect, it } from 'vitest';
import { FlowNetwork } from './maxflow.js';

describe('Dinic max-flow', () => {
  it('CLRS figure 26.1 network: max flow 23', () => {
    // s=0, v1..v4 = 1..4, t=5 (Cormen et al., Introduction to Algorithms, fig. 26.1).
    const g = new FlowNetwork(6, 40);
    for (const [u, v, c] of [[0, 1, 16], [0, 2, 13], [2, 1, 4], [1, 3, 12], [3, 2, 9], [2, 4, 14], [4, 3, 7], [3, 5, 20], [4, 5, 4]] as const) {
      g.addDirected(u, v, c);
    }
    expect(g.maxFlow(0, 5)).toBe(23);
  });
  it('an undirected bottleneck carries its capacity either way', () => {
    // s -> a (10), a - b (3, full duplex), b -> t (10): the cut is the 3 link.
    const g = new FlowNetwork(4, 4);
    g.addDirected(0, 2, 10);
    g.addUndirected(2, 3, 3);
    g.addDirected(3, 1, 10);
    expect(g.maxFlow(0, 1)).toBe(3);
  });
});
