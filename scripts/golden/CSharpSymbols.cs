// The C# view of Mono's tools of C# files' symbols in docgen's vocabulary, from two parsers Debian ships:
//   structure and line ranges from NRefactory 5 (MonoDevelop's C# parser, built on the Mono compiler's parser;
//     libicsharpcode-nrefactory-csharp5.0-cil): classes, structs, interfaces and enums are `class`, methods,
//     constructors and destructors `method`, qualified through namespaces and enclosing types. `line` is the first
//     modifier or keyword after the attributes, `end_line` the declaration's last line (its `}` or `;`).
//   doc comments from the Mono C# compiler's own parser (mcs.exe, mono-mcs; the comment it would write to the
//     `-doc:` XML file): the `///` lines (or `/** */` block) before the declaration, attributes between or not,
//     shown as docgen shows them: the `<summary>` tags dropped, other XML as written.
// NRefactory 5 reads C# up to version 5: a file it cannot parse (expression-bodied members, records, file-scoped
// namespaces, …) is left out with a message on stderr; when mcs cannot parse a file, its symbols have no
// `docstring` key (not compared).
//
//   mcs -r:mcs=/usr/lib/mono/4.5/mcs.exe -r:/usr/lib/cli/ICSharpCode.NRefactory-5.0/ICSharpCode.NRefactory.dll \
//       -r:/usr/lib/cli/ICSharpCode.NRefactory.CSharp-5.0/ICSharpCode.NRefactory.CSharp.dll \
//       -out:CSharpSymbols.exe scripts/golden/CSharpSymbols.cs
//   mono CSharpSymbols.exe FILE...
extern alias mcs;

using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using ICSharpCode.NRefactory.CSharp;
using Mcs = mcs::Mono.CSharp;

public static class CSharpSymbols {
    public static int Main(string[] args) {
        var output = new StringBuilder("{");
        var first = true;
        foreach (var path in args) {
            string text = File.ReadAllText(path);
            var parser = new CSharpParser();
            SyntaxTree tree = parser.Parse(text, path);
            if (parser.HasErrors) {
                var error = parser.Errors.First();
                Console.Error.WriteLine("CSharpSymbols: " + path + ":" + error.Region.BeginLine + ": " + error.Message);
                continue;
            }
            var docs = CompilerDocs(path);
            var entries = new List<string>();
            Visit(tree.Members, new List<string>(), false, docs, entries);
            output.Append(first ? "" : ",").Append("\n ").Append(Quote(path)).Append(": [\n  ")
                .Append(string.Join(",\n  ", entries)).Append("\n ]");
            first = false;
        }
        Console.WriteLine(output.Append("\n}"));
        return 0;
    }

    static void Visit(IEnumerable<AstNode> nodes, List<string> scope, bool inType,
                      Dictionary<int, List<KeyValuePair<string, string>>> docs, List<string> entries) {
        foreach (var node in nodes) {
            var ns = node as NamespaceDeclaration;
            if (ns != null) {
                Visit(ns.Members, scope.Concat(ns.Identifiers).ToList(), false, docs, entries);
                continue;
            }
            var type = node as TypeDeclaration;
            if (type != null) {
                var qualified = scope.Concat(new[] { type.Name }).ToList();
                Emit("class", qualified, type, docs, entries);
                if (type.ClassType != ClassType.Enum) {
                    Visit(type.Members, qualified, true, docs, entries);
                }
                continue;
            }
            if (inType && (node is MethodDeclaration || node is ConstructorDeclaration || node is DestructorDeclaration)) {
                var entity = (EntityDeclaration) node;
                Emit("method", scope.Concat(new[] { entity.Name }).ToList(), entity, docs, entries);
            }
        }
    }

    static void Emit(string kind, List<string> qualified, EntityDeclaration node,
                     Dictionary<int, List<KeyValuePair<string, string>>> docs, List<string> entries) {
        // The first token after the attributes (and the comments NRefactory keeps among the children).
        var start = node.Children.First(child => !(child is AttributeSection) && !(child is Comment)
            && !(child is NewLineNode) && !(child is WhitespaceNode) && !(child is PreProcessorDirective));
        var entry = new StringBuilder();
        entry.Append("{\"kind\":\"").Append(kind).Append("\",\"qualified_name\":").Append(Quote(string.Join(".", qualified)))
            .Append(",\"line\":").Append(start.StartLocation.Line)
            .Append(",\"end_line\":").Append(node.EndLocation.Line);
        if (docs != null) {
            string doc = null;
            List<KeyValuePair<string, string>> candidates;
            if (docs.TryGetValue(node.NameToken.StartLocation.Line, out candidates)) {
                var named = candidates.Where(pair => pair.Key == node.Name).ToList();
                if (named.Count == 1) doc = named[0].Value;
                else if (candidates.Count == 1) doc = candidates[0].Value;  // a destructor is mcs's `Finalize`
            }
            entry.Append(",\"docstring\":").Append(doc == null ? "null" : Quote(doc));
        }
        entries.Add(entry.Append("}").ToString());
    }

