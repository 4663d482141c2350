# Ruby's own view of Ruby files' symbols in docgen's vocabulary, from two of Ruby's tools:
#   structure and line ranges from Ruby's parser (RubyVM::AbstractSyntaxTree): modules and classes are `class`,
#     qualified through the enclosing modules and classes (`class Net::HTTP` as `Net.HTTP`); a `def` (or
#     `def self.x`, or a `def` in `class << self`) in a class or module is a `method`, elsewhere a `function`; `line`
#     is the `class`/`module`/`def` keyword's line, `end_line` the node's last line. A `def` inside a method body,
#     a block or a lambda belongs to a receiver only known at run time and is left out, as is a singleton method of
#     a local object (`def value.to_s`); conditionals, `begin` blocks, assignments and calls (`private def x`) are
#     looked through.
#   doc comments from RDoc's Ruby parser (the comment RDoc documents the method or class with, after its
#     directives are processed). No `docstring` key (not compared) where RDoc has no comment of its own: a class
#     or module opened more than once in a file (RDoc merges its comments, so which opening a comment belongs to
#     is not known), and what RDoc hides (`# :nodoc:`, after `# :stopdoc:`).
#
#   ruby scripts/golden/ruby_symbols.rb FILE...
require "json"
require "rdoc"

# RDoc's comments: methods by the line of their `def`, classes and modules by full name.
def rdoc_comments(path, source)
  options = RDoc::Options.new
  options.quiet = true
  store = RDoc::Store.new
  top = store.add_file(path)
  stats = RDoc::Stats.new(store, 0, 0)
  RDoc::Parser::Ruby.new(top, path, source, options, stats).scan
  methods = {}
  classes = {}
  # What RDoc hides (`# :nodoc:`, after `# :stopdoc:`) has no comment in its view: such symbols are not compared.
  store.all_classes_and_modules.each do |owner|
    texts = owner.comment_location.map { |comment, _| text_of(comment) }.reject(&:empty?)
    classes[owner.full_name] = texts if owner.document_self
    owner.method_list.each do |method|
      methods[method.line] = text_of(method.comment) if method.line && method.document_self
    end
  end
  [methods, classes]
end

def text_of(comment)
  text = comment.respond_to?(:text) ? comment.text : comment.to_s
  text.strip
end

# The constant path of `class A::B` as names: ["A", "B"].
def constant_path(node)
  return [] unless node.is_a?(RubyVM::AbstractSyntaxTree::Node)
  case node.type
  when :COLON2 then constant_path(node.children[0]) + [node.children[1].to_s]
  when :COLON3 then [node.children[0].to_s]
  when :CONST then [node.children[0].to_s]
  else [node.source.to_s]
  end
end

def symbols(path)
  source = File.read(path, encoding: "UTF-8")
  tree = RubyVM::AbstractSyntaxTree.parse(source)
  methods, classes = begin
    rdoc_comments(path, source)
  rescue StandardError, SystemStackError => error
    warn "ruby_symbols.rb: #{path}: RDoc failed (#{error.class}), doc comments not compared"
    [{}, {}]
  end
  entries = []
  openings = Hash.new(0)
  walk = lambda do |node, scope, in_type|
    return unless node.is_a?(RubyVM::AbstractSyntaxTree::Node)
    case node.type
    when :CLASS, :MODULE
      names = scope + constant_path(node.children[0])
      openings[names.join("::")] += 1
      entries << { "kind" => "class", "qualified_name" => names.join("."), "line" => node.first_lineno,
                   "end_line" => node.last_lineno, "rdoc_name" => names.join("::") }
      walk.call(node.children.last, names, true)
    when :SCLASS
      # `class << self` holds the class's singleton methods; another receiver's is left out.
      walk.call(node.children.last, scope, in_type) if node.children[0].type == :SELF && in_type
    when :DEFS
      # `def value.to_s`: a method of the object in a local variable, left out.
      return unless %i[SELF CONST COLON2 COLON3].include?(node.children[0].type)

      name = node.children[1].to_s
      entries << { "kind" => in_type ? "method" : "function", "qualified_name" => (scope + [name]).join("."),
                   "line" => node.first_lineno, "end_line" => node.last_lineno, "def_line" => node.first_lineno }
    when :DEFN
      name = node.children[0].to_s
      entries << { "kind" => in_type ? "method" : "function", "qualified_name" => (scope + [name]).join("."),
                   "line" => node.first_lineno, "end_line" => node.last_lineno, "def_line" => node.first_lineno }
    when :ITER, :LAMBDA
      nil
    else
      node.children.each { |child| walk.call(child, scope, in_type) }
    end
  end
  walk.call(tree, [], false)
  entries.map do |entry|
    if (rdoc_name = entry.delete("rdoc_name"))
      texts = classes[rdoc_name]
      entry["docstring"] = texts.first if texts && openings[rdoc_name] == 1 && texts.length <= 1
    else
      text = methods[entry.delete("def_line")]
      entry["docstring"] = text.empty? ? nil : text unless text.nil?
    end
    entry
  end
end

output = {}
ARGV.each do |path|
  output[path] = symbols(path)
rescue SyntaxError, ArgumentError, EncodingError => error
  warn "ruby_symbols.rb: #{path}: #{error.message.lines.first}"
end
puts "{" + output.map { |path, list|
  "\n #{JSON.generate(path)}: [\n  " + list.map { |entry| JSON.generate(entry) }.join(",\n  ") + "\n ]"
}.join(",") + "\n}"
