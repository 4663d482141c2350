import Testing

@testable import DocgenGraph

@Suite("Imports of the tree-sitter languages")
struct ImportResolutionTests {
    private func file(
        _ path: String, _ language: SourceFacts.Language, _ imports: [ImportFact], package: String? = nil,
        declares: [String] = []
    ) -> SourceFacts {
        SourceFacts(
            path: path, language: language, imports: imports,
            declarations: declares.map { Declaration(kind: "class", name: $0, qualifiedName: $0, line: 1, endLine: 1) },
            packageName: package)
    }

    private func imports(_ modules: String...) -> [ImportFact] {
        modules.enumerated().map { ImportFact(module: $0.element, line: $0.offset + 1) }
    }

    private func edges(_ graph: RepositoryGraph) -> [String] {
        graph.moduleEdges.map { "\($0.from) -> \($0.to)" }
    }

    @Test("ES modules and require: extensions, index files, .js naming .ts, packages and assets ignored")
    func scripts() {
        let graph = RepositoryGraph(facts: [
            file(
                "web/app.ts", .javascript,
                imports("./lib/util", "./lib", "../web/lib/util.js", "react", "./a.css", "./gone")),
            file("web/lib/util.ts", .javascript, []),
            file("web/lib/index.js", .javascript, imports("../app")),
        ])
        #expect(
            edges(graph) == [
                "web/app.ts -> web/lib/index.js", "web/app.ts -> web/lib/util.ts", "web/lib/index.js -> web/app.ts",
            ])
        #expect(graph.moduleEdges.first { $0.to == "web/lib/util.ts" }?.weight == 2)
        #expect(graph.unresolved.map(\.name) == ["./gone"])
        #expect(graph.unresolved.first?.line == 6)
    }

    @Test("Go: imports under the go.mod module path are the package folder's files; others are external")
    func go() {
        let graph = RepositoryGraph(
            facts: [
                file("svc/main.go", .go, imports("fmt", "example.com/svc/store", "example.com/svc/gone")),
                file("svc/store/a.go", .go, []),
                file("svc/store/b.go", .go, []),
                file("svc/store/a_test.go", .go, []),
            ], goModules: ["svc": "example.com/svc"])
        #expect(edges(graph) == ["svc/main.go -> svc/store/a.go", "svc/main.go -> svc/store/b.go"])
        #expect(graph.unresolved.map(\.name) == ["example.com/svc/gone"])
        #expect(graph.module("svc/store/a.go")?.name == "example.com/svc/store")
    }

    @Test("Rust: mod files, crate/self/super paths to the deepest module file, other crates ignored")
    func rust() {
        var declareNet = ImportFact(module: "net", line: 1)
        declareNet.isModuleDeclaration = true
        var declareGone = ImportFact(module: "gone", line: 2)
        declareGone.isModuleDeclaration = true
        var declareHTTP = ImportFact(module: "http", line: 1)
        declareHTTP.isModuleDeclaration = true
        let graph = RepositoryGraph(facts: [
            file(
                "src/lib.rs", .rust, [declareNet, declareGone] + imports("crate::net::http::{Client, self}", "std::io")),
            file("src/net/mod.rs", .rust, [declareHTTP]),
            file("src/net/http.rs", .rust, imports("super::super::run as go")),
        ])
        #expect(
            edges(graph) == [
                "src/lib.rs -> src/net/http.rs", "src/lib.rs -> src/net/mod.rs", "src/net/http.rs -> src/lib.rs",
                "src/net/mod.rs -> src/net/http.rs",
            ])
        #expect(graph.unresolved.map(\.name) == ["mod gone"])
        #expect(graph.module("src/net/http.rs")?.name == "crate::net::http")
        #expect(
            GraphBuilder.usePaths("crate::a::{b, c::{D, E as F}, self}") == [
                ["crate", "a", "b"], ["crate", "a", "c", "D"], ["crate", "a", "c", "E"], ["crate", "a"],
            ])
    }

    @Test("Java and Kotlin: types, static members, wildcards; a missing type of a repository package is reported")
    func jvm() {
        var wildcard = ImportFact(module: "com.acme.model", line: 3)
        wildcard.names = [.init(name: "*")]
        let graph = RepositoryGraph(facts: [
            file(
                "app/App.java", .java,
                imports("com.acme.model.Item", "com.acme.model.Item.of", "com.acme.model.Gone", "java.util.List"),
                package: "com.acme.app", declares: ["com.acme.app.App"]),
            file("app/Start.kt", .kotlin, [wildcard], package: "com.acme.app", declares: ["com.acme.app.start"]),
            file("model/Item.java", .java, [], package: "com.acme.model", declares: ["com.acme.model.Item"]),
        ])
        #expect(edges(graph) == ["app/App.java -> model/Item.java", "app/Start.kt -> model/Item.java"])
        #expect(graph.moduleEdges.first?.weight == 2)
        #expect(graph.unresolved.map(\.name) == ["com.acme.model.Gone"])
    }

    @Test("#include \"file\": beside the file, in a folder above, in include/; missing files reported")
    func includes() {
        let graph = RepositoryGraph(facts: [
            file("src/main.c", .c, imports("util.h", "core/types.h", "config.h")),
            file("src/core/types.h", .c, imports("util.h")),
            file("include/util.h", .c, []),
        ])
        #expect(
            edges(graph) == [
                "src/core/types.h -> include/util.h", "src/main.c -> include/util.h", "src/main.c -> src/core/types.h",
            ])
        #expect(graph.unresolved.map(\.name) == ["config.h"])
    }
}
