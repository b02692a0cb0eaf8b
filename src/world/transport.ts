/**
 * The transportation problem behind a controlled good's baseline year: can the suppliers ship
 * exactly their outputs, over the routes the controls allow and within the most a capped route
 * may carry, so that every user receives exactly its use? A maximum flow answers it (Edmonds &
 * Karp 1972: shortest augmenting paths). Where it cannot, the users short of supply and the
 * suppliers they can reach form a deficient set, a minimum cut (Ford & Fulkerson 1956): what
 * its users can receive is the output of its suppliers plus what the capped routes from the
 * other suppliers carry at their capacity (Hall's condition, Gale 1957, where no route is
 * capped). Once it can, the routes that no feasible plan uses are those whose ends lie in
 * different strongly connected components of the residual graph; RAS needs them out of the seed
 * to converge geometrically.
 *
 * Cells are indexed s × U + u (suppliers by rows, users by columns), as in `baseline.ts`.
 * @module
 */

export interface Transport {
  /** allowed[s × U + u] = 1 where supplier s may ship to user u. */
  allowed: Uint8Array;
  /** The most an allowed route may carry (unbounded where absent or Infinity). */
  capacity?: Float64Array;
  supply: Float64Array;
  demand: Float64Array;
  /** Amounts at or below this count as zero. */
  tol: number;
}

export interface Plan {
  flow: Float64Array;
  sent: Float64Array;
  received: Float64Array;
  /** Σ demand − Σ received: what the users lack in the best plan. */
  shortfall: number;
}

/** What route `c` may still carry beyond `flow[c]` (0 where it is not allowed). */
export function spare(t: Transport, flow: Float64Array, c: number): number {
  if (t.allowed[c] !== 1) return 0;
  return t.capacity === undefined ? Infinity : t.capacity[c]! - flow[c]!;
}

/**
 * A maximum flow from the suppliers (at most their supply) to the users (at most their demand),
 * each route carrying at most its capacity.
 */
export function maxFlow(t: Transport): Plan {
  const S = t.supply.length;
  const U = t.demand.length;
  const flow = new Float64Array(S * U);
  const sent = new Float64Array(S);
  const received = new Float64Array(U);
  // Breadth-first search over suppliers (0..S-1) and users (S..S+U-1); `from` holds the previous
  // vertex of each vertex reached (-1 for a supplier entered from the source).
  const from = new Int32Array(S + U);
  const queue = new Int32Array(S + U);
  for (;;) {
    from.fill(-2);
    let head = 0;
    let tail = 0;
    for (let s = 0; s < S; s++) {
      if (t.supply[s]! - sent[s]! > t.tol) {
        from[s] = -1;
        queue[tail++] = s;
      }
    }
    let end = -1;
    while (head < tail && end < 0) {
      const v = queue[head++]!;
      if (v < S) {
        for (let u = 0; u < U; u++) {
          if (from[S + u] !== -2 || !(spare(t, flow, v * U + u) > t.tol)) continue;
          from[S + u] = v;
          if (t.demand[u]! - received[u]! > t.tol) {
            end = S + u;
            break;
          }
          queue[tail++] = S + u;
        }
      } else {
        const u = v - S;
        for (let s = 0; s < S; s++) {
          if (from[s] !== -2 || !(flow[s * U + u]! > t.tol)) continue;
          from[s] = v;
          queue[tail++] = s;
        }
      }
    }
    if (end < 0) break;
    // Bottleneck: the first supplier's spare supply, the spare capacity of the forward routes,
    // the reversed flows, the last user's lack.
    let amount = t.demand[end - S]! - received[end - S]!;
    for (let v = end; ; ) {
      const s = from[v]!;
      const p = from[s]!;
      amount = Math.min(amount, spare(t, flow, s * U + (v - S)));
      if (p === -1) {
        amount = Math.min(amount, t.supply[s]! - sent[s]!);
        break;
      }
      amount = Math.min(amount, flow[s * U + (p - S)]!);
      v = p;
    }
    received[end - S] = received[end - S]! + amount;
    for (let v = end; ; ) {
      const s = from[v]!;
      const p = from[s]!;
      flow[s * U + (v - S)] = flow[s * U + (v - S)]! + amount;
      if (p === -1) {
        sent[s] = sent[s]! + amount;
        break;
      }
      flow[s * U + (p - S)] = flow[s * U + (p - S)]! - amount;
      v = p;
    }
  }
  let shortfall = 0;
  for (let u = 0; u < U; u++) shortfall += t.demand[u]! - received[u]!;
  return { flow, sent, received, shortfall };
}

