/// Ranking modules by how much the rest of the repository depends on them.
extension RepositoryGraph {
    /// PageRank over the module edges, weighted by ``GraphEdge/weight``: rank flows from a module to the modules it
    /// uses, so heavily used modules rank high (as in aider's repository map).
    ///
    /// - Parameters:
    ///   - damping: The damping factor (0.85 by default).
    ///   - iterations: The number of power iterations (50 by default).
    /// - Returns: Each module's rank; the ranks sum to 1 (an empty graph gives an empty dictionary).
    ///
    /// O(iterations × (V + E)).
    public func pageRank(damping: Double = 0.85, iterations: Int = 50) -> [String: Double] {
        let count = modules.count
        guard count > 0 else { return [:] }
        var outWeight = Array(repeating: 0.0, count: count)
        var links: [(from: Int, to: Int, weight: Double)] = []
        for edge in moduleEdges {
            guard let from = moduleIndex[edge.from], let to = moduleIndex[edge.to] else { continue }
            links.append((from, to, Double(edge.weight)))
            outWeight[from] += Double(edge.weight)
        }
        var rank = Array(repeating: 1.0 / Double(count), count: count)
        for _ in 0..<max(1, iterations) {
            var next = Array(repeating: 0.0, count: count)
            var dangling = 0.0
            for node in 0..<count where outWeight[node] == 0 { dangling += rank[node] }
            for link in links { next[link.to] += damping * rank[link.from] * link.weight / outWeight[link.from] }
            let base = (1 - damping) / Double(count) + damping * dangling / Double(count)
            for node in 0..<count { next[node] += base }
            rank = next
        }
        var result: [String: Double] = [:]
        for (index, module) in modules.enumerated() { result[module.path] = rank[index] }
        return result
    }

    /// The modules ranked by ``pageRank(damping:iterations:)``, highest first (ties by path).
    ///
    /// - Parameter limit: How many to return.
    /// - Returns: Paths with their rank.
    public func mostDependedOn(limit: Int) -> [(path: String, rank: Double)] {
        pageRank().map { (path: $0.key, rank: $0.value) }
            .sorted { $0.rank != $1.rank ? $0.rank > $1.rank : $0.path < $1.path }
            .prefix(max(0, limit)).map { $0 }
    }
}
