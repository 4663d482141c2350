extension MessageOverhead {
    /// A function the model may call, reduced to the parts that cost prompt tokens.
    ///
    /// Only top-level parameters are modelled; nested object schemas are not counted, which is one reason the
    /// tool count is an estimate.
    public struct ToolDefinition: Sendable, Hashable, Codable {
        /// One top-level parameter of a function.
        public struct Parameter: Sendable, Hashable, Codable {
            /// The parameter name.
            public var name: String
            /// The JSON schema type, such as `string`.
            public var type: String
            /// The parameter description.
            public var description: String
            /// The allowed values, if the schema has an `enum`.
            public var enumValues: [String]

            /// Creates a parameter.
            public init(name: String, type: String, description: String = "", enumValues: [String] = []) {
                self.name = name
                self.type = type
                self.description = description
                self.enumValues = enumValues
            }
        }

        /// The function name.
        public var name: String
        /// The function description.
        public var description: String
        /// The top-level parameters.
        public var parameters: [Parameter]

        /// Creates a tool definition.
        public init(name: String, description: String = "", parameters: [Parameter] = []) {
            self.name = name
            self.description = description
            self.parameters = parameters
        }
    }

    /// The constants of OpenAI's cookbook approximation for tool definitions ("Counting tokens for chat
    /// completions API calls with tools").
    ///
    /// The cookbook calls these numbers approximate; the server's real serialisation is undocumented.
    public struct ToolCosts: Sendable, Hashable, Codable {
        /// Tokens at the start of each function.
        public var functionStart: Int
        /// Tokens at the start of a function's property list.
        public var propertiesStart: Int
        /// Tokens per property.
        public var propertyKey: Int
        /// Tokens at the start of a property's enum list (negative in the cookbook).
        public var enumStart: Int
        /// Tokens per enum value, besides the value's own tokens.
        public var enumItem: Int
        /// Tokens after the last function.
        public var functionsEnd: Int

        /// Creates a constant table.
        public init(
            functionStart: Int,
            propertiesStart: Int,
            propertyKey: Int,
            enumStart: Int,
            enumItem: Int,
            functionsEnd: Int
        ) {
            self.functionStart = functionStart
            self.propertiesStart = propertiesStart
            self.propertyKey = propertyKey
            self.enumStart = enumStart
            self.enumItem = enumItem
            self.functionsEnd = functionsEnd
        }

        /// The cookbook's constants for gpt-4o and gpt-4o-mini (7, 3, 3, −3, 3, 12).
        public static let gpt4o = ToolCosts(
            functionStart: 7,
            propertiesStart: 3,
            propertyKey: 3,
            enumStart: -3,
            enumItem: 3,
            functionsEnd: 12
        )

        /// The cookbook's constants for gpt-3.5-turbo and gpt-4 (10, 3, 3, −3, 3, 12).
        public static let gpt4 = ToolCosts(
            functionStart: 10,
            propertiesStart: 3,
            propertyKey: 3,
            enumStart: -3,
            enumItem: 3,
            functionsEnd: 12
        )
    }

    /// Approximates the prompt tokens of tool definitions with the cookbook's rule.
    ///
    /// For each function: ``ToolCosts/functionStart`` + tokens(`name:description`) and, if it has parameters,
    /// ``ToolCosts/propertiesStart`` + for each parameter ``ToolCosts/propertyKey`` +
    /// tokens(`name:type:description`) + its enum costs. A final trailing period is dropped from descriptions,
    /// as the cookbook does. ``ToolCosts/functionsEnd`` is added once when there is at least one tool.
    ///
    /// - Complexity: O(*n*) in the total UTF-8 length of the definitions.
    /// - Parameters:
    ///   - tools: The tool definitions.
    ///   - counter: The model's encoding.
    /// - Returns: An estimate in tokens; 0 for no tools.
    public func estimateTokens(in tools: [ToolDefinition], using counter: any Tokenizer) -> Int {
        guard !tools.isEmpty else { return 0 }
        let costs = toolCosts
        var tokens = 0
        for tool in tools {
            tokens += costs.functionStart
            tokens += counter.countTokens(in: tool.name + ":" + Self.droppingFinalPeriod(tool.description))
            guard !tool.parameters.isEmpty else { continue }
            tokens += costs.propertiesStart
            for parameter in tool.parameters {
                tokens += costs.propertyKey
                if !parameter.enumValues.isEmpty {
                    tokens += costs.enumStart
                    for value in parameter.enumValues {
                        tokens += costs.enumItem + counter.countTokens(in: value)
                    }
                }
                let description = Self.droppingFinalPeriod(parameter.description)
                tokens += counter.countTokens(in: "\(parameter.name):\(parameter.type):\(description)")
            }
        }
        return tokens + costs.functionsEnd
    }

    private static func droppingFinalPeriod(_ text: String) -> String {
        text.hasSuffix(".") ? String(text.dropLast()) : text
    }
}