/**
 * The users short of supply in `plan`, and every user and supplier reachable from them
 * backwards along augmenting paths (user ← supplier with spare capacity to it ← users it ships
 * to). Its suppliers ship all they have, and only to its users; the other suppliers' routes to
 * its users are full.
 */
export function deficientSet(t: Transport, plan: Plan): { users: number[]; suppliers: number[] } {
  const S = t.supply.length;
  const U = t.demand.length;
  const userSeen = new Uint8Array(U);
  const supplierSeen = new Uint8Array(S);
  const stack: number[] = [];
  for (let u = 0; u < U; u++) {
    if (t.demand[u]! - plan.received[u]! > t.tol) {
      userSeen[u] = 1;
      stack.push(u);
    }
  }
  while (stack.length > 0) {
    const u = stack.pop()!;
    for (let s = 0; s < S; s++) {
      if (supplierSeen[s] === 1 || !(spare(t, plan.flow, s * U + u) > t.tol)) continue;
      supplierSeen[s] = 1;
      for (let v = 0; v < U; v++) {
        if (userSeen[v] === 1 || !(plan.flow[s * U + v]! > t.tol)) continue;
        userSeen[v] = 1;
        stack.push(v);
      }
    }
  }
  const users: number[] = [];
  const suppliers: number[] = [];
  userSeen.forEach((x, u) => x === 1 && users.push(u));
  supplierSeen.forEach((x, s) => x === 1 && suppliers.push(s));
  return { users, suppliers };
}

/**
 * Allowed routes that carry nothing in every feasible plan: zero in `plan` and with their ends
 * in different strongly connected components of the residual graph (s → u where the route has
 * spare capacity, u → s where the plan ships s → u). `plan` must meet every supply and demand.
 */
export function unusableRoutes(t: Transport, plan: Plan): Uint8Array {
  const S = t.supply.length;
  const U = t.demand.length;
  const n = S + U;
  const next = (v: number): number[] => {
    const out: number[] = [];
    if (v < S) {
      for (let u = 0; u < U; u++) if (spare(t, plan.flow, v * U + u) > t.tol) out.push(S + u);
    } else {
      for (let s = 0; s < S; s++) if (plan.flow[s * U + (v - S)]! > t.tol) out.push(s);
    }
    return out;
  };
  const comp = components(n, next);
  const out = new Uint8Array(S * U);
  for (let s = 0; s < S; s++)
    for (let u = 0; u < U; u++)
      if (t.allowed[s * U + u] === 1 && !(plan.flow[s * U + u]! > t.tol) && comp[s] !== comp[S + u])
        out[s * U + u] = 1;
  return out;
}

/** Strongly connected components (Tarjan 1972), iteratively: a component id per vertex. */
function components(n: number, next: (v: number) => number[]): Int32Array {
  const index = new Int32Array(n).fill(-1);
  const low = new Int32Array(n);
  const onStack = new Uint8Array(n);
  const comp = new Int32Array(n).fill(-1);
  const stack: number[] = [];
  let counter = 0;
  let count = 0;
  for (let root = 0; root < n; root++) {
    if (index[root] !== -1) continue;
    const work: { v: number; edges: number[]; i: number }[] = [];
    const open = (v: number) => {
      index[v] = low[v] = counter++;
      stack.push(v);
      onStack[v] = 1;
      work.push({ v, edges: next(v), i: 0 });
    };
    open(root);
    while (work.length > 0) {
      const top = work[work.length - 1]!;
      if (top.i < top.edges.length) {
        const w = top.edges[top.i++]!;
        if (index[w] === -1) open(w);
        else if (onStack[w] === 1) low[top.v] = Math.min(low[top.v]!, index[w]!);
        continue;
      }
      work.pop();
      if (work.length > 0) {
        const parent = work[work.length - 1]!.v;
        low[parent] = Math.min(low[parent]!, low[top.v]!);
      }
      if (low[top.v] === index[top.v]) {
        for (;;) {
          const w = stack.pop()!;
          onStack[w] = 0;
          comp[w] = count;
          if (w === top.v) break;
        }
        count++;
      }
    }
  }
  return comp;
}
