import DocgenGraph
import Testing

@testable import DocgenScanner

struct FactsCollectionTests {
    @Test func pythonImportsKeepLevelsAliasesAndTypeChecking() throws {
        let source = """
            from __future__ import annotations
            import os.path as p, sys
            from ..pkg.mod import (Item as I, price)
            from . import sibling
            from typing import TYPE_CHECKING
            if TYPE_CHECKING:
                from .models import Warehouse
            import json

            def main():
                import lazy
            """
        let (_, facts) = try PythonScanner().symbolsAndFacts(in: source, path: "pkg/cli.py")
        let imports = facts.imports
        #expect(
            imports.map(\.module) == [
                "__future__", "os.path", "sys", "pkg.mod", "", "typing", "models", "json", "lazy",
            ])
        #expect(imports[1].alias == "p")
        #expect(imports[3].level == 2)
        #expect(imports[3].names == [.init(name: "Item", alias: "I"), .init(name: "price")])
        #expect(imports[4].level == 1 && imports[4].names == [.init(name: "sibling")])
        #expect(imports.map(\.isTypeCheckingOnly) == [false, false, false, false, false, false, true, false, false])
        #expect(imports[7].line == 8)
    }

    @Test func pythonReferencesSkipAttributesAndKeywordArguments() throws {
        let source = """
            import models
            class Shop(models.Base):
                def add(self, item: models.Item) -> None:
                    self.items.append(item)
                    helper(limit=LIMIT, key=models.KEY.upper())
            """
        let (_, facts) = try PythonScanner().symbolsAndFacts(in: source, path: "shop.py")
        let names = facts.references.map(\.name)
        #expect(names.contains("models.Base"))
        #expect(names.contains("models.Item"))
        #expect(names.contains("self.items.append"))
        #expect(names.contains("LIMIT"))
        #expect(names.contains("models.KEY.upper"))
        #expect(!names.contains("limit"))
        #expect(!names.contains("append"))
        #expect(facts.references.first { $0.name == "LIMIT" }?.line == 5)
    }

    @Test func pythonModuleLevelNamesAllAndMainGuard() throws {
        let source = """
            __all__ = ["Item", 'price']
            __all__ += ["extra"]
            LIMIT = 10
            a, b = 1, 2
            for loop_name in range(3):
                pass
            def f():
                inner = 1
            if __name__ == "__main__":
                f()
            """
        let (_, facts) = try PythonScanner().symbolsAndFacts(in: source, path: "m.py")
        #expect(facts.exportedNames == ["Item", "price", "extra"])
        #expect(facts.definedNames == ["LIMIT", "a", "b", "loop_name"])
        #expect(facts.isEntryPoint)
        #expect(facts.declarations.map(\.qualifiedName) == ["f"])
    }

    @Test func swiftReferencesImportsAndMain() throws {
        let source = """
            import Foundation
            import Shop

            @main
            struct Tool {
                let cart: Cart<Item>
                static func main() {
                    let total = Pricing.total(of: cart)
                    print(format(total))
                }
            }
            """
        let (symbols, facts) = try SwiftScanner().symbolsAndFacts(in: source, path: "Sources/Tool/Tool.swift")
        #expect(symbols.map(\.qualifiedName) == ["Tool", "Tool.main"])
        #expect(facts.imports.map(\.module) == ["Foundation", "Shop"])
        #expect(facts.isEntryPoint)
        let names = facts.references.map(\.name)
        #expect(names.contains("Cart"))
        #expect(names.contains("Item"))
        #expect(names.contains("Pricing.total"))
        #expect(names.contains("format"))
        #expect(!names.contains("total(of:)"))
        #expect(facts.references.first { $0.name == "Pricing.total" }?.line == 8)
    }

    @Test func manifestTargetsWithPathsAndDependencies() {
        let manifest = """
            // swift-tools-version:6.0
            import PackageDescription
            let package = Package(
                name: "Shop",
                targets: [
                    .target(name: "Core", dependencies: [.product(name: "Logging", package: "swift-log")]),
                    .executableTarget(name: "shop", dependencies: ["Core", .target(name: "Extras")], path: "Tool"),
                    .target(name: "Extras"),
                    .testTarget(name: "CoreTests", dependencies: ["Core"]),
                ]
            )
            """
        let targets = PackageManifestReader.targets(in: manifest, folder: "pkg")
        #expect(targets.map(\.name) == ["Core", "shop", "Extras", "CoreTests"])
        #expect(targets.map(\.path) == ["pkg/Sources/Core", "pkg/Tool", "pkg/Sources/Extras", "pkg/Tests/CoreTests"])
        #expect(targets[1].kind == .executable)
        #expect(targets[1].dependencies == ["Core", "Extras"])
        #expect(targets[0].dependencies.isEmpty)
    }

    @Test func sampleRepositoryGraphLinksRealNeighbours() async throws {
        let repository = try TemporaryRepository()
        try repository.write("inv/__init__.py", "from .models import Item\n")
        try repository.write("inv/models.py", "class Item:\n    pass\n")
        try repository.write(
            "inv/store.py",
            "from . import Item\n\nclass Store:\n    def add(self, item: Item):\n        return Item()\n")
        let result = try await RepositoryScanner(configuration: ScanConfiguration(collectsFacts: true))
            .scan(root: repository.path)
        let graph = result.repositoryGraph()
        let edge = try #require(graph.moduleEdges.first { $0.from == "inv/store.py" && $0.to == "inv/models.py" })
        #expect(edge.names == ["Item"])
        #expect(graph.callees(of: "inv/store.py#Store.add") == ["inv/models.py#Item"])
    }
}
