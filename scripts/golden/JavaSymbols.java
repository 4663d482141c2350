// The Java compiler's (javac tree API) view of Java files' symbols in docgen's vocabulary: classes, interfaces,
// enums, records and annotation types are `class`, methods and constructors `method` (a constructor named after its
// class), qualified through the package and enclosing types. `line` is the first modifier keyword or the declaration
// keyword (annotations excluded), `end_line` the declaration's last line, `docstring` the Javadoc comment's body
// (leading `*` removed) as javac's DocCommentTree gives it, block tags on their own lines.
//
//   java scripts/golden/JavaSymbols.java FILE...
import com.sun.source.doctree.DocCommentTree;
import com.sun.source.tree.*;
import com.sun.source.util.*;

import java.util.*;
import javax.tools.*;

public class JavaSymbols {
    public static void main(String[] args) throws Exception {
        JavaCompiler compiler = ToolProvider.getSystemJavaCompiler();
        StandardJavaFileManager files = compiler.getStandardFileManager(null, null, null);
        StringBuilder out = new StringBuilder("{");
        for (int index = 0; index < args.length; index++) {
            JavacTask task = (JavacTask) compiler.getTask(null, files, null, List.of("-proc:none"), null,
                files.getJavaFileObjects(args[index]));
            CompilationUnitTree unit = task.parse().iterator().next();
            DocTrees docs = DocTrees.instance(task);
            SourcePositions positions = docs.getSourcePositions();
            LineMap lines = unit.getLineMap();
            String pkg = unit.getPackageName() == null ? "" : unit.getPackageName().toString() + ".";
            List<String> entries = new ArrayList<>();
            new TreePathScanner<Void, String>() {
                long line(long position) { return lines.getLineNumber(position); }
                long start(Tree tree, ModifiersTree modifiers) {
                    int begin = (int) positions.getStartPosition(unit, tree);
                    for (AnnotationTree annotation : modifiers.getAnnotations()) {
                        begin = Math.max(begin, (int) positions.getEndPosition(unit, annotation));
                    }
                    // The first token after the annotations.
                    String source;
                    try { source = unit.getSourceFile().getCharContent(true).toString(); } catch (Exception e) { return line(begin); }
                    while (begin < source.length() && (Character.isWhitespace(source.charAt(begin))
                            || source.startsWith("//", begin) || source.startsWith("/*", begin))) {
                        if (source.startsWith("//", begin)) { begin = source.indexOf('\n', begin); continue; }
                        if (source.startsWith("/*", begin)) { begin = source.indexOf("*/", begin) + 2; continue; }
                        begin++;
                    }
                    return line(begin);
                }
                String doc() {
                    DocCommentTree comment = docs.getDocCommentTree(getCurrentPath());
                    if (comment == null) return null;
                    StringBuilder text = new StringBuilder();
                    comment.getFullBody().forEach(part -> text.append(part.toString()));
                    comment.getBlockTags().forEach(tag -> text.append("\n").append(tag.toString()));
                    String value = text.toString().trim();
                    return value.isEmpty() ? null : value;
                }
                void emit(String kind, String name, Tree tree, ModifiersTree modifiers) {
                    String doc = doc();
                    entries.add(String.format("{\"kind\":\"%s\",\"qualified_name\":\"%s\",\"line\":%d,\"end_line\":%d,\"docstring\":%s}",
                        kind, name, start(tree, modifiers), line(positions.getEndPosition(unit, tree) - 1),
                        doc == null ? "null" : quote(doc)));
                }
                @Override public Void visitClass(ClassTree tree, String scope) {
                    if (tree.getSimpleName().length() == 0) return null;  // an anonymous class: no symbol
                    String name = scope + tree.getSimpleName();
                    emit("class", name, tree, tree.getModifiers());
                    return super.visitClass(tree, name + ".");
                }
                @Override public Void visitMethod(MethodTree tree, String scope) {
                    String owner = scope.substring(0, scope.length() - 1);
                    String simple = tree.getName().contentEquals("<init>") ? owner.substring(owner.lastIndexOf('.') + 1) : tree.getName().toString();
                    emit("method", scope + simple, tree, tree.getModifiers());
                    return null;
                }
                @Override public Void visitVariable(VariableTree tree, String scope) { return null; }
            }.scan(new TreePath(unit), pkg);
            if (index > 0) out.append(",");
            out.append("\n ").append(quote(args[index])).append(": [\n  ")
                .append(String.join(",\n  ", entries)).append("\n ]");
        }
        System.out.println(out.append("\n}"));
    }

    static String quote(String text) {
        StringBuilder out = new StringBuilder("\"");
        for (char c : text.toCharArray()) {
            switch (c) {
                case '"': out.append("\\\""); break;
                case '\\': out.append("\\\\"); break;
                case '\n': out.append("\\n"); break;
                case '\t': out.append("\\t"); break;
                default: if (c < 0x20) out.append(String.format("\\u%04x", (int) c)); else out.append(c);
            }
        }
        return out.append('"').toString();
    }
}
