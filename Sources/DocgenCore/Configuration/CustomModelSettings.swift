/// A model that configuration adds to the registry or overrides in it (`models:` in `.docgen.yml`).
///
/// ```yaml
/// models:
///   my-llama:
///     context_window: 32768
///     max_output_tokens: 4096
///     encoding: cl100k_base
///     input_price_per_million: 0
///     output_price_per_million: 0
/// ```
public struct CustomModelSettings: Sendable, Equatable {
    /// The model name as sent in requests.
    public var name: String
    /// A registry model whose facts fill in what is not given here.
    public var base: String?
    /// The context window in tokens; required unless `base` names a known model.
    public var contextWindow: Int?
    /// The most completion tokens the model returns.
    public var maxOutputTokens: Int?
    /// `cl100k_base` or `o200k_base`.
    public var encoding: String?
    /// USD per million prompt tokens.
    public var inputPricePerMillion: Double?
    /// USD per million completion tokens.
    public var outputPricePerMillion: Double?
    /// `max_tokens` or `max_completion_tokens`.
    public var outputField: String?

    /// Creates settings.
    public init(
        name: String,
        base: String? = nil,
        contextWindow: Int? = nil,
        maxOutputTokens: Int? = nil,
        encoding: String? = nil,
        inputPricePerMillion: Double? = nil,
        outputPricePerMillion: Double? = nil,
        outputField: String? = nil
    ) {
        self.name = name
        self.base = base
        self.contextWindow = contextWindow
        self.maxOutputTokens = maxOutputTokens
        self.encoding = encoding
        self.inputPricePerMillion = inputPricePerMillion
        self.outputPricePerMillion = outputPricePerMillion
        self.outputField = outputField
    }

    static let keys = [
        "base", "context_window", "max_output_tokens", "encoding", "input_price_per_million",
        "output_price_per_million", "output_field",
    ]

    /// Reads one entry of `models:`.
    init(name: String, yaml: Any, origin: String) throws {
        self.init(name: name)
        guard let mapping = yaml as? [AnyHashable: Any] else {
            throw ConfigurationError.invalidModel(
                name: name, detail: "expected a mapping of model facts", origin: origin)
        }
        for (rawKey, value) in mapping {
            let key = String(describing: rawKey)
            func integer() throws -> Int {
                guard let number = value as? Int, number > 0 else {
                    throw ConfigurationError.invalidModel(
                        name: name, detail: "'\(key)' must be a whole number above 0", origin: origin)
                }
                return number
            }
            func price() throws -> Double {
                let number = (value as? Double) ?? (value as? Int).map(Double.init)
                guard let number, number >= 0, number.isFinite else {
                    throw ConfigurationError.invalidModel(
                        name: name, detail: "'\(key)' must be a price in USD per million tokens, 0 or more",
                        origin: origin)
                }
                return number
            }
            switch key {
            case "base": base = String(describing: value)
            case "context_window": contextWindow = try integer()
            case "max_output_tokens": maxOutputTokens = try integer()
            case "encoding": encoding = String(describing: value)
            case "input_price_per_million": inputPricePerMillion = try price()
            case "output_price_per_million": outputPricePerMillion = try price()
            case "output_field":
                let field = String(describing: value)
                guard field == "max_tokens" || field == "max_completion_tokens" else {
                    throw ConfigurationError.invalidModel(
                        name: name, detail: "'output_field' must be max_tokens or max_completion_tokens", origin: origin
                    )
                }
                outputField = field
            default:
                throw ConfigurationError.unknownKey(
                    key: "models.\(name).\(key)", origin: origin, suggestion: closest(to: key, in: Self.keys))
            }
        }
    }
}
