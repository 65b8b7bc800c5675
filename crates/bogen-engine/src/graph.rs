//! The dependency graph of derived state, built once at load and sorted topologically.
//!
//! Every piece of derived state is a node: a section's visibility, and per question its
//! visibility, its value (gated by visibility, or calculated), whether it is required, and its
//! violations. An edge `a → b` says "b reads a". When an answer changes, the session evaluates
//! only the nodes reachable from that answer's value node, in topological order, each once,
//! and stops following a node whose result did not change. See `docs/DEPENDENCY-GRAPH.md`.

use crate::model::{QuestionIdx, SectionIdx};

/// A node of the graph.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub(crate) enum Node {
    SectionVisible(SectionIdx),
    QuestionVisible(QuestionIdx),
    QuestionValue(QuestionIdx),
    QuestionRequired(QuestionIdx),
    QuestionValidation(QuestionIdx),
}

/// Per question there are four nodes, after one node per section.
const NODES_PER_QUESTION: u32 = 4;

#[derive(Debug)]
pub(crate) struct Graph {
    n_sections: u32,
    /// The readers of node `n` are `readers[starts[n]..starts[n + 1]]`: one list for all nodes
    /// rather than one per node (8,000 lists for 2,000 questions, each its own allocation).
    starts: Vec<u32>,
    readers: Vec<u32>,
    /// Position of each node in the topological order.
    rank: Vec<u32>,
    /// The nodes in topological order.
    order: Vec<u32>,
}

impl Graph {
    pub fn node_id(n_sections: u32, node: Node) -> u32 {
        match node {
            Node::SectionVisible(s) => s.0,
            Node::QuestionVisible(q) => n_sections + q.0 * NODES_PER_QUESTION,
            Node::QuestionValue(q) => n_sections + q.0 * NODES_PER_QUESTION + 1,
            Node::QuestionRequired(q) => n_sections + q.0 * NODES_PER_QUESTION + 2,
            Node::QuestionValidation(q) => n_sections + q.0 * NODES_PER_QUESTION + 3,
        }
    }

    pub fn node(&self, id: u32) -> Node {
        if id < self.n_sections {
            return Node::SectionVisible(SectionIdx(id));
        }
        let q = QuestionIdx((id - self.n_sections) / NODES_PER_QUESTION);
        match (id - self.n_sections) % NODES_PER_QUESTION {
            0 => Node::QuestionVisible(q),
            1 => Node::QuestionValue(q),
            2 => Node::QuestionRequired(q),
            _ => Node::QuestionValidation(q),
        }
    }

    pub fn id(&self, node: Node) -> u32 {
        Graph::node_id(self.n_sections, node)
    }

    pub fn dependents(&self, id: u32) -> &[u32] {
        let id = id as usize;
        &self.readers[self.starts[id] as usize..self.starts[id + 1] as usize]
    }

    fn n_nodes(&self) -> usize {
        self.starts.len() - 1
    }

    pub fn rank(&self, id: u32) -> u32 {
        self.rank[id as usize]
    }

    pub fn order(&self) -> &[u32] {
        &self.order
    }
}

/// Collects edges, then sorts.
pub(crate) struct GraphBuilder {
    n_sections: u32,
    n_nodes: usize,
    /// (source, reader), in the order recorded.
    edges: Vec<(u32, u32)>,
}

impl GraphBuilder {
    pub fn new(n_sections: usize, n_questions: usize) -> GraphBuilder {
        let n_nodes = n_sections + n_questions * NODES_PER_QUESTION as usize;
        GraphBuilder { n_sections: n_sections as u32, n_nodes, edges: Vec::with_capacity(n_nodes) }
    }

    /// Records that `reader` reads `source`.
    pub fn edge(&mut self, source: Node, reader: Node) {
        self.edges.push((Graph::node_id(self.n_sections, source), Graph::node_id(self.n_sections, reader)));
    }

    /// Sorts the nodes topologically (Kahn's algorithm). On cycles, returns each cycle once,
    /// as the list of its nodes in reading order.
    //
    // Each step is a function of its own, each called once: V8 optimizes a WebAssembly function
    // only for its later calls, and one function looping over all 8,000 nodes again and again
    // used up its budget for that, so that a second core spent time optimizing code that was
    // never run again (see `Compiler::question_graph`).
    pub fn build(self) -> Result<Graph, Vec<Vec<Node>>> {
        let n_nodes = self.n_nodes;
        let (starts, readers) = readers_by_node(&self.edges, n_nodes);
        drop(self.edges);
        let mut graph = Graph { n_sections: self.n_sections, starts, readers, rank: Vec::new(), order: Vec::new() };
        let mut in_degree = in_degrees(&graph.readers, n_nodes);
        graph.order = topological_order(&graph, &mut in_degree);
        if graph.order.len() < n_nodes {
            return Err(find_cycles(&graph, &in_degree));
        }
        graph.rank = ranks(&graph.order, n_nodes);
        Ok(graph)
    }
}

