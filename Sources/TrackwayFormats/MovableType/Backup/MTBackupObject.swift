/// One object of a Movable Type backup as the reader keeps it: its element, the text of each
/// column read (scalar columns are attributes, `text`, `text_more`, `excerpt`, … text children)
/// and the line it starts on.
///
/// The texts sit in one array in the order of the element's columns, filled as the reader meets
/// them, and the converter finds a column by its index (`MTBackupElement.position(of:)`): an
/// object costs one allocation besides its texts, and a lookup no string comparison.
///
/// ```swift
/// object[.blogID]   // "2"; empty when the backup omits the column
/// object.id(.entryID)
/// ```
struct MTBackupObject {
    let element: MTBackupElement
    /// The columns' texts, in the order of `element.columns`.
    private var texts: [String]
    /// The columns written as attributes, a bit each by position: an attribute wins over a text
    /// child of the same column, which MT never writes both of.
    private var fromAttributes: UInt64 = 0
    /// The line the element starts on, for warnings.
    var line: Int

    init(element: MTBackupElement, line: Int) {
        self.element = element
        texts = [String](repeating: "", count: element.columns.count)
        self.line = line
    }

    /// The element's name (`entry`, `page`, …).
    var name: String { element.name }

    /// Sets the column at `position` (in `element.columns`) from an attribute; the last one
    /// written wins (attribute names are unique in an element but for their prefix).
    mutating func setAttribute(at position: Int, _ text: String) {
        texts[position] = text
        fromAttributes |= 1 << UInt64(position)
    }

    /// Sets the column at `position` from a text child, unless an attribute set it; the last
    /// child written wins.
    mutating func setChild(at position: Int, _ text: String) {
        guard fromAttributes & (1 << UInt64(position)) == 0 else { return }
        texts[position] = text
    }

    /// The column's text; empty when the backup omits it (MT leaves out undefined and empty
    /// columns) or the element's columns do not include it.
    subscript(_ column: MTBackupColumn) -> String {
        element.position(of: column).map { texts[$0] } ?? ""
    }

    /// The column as an integer; nil when absent or not a number.
    func int(_ column: MTBackupColumn) -> Int? {
        Int(self[column].trimmingWhitespace())
    }

    /// The column as a positive id; nil for absent, 0 (MT's "none") or not a number.
    func id(_ column: MTBackupColumn) -> Int? {
        int(column).flatMap { $0 > 0 ? $0 : nil }
    }
}
