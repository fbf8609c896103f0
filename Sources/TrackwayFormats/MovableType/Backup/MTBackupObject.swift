/// One object of a Movable Type backup as the reader keeps it: the element's name, its
/// whitelisted attributes (scalar columns) and text children (`text`, `text_more`, `excerpt`, …).
struct MTBackupObject: Equatable {
    var name: String
    var attributes: [String: String] = [:]
    var children: [String: String] = [:]
    /// The line the element starts on, for warnings.
    var line = 0

    /// The column's text: an attribute, else a child element; empty when the backup omits it
    /// (MT leaves out undefined and empty columns).
    subscript(_ column: String) -> String {
        attributes[column] ?? children[column] ?? ""
    }

    /// The column as an integer; nil when absent or not a number.
    func int(_ column: String) -> Int? {
        Int(self[column].trimmingWhitespace())
    }

    /// The column as a positive id; nil for absent, 0 (MT's "none") or not a number.
    func id(_ column: String) -> Int? {
        int(column).flatMap { $0 > 0 ? $0 : nil }
    }
}
