/// A request the read API refuses, answered `400` with webmention.io's error shape:
/// `{"error": "invalid_input", "error_description": "…"}`.
struct ReadAPIError: Error, Equatable {
    /// What was wrong and what was expected, naming the parameter.
    let description: String

    init(_ description: String) {
        self.description = description
    }

    static func parameter(_ name: String, _ value: String, expected: String) -> ReadAPIError {
        ReadAPIError("\(name)=\(value.prefix(80)) is not \(expected)")
    }
}
