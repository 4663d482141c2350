/// Strongly connected components (Tarjan) and the documentation order they give.
extension RepositoryGraph {
    /// The strongly connected components of the module graph, dependencies before their users (leaves first).
    ///
    /// Each component lists its paths sorted; a module in no cycle is a component of one. Imports needed by
    /// annotations only (``GraphEdge/Kind/typeImport``) are left out: they cannot form a cycle at run time, and
    /// `if TYPE_CHECKING:` exists precisely to break one. Tarjan's algorithm, iterative, visiting modules and their
    /// dependencies in path order, so the result is deterministic. O(V + E).
    ///
    /// - Returns: Every module exactly once, grouped by component.
    public func stronglyConnectedComponents() -> [[String]] {
        let count = modules.count
        var adjacency = Array(repeating: [Int](), count: count)
        for edge in moduleEdges where edge.kind != .typeImport {
            guard let from = moduleIndex[edge.from], let to = moduleIndex[edge.to] else { continue }
            adjacency[from].append(to)
        }
        for index in adjacency.indices { adjacency[index] = Array(Set(adjacency[index])).sorted() }
        var order = Array(repeating: -1, count: count)
        var low = Array(repeating: 0, count: count)
        var onStack = Array(repeating: false, count: count)
        var stack: [Int] = []
        var components: [[String]] = []
        var counter = 0
        for root in 0..<count where order[root] < 0 {
            var work: [(node: Int, next: Int)] = [(root, 0)]
            order[root] = counter
            low[root] = counter
            counter += 1
            stack.append(root)
            onStack[root] = true
            while let top = work.last {
                let node = top.node
                if top.next < adjacency[node].count {
                    work[work.count - 1].next += 1
                    let child = adjacency[node][top.next]
                    if order[child] < 0 {
                        order[child] = counter
                        low[child] = counter
                        counter += 1
                        stack.append(child)
                        onStack[child] = true
                        work.append((child, 0))
                    } else if onStack[child] {
                        low[node] = min(low[node], order[child])
                    }
                    continue
                }
                work.removeLast()
                if let parent = work.last { low[parent.node] = min(low[parent.node], low[node]) }
                guard low[node] == order[node] else { continue }
                var component: [String] = []
                while let member = stack.popLast() {
                    onStack[member] = false
                    component.append(modules[member].path)
                    if member == node { break }
                }
                components.append(component.sorted())
            }
        }
        return components
    }

    /// The components with more than one module: the import cycles.
    public var cycles: [[String]] { stronglyConnectedComponents().filter { $0.count > 1 } }
}
