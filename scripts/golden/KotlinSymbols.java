// The Kotlin compiler's PSI view (org.jetbrains.kotlin.psi, from Debian's kotlin package) of Kotlin files' symbols in
// docgen's vocabulary: classes, interfaces, enum classes and objects are `class`, functions in them `method`
// (members of a companion object belong to the class), top-level functions `function`, an extension function
// (`fun String.twice()`) a `method` qualified by its receiver type's name (`ReceiveChannel<E>` as `ReceiveChannel`);
// names are qualified through the package and enclosing types. Local functions and declarations in function bodies or object expressions are left
// out. `line` is the first modifier or keyword after the annotations, `end_line` the declaration's last line,
// `docstring` the KDoc the parser attached to the declaration (getDocComment) with `/**`, `*/` and the leading `*`
// removed.
//
//   java -cp '/usr/share/kotlin/kotlinc/lib/*' scripts/golden/KotlinSymbols.java FILE...
import com.intellij.openapi.Disposable;
import com.intellij.openapi.util.Disposer;
import com.intellij.psi.PsiComment;
import com.intellij.psi.PsiElement;
import com.intellij.psi.PsiErrorElement;
import com.intellij.psi.PsiWhiteSpace;
import com.intellij.psi.util.PsiTreeUtil;
import org.jetbrains.kotlin.cli.common.CLIConfigurationKeys;
import org.jetbrains.kotlin.cli.common.messages.MessageCollector;
import org.jetbrains.kotlin.cli.jvm.compiler.EnvironmentConfigFiles;
import org.jetbrains.kotlin.cli.jvm.compiler.KotlinCoreEnvironment;
import org.jetbrains.kotlin.config.CompilerConfiguration;
import org.jetbrains.kotlin.kdoc.psi.api.KDoc;
import org.jetbrains.kotlin.psi.*;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

public class KotlinSymbols {
    public static void main(String[] args) throws Exception {
        Disposable disposable = Disposer.newDisposable();
        CompilerConfiguration configuration = new CompilerConfiguration();
        configuration.put(CLIConfigurationKeys.MESSAGE_COLLECTOR_KEY, MessageCollector.Companion.getNONE());
        KotlinCoreEnvironment environment = KotlinCoreEnvironment.createForProduction(disposable, configuration,
            EnvironmentConfigFiles.JVM_CONFIG_FILES);
        KtPsiFactory factory = new KtPsiFactory(environment.getProject(), false);
        StringBuilder out = new StringBuilder("{");
        boolean first = true;
        for (String path : args) {
            String text = Files.readString(Path.of(path)).replace("\r\n", "\n");
            KtFile file = factory.createFile(Path.of(path).getFileName().toString(), text);
            PsiErrorElement error = PsiTreeUtil.findChildOfType(file, PsiErrorElement.class);
            if (error != null) {
                System.err.println("KotlinSymbols: " + path + ":" + line(text, error.getTextOffset()) + ": "
                    + error.getErrorDescription());
                continue;
            }
            List<String> entries = new ArrayList<>();
            String pkg = file.getPackageFqName().asString();
            visit(file.getDeclarations(), pkg.isEmpty() ? "" : pkg + ".", false, text, entries);
            out.append(first ? "" : ",").append("\n ").append(quote(path)).append(": [\n  ")
                .append(String.join(",\n  ", entries)).append("\n ]");
            first = false;
        }
        System.out.println(out.append("\n}"));
        Disposer.dispose(disposable);
    }

    static void visit(List<KtDeclaration> declarations, String scope, boolean inType, String text, List<String> out) {
        for (KtDeclaration declaration : declarations) {
            if (declaration instanceof KtObjectDeclaration && ((KtObjectDeclaration) declaration).isCompanion()) {
                visit(bodyOf((KtClassOrObject) declaration), scope, true, text, out);
            } else if (declaration instanceof KtEnumEntry) {
                continue;  // enum entries are no symbols (nor are they for javac)
            } else if (declaration instanceof KtClassOrObject) {
                KtClassOrObject type = (KtClassOrObject) declaration;
                if (type.getName() == null) continue;
                emit("class", scope + type.getName(), type, text, out);
                visit(bodyOf(type), scope + type.getName() + ".", true, text, out);
            } else if (declaration instanceof KtNamedFunction) {
                KtNamedFunction function = (KtNamedFunction) declaration;
                if (function.getName() == null) continue;
                KtTypeReference receiver = function.getReceiverTypeReference();
                if (receiver != null) {
                    emit("method", scope + receiverName(receiver) + "." + function.getName(), function, text, out);
                } else {
                    emit(inType ? "method" : "function", scope + function.getName(), function, text, out);
                }
            }
        }
    }

