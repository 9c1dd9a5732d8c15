/**
 * Exact batch dispatch (早市派工): choose worker–gig pairs that maximise the total score,
 * each worker at most one gig, each gig at most its open places. Pure code, no I/O.
 *
 * It is a min-cost flow (source → worker → gig → sink, cost = −weight, plus a zero-cost
 * "stay unassigned" arc from every worker to the sink), solved by successive shortest paths:
 * each worker in turn sends one unit along the cheapest residual path, found by Dijkstra on
 * costs made non-negative by node potentials. Dijkstra stops when it reaches the sink and only
 * the nodes it settled get their potentials moved, so most searches touch a few nodes.
 * Weights are integers so every sum is exact (callers scale scores, e.g. ×1000).
 */

/** Candidate pairs grouped by worker (compressed rows): worker w's pairs are edgeStart[w]..edgeStart[w+1]. */
export interface DispatchProblem {
  workerCount: number;
  gigCount: number;
  /** Places to fill per gig. */
  capacity: Int32Array;
  edgeStart: Int32Array;
  edgeGig: Int32Array;
  /** Integer weight of each pair; only positive weights are worth assigning. */
  edgeWeight: Int32Array;
}

export interface DispatchSolution {
  /** Per worker, the index of the chosen pair (into edgeGig), or -1. */
  assignedEdge: Int32Array;
  totalWeight: number;
}

export function solveDispatch(p: DispatchProblem): DispatchSolution {
  checkProblem(p);
  return new FlowSolver(p).run();
}

const INT32_MIN = -(2 ** 31);
const INT32_MAX = 2 ** 31 - 1;

function isIndex(value: number, count: number): boolean {
  return Number.isInteger(value) && value >= 0 && value < count;
}

/**
 * Refuses a problem the flow cannot mean: a pair naming a worker or gig that is not there (the
 * search would read past the arrays and quietly answer nothing), or a headcount below zero.
 */
function checkProblem(p: DispatchProblem): void {
  const pairCount = p.edgeGig.length;
  if (!isIndex(p.workerCount, INT32_MAX) || !isIndex(p.gigCount, INT32_MAX))
    throw new RangeError("dispatch: worker and gig counts must be non-negative integers");
  if (p.capacity.length !== p.gigCount) throw new RangeError("dispatch: one capacity per gig");
  if (
    p.edgeStart.length !== p.workerCount + 1 ||
    p.edgeStart[0] !== 0 ||
    p.edgeStart[p.workerCount] !== pairCount
  )
    throw new RangeError("dispatch: edgeStart must delimit every pair, worker by worker");
  if (p.edgeWeight.length !== pairCount) throw new RangeError("dispatch: one weight per pair");
  for (let w = 0; w < p.workerCount; w++) {
    if (p.edgeStart[w + 1] < p.edgeStart[w])
      throw new RangeError(`dispatch: worker ${w}'s pairs run backwards`);
  }
  for (let e = 0; e < pairCount; e++) {
    if (!isIndex(p.edgeGig[e], p.gigCount))
      throw new RangeError(`dispatch: pair ${e} names gig ${p.edgeGig[e]} of ${p.gigCount}`);
  }
  for (let g = 0; g < p.gigCount; g++) {
    if (p.capacity[g] < 0) throw new RangeError(`dispatch: gig ${g} has a negative capacity`);
  }
}

/**
 * Builds a problem from a list of pairs in any order. Weights go into an Int32Array, so one that
 * is not an integer in Int32 range is refused here rather than silently wrapped or truncated.
 */
export function problemFromPairs(
  workerCount: number,
  capacity: ArrayLike<number>,
  pairs: ReadonlyArray<{ worker: number; gig: number; weight: number }>,
): DispatchProblem {
  if (!isIndex(workerCount, INT32_MAX))
    throw new RangeError(`dispatch: ${workerCount} is not a worker count`);
  for (let g = 0; g < capacity.length; g++) {
    if (!Number.isInteger(capacity[g]) || capacity[g] < 0 || capacity[g] > INT32_MAX)
      throw new RangeError(`dispatch: gig ${g}'s capacity ${capacity[g]} is not a headcount`);
  }
  for (const [i, pair] of pairs.entries()) {
    if (!isIndex(pair.worker, workerCount))
      throw new RangeError(`dispatch: pair ${i} names worker ${pair.worker} of ${workerCount}`);
    if (!isIndex(pair.gig, capacity.length))
      throw new RangeError(`dispatch: pair ${i} names gig ${pair.gig} of ${capacity.length}`);
    if (!Number.isInteger(pair.weight) || pair.weight < INT32_MIN || pair.weight > INT32_MAX)
      throw new RangeError(`dispatch: pair ${i}'s weight ${pair.weight} is not an Int32 integer`);
  }
  const edgeStart = new Int32Array(workerCount + 1);
  for (const pair of pairs) edgeStart[pair.worker + 1] += 1;
  for (let w = 0; w < workerCount; w++) edgeStart[w + 1] += edgeStart[w];
  const next = edgeStart.slice(0, workerCount);
  const edgeGig = new Int32Array(pairs.length);
  const edgeWeight = new Int32Array(pairs.length);
  for (const pair of pairs) {
    const e = next[pair.worker]++;
    edgeGig[e] = pair.gig;
    edgeWeight[e] = pair.weight;
  }
  return {
    workerCount,
    gigCount: capacity.length,
    capacity: Int32Array.from(capacity),
    edgeStart,
    edgeGig,
    edgeWeight,
  };
}

