import TrackwayXML

/// An element of a Movable Type backup that Trackway reads: its name, which of the converter's
/// machines takes it, and the columns read of it, in one table made once.
///
/// ```swift
/// let element = MTBackupSchema.elements["tag"]       // kind .tag, columns id and name
/// element?.position(of: .name)                      // 1: the index in `columns` and `names`
/// ```
final class MTBackupElement: Sendable {
    /// What the converter makes of the element.
    enum Kind {
        case site, author, category, entry, placement, tag, objectTag, trackback, ping, comment, asset, fileInfo
    }

    /// The element's local name (`entry`, `page`, `image`, …).
    let name: String
    let kind: Kind
    /// The columns read, in the order of `names`.
    let columns: [MTBackupColumn]
    /// The columns' backup names, as the XML reader matches them.
    let names: XMLNameList
    /// Each column's index in `columns`, by its raw value; -1 for a column not read.
    private let positions: [Int]

    init(name: String, kind: Kind, columns: [MTBackupColumn]) {
        // `MTBackupObject` keeps a bit per column.
        precondition(columns.count <= 64, "an element reads at most 64 columns")
        self.name = name
        self.kind = kind
        self.columns = columns
        names = XMLNameList(columns.map(\.name))
        var positions = [Int](repeating: -1, count: MTBackupColumn.allCases.count)
        for (index, column) in columns.enumerated() { positions[column.rawValue] = index }
        self.positions = positions
    }

    /// The index of `column` in `columns`; nil when the element's column is not read.
    func position(of column: MTBackupColumn) -> Int? {
        let position = positions[column.rawValue]
        return position < 0 ? nil : position
    }
}