    /** The receiver type's name without its type arguments or `?`, as the compiler's PSI gives it. */
    static String receiverName(KtTypeReference receiver) {
        KtTypeElement element = receiver.getTypeElement();
        while (element instanceof KtNullableType) element = ((KtNullableType) element).getInnerType();
        if (element instanceof KtUserType) {
            KtUserType user = (KtUserType) element;
            StringBuilder name = new StringBuilder(user.getReferencedName() == null ? "" : user.getReferencedName());
            for (KtUserType qualifier = user.getQualifier(); qualifier != null; qualifier = qualifier.getQualifier()) {
                name.insert(0, qualifier.getReferencedName() + ".");
            }
            return name.toString();
        }
        return collapse(receiver.getText());
    }

    static List<KtDeclaration> bodyOf(KtClassOrObject type) {
        KtClassBody body = type.getBody();
        return body == null ? List.of() : body.getDeclarations();
    }

    static void emit(String kind, String name, KtDeclaration declaration, String text, List<String> out) {
        int end = declaration.getTextRange().getEndOffset() - 1;
        KDoc doc = declaration.getDocComment();
        String cleaned = doc == null ? null : cleaned(doc.getText());
        out.add(String.format("{\"kind\":\"%s\",\"qualified_name\":%s,\"line\":%d,\"end_line\":%d,\"docstring\":%s}",
            kind, quote(name), line(text, start(declaration)), line(text, end),
            cleaned == null ? "null" : quote(cleaned)));
    }

    /** The offset of the first leaf that is no KDoc, comment, whitespace or annotation. */
    static int start(KtDeclaration declaration) {
        PsiElement leaf = PsiTreeUtil.firstChild(declaration);
        while (leaf != null && leaf.getTextRange().getStartOffset() < declaration.getTextRange().getEndOffset()) {
            if (!(leaf instanceof PsiWhiteSpace) && !(leaf instanceof PsiComment)
                && PsiTreeUtil.getParentOfType(leaf, KDoc.class, false) == null
                && PsiTreeUtil.getParentOfType(leaf, KtAnnotationEntry.class, false) == null
                && PsiTreeUtil.getParentOfType(leaf, KtAnnotation.class, false) == null) {
                return leaf.getTextRange().getStartOffset();
            }
            leaf = PsiTreeUtil.nextLeaf(leaf);
        }
        return declaration.getTextRange().getStartOffset();
    }

    static int line(String text, int offset) {
        int line = 1;
        for (int i = 0; i < offset && i < text.length(); i++) if (text.charAt(i) == '\n') line++;
        return line;
    }

    static String collapse(String text) {
        return text.trim().replaceAll("\\s+", " ");
    }

    static String cleaned(String text) {
        String body = text.replaceFirst("^/\\*\\*", "").replaceFirst("\\*/$", "");
        List<String> lines = new ArrayList<>();
        for (String line : body.split("\n", -1)) {
            String rest = line.stripLeading();
            if (rest.startsWith("*")) {
                rest = rest.substring(1);
                lines.add((rest.startsWith(" ") ? rest.substring(1) : rest).stripTrailing());
            } else {
                lines.add(line.stripTrailing());
            }
        }
        while (!lines.isEmpty() && lines.get(0).isEmpty()) lines.remove(0);
        while (!lines.isEmpty() && lines.get(lines.size() - 1).isEmpty()) lines.remove(lines.size() - 1);
        if (lines.isEmpty()) return null;
        int indent = lines.stream().filter(l -> !l.isEmpty())
            .mapToInt(l -> l.length() - l.stripLeading().length()).min().orElse(0);
        List<String> result = new ArrayList<>();
        for (String line : lines) result.add(line.isEmpty() ? line : line.substring(indent));
        return String.join("\n", result);
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
