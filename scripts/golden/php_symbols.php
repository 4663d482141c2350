<?php
// PHP-Parser's view (nikic/php-parser, Debian: php-parser) of PHP files' symbols in docgen's vocabulary: classes,
// interfaces, traits and enums are `class`, methods `method`, functions `function`, qualified through the namespace
// (`App\Models` as `App.Models`) and the enclosing type. Declarations inside conditionals, `try` and blocks count
// (`if (!function_exists('f')) { function f() {} }`); those inside function bodies, closures and anonymous classes
// do not. `line` is the first modifier or keyword after the attributes (`#[...]`), `end_line` the node's last line,
// `docstring` the node's doc comment (PHP-Parser's getDocComment) with `/**`, `*/` and the leading `*` removed.
//
//   php scripts/golden/php_symbols.php FILE...
$autoload = getenv('PHP_PARSER_AUTOLOAD') ?: '/usr/share/php/PhpParser/autoload.php';
require $autoload;

use PhpParser\Node;
use PhpParser\Node\Stmt;

$lexer = new PhpParser\Lexer\Emulative(['usedAttributes' => [
    'comments', 'startLine', 'endLine', 'startTokenPos', 'endTokenPos',
]]);
$parser = (new PhpParser\ParserFactory())->create(PhpParser\ParserFactory::PREFER_PHP7, $lexer);

function cleaned(?PhpParser\Comment\Doc $doc): ?string {
    if ($doc === null) {
        return null;
    }
    $text = preg_replace('~^/\*\*|\*/$~', '', $doc->getText());
    $lines = array_map(function ($line) {
        $rest = ltrim($line, " \t");
        if (str_starts_with($rest, '*')) {
            $rest = substr($rest, 1);
            return str_starts_with($rest, ' ') ? substr($rest, 1) : $rest;
        }
        return $line;
    }, explode("\n", $text));
    $lines = array_map('rtrim', $lines);
    while ($lines && $lines[0] === '') array_shift($lines);
    while ($lines && end($lines) === '') array_pop($lines);
    if (!$lines) {
        return null;
    }
    $indents = array_map(fn($line) => strlen($line) - strlen(ltrim($line, " \t")),
        array_filter($lines, fn($line) => $line !== ''));
    $indent = $indents ? min($indents) : 0;
    return implode("\n", array_map(fn($line) => $line === '' ? '' : substr($line, $indent), $lines));
}

/** The line of the first token after the attributes: the modifier or the keyword. */
function keywordLine(Node $node, array $tokens): int {
    $groups = $node->attrGroups ?? [];
    if (!$groups) {
        return $node->getStartLine();
    }
    $position = end($groups)->getAttribute('endTokenPos') + 1;
    while (isset($tokens[$position]) && is_array($tokens[$position])
        && in_array($tokens[$position][0], [T_WHITESPACE, T_COMMENT, T_DOC_COMMENT], true)) {
        $position++;
    }
    return is_array($tokens[$position] ?? null) ? $tokens[$position][2] : end($groups)->getEndLine();
}

function walk(array $nodes, array $scope, bool $inType, array $tokens, array &$out): void {
    foreach ($nodes as $node) {
        if (!$node instanceof Node) {
            continue;
        }
        if ($node instanceof Stmt\Namespace_) {
            $name = $node->name ? explode('\\', $node->name->toString()) : [];
            walk($node->stmts, $name, false, $tokens, $out);
            continue;
        }
        if ($node instanceof Stmt\ClassLike) {
            if ($node->name === null) {
                continue;
            }
            $qualified = array_merge($scope, [$node->name->toString()]);
            emit($out, 'class', $qualified, $node, $tokens);
            walk($node->stmts, $qualified, true, $tokens, $out);
            continue;
        }
        if ($node instanceof Stmt\ClassMethod || $node instanceof Stmt\Function_) {
            emit($out, $inType ? 'method' : 'function', array_merge($scope, [$node->name->toString()]), $node,
                $tokens);
            continue;
        }
        if ($node instanceof Node\Expr) {
            continue;  // closures, anonymous classes
        }
        foreach ($node->getSubNodeNames() as $sub) {
            $value = $node->$sub;
            walk(is_array($value) ? $value : [$value], $scope, $inType, $tokens, $out);
        }
    }
}

function emit(array &$out, string $kind, array $qualified, Node $node, array $tokens): void {
    $out[] = [
        'kind' => $kind,
        'qualified_name' => implode('.', $qualified),
        'line' => keywordLine($node, $tokens),
        'end_line' => $node->getEndLine(),
        'docstring' => cleaned($node->getDocComment()),
    ];
}

$result = [];
foreach (array_slice($argv, 1) as $path) {
    try {
        $statements = $parser->parse(file_get_contents($path));
    } catch (PhpParser\Error $error) {
        fwrite(STDERR, "php_symbols.php: $path: {$error->getMessage()}\n");
        continue;
    }
    $symbols = [];
    walk($statements ?? [], [], false, $lexer->getTokens(), $symbols);
    $result[$path] = $symbols;
}
$entries = [];
foreach ($result as $path => $symbols) {
    $lines = array_map(fn($symbol) => json_encode($symbol, JSON_UNESCAPED_SLASHES | JSON_UNESCAPED_UNICODE
        | JSON_INVALID_UTF8_SUBSTITUTE), $symbols);
    $entries[] = "\n " . json_encode($path, JSON_UNESCAPED_SLASHES) . ": [\n  " . implode(",\n  ", $lines) . "\n ]";
}
echo "{" . implode(",", $entries) . "\n}\n";
