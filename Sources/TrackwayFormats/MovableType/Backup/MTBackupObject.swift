/// One object of a Movable Type backup as the reader keeps it: the element's name, its
/// whitelisted attributes (scalar columns) and text children (`text`, `text_more`, `excerpt`, …).
///
/// The columns are short lists searched in order, not dictionaries: an object has a dozen at
/// most, and the converter reads each once or twice, so hashing every name cost more than the
/// comparisons (the names are mostly small strings, compared in a word or two).
struct MTBackupObject: Equatable {
    /// A column as the backup wrote it.
    struct Field: Equatable {
        var column: String
        var text: String
    }

    var name: String
    /// The attributes read, in document order.
    private(set) var attributes: [Field] = []
    /// The text children read, each column once (the last one written wins).
    private(set) var children: [Field] = []
    /// The line the element starts on, for warnings.
    var line = 0

    init(name: String, attributes: [(name: String, value: String)], line: Int) {
        self.name = name
        // Attribute names are unique in an element but for their prefix; the last one wins, as a
        // child column's does.
        for (column, text) in attributes { Self.set(column, text, in: &self.attributes) }
        self.line = line
    }

    /// Sets the text child `column`.
    mutating func setChild(_ column: String, _ text: String) {
        Self.set(column, text, in: &children)
    }

    /// The column's text: an attribute, else a child element; empty when the backup omits it
    /// (MT leaves out undefined and empty columns).
    subscript(_ column: String) -> String {
        if let field = attributes.first(where: { $0.column == column }) { return field.text }
        return children.first(where: { $0.column == column })?.text ?? ""
    }

    /// The column as an integer; nil when absent or not a number.
    func int(_ column: String) -> Int? {
        Int(self[column].trimmingWhitespace())
    }

    /// The column as a positive id; nil for absent, 0 (MT's "none") or not a number.
    func id(_ column: String) -> Int? {
        int(column).flatMap { $0 > 0 ? $0 : nil }
    }

    private static func set(_ column: String, _ text: String, in fields: inout [Field]) {
        if let index = fields.firstIndex(where: { $0.column == column }) {
            fields[index].text = text
        } else {
            fields.append(Field(column: column, text: text))
        }
    }
}