const NONE = -1;

class FlowSolver {
  private readonly sink: number;
  private readonly potential: Float64Array;
  private readonly dist: Float64Array;
  /** How a node was reached: the pair index for worker → gig and gig → worker steps, NONE from the start. */
  private readonly viaEdge: Int32Array;
  private readonly prevNode: Int32Array;
  private readonly settled: Uint8Array;
  private readonly touched: number[] = [];
  private readonly assignedEdge: Int32Array;
  /** Workers assigned to each gig, as pair indexes. */
  private readonly gigPairs: number[][];
  private readonly heap: MinHeap;
  /** The worker of each pair (pairs are grouped by worker). */
  private readonly edgeWorker: Int32Array;

  constructor(private readonly p: DispatchProblem) {
    const nodes = p.workerCount + p.gigCount + 1;
    this.sink = nodes - 1;
    this.potential = new Float64Array(nodes);
    this.dist = new Float64Array(nodes).fill(Number.POSITIVE_INFINITY);
    this.viaEdge = new Int32Array(nodes).fill(NONE);
    this.prevNode = new Int32Array(nodes).fill(NONE);
    this.settled = new Uint8Array(nodes);
    this.assignedEdge = new Int32Array(p.workerCount).fill(NONE);
    this.gigPairs = Array.from({ length: p.gigCount }, () => []);
    this.heap = new MinHeap(nodes);
    this.edgeWorker = new Int32Array(p.edgeGig.length);
    for (let w = 0; w < p.workerCount; w++) this.edgeWorker.fill(w, p.edgeStart[w], p.edgeStart[w + 1]);
    this.initialPotentials();
  }

  run(): DispatchSolution {
    for (let w = 0; w < this.p.workerCount; w++) {
      if (this.p.edgeStart[w + 1] > this.p.edgeStart[w]) this.augmentFrom(w);
    }
    let totalWeight = 0;
    for (const e of this.assignedEdge) if (e !== NONE) totalWeight += this.p.edgeWeight[e];
    return { assignedEdge: this.assignedEdge, totalWeight };
  }

  /** Potentials that make every arc's reduced cost non-negative before any flow: π(gig) = −(best weight into it). */
  private initialPotentials(): void {
    const { p, potential } = this;
    let lowest = 0;
    for (let e = 0; e < p.edgeGig.length; e++) {
      const node = p.workerCount + p.edgeGig[e];
      potential[node] = Math.min(potential[node], -p.edgeWeight[e]);
      lowest = Math.min(lowest, potential[node]);
    }
    potential[this.sink] = lowest;
  }

  private augmentFrom(source: number): void {
    this.search(source);
    this.applyPath();
    this.movePotentials();
  }

  private relax(from: number, to: number, reducedCost: number, edge: number): void {
    const d = this.dist[from] + reducedCost;
    if (d < this.dist[to]) {
      if (this.dist[to] === Number.POSITIVE_INFINITY) this.touched.push(to);
      this.dist[to] = d;
      this.viaEdge[to] = edge;
      this.prevNode[to] = from;
      this.heap.push(d, to);
    }
  }

  private search(source: number): void {
    const { p, dist, sink } = this;
    dist[source] = 0;
    this.touched.push(source);
    this.heap.push(0, source);
    while (this.heap.size > 0) {
      const d = this.heap.topKey();
      const u = this.heap.pop();
      if (this.settled[u] || d > dist[u]) continue;
      this.settled[u] = 1;
      if (u === sink) break;
      if (u < p.workerCount) this.expandWorker(u);
      else this.expandGig(u);
    }
    this.heap.clear();
  }

