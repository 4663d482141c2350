// Command go_symbols prints go/ast's view of Go files' symbols in docgen's vocabulary: named types are `class`,
// functions `function`, methods `method` qualified by the receiver's type name. `line` is the `func`/`type` keyword
// (a grouped `type ( … )` spec starts at its name), `end_line` the declaration's last line, `docstring` the doc
// comment as go/ast's CommentGroup.Text gives it (directives such as //go:noinline removed).
//
//	go run scripts/golden/go_symbols.go FILE...
package main

import (
	"encoding/json"
	"go/ast"
	"go/parser"
	"go/token"
	"os"
	
	"strings"
)

type symbol struct {
	Kind          string  `json:"kind"`
	QualifiedName string  `json:"qualified_name"`
	Line          int     `json:"line"`
	EndLine       int     `json:"end_line"`
	Docstring     *string `json:"docstring"`
}

func doc(group *ast.CommentGroup) *string {
	if group == nil {
		return nil
	}
	text := strings.TrimSpace(group.Text())
	if text == "" {
		return nil
	}
	return &text
}

func receiverType(expr ast.Expr) string {
	switch value := expr.(type) {
	case *ast.StarExpr:
		return receiverType(value.X)
	case *ast.IndexExpr:
		return receiverType(value.X)
	case *ast.IndexListExpr:
		return receiverType(value.X)
	case *ast.Ident:
		return value.Name
	}
	return ""
}

func symbols(path string) ([]symbol, error) {
	files := token.NewFileSet()
	file, err := parser.ParseFile(files, path, nil, parser.ParseComments)
	if err != nil {
		return nil, err
	}
	line := func(pos token.Pos) int { return files.Position(pos).Line }
	result := []symbol{}
	for _, declaration := range file.Decls {
		switch node := declaration.(type) {
		case *ast.FuncDecl:
			entry := symbol{Kind: "function", QualifiedName: node.Name.Name, Line: line(node.Type.Func),
				EndLine: line(node.End() - 1), Docstring: doc(node.Doc)}
			if node.Recv != nil && len(node.Recv.List) > 0 {
				entry.Kind = "method"
				entry.QualifiedName = receiverType(node.Recv.List[0].Type) + "." + node.Name.Name
			}
			result = append(result, entry)
		case *ast.GenDecl:
			if node.Tok != token.TYPE {
				continue
			}
			for _, spec := range node.Specs {
				typeSpec := spec.(*ast.TypeSpec)
				entry := symbol{Kind: "class", QualifiedName: typeSpec.Name.Name}
				if node.Lparen.IsValid() {
					entry.Line, entry.EndLine, entry.Docstring = line(typeSpec.Pos()), line(typeSpec.End()-1), doc(typeSpec.Doc)
				} else {
					entry.Line, entry.EndLine, entry.Docstring = line(node.Pos()), line(node.End()-1), doc(node.Doc)
				}
				result = append(result, entry)
			}
		}
	}
	return result, nil
}

func main() {
	output := map[string][]symbol{}
	for _, path := range os.Args[1:] {
		found, err := symbols(path)
		if err != nil {
			os.Stderr.WriteString(err.Error() + "\n")
			os.Exit(1)
		}
		output[path] = found
	}
	encoder := json.NewEncoder(os.Stdout)
	encoder.SetIndent("", " ")
	if err := encoder.Encode(output); err != nil {
		os.Exit(1)
	}
}
