#!/usr/bin/env node
// The TypeScript compiler's view of a file's symbols, in docgen's vocabulary (see docs in the README, "Languages"):
// classes, interfaces and enums are `class`; functions (also `const f = () => …` at top level) `function`;
// methods, accessors, constructors and method signatures `method`; namespaces qualify names. `line` is the first token that is
// no decorator (an `export` keyword counts), `end_line` the node's last line, `docstring` the last JSDoc block as the
// compiler parsed it (comment text, then one `@tag text` per line).
//
//   node scripts/golden/ts_symbols.js FILE...      (TYPESCRIPT=path/to/typescript overrides the module)
// Debian's node-typescript installs the compiler in /usr/share/nodejs/typescript.
"use strict";
const fs = require("fs");
const path = require("path");
let ts;
try {
    ts = require(process.env.TYPESCRIPT || "typescript");
} catch (error) {
    ts = require("/usr/share/nodejs/typescript");
}

function lineOf(sourceFile, position) {
    return sourceFile.getLineAndCharacterOfPosition(position).line + 1;
}

function startLine(sourceFile, node) {
    const modifiers = (ts.canHaveModifiers && ts.canHaveModifiers(node) ? ts.getModifiers(node) : node.modifiers) || [];
    if (modifiers.length > 0) return lineOf(sourceFile, modifiers[0].getStart(sourceFile));
    for (const child of node.getChildren(sourceFile)) {
        if (child.kind === ts.SyntaxKind.Decorator || ts.isJSDoc(child)) continue;
        if (child.kind === ts.SyntaxKind.SyntaxList && child.getChildren(sourceFile).every((c) => c.kind === ts.SyntaxKind.Decorator)) continue;
        return lineOf(sourceFile, child.getStart(sourceFile));
    }
    return lineOf(sourceFile, node.getStart(sourceFile));
}

function docstring(node) {
    const docs = (node.jsDoc || []).filter((doc) => doc.kind === ts.SyntaxKind.JSDoc);
    if (docs.length === 0) return null;
    const doc = docs[docs.length - 1];
    const text = (value) => (typeof value === "string" ? value : (value || []).map((part) => part.text).join(""));
    const lines = [];
    if (doc.comment) lines.push(text(doc.comment));
    for (const tag of doc.tags || []) {
        let line = "@" + tag.tagName.text;
        if (tag.typeExpression) line += " {" + tag.typeExpression.type.getText() + "}";
        if (tag.name) line += " " + tag.name.getText();
        if (tag.comment) line += " " + text(tag.comment);
        lines.push(line);
    }
    const joined = lines.join("\n").trim();
    return joined.length > 0 ? joined : null;
}

function symbols(file) {
    const text = fs.readFileSync(file, "utf8");
    const kind = file.endsWith(".tsx") ? ts.ScriptKind.TSX : file.match(/\.[cm]?jsx?$/) ? ts.ScriptKind.JSX : ts.ScriptKind.TS;
    const sourceFile = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true, kind);
    const result = [];
    function emit(kindName, qualified, node, anchor) {
        result.push({
            kind: kindName,
            qualified_name: qualified.join("."),
            line: startLine(sourceFile, anchor || node),
            end_line: lineOf(sourceFile, node.getEnd()),
            docstring: docstring(anchor || node),
        });
    }
    function name(node) {
        return node.name ? node.name.getText(sourceFile) : null;
    }
    function members(owner, scope) {
        for (const member of owner.members || []) {
            if (
                ts.isMethodDeclaration(member) || ts.isMethodSignature(member) || ts.isConstructorDeclaration(member)
                || ts.isGetAccessorDeclaration(member) || ts.isSetAccessorDeclaration(member)
            ) {
                emit("method", scope.concat([ts.isConstructorDeclaration(member) ? "constructor" : name(member)]), member);
            }
        }
    }
    function visit(statements, scope) {
        for (const statement of statements) {
            if (ts.isClassDeclaration(statement) || ts.isInterfaceDeclaration(statement)) {
                if (!statement.name) continue;
                emit("class", scope.concat([name(statement)]), statement);
                members(statement, scope.concat([name(statement)]));
            } else if (ts.isEnumDeclaration(statement)) {
                emit("class", scope.concat([name(statement)]), statement);
            } else if (ts.isFunctionDeclaration(statement)) {
                if (statement.name) emit("function", scope.concat([name(statement)]), statement);
            } else if (ts.isVariableStatement(statement)) {
                for (const declaration of statement.declarationList.declarations) {
                    const value = declaration.initializer;
                    if (!value || !ts.isIdentifier(declaration.name)) continue;
                    if (ts.isArrowFunction(value) || ts.isFunctionExpression(value)) {
                        emit("function", scope.concat([declaration.name.text]), statement);
                    }
                }
            } else if (ts.isModuleDeclaration(statement) && statement.body && ts.isModuleBlock(statement.body)) {
                visit(statement.body.statements, scope.concat([name(statement)]));
            }
        }
    }
    visit(sourceFile.statements, []);
    return result;
}

const output = {};
for (const file of process.argv.slice(2)) output[file] = symbols(file);
process.stdout.write(JSON.stringify(output, null, 1) + "\n");