  /** The hot loop of every search: relaxation written out over local views of the arrays. */
  private expandWorker(w: number): void {
    const { p, potential, dist, settled, viaEdge, prevNode, heap, touched } = this;
    const { edgeGig, edgeWeight, workerCount } = p;
    const pw = potential[w];
    const dw = dist[w];
    const assigned = this.assignedEdge[w];
    const end = p.edgeStart[w + 1];
    for (let e = p.edgeStart[w]; e < end; e++) {
      const g = workerCount + edgeGig[e];
      if (e === assigned || settled[g]) continue;
      const d = dw - edgeWeight[e] + pw - potential[g];
      if (d < dist[g]) {
        if (dist[g] === Number.POSITIVE_INFINITY) touched.push(g);
        dist[g] = d;
        viaEdge[g] = e;
        prevNode[g] = w;
        heap.push(d, g);
      }
    }
    this.relax(w, this.sink, pw - potential[this.sink], NONE);
  }

  private expandGig(node: number): void {
    const { p, potential } = this;
    const gig = node - p.workerCount;
    const pg = potential[node];
    for (const e of this.gigPairs[gig]) {
      const w = this.edgeWorker[e];
      if (!this.settled[w]) this.relax(node, w, p.edgeWeight[e] + pg - potential[w], e);
    }
    if (this.gigPairs[gig].length < p.capacity[gig])
      this.relax(node, this.sink, pg - potential[this.sink], NONE);
  }

  /** Follows the path found: a worker → gig step assigns, a gig → worker step releases that worker. */
  private applyPath(): void {
    const { p } = this;
    const path: number[] = [];
    for (let node = this.sink; node !== NONE; node = this.prevNode[node]) path.push(node);
    path.reverse();
    for (let i = 0; i + 1 < path.length; i++) {
      const from = path[i];
      const to = path[i + 1];
      const edge = this.viaEdge[to];
      if (to === this.sink) {
        if (from < p.workerCount) this.assignedEdge[from] = NONE;
      } else if (from < p.workerCount) {
        this.assignedEdge[from] = edge;
        this.gigPairs[p.edgeGig[edge]].push(edge);
      } else {
        removeFrom(this.gigPairs[from - p.workerCount], edge);
      }
    }
  }

  /** Settled nodes move by dist − dist(sink); the rest stay, which shifts every potential alike. */
  private movePotentials(): void {
    const ds = this.dist[this.sink];
    for (const v of this.touched) {
      if (this.settled[v]) this.potential[v] += this.dist[v] - ds;
      this.dist[v] = Number.POSITIVE_INFINITY;
      this.settled[v] = 0;
      this.viaEdge[v] = NONE;
      this.prevNode[v] = NONE;
    }
    this.touched.length = 0;
  }
}

function removeFrom(list: number[], value: number): void {
  const i = list.indexOf(value);
  list[i] = list[list.length - 1];
  list.pop();
}

/** A binary heap of (key, node) with typed arrays; duplicates are skipped by the caller. */
class MinHeap {
  private keys: Float64Array;
  private nodes: Int32Array;
  size = 0;

  constructor(capacity: number) {
    this.keys = new Float64Array(Math.max(16, capacity));
    this.nodes = new Int32Array(Math.max(16, capacity));
  }

  clear(): void {
    this.size = 0;
  }

  topKey(): number {
    return this.keys[0];
  }

  push(key: number, node: number): void {
    if (this.size === this.keys.length) this.grow();
    let i = this.size++;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (this.keys[parent] <= key) break;
      this.keys[i] = this.keys[parent];
      this.nodes[i] = this.nodes[parent];
      i = parent;
    }
    this.keys[i] = key;
    this.nodes[i] = node;
  }

  pop(): number {
    const top = this.nodes[0];
    const key = this.keys[--this.size];
    const node = this.nodes[this.size];
    let i = 0;
    for (;;) {
      let child = 2 * i + 1;
      if (child >= this.size) break;
      if (child + 1 < this.size && this.keys[child + 1] < this.keys[child]) child += 1;
      if (this.keys[child] >= key) break;
      this.keys[i] = this.keys[child];
      this.nodes[i] = this.nodes[child];
      i = child;
    }
    this.keys[i] = key;
    this.nodes[i] = node;
    return top;
  }

  private grow(): void {
    const keys = new Float64Array(this.keys.length * 2);
    keys.set(this.keys);
    const nodes = new Int32Array(this.nodes.length * 2);
    nodes.set(this.nodes);
    this.keys = keys;
    this.nodes = nodes;
  }
}
