import DocgenGraph
import DocgenScanner
import Testing

@Suite("Imports, packages and file docs read through tree-sitter")
struct FileHeaderTests {
    private func facts(_ source: String, _ language: SourceLanguage) throws -> SourceFacts {
        try GrammarFixture.scanner(language).symbolsAndFacts(in: source, path: "f").1
    }

    private func modules(_ facts: SourceFacts) -> [String] {
        facts.imports.map {
            "\($0.line) \($0.module)" + ($0.names.isEmpty ? "" : " " + $0.names.map(\.name).joined(separator: ","))
        }
    }

    @Test("TypeScript: import, export from, import = require, require calls inside functions")
    func script() throws {
        let source = """
            import D, {a as b, c} from "./x";
            import * as ns from '../y/index.js';
            export {q} from "./q";
            export * from "./r";
            const z = require("./z");
            import fs = require("fs");
            function lazy() { return require("./later"); }
            """
        let facts = try facts(source, .typescript)
        #expect(facts.language == .javascript)
        #expect(
            modules(facts) == [
                "1 ./x default,a,c", "2 ../y/index.js *", "3 ./q q", "4 ./r *", "5 ./z", "6 fs", "7 ./later",
            ])
    }

    @Test("Go: the package comment is the file's docstring; grouped and aliased imports")
    func go() throws {
        let source =
            "// Copyright.\n\n// Package p does things.\n//\n// Well.\npackage p\n\nimport (\n\t\"fmt\"\n\tm \"example.com/mod/util\"\n)\n"
        let facts = try facts(source, .go)
        #expect(facts.docstring == "Package p does things.\n\nWell.")
        #expect(facts.packageName == "p")
        #expect(modules(facts) == ["9 fmt", "10 example.com/mod/util"])
        #expect(facts.imports.last?.alias == "m")
    }

    @Test("Rust: //! lines are the module's docstring, not the first item's; use and mod declarations")
    func rust() throws {
        let source =
            "//! The crate.\n//! More.\n#![allow(dead_code)]\nuse crate::a::{b, C};\nmod util;\npub mod inline {}\n/// Runs.\npub fn run() {}\n"
        let scanner = try GrammarFixture.scanner(.rust)
        let (symbols, facts) = try scanner.symbolsAndFacts(in: source, path: "src/lib.rs")
        #expect(facts.docstring == "The crate.\nMore.")
        #expect(symbols.first { $0.name == "run" }?.docstring == "Runs.")
        #expect(modules(facts) == ["4 crate::a::{b, C}", "5 util"])
        #expect(facts.imports.map(\.isModuleDeclaration) == [false, true])
    }

    @Test("Java and Kotlin: package and imports; wildcards as the name *")
    func jvm() throws {
        let java = try facts("package com.x;\nimport static com.x.Y.m;\nimport com.x.z.*;\nclass A {}\n", .java)
        #expect(java.packageName == "com.x")
        #expect(modules(java) == ["2 com.x.Y.m", "3 com.x.z *"])
        #expect(java.declarations.map(\.qualifiedName) == ["com.x.A"])
        let kotlin = try facts(
            "package a.b\n\nimport a.c.Helper\nimport a.d.*\nimport kotlin.math.sqrt as root\n\nfun f() = 1\n", .kotlin)
        #expect(kotlin.packageName == "a.b")
        #expect(modules(kotlin) == ["3 a.c.Helper", "4 a.d *", "5 kotlin.math.sqrt"])
        #expect(kotlin.imports.last?.alias == "root")
        #expect(kotlin.declarations.map(\.qualifiedName) == ["a.b.f"])
    }

    @Test("C: quoted includes inside guards and extern C blocks; system includes are not imports")
    func includes() throws {
        let source =
            "#ifndef A_H\n#define A_H\n#include \"b.h\"\n#include <stdio.h>\n#ifdef X\n#include \"x/c.h\"\n#endif\n#endif\n"
        #expect(modules(try facts(source, .c)) == ["3 b.h", "6 x/c.h"])
    }

    @Test("C#: a file-scoped namespace qualifies the file's types; PHP: namespace X; qualifies what follows")
    func namespaces() throws {
        let csharp = try GrammarFixture.scanner(.csharp).symbols(
            in:
                "namespace App.Models;\nusing System;\n/// <summary>A user.</summary>\npublic class User { public void Save() {} }\n"
        )
        #expect(csharp.map(\.qualifiedName) == ["App.Models.User", "App.Models.User.Save"])
        #expect(csharp.first?.docstring == "A user.")
        let php = try GrammarFixture.scanner(.php).symbols(
            in: "<?php\nnamespace App\\Models;\nclass User {}\nnamespace Other;\nfunction f() {}\n")
        #expect(php.map(\.qualifiedName) == ["App.Models.User", "Other.f"])
    }

    @Test("A Javadoc or JSDoc block documents the declaration across blank lines, as javac and tsc read it")
    func detachedDocBlocks() throws {
        let java = try GrammarFixture.scanner(.java).symbols(in: "/**\n * A list.\n */\n\npublic class L {}\n")
        #expect(java.first?.docstring == "A list.")
        let go = try GrammarFixture.scanner(.go).symbols(in: "package p\n\n// Not attached.\n\nfunc F() {}\n")
        #expect(go.first?.docstring == nil)
    }
}