/// Each node's readers in the order their edges were recorded, each once: the `starts` and
/// `readers` of [`Graph`]. A counting sort by source, which keeps that order.
#[inline(never)]
fn readers_by_node(edges: &[(u32, u32)], n_nodes: usize) -> (Vec<u32>, Vec<u32>) {
    // bounds[n]..bounds[n + 1]: where node n's edges go in `by_source`.
    let mut bounds = vec![0u32; n_nodes + 1];
    for &(source, _) in edges {
        bounds[source as usize + 1] += 1;
    }
    for node in 0..n_nodes {
        bounds[node + 1] += bounds[node];
    }
    let mut next = bounds.clone();
    let mut by_source = vec![0u32; edges.len()];
    for &(source, reader) in edges {
        by_source[next[source as usize] as usize] = reader;
        next[source as usize] += 1;
    }
    drop(next);
    let mut starts = Vec::with_capacity(n_nodes + 1);
    let mut readers = Vec::with_capacity(edges.len());
    for node in 0..n_nodes {
        let start = readers.len();
        starts.push(start as u32);
        for &reader in &by_source[bounds[node] as usize..bounds[node + 1] as usize] {
            if !readers[start..].contains(&reader) {
                readers.push(reader);
            }
        }
    }
    starts.push(readers.len() as u32);
    (starts, readers)
}

/// How many readers' edges point at each node.
#[inline(never)]
fn in_degrees(readers: &[u32], n_nodes: usize) -> Vec<u32> {
    let mut in_degree = vec![0u32; n_nodes];
    for &r in readers {
        in_degree[r as usize] += 1;
    }
    in_degree
}

/// Kahn's algorithm: the nodes in an order where each comes after every node it reads. Leaves
/// `in_degree` above zero for the nodes on or behind a cycle (then the order is short).
#[inline(never)]
fn topological_order(graph: &Graph, in_degree: &mut [u32]) -> Vec<u32> {
    let mut order: Vec<u32> = Vec::with_capacity(in_degree.len());
    order.extend((0..in_degree.len() as u32).filter(|&n| in_degree[n as usize] == 0));
    let mut next = 0;
    while next < order.len() {
        let node = order[next];
        next += 1;
        for &reader in graph.dependents(node) {
            in_degree[reader as usize] -= 1;
            if in_degree[reader as usize] == 0 {
                order.push(reader);
            }
        }
    }
    order
}

/// Each node's position in `order`.
#[inline(never)]
fn ranks(order: &[u32], n_nodes: usize) -> Vec<u32> {
    let mut rank = vec![0u32; n_nodes];
    for (position, &node) in order.iter().enumerate() {
        rank[node as usize] = position as u32;
    }
    rank
}

/// Every node Kahn's algorithm could not sort has a remaining predecessor, so walking
/// predecessors from any of them must come back to a node already seen: that loop is a cycle.
fn find_cycles(graph: &Graph, in_degree: &[u32]) -> Vec<Vec<Node>> {
    let n_nodes = in_degree.len();
    let mut predecessors: Vec<Vec<u32>> = vec![Vec::new(); n_nodes];
    for source in 0..graph.n_nodes() {
        if in_degree[source] == 0 {
            continue;
        }
        for &r in graph.dependents(source as u32) {
            if in_degree[r as usize] > 0 {
                predecessors[r as usize].push(source as u32);
            }
        }
    }
    let mut seen_cycles: Vec<Vec<u32>> = Vec::new();
    let mut in_some_cycle = vec![false; n_nodes];
    let mut cycles = Vec::new();
    for start in 0..n_nodes {
        if in_degree[start] == 0 || in_some_cycle[start] {
            continue;
        }
        let mut position_in_walk = vec![usize::MAX; 0];
        position_in_walk.resize(n_nodes, usize::MAX);
        let mut walk = vec![start as u32];
        position_in_walk[start] = 0;
        let cycle = loop {
            let current = *walk.last().unwrap_or(&(start as u32));
            let Some(&previous) = predecessors[current as usize].first() else {
                break None;
            };
            if position_in_walk[previous as usize] != usize::MAX {
                let mut cycle: Vec<u32> = walk[position_in_walk[previous as usize]..].to_vec();
                cycle.reverse();
                break Some(cycle);
            }
            position_in_walk[previous as usize] = walk.len();
            walk.push(previous);
        };
        let Some(cycle) = cycle else { continue };
        let mut key = cycle.clone();
        key.sort_unstable();
        if seen_cycles.contains(&key) {
            continue;
        }
        for &n in &cycle {
            in_some_cycle[n as usize] = true;
        }
        seen_cycles.push(key);
        // Start the reported cycle at its smallest node so that the message is stable.
        let smallest = cycle.iter().enumerate().min_by_key(|(_, n)| **n).map(|(i, _)| i).unwrap_or(0);
        let rotated: Vec<Node> = cycle[smallest..].iter().chain(&cycle[..smallest]).map(|&n| graph.node(n)).collect();
        cycles.push(rotated);
    }
    cycles
}