    /// The doc comments of mcs's parser by the line of the declared name, or null when mcs cannot parse the file.
    static Dictionary<int, List<KeyValuePair<string, string>>> CompilerDocs(string path) {
        var settings = new Mcs.CompilerSettings();
        settings.DocumentationFile = "unused.xml";  // makes the parser keep doc comments
        settings.Version = Mcs.LanguageVersion.Experimental;
        var printer = new Mcs.StreamReportPrinter(TextWriter.Null);
        var context = new Mcs.CompilerContext(settings, printer);
        var module = new Mcs.ModuleContainer(context);
        var session = new Mcs.ParserSession();
        var source = new Mcs.SourceFile(path, Path.GetFullPath(path), 1);
        Mcs.Location.Initialize(new List<Mcs.SourceFile> { source });
        var report = new Mcs.Report(context, printer);
        using (var stream = File.OpenRead(path)) {
            var reader = new Mcs.SeekableStreamReader(stream, Encoding.UTF8);
            var file = new Mcs.CompilationSourceFile(module, source);
            module.AddTypeContainer(file);
            new Mcs.CSharpParser(reader, file, report, session).parse();
        }
        if (printer.ErrorsCount > 0) return null;
        var docs = new Dictionary<int, List<KeyValuePair<string, string>>>();
        Collect(module, docs);
        return docs;
    }

    static void Collect(Mcs.TypeContainer container, Dictionary<int, List<KeyValuePair<string, string>>> docs) {
        var members = new List<Mcs.MemberCore>();
        if (container.Containers != null) members.AddRange(container.Containers);
        var type = container as Mcs.TypeDefinition;
        if (type != null && type.Members != null) members.AddRange(type.Members.Where(m => !(m is Mcs.TypeContainer)));
        foreach (var member in members) {
            if (member is Mcs.TypeDefinition || member is Mcs.MethodOrOperator || member is Mcs.Constructor
                || member is Mcs.Destructor) {
                List<KeyValuePair<string, string>> list;
                if (!docs.TryGetValue(member.Location.Row, out list)) docs[member.Location.Row] = list = new List<KeyValuePair<string, string>>();
                list.Add(new KeyValuePair<string, string>(member.MemberName.Name, Cleaned(member.DocComment)));
            }
            var inner = member as Mcs.TypeContainer;
            if (inner != null) Collect(inner, docs);
        }
    }

    /// The comment's lines with common indentation and a leading `*` removed, the `<summary>` tags dropped.
    static string Cleaned(string doc) {
        if (doc == null) return null;
        var lines = doc.Replace("\r", "").Split('\n').Select(line => {
            var rest = line.TrimStart(' ', '\t');
            return rest.StartsWith("*") ? rest.Substring(1) : line;
        }).Select(line => line.TrimEnd()).ToList();
        var text = string.Join("\n", lines);
        int open = text.IndexOf("<summary>", StringComparison.Ordinal);
        if (open >= 0) text = text.Remove(open, "<summary>".Length);
        int close = text.IndexOf("</summary>", StringComparison.Ordinal);
        if (close >= 0) text = text.Remove(close, "</summary>".Length);
        lines = text.Split('\n').Select(line => line.TrimEnd()).ToList();
        while (lines.Count > 0 && lines[0].Length == 0) lines.RemoveAt(0);
        while (lines.Count > 0 && lines[lines.Count - 1].Length == 0) lines.RemoveAt(lines.Count - 1);
        if (lines.Count == 0) return null;
        int indent = lines.Where(l => l.Length > 0).Min(l => l.Length - l.TrimStart(' ', '\t').Length);
        return string.Join("\n", lines.Select(l => l.Length == 0 ? l : l.Substring(indent)));
    }

    static string Quote(string text) {
        var result = new StringBuilder("\"");
        foreach (char c in text) {
            switch (c) {
                case '"': result.Append("\\\""); break;
                case '\\': result.Append("\\\\"); break;
                case '\n': result.Append("\\n"); break;
                case '\t': result.Append("\\t"); break;
                default:
                    if (c < 0x20) result.Append(string.Format("\\u{0:x4}", (int) c)); else result.Append(c);
                    break;
            }
        }
        return result.Append('"').ToString();
    }
}
